package org.lwaftr.config;

import org.onlab.packet.MacAddress;

import java.util.Objects;

/**
 * One row of the data plane's {@code port_side} table: frames arriving on (port, VLAN) face
 * {@link #role()} and are for the AFTR when sent to {@link #aftrMac()}.
 */
public final class PortBinding {
    private final int port;
    private final int vlan;
    private final PortRole role;
    private final MacAddress aftrMac;

    /**
     * @param port    data-plane port number
     * @param vlan    VLAN id, 0 = untagged
     * @param role    the side it faces
     * @param aftrMac the AFTR's MAC on it
     */
    public PortBinding(int port, int vlan, PortRole role, MacAddress aftrMac) {
        this.port = port;
        this.vlan = vlan;
        this.role = Objects.requireNonNull(role);
        this.aftrMac = Objects.requireNonNull(aftrMac);
    }

    /** @return the port */
    public int port() {
        return port;
    }

    /** @return the VLAN id (0 = untagged) */
    public int vlan() {
        return vlan;
    }

    /** @return the role */
    public PortRole role() {
        return role;
    }

    /** @return the AFTR's MAC on this port/VLAN */
    public MacAddress aftrMac() {
        return aftrMac;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PortBinding)) {
            return false;
        }
        PortBinding p = (PortBinding) o;
        return port == p.port && vlan == p.vlan && role == p.role && aftrMac.equals(p.aftrMac);
    }

    @Override
    public int hashCode() {
        return Objects.hash(port, vlan, role, aftrMac);
    }

    @Override
    public String toString() {
        return "port " + port + (vlan == 0 ? "" : " vlan " + vlan) + " " + role.jsonName() + " mac " + aftrMac;
    }
}
