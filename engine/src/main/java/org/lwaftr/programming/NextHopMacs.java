package org.lwaftr.programming;

import org.lwaftr.config.DeviceSettings;
import org.onlab.packet.MacAddress;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The next-hop MACs each device's slow path resolved for its sides given by IP (RFC 826 ARP,
 * RFC 4861 neighbour discovery), and the device settings with them filled in: what the programmer
 * writes into {@code next_hop} (a side stays unresolved, and its packets are dropped as NO_NEXT_HOP,
 * until then). What was learned stays when a device is no longer programmed here: its resolver keeps
 * it too and reports it again. Both hosts keep their learned MACs here. Thread-safe.
 *
 * @param <D> the host's device identity
 */
public final class NextHopMacs<D> {

    private static final MacAddress[] NONE = new MacAddress[2];

    private final Map<D, MacAddress[]> learned = new ConcurrentHashMap<>();

    /**
     * @param device a device
     * @param lwb4   its lwB4 side's learned next-hop MAC, or null
     * @param inet   its Internet side's learned next-hop MAC, or null
     * @return true if this is the device's first report or changed what was learned (its next_hop
     *         entries must be rewritten)
     */
    public boolean update(D device, MacAddress lwb4, MacAddress inet) {
        MacAddress[] before = learned.put(device, new MacAddress[]{lwb4, inet});
        return before == null || !Objects.equals(before[0], lwb4) || !Objects.equals(before[1], inet);
    }

    /**
     * @param device   a device
     * @param settings its settings (null: none)
     * @return the settings with the MACs learned for their next-hop-ip sides
     */
    public DeviceSettings resolve(D device, DeviceSettings settings) {
        if (settings == null) {
            return null;
        }
        MacAddress[] m = learned.getOrDefault(device, NONE);
        return settings.withLearnedNextHops(m[0], m[1]);
    }

    /** Forgets what was learned for the device (its next hops are reported again as new). */
    public void forget(D device) {
        learned.remove(device);
    }
}
