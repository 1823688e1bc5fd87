package org.lwaftr.config;

import org.lwaftr.filter.PacketFilter;
import org.onlab.packet.IpAddress;
import org.onlab.packet.MacAddress;

import java.util.Objects;

/**
 * How the AFTR sends toward one side: the data plane's {@code next_hop} row (egress port, VLAN,
 * the AFTR's source MAC and the next hop's MAC). The next hop is configured either by its MAC or
 * by its IP address (IPv4 on the Internet side, IPv6 on the lwB4 side), which the slow path
 * resolves (ARP / neighbour discovery); a resolved side carries the learned MAC as well
 * ({@link #withLearnedMac}). A side may also have filters (Snabb's {@code ingress-filter} and
 * {@code egress-filter}): what it lets in and out ({@link #withFilters}).
 */
public final class SideSettings {
    private final int port;
    private final int vlan;
    private final MacAddress aftrMac;
    private final MacAddress nextHopMac;
    private final IpAddress nextHopIp;
    private final MacAddress learnedMac;
    private final PacketFilter ingressFilter;
    private final PacketFilter egressFilter;

    /**
     * A side whose next hop is given by its MAC.
     *
     * @param port       egress port
     * @param vlan       VLAN id, 0 = untagged
     * @param aftrMac    the AFTR's MAC on this side
     * @param nextHopMac the next hop's MAC
     */
    public SideSettings(int port, int vlan, MacAddress aftrMac, MacAddress nextHopMac) {
        this(port, vlan, aftrMac, Objects.requireNonNull(nextHopMac), null, null, null, null);
    }

    /**
     * A side whose next hop is given by its IP address (resolved by the AFTR).
     *
     * @param port      egress port
     * @param vlan      VLAN id, 0 = untagged
     * @param aftrMac   the AFTR's MAC on this side
     * @param nextHopIp the next hop's address
     */
    public SideSettings(int port, int vlan, MacAddress aftrMac, IpAddress nextHopIp) {
        this(port, vlan, aftrMac, null, Objects.requireNonNull(nextHopIp), null, null, null);
    }

    private SideSettings(int port, int vlan, MacAddress aftrMac, MacAddress nextHopMac, IpAddress nextHopIp,
                         MacAddress learnedMac, PacketFilter ingressFilter, PacketFilter egressFilter) {
        this.port = port;
        this.vlan = vlan;
        this.aftrMac = Objects.requireNonNull(aftrMac);
        this.nextHopMac = nextHopMac;
        this.nextHopIp = nextHopIp;
        this.learnedMac = learnedMac;
        this.ingressFilter = ingressFilter;
        this.egressFilter = egressFilter;
    }

    /**
     * @param mac the MAC resolved for {@link #nextHopIp()} (null: not resolved)
     * @return these settings with that MAC as next hop; this if the next hop is given by MAC
     */
    public SideSettings withLearnedMac(MacAddress mac) {
        if (nextHopIp == null || Objects.equals(mac, learnedMac)) {
            return this;
        }
        return new SideSettings(port, vlan, aftrMac, null, nextHopIp, mac, ingressFilter, egressFilter);
    }

    /**
     * @param ingress what this side lets in (null: everything)
     * @param egress  what this side lets out (null: everything)
     * @return these settings with those filters
     */
    public SideSettings withFilters(PacketFilter ingress, PacketFilter egress) {
        return new SideSettings(port, vlan, aftrMac, nextHopMac, nextHopIp, learnedMac, ingress, egress);
    }

    /** @return the filter of frames received on this side, or null (none) */
    public PacketFilter ingressFilter() {
        return ingressFilter;
    }

    /** @return the filter of packets sent toward this side, or null (none) */
    public PacketFilter egressFilter() {
        return egressFilter;
    }

    /** @return the egress port */
    public int port() {
        return port;
    }

    /** @return the VLAN id (0 = untagged) */
    public int vlan() {
        return vlan;
    }

    /** @return the AFTR's MAC on this side */
    public MacAddress aftrMac() {
        return aftrMac;
    }

    /**
     * @return the next hop's MAC: configured, or learned for {@link #nextHopIp()}; null while a
     *         next hop given by IP is unresolved
     */
    public MacAddress nextHopMac() {
        return nextHopMac != null ? nextHopMac : learnedMac;
    }

    /** @return the next hop's MAC as configured (null if given by IP) */
    public MacAddress configuredNextHopMac() {
        return nextHopMac;
    }

    /** @return the next hop's IP address to resolve, or null if its MAC is configured */
    public IpAddress nextHopIp() {
        return nextHopIp;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SideSettings)) {
            return false;
        }
        SideSettings s = (SideSettings) o;
        return port == s.port && vlan == s.vlan && aftrMac.equals(s.aftrMac) && Objects.equals(nextHopMac, s.nextHopMac)
                && Objects.equals(nextHopIp, s.nextHopIp) && Objects.equals(learnedMac, s.learnedMac)
                && Objects.equals(ingressFilter, s.ingressFilter) && Objects.equals(egressFilter, s.egressFilter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(port, vlan, aftrMac, nextHopMac, nextHopIp, learnedMac, ingressFilter, egressFilter);
    }

    @Override
    public String toString() {
        String next = nextHopMac != null ? nextHopMac.toString()
                : nextHopIp + (learnedMac == null ? " (unresolved)" : " at " + learnedMac);
        return "port " + port + (vlan == 0 ? "" : " vlan " + vlan) + " mac " + aftrMac + " next-hop " + next
                + (ingressFilter == null ? "" : " ingress-filter \"" + ingressFilter + "\"")
                + (egressFilter == null ? "" : " egress-filter \"" + egressFilter + "\"");
    }
}
