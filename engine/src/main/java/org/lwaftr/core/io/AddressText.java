package org.lwaftr.core.io;

import org.lwaftr.core.Addresses;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;

/**
 * Fast, strict text forms of IPv4 and IPv6 addresses for the binding-table formats.
 *
 * <p>Why not {@code Ip4Address.valueOf(String)}: a million-entry import parses two million
 * addresses, and the errors must say what is wrong with the text. Parsing follows the
 * {@code inet:ipv4-address} / {@code inet:ipv6-address} lexical forms of RFC 6991 without zones;
 * IPv6 output is the RFC 5952 canonical form (what RFC 6991 names canonical).
 */
public final class AddressText {

    private AddressText() {
    }

    /**
     * @param s dotted-quad text
     * @return the address as an int
     * @throws IllegalArgumentException saying what is wrong
     */
    public static int parseIpv4(CharSequence s) {
        int value = 0;
        int octets = 0;
        int i = 0;
        int n = s.length();
        while (true) {
            int start = i;
            int octet = 0;
            while (i < n && i - start < 4) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                octet = octet * 10 + (c - '0');
                i++;
            }
            if (i == start || i - start > 3 || octet > 255) {
                throw new IllegalArgumentException("'" + s + "' is not an IPv4 address (need a.b.c.d, each 0-255)");
            }
            value = (value << 8) | octet;
            octets++;
            if (octets == 4) {
                break;
            }
            if (i >= n || s.charAt(i) != '.') {
                throw new IllegalArgumentException("'" + s + "' is not an IPv4 address (need a.b.c.d, each 0-255)");
            }
            i++;
        }
        if (i != n) {
            throw new IllegalArgumentException("'" + s + "' is not an IPv4 address (need a.b.c.d, each 0-255)");
        }
        return value;
    }

    /**
     * The one IPv4 text parser of every input (REST, CLI, netcfg, binding-table files).
     *
     * @param s dotted-quad text
     * @return the address
     * @throws IllegalArgumentException saying what is wrong
     */
    public static Ip4Address ipv4(CharSequence s) {
        return Ip4Address.valueOf(parseIpv4(s));
    }

    /**
     * The one IPv6 text parser of every input (REST, CLI, netcfg, binding-table files).
     *
     * @param s RFC 4291 §2.2 text
     * @return the address
     * @throws IllegalArgumentException saying what is wrong
     */
    public static Ip6Address ipv6(CharSequence s) {
        long[] out = new long[2];
        parseIpv6(s, out);
        return Ip6Address.valueOf(Addresses.octets(out[0], out[1]));
    }

    /**
     * @param a IPv4 address as an int
     * @return dotted-quad text
     */
    public static String formatIpv4(int a) {
        return ((a >>> 24) & 0xff) + "." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff) + "." + (a & 0xff);
    }

    /**
     * Parses an IPv6 address (RFC 4291 §2.2 text forms, including "::" and a trailing dotted quad).
     *
     * @param s   the text
     * @param out receives the upper 64 bits in {@code out[0]} and the lower in {@code out[1]}
     * @throws IllegalArgumentException saying what is wrong
     */
    public static void parseIpv6(CharSequence s, long[] out) {
        int[] groups = new int[8];
        int n = s.length();
        int count = 0;
        int gap = -1; // index in groups where "::" stands
        int i = 0;
        if (n >= 2 && s.charAt(0) == ':' && s.charAt(1) == ':') {
            gap = 0;
            i = 2;
        } else if (n > 0 && s.charAt(0) == ':') {
            throw bad6(s, "it starts with a single ':'");
        }
        while (i < n) {
            if (count == 8) {
                throw bad6(s, "more than 8 groups");
            }
            int start = i;
            int v = 0;
            while (i < n && i - start <= 4) {
                int d = Character.digit(s.charAt(i), 16);
                if (d < 0) {
                    break;
                }
                v = (v << 4) | d;
                i++;
            }
            if (i < n && s.charAt(i) == '.') {
                // Trailing dotted quad: the last 32 bits.
                if (count > 6) {
                    throw bad6(s, "an embedded IPv4 address must be the last 32 bits");
                }
                int v4;
                try {
                    v4 = parseIpv4(s.subSequence(start, n));
                } catch (IllegalArgumentException e) {
                    throw bad6(s, "bad embedded IPv4 address");
                }
                groups[count++] = v4 >>> 16;
                groups[count++] = v4 & 0xffff;
                i = n;
                break;
            }
            if (i == start) {
                throw bad6(s, i < n ? "unexpected '" + s.charAt(i) + "'" : "it ends with ':'");
            }
            if (i - start > 4) {
                throw bad6(s, "a group has more than 4 hex digits");
            }
            groups[count++] = v;
            if (i == n) {
                break;
            }
            if (s.charAt(i) != ':') {
                throw bad6(s, "unexpected '" + s.charAt(i) + "'");
            }
            i++;
            if (i < n && s.charAt(i) == ':') {
                if (gap >= 0) {
                    throw bad6(s, "'::' appears twice");
                }
                gap = count;
                i++;
            } else if (i == n) {
                throw bad6(s, "it ends with a single ':'");
            }
        }
        if (gap < 0 && count != 8) {
            throw bad6(s, "need 8 groups or '::'");
        }
        if (gap >= 0 && count == 8) {
            throw bad6(s, "'::' must stand for at least one group");
        }
        long hi = 0;
        long lo = 0;
        int zeros = 8 - count;
        for (int g = 0, src = 0; g < 8; g++) {
            int v = (gap >= 0 && g >= gap && g < gap + zeros) ? 0 : groups[src++];
            if (g < 4) {
                hi = (hi << 16) | v;
            } else {
                lo = (lo << 16) | v;
            }
        }
        out[0] = hi;
        out[1] = lo;
    }

    private static IllegalArgumentException bad6(CharSequence s, String why) {
        return new IllegalArgumentException("'" + s + "' is not an IPv6 address: " + why);
    }

    /**
     * @param hi upper 64 bits
     * @param lo lower 64 bits
     * @return the RFC 5952 canonical text (lower case, no leading zeros, the longest run of two or
     *     more zero groups, the first if tied, shortened to "::")
     */
    public static String formatIpv6(long hi, long lo) {
        int[] g = new int[8];
        for (int i = 0; i < 4; i++) {
            g[i] = (int) (hi >>> (48 - 16 * i)) & 0xffff;
            g[i + 4] = (int) (lo >>> (48 - 16 * i)) & 0xffff;
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder b = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append("::");
                i += bestLen - 1;
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
                b.append(':');
            }
            b.append(Integer.toHexString(g[i]));
        }
        return b.toString();
    }

    /**
     * @param a an IPv6 address
     * @return its RFC 5952 canonical text
     */
    public static String formatIpv6(Ip6Address a) {
        byte[] b = a.toOctets();
        return formatIpv6(Addresses.high(b), Addresses.low(b));
    }
}
