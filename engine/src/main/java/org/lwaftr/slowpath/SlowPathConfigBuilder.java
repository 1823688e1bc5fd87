package org.lwaftr.slowpath;

import org.lwaftr.filter.PacketFilter;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.MacAddress;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Collects the values of a {@link SlowPathConfig}; {@link #build()} validates them all. */
public final class SlowPathConfigBuilder {

    int lwb4Port = -1;
    int lwb4Vlan;
    MacAddress lwb4Mac;
    MacAddress lwb4NextHop;
    Ip6Address lwb4NextHopIp;
    int lwb4Mtu = 1500;
    int inetPort = -1;
    int inetVlan;
    MacAddress inetMac;
    MacAddress inetNextHop;
    Ip4Address inetNextHopIp;
    int inetMtu = 1500;
    PacketFilter lwb4Egress;
    PacketFilter inetEgress;
    final List<Ip4Address> aftrIpv4 = new ArrayList<>();
    final List<Ip6Address> aftrIpv6 = new ArrayList<>();
    final List<Ip6Address> brAddresses = new ArrayList<>();
    final List<Ip6Address> softwireBrs = new ArrayList<>();
    boolean icmpv4Errors = true;
    boolean icmpv6Errors = true;
    boolean allowIncomingIcmp = true;
    boolean allowOutgoingIcmp = true;
    RateLimit icmpv4Rate = RateLimit.of("icmpv4-rate", 1000, 1, TimeUnit.SECONDS);
    RateLimit icmpv6Rate = RateLimit.of("icmpv6-rate", 1000, 1, TimeUnit.SECONDS);
    boolean hairpinning = true;
    int hopLimit = 64;
    int flowLabel;
    int maxReassemblies = 1024;
    int maxFragments = 64;
    long timeoutNanos = TimeUnit.SECONDS.toNanos(60);   // RFC 8200 §4.5
    long maxBytes = 16L << 20;

    SlowPathConfigBuilder() {
    }

    /** Sets the lwB4-facing side (MTU = largest IPv6 packet, at least 1280). @return this */
    public SlowPathConfigBuilder lwb4Side(int port, int vlan, MacAddress aftrMac, MacAddress nextHopMac, int mtu) {
        lwb4Port = port;
        lwb4Vlan = vlan;
        lwb4Mac = aftrMac;
        lwb4NextHop = nextHopMac;
        lwb4Mtu = mtu;
        return this;
    }

    /** Sets the Internet-facing side (MTU = largest IPv4 packet, at least 576). @return this */
    public SlowPathConfigBuilder internetSide(int port, int vlan, MacAddress aftrMac, MacAddress nextHopMac, int mtu) {
        inetPort = port;
        inetVlan = vlan;
        inetMac = aftrMac;
        inetNextHop = nextHopMac;
        inetMtu = mtu;
        return this;
    }

    /**
     * Gives the lwB4 side's next hop by address (resolved by neighbour discovery from the first
     * AFTR IPv6 address); the next-hop MAC of {@link #lwb4Side} must then be null.
     *
     * @param a the next hop's IPv6 address
     * @return this
     */
    public SlowPathConfigBuilder lwb4NextHopIp(Ip6Address a) {
        lwb4NextHopIp = a;
        return this;
    }

    /**
     * Gives the Internet side's next hop by address (resolved by ARP from the first AFTR IPv4
     * address); the next-hop MAC of {@link #internetSide} must then be null.
     *
     * @param a the next hop's IPv4 address
     * @return this
     */
    public SlowPathConfigBuilder internetNextHopIp(Ip4Address a) {
        inetNextHopIp = a;
        return this;
    }

    /** @param a an AFTR IPv4 address @return this */
    public SlowPathConfigBuilder aftrIpv4(Ip4Address a) {
        aftrIpv4.add(a);
        return this;
    }

    /** @param a an AFTR IPv6 address @return this */
    public SlowPathConfigBuilder aftrIpv6(Ip6Address a) {
        aftrIpv6.add(a);
        return this;
    }

    /** @param a a BR address configured for this AFTR (answered for in neighbour discovery) @return this */
    public SlowPathConfigBuilder brAddress(Ip6Address a) {
        brAddresses.add(a);
        return this;
    }

    /**
     * @param a a BR address only a softwire names: a tunnel endpoint (ICMPv6 echo), not an address
     *          of the link, so not answered for in neighbour discovery (RFC 4861 §7.2.3, as Snabb)
     * @return this
     */
    public SlowPathConfigBuilder softwireBrAddress(Ip6Address a) {
        softwireBrs.add(a);
        return this;
    }

    /** @param v generate ICMPv4 errors @return this */
    public SlowPathConfigBuilder icmpv4Errors(boolean v) {
        icmpv4Errors = v;
        return this;
    }

    /** @param v generate ICMPv6 errors @return this */
    public SlowPathConfigBuilder icmpv6Errors(boolean v) {
        icmpv6Errors = v;
        return this;
    }

    /** @param v allow incoming ICMP @return this */
    public SlowPathConfigBuilder allowIncomingIcmp(boolean v) {
        allowIncomingIcmp = v;
        return this;
    }

    /** @param v allow outgoing ICMP @return this */
    public SlowPathConfigBuilder allowOutgoingIcmp(boolean v) {
        allowOutgoingIcmp = v;
        return this;
    }

    /** @param packets per period @param period length @param unit its unit @return this */
    public SlowPathConfigBuilder icmpv4Rate(int packets, long period, TimeUnit unit) {
        icmpv4Rate = RateLimit.of("icmpv4-rate", packets, period, unit);
        return this;
    }

    /** @param packets per period @param period length @param unit its unit @return this */
    public SlowPathConfigBuilder icmpv6Rate(int packets, long period, TimeUnit unit) {
        icmpv6Rate = RateLimit.of("icmpv6-rate", packets, period, unit);
        return this;
    }

    /** @param v RFC 8676 enable-hairpinning @return this */
    public SlowPathConfigBuilder hairpinning(boolean v) {
        hairpinning = v;
        return this;
    }

    /** @param v IPv6 hop limit (1–255) @return this */
    public SlowPathConfigBuilder hopLimit(int v) {
        hopLimit = v;
        return this;
    }

    /** @param v IPv6 flow label (20 bits) @return this */
    public SlowPathConfigBuilder flowLabel(int v) {
        flowLabel = v;
        return this;
    }

    /** @param v reassemblies in flight @return this */
    public SlowPathConfigBuilder maxReassemblies(int v) {
        maxReassemblies = v;
        return this;
    }

    /** @param v fragments per packet @return this */
    public SlowPathConfigBuilder maxFragmentsPerReassembly(int v) {
        maxFragments = v;
        return this;
    }

    /** @param v timeout @param unit its unit @return this */
    public SlowPathConfigBuilder reassemblyTimeout(long v, TimeUnit unit) {
        timeoutNanos = unit.toNanos(v);
        return this;
    }

    /** @param v bytes of fragment data held at most, per reassembler @return this */
    public SlowPathConfigBuilder maxReassemblyBytes(long v) {
        maxBytes = v;
        return this;
    }

    /**
     * The sides' egress filters: the slow path's own packets sent straight to a port pass them
     * here, as the switch's egress filter passes what it forwards.
     *
     * @param lwb4     toward the lwB4s (null: none)
     * @param internet toward the Internet (null: none)
     * @return this
     */
    public SlowPathConfigBuilder egressFilters(PacketFilter lwb4, PacketFilter internet) {
        lwb4Egress = lwb4;
        inetEgress = internet;
        return this;
    }

    /**
     * @return the validated configuration
     * @throws SlowPathConfigException naming the first bad field
     */
    public SlowPathConfig build() {
        return new SlowPathConfig(this);
    }
}
