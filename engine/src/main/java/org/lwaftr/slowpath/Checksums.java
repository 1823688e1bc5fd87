package org.lwaftr.slowpath;

/**
 * Internet checksums (RFC 1071) over byte arrays. ONOS's serialisers fold the 32-bit sum only
 * once, which is wrong when the fold itself carries (long ICMP payloads), so every checksum of a
 * packet the slow path sends is recomputed here after serialisation; they are also used to check
 * ICMP messages received.
 */
final class Checksums {

    private Checksums() {
    }

    /** @return the one's-complement sum of len bytes at off, added to initial (not folded) */
    static long sum(byte[] b, int off, int len, long initial) {
        long s = initial;
        int i = off;
        int end = off + len;
        for (; i + 1 < end; i += 2) {
            s += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
        }
        if (i < end) {
            s += (b[i] & 0xff) << 8;
        }
        return s;
    }

    /** @return the sum folded to 16 bits, until no carry is left */
    static int fold(long s) {
        while ((s >>> 16) != 0) {
            s = (s & 0xffff) + (s >>> 16);
        }
        return (int) s;
    }

    /** @return the checksum (complement of the folded sum) */
    static int checksum(long s) {
        return ~fold(s) & 0xffff;
    }

    static int getShort(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }

    static void putShort(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    /** Writes the IPv4 header checksum of the header at off. */
    static void setIpv4Header(byte[] b, int off) {
        int hl = (b[off] & 0x0f) * 4;
        putShort(b, off + 10, 0);
        putShort(b, off + 10, checksum(sum(b, off, hl, 0)));
    }

    /** @return true if the IPv4 header at off sums to 0xffff */
    static boolean ipv4HeaderValid(byte[] b, int off) {
        return fold(sum(b, off, (b[off] & 0x0f) * 4, 0)) == 0xffff;
    }

    /** Writes the ICMPv4 checksum of the len-byte message at off. */
    static void setIcmpv4(byte[] b, int off, int len) {
        putShort(b, off + 2, 0);
        putShort(b, off + 2, checksum(sum(b, off, len, 0)));
    }

    /** @return true if the ICMPv4 message at off is intact */
    static boolean icmpv4Valid(byte[] b, int off, int len) {
        return fold(sum(b, off, len, 0)) == 0xffff;
    }

    /** @return the IPv6 pseudo-header sum (RFC 8200 §8.1) of the IPv6 header at ip6 */
    static long pseudoHeader(byte[] b, int ip6, int upperLength, int nextHeader) {
        long s = sum(b, ip6 + 8, 32, 0);
        return s + (upperLength >>> 16) + (upperLength & 0xffff) + nextHeader;
    }

    /** Writes the checksum of the ICMPv6 message at off (len bytes) of the IPv6 packet at ip6. */
    static void setIcmpv6(byte[] b, int ip6, int off, int len) {
        putShort(b, off + 2, 0);
        putShort(b, off + 2, checksum(sum(b, off, len, pseudoHeader(b, ip6, len, 58))));
    }

    /** @return true if the ICMPv6 message at off of the IPv6 packet at ip6 is intact */
    static boolean icmpv6Valid(byte[] b, int ip6, int off, int len) {
        return fold(sum(b, off, len, pseudoHeader(b, ip6, len, 58))) == 0xffff;
    }
}
