package org.lwaftr.slowpath;

import org.onlab.packet.Ip6Address;

import java.util.Arrays;

/**
 * Bounds-checked read access to an IPv6 packet inside a byte array (see {@link Ipv4View} for why
 * the slow path reads headers itself).
 */
final class Ipv6View {

    static final int HEADER = 40;
    static final int NH_IPV4 = 4;
    static final int NH_FRAGMENT = 44;
    static final int NH_ICMPV6 = 58;
    static final int NH_DSTOPTS = 60;

    final byte[] b;
    final int off;
    final int payloadLength;

    private Ipv6View(byte[] b, int off, int payloadLength) {
        this.b = b;
        this.off = off;
        this.payloadLength = payloadLength;
    }

    /**
     * @param b         bytes
     * @param off       where the IPv6 header starts
     * @param available bytes from off on
     * @return the view, trimmed to the payload length
     * @throws Malformed if truncated or not IPv6
     */
    static Ipv6View parse(byte[] b, int off, int available) {
        Malformed.check(available >= HEADER, "IPv6 header truncated");
        Malformed.check((b[off] & 0xf0) == 0x60, "not IPv6");
        int len = Checksums.getShort(b, off + 4);
        Malformed.check(HEADER + len <= available, "IPv6 payload length " + len + " exceeds the "
                + (available - HEADER) + " bytes received");
        return new Ipv6View(b, off, len);
    }

    int trafficClass() {
        return (Checksums.getShort(b, off) >>> 4) & 0xff;
    }

    int flowLabel() {
        return ((b[off + 1] & 0x0f) << 16) | Checksums.getShort(b, off + 2);
    }

    int nextHeader() {
        return b[off + 6] & 0xff;
    }

    int hopLimit() {
        return b[off + 7] & 0xff;
    }

    byte[] srcBytes() {
        return Arrays.copyOfRange(b, off + 8, off + 24);
    }

    byte[] dstBytes() {
        return Arrays.copyOfRange(b, off + 24, off + 40);
    }

    Ip6Address src() {
        return Ip6Address.valueOf(srcBytes());
    }

    Ip6Address dst() {
        return Ip6Address.valueOf(dstBytes());
    }

    int payloadOffset() {
        return off + HEADER;
    }

    int totalLength() {
        return HEADER + payloadLength;
    }

    /** @return a copy of the packet */
    byte[] bytes() {
        return Arrays.copyOfRange(b, off, off + totalLength());
    }

    /**
     * The encapsulated IPv4 packet as the data plane accepts it (RFC 2473): right after the IPv6
     * header, or after one 8-byte Destination Options header (Linux ip6tnl's encapsulation limit).
     *
     * @return its offset, or -1 if the payload is not an IPv4 packet
     */
    int ipv4PayloadOffset() {
        if (nextHeader() == NH_IPV4) {
            return payloadOffset();
        }
        int p = payloadOffset();
        if (nextHeader() == NH_DSTOPTS && payloadLength >= 8 && (b[p] & 0xff) == NH_IPV4 && b[p + 1] == 0) {
            return p + 8;
        }
        return -1;
    }

    /** @return the encapsulated IPv4 packet, or null if there is none */
    Ipv4View innerIpv4() {
        int p = ipv4PayloadOffset();
        return p < 0 ? null : Ipv4View.parse(b, p, off + totalLength() - p);
    }

    /** @return true if the source is multicast or unspecified (RFC 4443 §2.4(e)) */
    boolean srcNotUnique() {
        if ((b[off + 8] & 0xff) == 0xff) {
            return true;
        }
        for (int i = off + 8; i < off + 24; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** @return true if the destination is multicast */
    boolean dstMulticast() {
        return (b[off + 24] & 0xff) == 0xff;
    }
}
