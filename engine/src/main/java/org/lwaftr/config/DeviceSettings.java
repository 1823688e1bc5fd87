package org.lwaftr.config;

import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.MacAddress;

import java.util.List;
import java.util.Objects;

/**
 * One AFTR device's settings (netcfg {@code devices/<id>/lwaftr}): port roles, the two sides, the
 * AFTR's own addresses and the BR addresses it answers for. Immutable; parsed by
 * {@link DeviceSettingsCodec}.
 */
public final class DeviceSettings {
    private final SideSettings lwb4Side;
    private final SideSettings internetSide;
    private final List<PortBinding> ports;
    private final List<Ip4Address> aftrIpv4;
    private final List<Ip6Address> aftrIpv6;
    private final List<Ip6Address> brAddresses;

    /**
     * @param lwb4Side     egress toward the lwB4s
     * @param internetSide egress toward the Internet
     * @param ports        the port roles
     * @param aftrIpv4     the AFTR's IPv4 addresses (ICMP/ARP targets, ICMPv4 error source)
     * @param aftrIpv6     the AFTR's own IPv6 addresses on the lwB4 side (NDP, ICMPv6 error source)
     * @param brAddresses  BR addresses to answer for even before a softwire uses them
     */
    public DeviceSettings(SideSettings lwb4Side, SideSettings internetSide, List<PortBinding> ports,
                          List<Ip4Address> aftrIpv4, List<Ip6Address> aftrIpv6, List<Ip6Address> brAddresses) {
        this.lwb4Side = Objects.requireNonNull(lwb4Side);
        this.internetSide = Objects.requireNonNull(internetSide);
        this.ports = List.copyOf(ports);
        this.aftrIpv4 = List.copyOf(aftrIpv4);
        this.aftrIpv6 = List.copyOf(aftrIpv6);
        this.brAddresses = List.copyOf(brAddresses);
    }

    /** @return egress toward the lwB4s */
    public SideSettings lwb4Side() {
        return lwb4Side;
    }

    /** @return egress toward the Internet */
    public SideSettings internetSide() {
        return internetSide;
    }

    /**
     * @param lwb4     the MAC learned for the lwB4 side's next-hop-ip (null: unresolved)
     * @param internet the MAC learned for the Internet side's next-hop-ip (null: unresolved)
     * @return these settings with the learned next hops (a side configured by MAC keeps its MAC)
     */
    public DeviceSettings withLearnedNextHops(MacAddress lwb4, MacAddress internet) {
        SideSettings l = lwb4Side.withLearnedMac(lwb4);
        SideSettings i = internetSide.withLearnedMac(internet);
        if (l == lwb4Side && i == internetSide) {
            return this;
        }
        return new DeviceSettings(l, i, ports, aftrIpv4, aftrIpv6, brAddresses);
    }

    /** @return the port roles */
    public List<PortBinding> ports() {
        return ports;
    }

    /** @return the AFTR's IPv4 addresses */
    public List<Ip4Address> aftrIpv4() {
        return aftrIpv4;
    }

    /** @return the AFTR's IPv6 addresses */
    public List<Ip6Address> aftrIpv6() {
        return aftrIpv6;
    }

    /** @return configured BR addresses */
    public List<Ip6Address> brAddresses() {
        return brAddresses;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DeviceSettings)) {
            return false;
        }
        DeviceSettings d = (DeviceSettings) o;
        return lwb4Side.equals(d.lwb4Side) && internetSide.equals(d.internetSide) && ports.equals(d.ports)
                && aftrIpv4.equals(d.aftrIpv4) && aftrIpv6.equals(d.aftrIpv6) && brAddresses.equals(d.brAddresses);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lwb4Side, internetSide, ports, aftrIpv4, aftrIpv6, brAddresses);
    }

    @Override
    public String toString() {
        return "lwb4-side{" + lwb4Side + "} internet-side{" + internetSide + "} ports " + ports
                + " aftr-ipv4 " + aftrIpv4 + " aftr-ipv6 " + aftrIpv6 + " br " + brAddresses;
    }
}
