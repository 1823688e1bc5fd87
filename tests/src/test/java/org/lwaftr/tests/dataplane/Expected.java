package org.lwaftr.tests.dataplane;

import org.lwaftr.tests.bmv2.AftrSettings;
import org.lwaftr.tests.bmv2.Checksums;
import org.lwaftr.tests.bmv2.LwaftrFrames;
import org.onlab.packet.Ethernet;
import org.onlab.packet.IPv6;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.MacAddress;

import java.util.Arrays;

/**
 * What the lwAFTR should send, computed independently of the pipeline: the IPv4 checksum after
 * the TTL decrement is recomputed in full (the pipeline updates it incrementally, RFC 1624).
 */
final class Expected {
    private Expected() {
    }

    /**
     * RFC 7596 §6.2 / RFC 2473: {@code ipv4} with its TTL decremented, in IPv6 from {@code br} to
     * {@code lwb4} with traffic class = the IPv4 TOS, the configured hop limit and flow label,
     * toward the lwB4-side next hop of {@link Net}.
     */
    static byte[] encapsulated(byte[] ipv4, Ip6Address br, Ip6Address lwb4, AftrSettings s) {
        return encapsulated(ipv4, br, lwb4, s, 0);
    }

    /** As {@link #encapsulated(byte[], Ip6Address, Ip6Address, AftrSettings)}, tagged {@code vlan} (0: none). */
    static byte[] encapsulated(byte[] ipv4, Ip6Address br, Ip6Address lwb4, AftrSettings s, int vlan) {
        byte[] inner = decrementTtl(ipv4);
        IPv6 ip6 = LwaftrFrames.ipv6(br, lwb4, LwaftrFrames.PROTO_IPV4, inner);
        ip6.setTrafficClass(inner[1]);
        ip6.setFlowLabel(s.flowLabel());
        ip6.setHopLimit((byte) s.hopLimit());
        return LwaftrFrames.frame(Net.AFTR_LWB4_MAC, Net.LWB4_ROUTER_MAC, vlan, Ethernet.TYPE_IPV6, ip6.serialize());
    }

    /** {@code ipv4} unchanged toward the Internet next hop of {@link Net}. */
    static byte[] decapsulated(byte[] ipv4) {
        return decapsulated(ipv4, 0);
    }

    /** {@code ipv4} unchanged toward the Internet next hop, tagged {@code vlan} (0: none). */
    static byte[] decapsulated(byte[] ipv4, int vlan) {
        return LwaftrFrames.frame(Net.AFTR_INET_MAC, Net.INET_ROUTER_MAC, vlan, Ethernet.TYPE_IPV4, ipv4);
    }

    /** Any frame re-addressed: {@code frame}'s L3 bytes under new MACs, untagged. */
    static byte[] readdressed(MacAddress src, MacAddress dst, short etherType, byte[] l3) {
        return LwaftrFrames.frame(src, dst, 0, etherType, l3);
    }

    /** {@code ipv4} with TTL − 1 and its header checksum computed from scratch. */
    static byte[] decrementTtl(byte[] ipv4) {
        byte[] b = Arrays.copyOf(ipv4, ipv4.length);
        b[8] = (byte) ((b[8] & 0xff) - 1);
        b[10] = 0;
        b[11] = 0;
        int c = ~Checksums.sum(b, 0, (b[0] & 0x0f) * 4) & 0xffff;
        b[10] = (byte) (c >> 8);
        b[11] = (byte) c;
        return b;
    }
}
