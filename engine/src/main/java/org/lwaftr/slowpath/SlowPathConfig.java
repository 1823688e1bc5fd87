package org.lwaftr.slowpath;

import org.lwaftr.core.Addresses;
import org.lwaftr.filter.PacketFilter;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The slow path's configuration: the two sides, the AFTR's own addresses, ICMP policy and rates,
 * encapsulation parameters and reassembly bounds. Immutable; built and validated by {@link SlowPathConfigBuilder},
 * whose errors name the field ({@link SlowPathConfigException#field()}). Names follow RFC 8676
 * {@code ietf-softwire-br} where they mean the same.
 */
public final class SlowPathConfig {

    /** IPv6 minimum link MTU (RFC 8200 §5). */
    public static final int MIN_IPV6_MTU = 1280;
    /** The IPv4 datagram size every host accepts (RFC 791); ICMPv4 errors never exceed it. */
    public static final int MIN_IPV4_MTU = 576;

    private final SideConfig lwb4Side;
    private final SideConfig internetSide;
    private final PacketFilter lwb4EgressFilter;
    private final PacketFilter internetEgressFilter;
    private final List<Ip4Address> aftrIpv4;
    private final List<Ip6Address> aftrIpv6;
    private final List<Ip6Address> brAddresses;
    private final List<Ip6Address> neighborTargets;
    private final boolean icmpv4Errors;
    private final boolean icmpv6Errors;
    private final boolean allowIncomingIcmp;
    private final boolean allowOutgoingIcmp;
    private final RateLimit icmpv4Rate;
    private final RateLimit icmpv6Rate;
    private final boolean hairpinning;
    private final int hopLimit;
    private final int flowLabel;
    private final int maxReassemblies;
    private final int maxFragmentsPerReassembly;
    private final long reassemblyTimeoutNanos;
    private final long maxReassemblyBytes;

    SlowPathConfig(SlowPathConfigBuilder b) {
        lwb4Side = new SideConfig("lwb4-side", b.lwb4Port, b.lwb4Vlan, b.lwb4Mac, b.lwb4NextHop, b.lwb4NextHopIp,
                b.lwb4Mtu, MIN_IPV6_MTU);
        internetSide = new SideConfig("internet-side", b.inetPort, b.inetVlan, b.inetMac, b.inetNextHop,
                b.inetNextHopIp, b.inetMtu, MIN_IPV4_MTU);
        lwb4EgressFilter = b.lwb4Egress;
        internetEgressFilter = b.inetEgress;
        if (b.lwb4NextHopIp != null && b.aftrIpv6.isEmpty()) {
            throw new SlowPathConfigException("lwb4-side.next-hop-ip", "needs an AFTR IPv6 address as the source"
                    + " of neighbour solicitations");
        }
        if (b.aftrIpv4.isEmpty()) {
            throw new SlowPathConfigException("aftr-ipv4-addrs", "at least one address is needed"
                    + " (source of ICMPv4 errors)");
        }
        for (Ip4Address a : b.aftrIpv4) {
            String why = a == null ? "null" : Addresses.ipv4NotUnicast(a.toInt());
            if (why != null) {
                throw new SlowPathConfigException("aftr-ipv4-addrs", a + " is not unicast: " + why);
            }
        }
        checkIpv6("aftr-ipv6-addrs", b.aftrIpv6);
        checkIpv6("br-ipv6-addrs", b.brAddresses); // netcfg's names: one model, one set of field names
        checkIpv6("br-ipv6-addr", b.softwireBrs);
        if (b.hopLimit < 1 || b.hopLimit > 255) {
            throw new SlowPathConfigException("hop-limit", b.hopLimit + " is outside 1..255");
        }
        if (b.flowLabel < 0 || b.flowLabel > 0xfffff) {
            throw new SlowPathConfigException("flow-label", b.flowLabel + " is outside 0..1048575");
        }
        if (b.maxReassemblies < 1 || b.maxReassemblies > 1_000_000) {
            throw new SlowPathConfigException("max-reassemblies", b.maxReassemblies + " is outside 1..1000000");
        }
        if (b.maxFragments < 1 || b.maxFragments > 8192) { // 1: nothing fragmented is reassembled (Snabb allows it)
            throw new SlowPathConfigException("max-fragments-per-reassembly", b.maxFragments
                    + " is outside 1..8192");
        }
        if (b.timeoutNanos < TimeUnit.MILLISECONDS.toNanos(1) || b.timeoutNanos > TimeUnit.MINUTES.toNanos(5)) {
            throw new SlowPathConfigException("reassembly-timeout", b.timeoutNanos + " ns is outside 1 ms..5 min");
        }
        if (b.maxBytes < 65536 || b.maxBytes > (1L << 32)) {
            throw new SlowPathConfigException("max-reassembly-bytes", b.maxBytes + " is outside 65536..4294967296");
        }
        aftrIpv4 = Collections.unmodifiableList(new ArrayList<>(b.aftrIpv4));
        aftrIpv6 = Collections.unmodifiableList(new ArrayList<>(b.aftrIpv6));
        List<Ip6Address> brs = new ArrayList<>(b.brAddresses);
        b.softwireBrs.stream().filter(a -> !brs.contains(a)).forEach(brs::add);
        brAddresses = Collections.unmodifiableList(brs);
        List<Ip6Address> targets = new ArrayList<>(b.aftrIpv6);
        targets.addAll(b.brAddresses);
        neighborTargets = Collections.unmodifiableList(targets);
        icmpv4Errors = b.icmpv4Errors;
        icmpv6Errors = b.icmpv6Errors;
        allowIncomingIcmp = b.allowIncomingIcmp;
        allowOutgoingIcmp = b.allowOutgoingIcmp;
        icmpv4Rate = b.icmpv4Rate;
        icmpv6Rate = b.icmpv6Rate;
        hairpinning = b.hairpinning;
        hopLimit = b.hopLimit;
        flowLabel = b.flowLabel;
        maxReassemblies = b.maxReassemblies;
        maxFragmentsPerReassembly = b.maxFragments;
        reassemblyTimeoutNanos = b.timeoutNanos;
        maxReassemblyBytes = b.maxBytes;
    }

    private static void checkIpv6(String field, List<Ip6Address> list) {
        for (Ip6Address a : list) {
            String why = a == null ? "null" : Addresses.ipv6NotUnicast(a);
            if (why != null) {
                throw new SlowPathConfigException(field, a + " is not unicast: " + why);
            }
        }
    }

    /** @return a builder with the defaults */
    public static SlowPathConfigBuilder builder() {
        return new SlowPathConfigBuilder();
    }

    /** @return the side facing the lwB4s (IPv6) */
    public SideConfig lwb4Side() {
        return lwb4Side;
    }

    /** @return the side facing the Internet (IPv4) */
    public SideConfig internetSide() {
        return internetSide;
    }

    /** @return the lwB4 side's egress filter, or null */
    public PacketFilter lwb4EgressFilter() {
        return lwb4EgressFilter;
    }

    /** @return the Internet side's egress filter, or null */
    public PacketFilter internetEgressFilter() {
        return internetEgressFilter;
    }

    /** @return the AFTR's IPv4 addresses; the first is the source of ICMPv4 errors */
    public List<Ip4Address> aftrIpv4() {
        return aftrIpv4;
    }

    /** @param addr an IPv4 address as int @return true if it is one of the AFTR's */
    public boolean isAftrIpv4(int addr) {
        for (Ip4Address a : aftrIpv4) {
            if (a.toInt() == addr) {
                return true;
            }
        }
        return false;
    }

    /** @return the AFTR's own IPv6 addresses on the lwB4 side (besides the BR addresses) */
    public List<Ip6Address> aftrIpv6() {
        return aftrIpv6;
    }

    /** @return BR addresses configured statically, then those only softwires name */
    public List<Ip6Address> brAddresses() {
        return brAddresses;
    }

    /**
     * @return the addresses neighbour solicitations are answered for (RFC 4861 §7.2.3: those
     *     assigned to the interface): the AFTR's own IPv6 addresses and the configured BR addresses,
     *     not the BR addresses only softwires name (Snabb answers only its interface address)
     */
    public List<Ip6Address> neighborTargets() {
        return neighborTargets;
    }

    /** @return whether ICMPv4 errors are generated (RFC 8676 icmpv4-errors) */
    public boolean icmpv4Errors() {
        return icmpv4Errors;
    }

    /** @return whether ICMPv6 errors are generated (RFC 8676 generate-icmpv6-errors) */
    public boolean icmpv6Errors() {
        return icmpv6Errors;
    }

    /** @return whether ICMPv4 from the Internet toward subscribers is allowed (RFC 8676 allow-incoming-icmpv4) */
    public boolean allowIncomingIcmp() {
        return allowIncomingIcmp;
    }

    /** @return whether ICMPv4 from subscribers toward the Internet is allowed */
    public boolean allowOutgoingIcmp() {
        return allowOutgoingIcmp;
    }

    /** @return the ICMPv4 error rate (RFC 8676 icmpv4-rate) */
    public RateLimit icmpv4Rate() {
        return icmpv4Rate;
    }

    /** @return the ICMPv6 error rate (RFC 8676 icmpv6-rate) */
    public RateLimit icmpv6Rate() {
        return icmpv6Rate;
    }

    /** @return RFC 8676 enable-hairpinning */
    public boolean hairpinning() {
        return hairpinning;
    }

    /** @return hop limit of the IPv6 packets the AFTR originates or encapsulates */
    public int hopLimit() {
        return hopLimit;
    }

    /** @return flow label of encapsulated packets */
    public int flowLabel() {
        return flowLabel;
    }

    /** @return the most reassemblies in flight, per reassembler */
    public int maxReassemblies() {
        return maxReassemblies;
    }

    /** @return the most fragments one packet may arrive in */
    public int maxFragmentsPerReassembly() {
        return maxFragmentsPerReassembly;
    }

    /** @return how long a reassembly may wait for its fragments, in nanoseconds */
    public long reassemblyTimeoutNanos() {
        return reassemblyTimeoutNanos;
    }

    /** @return the most bytes of fragment data held, per reassembler (at least one whole packet) */
    public long maxReassemblyBytes() {
        return maxReassemblyBytes;
    }
}
