package org.lwaftr.tests.bmv2;

/**
 * Internet checksums (RFC 1071) computed from scratch over bytes, independently of
 * org.onlab.packet (whose serializers fold the carry only once) and of the pipeline (which
 * updates the IPv4 checksum incrementally, RFC 1624). Tests use them to build correct frames and
 * to check what the switch sends.
 */
public final class Checksums {
    private static final int PROTO_ICMP = 1;
    private static final int PROTO_TCP = 6;
    private static final int PROTO_UDP = 17;

    private Checksums() {
    }

    /** Ones'-complement sum of {@code len} bytes at {@code off} (odd length padded with zero), folded to 16 bits. */
    public static int sum(byte[] b, int off, int len) {
        long s = 0;
        for (int i = 0; i < len; i += 2) {
            int hi = b[off + i] & 0xff;
            int lo = i + 1 < len ? b[off + i + 1] & 0xff : 0;
            s += (hi << 8) | lo;
        }
        return fold(s);
    }

    /** True if the IPv4 header at {@code off} (IHL from its first byte) has a correct checksum. */
    public static boolean ipv4HeaderValid(byte[] b, int off) {
        return sum(b, off, (b[off] & 0x0f) * 4) == 0xffff;
    }

    /**
     * The IPv4 packet at {@code off} with correct header, and (unless it is a fragment) ICMP, TCP or
     * UDP checksums, recomputed in place.
     */
    public static void fixIpv4(byte[] b, int off) {
        int ihl = (b[off] & 0x0f) * 4;
        int total = u16(b, off + 2);
        put16(b, off + 10, 0);
        put16(b, off + 10, ~sum(b, off, ihl) & 0xffff);
        boolean fragment = (u16(b, off + 6) & 0x3fff) != 0;
        if (fragment) {
            return;
        }
        int l4 = off + ihl;
        int len = total - ihl;
        int proto = b[off + 9] & 0xff;
        if (proto == PROTO_ICMP) {
            put16(b, l4 + 2, 0);
            put16(b, l4 + 2, ~sum(b, l4, len) & 0xffff);
        } else if (proto == PROTO_TCP || proto == PROTO_UDP) {
            int at = l4 + (proto == PROTO_TCP ? 16 : 6);
            put16(b, at, 0);
            long s = sum(b, off + 12, 8) + proto + len + sum(b, l4, len);
            int c = ~fold(s) & 0xffff;
            put16(b, at, proto == PROTO_UDP && c == 0 ? 0xffff : c);
        }
    }

    /** The 16-bit big-endian value at {@code off}. */
    public static int u16(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }

    private static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >> 8);
        b[off + 1] = (byte) v;
    }

    private static int fold(long s) {
        while ((s >> 16) != 0) {
            s = (s & 0xffff) + (s >> 16);
        }
        return (int) s;
    }
}
