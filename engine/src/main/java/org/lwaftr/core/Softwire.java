package org.lwaftr.core;

import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;

import java.util.Objects;

/**
 * One softwire (RFC 7596 §5.2 binding table entry): an IPv4 address, a port set of it, the lwB4's
 * IPv6 tunnel endpoint and the BR (AFTR) IPv6 address that terminates the tunnel.
 *
 * <p>Kept compact on purpose (a million of them fit in a few hundred MB): the IPv4 address is an
 * int, the lwB4 address two longs, port sets are interned and BR addresses are shared by the
 * binding table. Field names in errors follow RFC 8676 {@code ietf-softwire-br}.
 */
public final class Softwire {

    /** RFC 8676 field names. */
    public static final String F_IPV4 = "binding-ipv4-addr";
    public static final String F_B4 = "binding-ipv6info";
    public static final String F_BR = "br-ipv6-addr";
    public static final String F_PSID = "psid";
    public static final String F_PSID_OFFSET = "psid-offset";
    public static final String F_PSID_LEN = "psid-len";

    private final int ipv4;
    private final PortSet portSet;
    private final long b4Hi;
    private final long b4Lo;
    private final Ip6Address br;

    private Softwire(int ipv4, PortSet portSet, long b4Hi, long b4Lo, Ip6Address br) {
        this.ipv4 = ipv4;
        this.portSet = portSet;
        this.b4Hi = b4Hi;
        this.b4Lo = b4Lo;
        this.br = br;
    }

    /**
     * Builds a validated softwire.
     *
     * @param ipv4    the shared IPv4 address (unicast)
     * @param portSet its port set
     * @param lwb4    the lwB4's IPv6 address (unicast)
     * @param br      the BR address (unicast)
     * @return the softwire
     * @throws InvalidBindingException naming the bad field
     */
    public static Softwire of(Ip4Address ipv4, PortSet portSet, Ip6Address lwb4, Ip6Address br) {
        if (ipv4 == null) {
            throw new InvalidBindingException(F_IPV4, F_IPV4 + " is missing");
        }
        if (lwb4 == null) {
            throw new InvalidBindingException(F_B4, F_B4 + " is missing");
        }
        byte[] b = lwb4.toOctets();
        return of(ipv4.toInt(), portSet, Addresses.high(b), Addresses.low(b), br);
    }

    /**
     * Builds a validated softwire from packed values (for bulk importers: no per-entry address
     * objects).
     *
     * @param ipv4      the shared IPv4 address as an int (unicast)
     * @param portSet   its port set
     * @param lwb4High  upper 64 bits of the lwB4's IPv6 address
     * @param lwb4Low   lower 64 bits of the lwB4's IPv6 address
     * @param br        the BR address (unicast)
     * @return the softwire
     * @throws InvalidBindingException naming the bad field
     */
    public static Softwire of(int ipv4, PortSet portSet, long lwb4High, long lwb4Low, Ip6Address br) {
        if (portSet == null) {
            throw new InvalidBindingException(F_PSID, "port set is missing");
        }
        if (br == null) {
            throw new InvalidBindingException(F_BR, F_BR + " is missing");
        }
        String why = Addresses.ipv4NotUnicast(ipv4);
        if (why != null) {
            throw new InvalidBindingException(F_IPV4, F_IPV4 + " " + Ip4Address.valueOf(ipv4)
                    + " is not a unicast address: " + why);
        }
        why = Addresses.ipv6NotUnicast(lwb4High, lwb4Low);
        if (why != null) {
            throw new InvalidBindingException(F_B4, F_B4 + " " + Ip6Address.valueOf(Addresses.octets(lwb4High,
                    lwb4Low)) + " is not a unicast address: " + why);
        }
        why = Addresses.ipv6NotUnicast(br);
        if (why != null) {
            throw new InvalidBindingException(F_BR, F_BR + " " + br + " is not a unicast address: " + why);
        }
        return new Softwire(ipv4, portSet, lwb4High, lwb4Low, br);
    }

    /**
     * @param psidOffset a
     * @param psidLength k
     * @param psid       PSID
     * @return a port set, with errors naming the field
     */
    public static PortSet portSet(int psidOffset, int psidLength, int psid) {
        try {
            return PortSet.of(psidOffset, psidLength, psid);
        } catch (IllegalArgumentException e) {
            String field = e.getMessage().startsWith("psid-offset") ? F_PSID_OFFSET
                    : e.getMessage().startsWith("psid-len") ? F_PSID_LEN : F_PSID;
            throw new InvalidBindingException(field, e.getMessage());
        }
    }

    /** @return the IPv4 address as an int */
    public int ipv4Int() {
        return ipv4;
    }

    /** @return the IPv4 address */
    public Ip4Address ipv4() {
        return Ip4Address.valueOf(ipv4);
    }

    /** @return the port set */
    public PortSet portSet() {
        return portSet;
    }

    /** @return the PSID (0 for a whole address) */
    public int psid() {
        return portSet.psid();
    }

    /** @return the lwB4 IPv6 address */
    public Ip6Address lwb4() {
        return Ip6Address.valueOf(Addresses.octets(b4Hi, b4Lo));
    }

    /** @return upper 64 bits of the lwB4 address */
    public long lwb4High() {
        return b4Hi;
    }

    /** @return lower 64 bits of the lwB4 address */
    public long lwb4Low() {
        return b4Lo;
    }

    /** @return the BR IPv6 address */
    public Ip6Address br() {
        return br;
    }

    /** @return the binding-table key of this softwire */
    public SoftwireKey key() {
        return new SoftwireKey(ipv4, portSet.psid());
    }

    /**
     * @param sharedBr the BR object to share (equal to this one's)
     * @return this softwire, holding {@code sharedBr}
     */
    Softwire withSharedBr(Ip6Address sharedBr) {
        return sharedBr == br ? this : new Softwire(ipv4, portSet, b4Hi, b4Lo, sharedBr);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Softwire)) {
            return false;
        }
        Softwire s = (Softwire) o;
        return ipv4 == s.ipv4 && b4Hi == s.b4Hi && b4Lo == s.b4Lo
                && portSet.equals(s.portSet) && br.equals(s.br);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ipv4, portSet, b4Hi, b4Lo, br);
    }

    @Override
    public String toString() {
        return ipv4() + " " + portSet + " lwB4 " + lwb4() + " BR " + br;
    }
}
