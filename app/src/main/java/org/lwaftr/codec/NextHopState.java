package org.lwaftr.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.DeviceSettingsCodec;
import org.lwaftr.config.SideSettings;
import org.onlab.packet.IpAddress;
import org.onlab.packet.MacAddress;

import java.util.List;

/**
 * Where one side of a device forwards to: the next hop's MAC as configured ({@code next-hop-mac}),
 * or its IP ({@code next-hop-ip}) and the MAC resolved for it, if any yet. Until it is resolved the
 * data plane has no next_hop entry for that direction and drops (NO_NEXT_HOP).
 */
public final class NextHopState {
    /** The next hop's MAC comes from the configuration. */
    public static final String CONFIGURED = "configured";
    /** The MAC was resolved (ARP / neighbour discovery) for the configured IP. */
    public static final String RESOLVED = "resolved";
    /** The configured IP has no MAC yet. */
    public static final String UNRESOLVED = "unresolved";

    private final String side;
    private final IpAddress ip;
    private final MacAddress mac;

    private NextHopState(String side, IpAddress ip, MacAddress mac) {
        this.side = side;
        this.ip = ip;
        this.mac = mac;
    }

    /**
     * @param settings a device's settings with its resolved next hops
     * @return the lwB4 side's next hop, then the Internet side's
     */
    public static List<NextHopState> of(DeviceSettings settings) {
        return List.of(of(DeviceSettingsCodec.LWB4_SIDE, settings.lwb4Side()),
                of(DeviceSettingsCodec.INTERNET_SIDE, settings.internetSide()));
    }

    private static NextHopState of(String side, SideSettings s) {
        return new NextHopState(side, s.nextHopIp(), s.nextHopMac());
    }

    /** @return the netcfg name of the side ({@code lwb4-side}, {@code internet-side}) */
    public String side() {
        return side;
    }

    /** @return the configured next-hop IP, or null if the MAC is configured */
    public IpAddress ip() {
        return ip;
    }

    /** @return the MAC packets leave with, or null while unresolved */
    public MacAddress mac() {
        return mac;
    }

    /** @return {@link #CONFIGURED}, {@link #RESOLVED} or {@link #UNRESOLVED} */
    public String state() {
        return ip == null ? CONFIGURED : mac == null ? UNRESOLVED : RESOLVED;
    }

    /** @return {@code {state, next-hop-ip?, next-hop-mac?}} */
    public ObjectNode toJson() {
        ObjectNode o = SoftwireCodec.MAPPER.createObjectNode();
        o.put("state", state());
        if (ip != null) {
            o.put(DeviceSettingsCodec.NEXT_HOP_IP, ip.toString());
        }
        if (mac != null) {
            o.put(DeviceSettingsCodec.NEXT_HOP_MAC, mac.toString());
        }
        return o;
    }

    /** @return one line: {@code lwb4-side 2001:db8::fe → 02:00:00:00:00:fe (resolved)} */
    @Override
    public String toString() {
        return side + " " + (ip == null ? "" : ip + " → ") + (mac == null ? "?" : mac.toString()) + " (" + state() + ")";
    }
}
