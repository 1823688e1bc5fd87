package org.lwaftr.slowpath;

import org.lwaftr.core.Addresses;
import org.onlab.packet.Data;
import org.onlab.packet.ICMP;
import org.onlab.packet.ICMP6;
import org.onlab.packet.IPv4;
import org.onlab.packet.IPv6;

import java.util.Collections;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * ICMP errors the lwAFTR sends: ICMPv4 3/1, 3/4 and 11/0 to IPv4 senders, ICMPv6 1/5 to lwB4s.
 * Each one passes, in order: the policy switch, the rules of which packets may be answered
 * (RFC 1812 §4.3.2.7, RFC 4443 §2.4(e)), and the token bucket of its family (RFC 7596 §9).
 */
final class IcmpErrors {

    /** RFC 1812 §4.3.2.3: an ICMPv4 error, IP header included, is at most 576 bytes. */
    static final int MAX_ICMPV4 = 576;
    /** RFC 4443 §2.4(c): an ICMPv6 error does not exceed the minimum IPv6 MTU. */
    static final int MAX_ICMPV6 = 1280;
    /** TTL of the ICMPv4 echo replies the AFTR sends (as Snabb's apps/ipv4/echo.lua). */
    static final int ECHO_TTL = 64;

    private final SlowPathConfig cfg;
    private final Egress egress;
    private final SlowPathCounters counters;
    private final RateLimiter v4Limiter;
    private final RateLimiter v6Limiter;
    private final IntSupplier ids;

    IcmpErrors(SlowPathConfig cfg, Egress egress, SlowPathCounters counters, LongSupplier nanoTime,
               IntSupplier ids) {
        this.cfg = cfg;
        this.egress = egress;
        this.counters = counters;
        this.v4Limiter = new RateLimiter(cfg.icmpv4Rate(), nanoTime);
        this.v6Limiter = new RateLimiter(cfg.icmpv6Rate(), nanoTime);
        this.ids = ids;
    }

    /**
     * An ICMPv4 error about {@code orig}, sent to its source from the first AFTR IPv4 address.
     *
     * @param type   ICMP type (3 or 11)
     * @param code   ICMP code
     * @param mtu    next-hop MTU for 3/4 (RFC 1191), else 0
     * @param orig   the offending datagram
     * @param frame  the frame it arrived in (link-layer group address check)
     * @param tunnel the softwire it arrived through (a hairpinned or upstream packet), or null:
     *               the error then goes back through it, from its BR address to its lwB4
     * @param sent   the counter of this error
     * @return the error, or nothing
     */
    List<OutboundPacket> icmpv4(int type, int code, int mtu, Ipv4View orig, Frame frame, Ipv6View tunnel,
                                Counter sent) {
        if (!cfg.icmpv4Errors()) {
            return drop(Counter.DROP_POLICY_ICMPV4);
        }
        if (!mayAnswer(orig, frame)) {
            return drop(Counter.DROP_NO_ERROR_ALLOWED);
        }
        if (!v4Limiter.tryAcquire()) {
            return drop(Counter.ICMPV4_RATE_LIMITED);
        }
        int quoteLength = Math.min(orig.totalLength, MAX_ICMPV4 - 20 - 8);
        byte[] body = new byte[4 + quoteLength];
        body[2] = (byte) (mtu >>> 8);       // RFC 1191: next-hop MTU in the low 16 bits
        body[3] = (byte) mtu;
        System.arraycopy(orig.b, orig.off, body, 4, quoteLength);
        ICMP icmp = new ICMP();
        icmp.setIcmpType((byte) type);
        icmp.setIcmpCode((byte) code);
        icmp.setPayload(new Data(body));
        IPv4 ip = new IPv4();
        // RFC 1812 §4.2.2.9 only forbids TTL 0: the errors leave with the policy's hop limit, as
        // encapsulated packets do (Snabb: 255 for both, its constants.default_ttl).
        ip.setTtl((byte) cfg.hopLimit());
        ip.setIdentification((short) ids.getAsInt());
        ip.setProtocol(IPv4.PROTOCOL_ICMP);
        ip.setSourceAddress(cfg.aftrIpv4().get(0).toInt());
        ip.setDestinationAddress(orig.src());
        ip.setPayload(icmp);
        counters.inc(sent);
        if (tunnel == null) {
            return egress.toInternet(ip, true);
        }
        IPv6 outer = egress.encapsulate(ip, tunnel.dst(), tunnel.src(), 0);
        return egress.toLwb4(outer, true);
    }

    /**
     * ICMPv6 1/5 "source address failed ingress/egress policy" (RFC 7596 §6.2) to the outer source,
     * from the BR address the packet was sent to, quoting as much of it as fits in 1280 bytes.
     *
     * @param orig  the offending IPv6 packet
     * @param frame the frame it arrived in
     * @return the error, or nothing
     */
    List<OutboundPacket> icmpv6PolicyFailure(Ipv6View orig, Frame frame) {
        if (!cfg.icmpv6Errors()) {
            return drop(Counter.DROP_POLICY_ICMPV6);
        }
        if (!mayAnswer(orig, frame)) {
            return drop(Counter.DROP_NO_ERROR_ALLOWED);
        }
        if (!v6Limiter.tryAcquire()) {
            return drop(Counter.ICMPV6_RATE_LIMITED);
        }
        int quoteLength = Math.min(orig.totalLength(), MAX_ICMPV6 - Ipv6View.HEADER - 8);
        byte[] body = new byte[4 + quoteLength];
        System.arraycopy(orig.b, orig.off, body, 4, quoteLength);
        ICMP6 icmp6 = new ICMP6();
        icmp6.setIcmpType(ICMP6.DEST_UNREACH);
        icmp6.setIcmpCode(ICMP6.FAIL_POLICY);
        icmp6.setPayload(new Data(body));
        IPv6 ip6 = new IPv6();
        ip6.setHopLimit((byte) cfg.hopLimit());
        ip6.setNextHeader(IPv6.PROTOCOL_ICMP6);
        ip6.setSourceAddress(orig.dstBytes());
        ip6.setDestinationAddress(orig.srcBytes());
        ip6.setPayload(icmp6);
        counters.inc(Counter.OUT_ICMPV6_1_5);
        return egress.toLwb4(ip6, true);
    }

    private List<OutboundPacket> drop(Counter c) {
        counters.inc(c);
        return Collections.emptyList();
    }

    /** RFC 1812 §4.3.2.7: which IPv4 packets never get an ICMP error. */
    static boolean mayAnswer(Ipv4View p, Frame frame) {
        int dst = p.dst();
        int dstFirst = dst >>> 24;
        return !p.isIcmpError()
                && p.fragmentOffset() == 0
                && dst != 0xffffffff && !(dstFirst >= 224 && dstFirst <= 239)
                && !frame.toGroupMac()
                && Addresses.ipv4NotUnicast(p.src()) == null;
    }

    /** RFC 4443 §2.4(e): which IPv6 packets never get an ICMPv6 error. */
    static boolean mayAnswer(Ipv6View p, Frame frame) {
        boolean icmpv6Error = p.nextHeader() == Ipv6View.NH_ICMPV6 && p.payloadLength >= 1
                && (p.b[p.payloadOffset()] & 0x80) == 0;
        return !icmpv6Error && !p.dstMulticast() && !frame.toGroupMac() && !p.srcNotUnique();
    }
}
