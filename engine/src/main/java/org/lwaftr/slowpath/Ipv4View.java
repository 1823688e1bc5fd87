package org.lwaftr.slowpath;

import org.onlab.packet.Ip4Address;

import java.util.Arrays;

/**
 * Bounds-checked read access to an IPv4 datagram inside a byte array. ONOS's IPv4 deserialiser
 * also parses the payload by protocol, and so rejects (or misreads) fragments whose payload is not
 * a whole L4 header; the slow path only needs header fields and raw bytes, read here. Packets
 * are built with ONOS.
 */
final class Ipv4View {

    static final int PROTO_ICMP = 1;
    static final int PROTO_TCP = 6;
    static final int PROTO_UDP = 17;

    final byte[] b;
    final int off;
    final int headerLength;
    final int totalLength;

    private Ipv4View(byte[] b, int off, int headerLength, int totalLength) {
        this.b = b;
        this.off = off;
        this.headerLength = headerLength;
        this.totalLength = totalLength;
    }

    /**
     * @param b         bytes
     * @param off       where the IPv4 header starts
     * @param available bytes from off on (trailing link padding allowed)
     * @return the view, trimmed to the total length
     * @throws Malformed for truncation, bad version/lengths; bad header checksum as DROP_BAD_CHECKSUM
     */
    static Ipv4View parse(byte[] b, int off, int available) {
        Malformed.check(available >= 20, "IPv4 header truncated");
        Malformed.check((b[off] & 0xf0) == 0x40, "not IPv4");
        int hl = (b[off] & 0x0f) * 4;
        int total = Checksums.getShort(b, off + 2);
        Malformed.check(hl >= 20 && hl <= total, "bad IPv4 header length " + hl);
        Malformed.check(total <= available, "IPv4 total length " + total + " exceeds the " + available
                + " bytes received");
        if (!Checksums.ipv4HeaderValid(b, off)) {
            throw new Malformed(Counter.DROP_BAD_CHECKSUM, "bad IPv4 header checksum");
        }
        return new Ipv4View(b, off, hl, total);
    }

    /**
     * The IPv4 packet quoted in an ICMP error: as much of it as the error carries (RFC 4443 §3 and
     * RFC 1812 §4.3.2.3 quote "as much as fits"), so the total length is clipped to what is there
     * and the header checksum is not checked (the quoting router may have truncated the packet).
     *
     * @param b         bytes
     * @param off       where the quoted IPv4 header starts
     * @param available bytes of the quote from off on
     * @return the view, or null if the quote is not IPv4 or holds less than its whole header
     */
    static Ipv4View quoted(byte[] b, int off, int available) {
        if (available < 20 || (b[off] & 0xf0) != 0x40) {
            return null;
        }
        int hl = (b[off] & 0x0f) * 4;
        int total = Checksums.getShort(b, off + 2);
        if (hl < 20 || hl > total || hl > available) {
            return null;
        }
        return new Ipv4View(b, off, hl, Math.min(total, available));
    }

    int tos() {
        return b[off + 1] & 0xff;
    }

    int id() {
        return Checksums.getShort(b, off + 4);
    }

    boolean df() {
        return (b[off + 6] & 0x40) != 0;
    }

    boolean mf() {
        return (b[off + 6] & 0x20) != 0;
    }

    /** @return fragment offset in bytes */
    int fragmentOffset() {
        return (Checksums.getShort(b, off + 6) & 0x1fff) * 8;
    }

    boolean isFragment() {
        return mf() || fragmentOffset() != 0;
    }

    int ttl() {
        return b[off + 8] & 0xff;
    }

    int protocol() {
        return b[off + 9] & 0xff;
    }

    int src() {
        return (int) readInt(off + 12);
    }

    int dst() {
        return (int) readInt(off + 16);
    }

    Ip4Address srcAddress() {
        return Ip4Address.valueOf(src());
    }

    Ip4Address dstAddress() {
        return Ip4Address.valueOf(dst());
    }

    int payloadOffset() {
        return off + headerLength;
    }

    int payloadLength() {
        return totalLength - headerLength;
    }

    /** @return a copy of the datagram */
    byte[] bytes() {
        return Arrays.copyOfRange(b, off, off + totalLength);
    }

    /** @return a copy of the header, options included */
    byte[] header() {
        return Arrays.copyOfRange(b, off, off + headerLength);
    }

    /** @return a copy of the payload */
    byte[] payload() {
        return Arrays.copyOfRange(b, payloadOffset(), off + totalLength);
    }

    /** @return true if the payload starts with an ICMP error message (RFC 1812 §4.3.2.7) */
    boolean isIcmpError() {
        if (protocol() != PROTO_ICMP || fragmentOffset() != 0 || payloadLength() < 1) {
            return false;
        }
        int type = b[payloadOffset()] & 0xff;
        return type == 3 || type == 4 || type == 5 || type == 11 || type == 12;
    }

    /**
     * The port that selects the softwire of the destination (RFC 7596 §6.2, §8.1; RFC 5508 REQ-3),
     * as the data plane reads it: TCP/UDP destination port, ICMP echo identifier, or the source port
     * (identifier) of the packet quoted in an ICMP error.
     *
     * @return the port, or -1 if the packet has none
     */
    int downstreamPort() {
        return port(false);
    }

    /**
     * The port that selects the softwire of the source (RFC 7596 §6.2, §8.1; RFC 5508 REQ-3), as
     * the data plane reads it: TCP/UDP source port, ICMP echo identifier, or the destination port
     * (identifier) of the packet quoted in an ICMP error (the lwB4 reports a packet it received).
     *
     * @return the port, or -1 if the packet has none
     */
    int upstreamPort() {
        return port(true);
    }

    private int port(boolean upstream) {
        if (fragmentOffset() != 0) {
            return -1;
        }
        int p = payloadOffset();
        int len = payloadLength();
        switch (protocol()) {
            case PROTO_TCP:
            case PROTO_UDP:
                return len >= 4 ? Checksums.getShort(b, p + (upstream ? 0 : 2)) : -1;
            case PROTO_ICMP:
                if (len < 8) {
                    return -1;
                }
                int type = b[p] & 0xff;
                if (type == 0 || type == 8) {
                    return Checksums.getShort(b, p + 4);
                }
                return isIcmpError() ? quotedPort(p + 8, len - 8, upstream) : -1;
            default:
                return -1;
        }
    }

    private int quotedPort(int q, int len, boolean destination) {
        if (len < 28 || (b[q] & 0xff) != 0x45) {
            return -1;                          // options in the quote: portless, as in the data plane
        }
        int proto = b[q + 9] & 0xff;
        if (proto == PROTO_ICMP) {
            return Checksums.getShort(b, q + 24);   // quoted echo identifier
        }
        return proto == PROTO_TCP || proto == PROTO_UDP ? Checksums.getShort(b, q + (destination ? 22 : 20)) : -1;
    }

    private long readInt(int at) {
        return ((long) Checksums.getShort(b, at) << 16) | Checksums.getShort(b, at + 2);
    }
}
