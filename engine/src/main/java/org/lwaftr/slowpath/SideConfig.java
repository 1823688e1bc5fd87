package org.lwaftr.slowpath;

import org.lwaftr.pipeconf.DataPlaneLimits;
import org.onlab.packet.IpAddress;
import org.onlab.packet.MacAddress;

import java.util.Objects;

/**
 * One side of the lwAFTR as the slow path sends on it: port, VLAN, the AFTR's MAC (source of
 * every frame) and the next hop — its MAC (destination of routed frames), or its IP address that
 * {@link NextHopResolver} resolves — and the largest L3 packet the side carries (IPv6 toward the
 * lwB4s, IPv4 toward the Internet).
 */
public final class SideConfig {

    private final String name;
    private final int port;
    private final int vlan;
    private final MacAddress aftrMac;
    private final MacAddress nextHopMac;
    private final IpAddress nextHopIp;
    private final int mtu;

    /**
     * @param name       field-name prefix used in errors ("lwb4-side", "internet-side")
     * @param port       egress port number ({@link DataPlaneLimits#isDataPort}: not the drop port, not the CPU port)
     * @param vlan       VLAN id, 0 = untagged (0–4094)
     * @param aftrMac    the AFTR's MAC on this side (unicast)
     * @param nextHopMac the next hop's MAC (unicast), or null if given by address
     * @param nextHopIp  the next hop's address to resolve, or null if its MAC is given
     * @param mtu        largest L3 packet on this side
     * @param minMtu     the smallest MTU allowed for this side
     * @throws SlowPathConfigException naming the bad field
     */
    SideConfig(String name, int port, int vlan, MacAddress aftrMac, MacAddress nextHopMac, IpAddress nextHopIp,
               int mtu, int minMtu) {
        this.name = name;
        if (!DataPlaneLimits.isDataPort(port)) {
            throw new SlowPathConfigException(name + ".port", "port " + port + " is outside 0.." + DataPlaneLimits.MAX_PORT
                    + " or the CPU port " + DataPlaneLimits.CPU_PORT);
        }
        if (vlan < 0 || vlan > 4094) {
            throw new SlowPathConfigException(name + ".vlan", "VLAN " + vlan + " is outside 0..4094 (0 = untagged)");
        }
        checkUnicast(name + ".aftr-mac", aftrMac);
        if (nextHopMac != null && nextHopIp != null) {
            throw new SlowPathConfigException(name + ".next-hop-ip", "give next-hop-mac or next-hop-ip, not both");
        }
        if (nextHopIp == null) {
            checkUnicast(name + ".next-hop-mac", nextHopMac);
        }
        if (mtu < minMtu || mtu > 65535) {
            throw new SlowPathConfigException(name + ".mtu", "MTU " + mtu + " is outside " + minMtu + "..65535");
        }
        this.port = port;
        this.vlan = vlan;
        this.aftrMac = aftrMac;
        this.nextHopMac = nextHopMac;
        this.nextHopIp = nextHopIp;
        this.mtu = mtu;
    }

    private static void checkUnicast(String field, MacAddress mac) {
        if (mac == null) {
            throw new SlowPathConfigException(field, "is missing");
        }
        if ((mac.toBytes()[0] & 1) != 0 || mac.equals(MacAddress.ZERO)) {     // group bit: broadcast too
            throw new SlowPathConfigException(field, mac + " is not a unicast MAC address");
        }
    }

    /** @return "lwb4-side" or "internet-side" */
    public String name() {
        return name;
    }

    /** @return egress port */
    public int port() {
        return port;
    }

    /** @return VLAN id, 0 = untagged */
    public int vlan() {
        return vlan;
    }

    /** @return the AFTR's MAC on this side */
    public MacAddress aftrMac() {
        return aftrMac;
    }

    /** @return the next hop's configured MAC, or null if it is resolved from {@link #nextHopIp()} */
    public MacAddress nextHopMac() {
        return nextHopMac;
    }

    /** @return the next hop's address to resolve, or null if its MAC is configured */
    public IpAddress nextHopIp() {
        return nextHopIp;
    }

    /** @return largest L3 packet on this side */
    public int mtu() {
        return mtu;
    }

    /**
     * @param ingressPort a port
     * @param ingressVlan a VLAN id (0 = untagged)
     * @return true if a frame received there arrived on this side
     */
    public boolean matches(int ingressPort, int ingressVlan) {
        return port == ingressPort && vlan == ingressVlan;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SideConfig)) {
            return false;
        }
        SideConfig s = (SideConfig) o;
        return name.equals(s.name) && port == s.port && vlan == s.vlan && aftrMac.equals(s.aftrMac)
                && Objects.equals(nextHopMac, s.nextHopMac) && Objects.equals(nextHopIp, s.nextHopIp) && mtu == s.mtu;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, port, vlan, aftrMac, nextHopMac, nextHopIp, mtu);
    }

    @Override
    public String toString() {
        return name + "{port " + port + ", vlan " + vlan + ", aftr " + aftrMac + ", next hop " + (nextHopMac != null ? nextHopMac : nextHopIp)
                + ", mtu " + mtu + "}";
    }
}
