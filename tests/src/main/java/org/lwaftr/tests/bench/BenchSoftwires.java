package org.lwaftr.tests.bench;

import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;

import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic softwires for the lab benchmarks: 64 per IPv4 address (a = 6, k = 6, RFC 7597 §5.1),
 * lwB4 addresses 2001:db8:1::/64 + n, one BR. Softwire n has counter index n.
 */
final class BenchSoftwires {
    static final int OFFSET = 6;
    static final int LENGTH = 6;
    static final int PER_ADDRESS = 1 << LENGTH;
    static final int FIRST_IPV4 = Ip4Address.valueOf("10.0.0.0").toInt();
    static final Ip6Address BR = Ip6Address.valueOf("2001:db8:ffff::1");

    private BenchSoftwires() {
    }

    /** Softwire number {@code n}. */
    static Softwire softwire(int n) {
        return softwire(n, 0);
    }

    /** Softwire number {@code n} with its lwB4 in 2001:db8:1::/64 (variant 0) or 2001:db8:2::/64 (1). */
    static Softwire softwire(int n, int variant) {
        int ipv4 = FIRST_IPV4 + n / PER_ADDRESS;
        byte[] b4 = Ip6Address.valueOf(variant == 0 ? "2001:db8:1::" : "2001:db8:2::").toOctets();
        for (int i = 0, v = n + 1; i < 4; i++, v >>>= 8) {
            b4[15 - i] = (byte) v;
        }
        return Softwire.of(Ip4Address.valueOf(ipv4), PortSet.of(OFFSET, LENGTH, n % PER_ADDRESS),
                Ip6Address.valueOf(b4), BR);
    }

    /** Softwires {@code from} .. {@code from + count − 1}. */
    static List<Softwire> range(int from, int count) {
        List<Softwire> out = new ArrayList<>(count);
        for (int n = from; n < from + count; n++) {
            out.add(softwire(n));
        }
        return out;
    }

    /** A port of softwire {@code n}'s port set (the first of its second range). */
    static int port(Softwire s) {
        return s.portSet().ranges().get(1).first();
    }
}
