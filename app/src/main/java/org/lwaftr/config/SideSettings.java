package org.lwaftr.config;

import org.onlab.packet.MacAddress;

import java.util.Objects;

/**
 * How the AFTR sends toward one side: the data plane's {@code next_hop} row (egress port, VLAN,
 * the AFTR's source MAC and the next hop's MAC).
 */
public final class SideSettings {
    private final int port;
    private final int vlan;
    private final MacAddress aftrMac;
    private final MacAddress nextHopMac;

    /**
     * @param port       egress port
     * @param vlan       VLAN id, 0 = untagged
     * @param aftrMac    the AFTR's MAC on this side
     * @param nextHopMac the next hop's MAC
     */
    public SideSettings(int port, int vlan, MacAddress aftrMac, MacAddress nextHopMac) {
        this.port = port;
        this.vlan = vlan;
        this.aftrMac = Objects.requireNonNull(aftrMac);
        this.nextHopMac = Objects.requireNonNull(nextHopMac);
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

    /** @return the next hop's MAC */
    public MacAddress nextHopMac() {
        return nextHopMac;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SideSettings)) {
            return false;
        }
        SideSettings s = (SideSettings) o;
        return port == s.port && vlan == s.vlan && aftrMac.equals(s.aftrMac) && nextHopMac.equals(s.nextHopMac);
    }

    @Override
    public int hashCode() {
        return Objects.hash(port, vlan, aftrMac, nextHopMac);
    }

    @Override
    public String toString() {
        return "port " + port + (vlan == 0 ? "" : " vlan " + vlan) + " mac " + aftrMac + " next-hop " + nextHopMac;
    }
}
