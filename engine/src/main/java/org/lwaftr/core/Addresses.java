package org.lwaftr.core;

import org.onlab.packet.Ip6Address;

/**
 * Address checks and packing shared by the core.
 */
public final class Addresses {

    private Addresses() {
    }

    /**
     * @param a IPv4 address as int
     * @return why the address is not a unicast host address, or null if it is
     */
    public static String ipv4NotUnicast(int a) {
        int first = (a >>> 24) & 0xff;
        if (a == 0xffffffff) {
            return "limited broadcast";
        }
        if (first == 0) {
            return "0.0.0.0/8 is 'this network'";
        }
        if (first == 127) {
            return "127.0.0.0/8 is loopback";
        }
        if (first >= 224 && first <= 239) {
            return "224.0.0.0/4 is multicast";
        }
        if (first >= 240) {
            return "240.0.0.0/4 is reserved";
        }
        return null;
    }

    /**
     * @param a an IPv6 address
     * @return why it is not a unicast address, or null if it is
     */
    public static String ipv6NotUnicast(Ip6Address a) {
        byte[] b = a.toOctets();
        return ipv6NotUnicast(high(b), low(b));
    }

    /**
     * @param hi upper 64 bits of an IPv6 address
     * @param lo lower 64 bits
     * @return why it is not a unicast address, or null if it is
     */
    public static String ipv6NotUnicast(long hi, long lo) {
        if ((hi >>> 56) == 0xff) {
            return "ff00::/8 is multicast";
        }
        if (hi == 0 && lo == 0) {
            return ":: is unspecified";
        }
        if (hi == 0 && lo == 1) {
            return "::1 is loopback";
        }
        return null;
    }

    /**
     * @param b 16 octets
     * @return upper 64 bits
     */
    public static long high(byte[] b) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v;
    }

    /**
     * @param b 16 octets
     * @return lower 64 bits
     */
    public static long low(byte[] b) {
        long v = 0;
        for (int i = 8; i < 16; i++) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v;
    }

    /**
     * @param hi upper 64 bits
     * @param lo lower 64 bits
     * @return 16 octets
     */
    public static byte[] octets(long hi, long lo) {
        byte[] b = new byte[16];
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) hi;
            hi >>>= 8;
            b[i + 8] = (byte) lo;
            lo >>>= 8;
        }
        return b;
    }
}
