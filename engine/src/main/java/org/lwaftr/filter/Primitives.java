package org.lwaftr.filter;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static org.lwaftr.filter.FilterField.*;

/**
 * The meaning of pcap-filter primitives as cubes over {@link FilterField}s. As in pcap-filter(7),
 * every address, protocol and port test carries the frame's family: an IPv4 address test is also
 * "ip" (EtherType 0x0800), so it never matches the IPv4 packet inside a softwire's IPv6 packet.
 */
final class Primitives {
    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_IPV6 = 0x86dd;
    static final int ETHERTYPE_ARP = 0x0806;
    static final int PROTO_TCP = 6;
    static final int PROTO_UDP = 17;

    /** Which IP family a protocol test applies to. */
    enum Family { V4, V6, ANY }

    /** Which addresses or ports a test looks at (pcap-filter's dir qualifier). */
    enum Dir { SRC, DST, SRC_OR_DST, SRC_AND_DST }

    private Primitives() {
    }

    static DecisionList etherType(long type) {
        return DecisionList.anyOf(List.of(Cube.of(Constraint.equal(ETHER_TYPE, type))));
    }

    static final int PROTO_FRAGMENT = 44;

    /**
     * {@code ip proto P}, {@code ip6 proto P}, or both. As libpcap, {@code ip6 proto P} is the fixed
     * header's next header, or P behind a fragment header (no other chasing).
     */
    static DecisionList protocol(Family family, long proto) {
        List<Cube> out = new ArrayList<>(2);
        if (family != Family.V6) {
            out.add(Cube.of(Constraint.equal(ETHER_TYPE, ETHERTYPE_IPV4), Constraint.equal(IP_PROTO, proto)));
        }
        if (family != Family.V4) {
            out.add(Cube.of(Constraint.equal(ETHER_TYPE, ETHERTYPE_IPV6), Constraint.equal(IP_PROTO, proto)));
            out.add(Cube.of(Constraint.equal(ETHER_TYPE, ETHERTYPE_IPV6), Constraint.equal(IP_PROTO, PROTO_FRAGMENT),
                    Constraint.equal(IPV6_FRAG_NEXT, proto)));
        }
        return DecisionList.anyOf(out);
    }

    /**
     * {@code host A} or {@code net A/len}: an address and a prefix length in its family.
     *
     * @param address 4 or 16 bytes
     * @param prefix  prefix length (32 or 128: a host)
     * @param dir     which address
     */
    static DecisionList address(byte[] address, int prefix, Dir dir) {
        boolean v4 = address.length == 4;
        int bits = v4 ? 32 : 128;
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
        BigInteger value = new BigInteger(1, address);
        Constraint family = Constraint.equal(ETHER_TYPE, v4 ? ETHERTYPE_IPV4 : ETHERTYPE_IPV6);
        Constraint src = Constraint.ternary(v4 ? IPV4_SRC : IPV6_SRC, value, mask);
        Constraint dst = Constraint.ternary(v4 ? IPV4_DST : IPV6_DST, value, mask);
        return DecisionList.anyOf(pair(family, src, dst, dir));
    }

    /**
     * {@code port N} / {@code portrange N-M}: TCP or UDP (the given ones) with ports in range, only
     * when the transport header follows the frame's IP header (a non-first fragment has none).
     */
    static DecisionList ports(long low, long high, List<Integer> protos, Dir dir) {
        List<Cube> out = new ArrayList<>();
        for (int p : protos) {
            Constraint proto = Constraint.equal(IP_PROTO, p);
            Constraint has = Constraint.equal(HAS_PORTS, 1);
            Cube base = Cube.of(proto, has);
            for (Cube c : pair(null, Constraint.range(L4_SRC_PORT, low, high),
                    Constraint.range(L4_DST_PORT, low, high), dir)) {
                out.add(c == null ? null : c.intersect(base));
            }
        }
        return DecisionList.anyOf(out);
    }

    /** {@code len} in [low, high] (empty when low > high: the test is false). */
    static DecisionList length(long low, long high) {
        long hi = Math.min(high, (1L << LENGTH.bits()) - 1);
        if (low > hi) {
            return DecisionList.FALSE;
        }
        return DecisionList.anyOf(List.of(Cube.of(Constraint.range(LENGTH, Math.max(0, low), hi))));
    }

    private static List<Cube> pair(Constraint common, Constraint src, Constraint dst, Dir dir) {
        Cube base = common == null ? Cube.ALL : Cube.of(common);
        switch (dir) {
            case SRC:
                return List.of(base.intersect(Cube.of(src)));
            case DST:
                return List.of(base.intersect(Cube.of(dst)));
            case SRC_AND_DST:
                return List.of(base.intersect(Cube.of(src, dst)));
            default:
                return List.of(base.intersect(Cube.of(src)), base.intersect(Cube.of(dst)));
        }
    }
}
