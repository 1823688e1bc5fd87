package org.lwaftr.tests.bmv2;

/**
 * Frames the Linux kernel may emit on a fresh interface by itself: IPv6 neighbour discovery
 * and multicast listener reports. The harness disables IPv6 on its veths; this filter is the
 * second line, so that expectNoFrame() is not fooled by them. The kernel sends them from its
 * link-local address (or :: while probing); neighbour discovery from a global address (the AFTR
 * resolving its next hop) is not noise.
 */
final class KernelNoise {
    private static final int ETH_IPV6 = 0x86dd;
    private static final int NH_HOP_BY_HOP = 0;
    private static final int NH_ICMPV6 = 58;

    private KernelNoise() {
    }

    static boolean isNoise(byte[] f) {
        if (f.length < 14 + 40 + 1 || u16(f, 12) != ETH_IPV6) {
            return false;
        }
        if (!linkLocalOrUnspecified(f, 14 + 8)) {
            return false;
        }
        int nh = f[14 + 6] & 0xff;
        int off = 14 + 40;
        if (nh == NH_HOP_BY_HOP && f.length > off + 8) {
            nh = f[off] & 0xff;
            off += 8 * ((f[off + 1] & 0xff) + 1);
        }
        if (nh != NH_ICMPV6 || f.length <= off) {
            return false;
        }
        int type = f[off] & 0xff;
        // MLD query/report/done (130-132), MLDv2 report (143), RS/RA/NS/NA/redirect (133-137)
        return (type >= 130 && type <= 137) || type == 143;
    }

    /** @return true for a source address in fe80::/10 or :: */
    private static boolean linkLocalOrUnspecified(byte[] f, int src) {
        if ((f[src] & 0xff) == 0xfe && (f[src + 1] & 0xc0) == 0x80) {
            return true;
        }
        for (int i = 0; i < 16; i++) {
            if (f[src + i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }
}
