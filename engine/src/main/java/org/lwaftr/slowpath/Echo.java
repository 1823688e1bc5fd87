package org.lwaftr.slowpath;

import org.lwaftr.core.BindingTable;
import org.onlab.packet.Data;
import org.onlab.packet.DeserializationException;
import org.onlab.packet.ICMP;
import org.onlab.packet.ICMP6;
import org.onlab.packet.ICMPEcho;
import org.onlab.packet.IPv4;
import org.onlab.packet.IPv6;
import org.onlab.packet.Ip6Address;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Echo replies from the AFTR's own addresses: ICMPv4 to an AFTR IPv4 address (Internet side),
 * ICMPv6 to a BR or AFTR IPv6 address (lwB4 side). The reply carries the request's identifier,
 * sequence number and data; one too large for its side (a request that arrived in fragments) is
 * fragmented.
 */
final class Echo {

    private final SlowPathConfig cfg;
    private final BindingTable table;
    private final Egress egress;
    private final Fragmenter fragmenter;
    private final SlowPathCounters counters;

    Echo(SlowPathConfig cfg, BindingTable table, Egress egress, Fragmenter fragmenter, SlowPathCounters counters) {
        this.cfg = cfg;
        this.table = table;
        this.egress = egress;
        this.fragmenter = fragmenter;
        this.counters = counters;
    }

    /** ICMPV4_TO_AFTR. */
    List<OutboundPacket> ipv4(Frame f) throws DeserializationException {
        Ipv4View p = Ipv4View.parse(f.bytes, f.l3Offset, f.l3Length());
        Malformed.check(p.protocol() == Ipv4View.PROTO_ICMP && !p.isFragment(), "not an unfragmented ICMP packet");
        Malformed.check(p.payloadLength() >= 8, "ICMP message truncated");
        if (!Checksums.icmpv4Valid(p.b, p.payloadOffset(), p.payloadLength())) {
            throw new Malformed(Counter.DROP_BAD_CHECKSUM, "bad ICMP checksum");
        }
        ICMP request = ICMP.deserializer().deserialize(p.b, p.payloadOffset(), p.payloadLength());
        if (request.getIcmpType() != ICMP.TYPE_ECHO_REQUEST || request.getIcmpCode() != 0
                || !cfg.isAftrIpv4(p.dst()) || !IcmpErrors.mayAnswer(p, f)) {
            return ignore();
        }
        ICMPEcho echo = (ICMPEcho) request.getPayload();
        ICMPEcho replyEcho = new ICMPEcho();
        replyEcho.setIdentifier(echo.getIdentifier());
        replyEcho.setSequenceNum(echo.getSequenceNum());
        replyEcho.setPayload(new Data(((Data) echo.getPayload()).getData()));
        ICMP reply = new ICMP();
        reply.setIcmpType(ICMP.TYPE_ECHO_REPLY);
        reply.setIcmpCode((byte) 0);
        reply.setPayload(replyEcho);
        IPv4 ip = new IPv4();
        ip.setDiffServ((byte) p.tos());
        ip.setTtl((byte) IcmpErrors.ECHO_TTL);
        ip.setIdentification((short) p.id());
        ip.setProtocol(IPv4.PROTOCOL_ICMP);
        ip.setSourceAddress(p.dst());
        ip.setDestinationAddress(p.src());
        ip.setPayload(reply);
        counters.inc(Counter.OUT_ICMPV4_ECHO_REPLY);
        byte[] whole = ip.serialize();
        if (whole.length <= cfg.internetSide().mtu()) {
            return egress.toInternet(ip, true);
        }
        // Checksum the whole message before splitting it: fragments are not checksummed one by one.
        Egress.finish(whole, 0, true);
        return egress.fragmentsToInternet(Fragmenter.ipv4(Ipv4View.parse(whole, 0, whole.length),
                cfg.internetSide().mtu()));
    }

    /**
     * An ICMPv6 message punted as ICMPV6_TO_BR, checked: no extension headers, at least its 8-byte
     * header, a valid checksum (RFC 4443 §2.3).
     *
     * @throws Malformed otherwise
     */
    static Ipv6View icmpv6(Frame f) {
        Ipv6View p = Ipv6View.parse(f.bytes, f.l3Offset, f.l3Length());
        Malformed.check(p.nextHeader() == Ipv6View.NH_ICMPV6, "not ICMPv6 (extension headers are not accepted)");
        Malformed.check(p.payloadLength >= 8, "ICMPv6 message truncated");
        if (!Checksums.icmpv6Valid(p.b, p.off, p.payloadOffset(), p.payloadLength)) {
            throw new Malformed(Counter.DROP_BAD_CHECKSUM, "bad ICMPv6 checksum");
        }
        return p;
    }

    /** ICMPV6_TO_BR. */
    List<OutboundPacket> ipv6(Frame f) throws DeserializationException {
        Ipv6View p = icmpv6(f);
        ICMP6 request = ICMP6.deserializer().deserialize(p.b, p.payloadOffset(), p.payloadLength);
        if (request.getIcmpType() != ICMP6.ECHO_REQUEST || request.getIcmpCode() != 0
                || !isOurIpv6(p.dst()) || p.srcNotUnique()) {
            return ignore();
        }
        ICMP6 reply = new ICMP6();
        reply.setIcmpType(ICMP6.ECHO_REPLY);
        reply.setIcmpCode((byte) 0);
        // Identifier, sequence number and data, unchanged (RFC 4443 §4.2).
        reply.setPayload(new Data(((Data) request.getPayload()).getData()));
        IPv6 ip6 = new IPv6();
        ip6.setTrafficClass((byte) p.trafficClass());
        ip6.setHopLimit((byte) cfg.hopLimit());
        ip6.setNextHeader(IPv6.PROTOCOL_ICMP6);
        ip6.setSourceAddress(p.dstBytes());
        ip6.setDestinationAddress(p.srcBytes());
        ip6.setPayload(reply);
        counters.inc(Counter.OUT_ICMPV6_ECHO_REPLY);
        byte[] whole = ip6.serialize();
        if (whole.length <= cfg.lwb4Side().mtu()) {
            return egress.toLwb4(ip6, true);
        }
        Egress.finish(whole, 0, true);
        byte[] payload = Arrays.copyOfRange(whole, Ipv6View.HEADER, whole.length);
        return egress.fragmentsToLwb4(fragmenter.ipv6(ip6, Ipv6View.NH_ICMPV6, payload, cfg.lwb4Side().mtu()));
    }

    /** @return true for a BR address (configured or in the binding table) or an AFTR IPv6 address */
    boolean isOurIpv6(Ip6Address a) {
        return cfg.brAddresses().contains(a) || cfg.aftrIpv6().contains(a) || table.brAddresses().contains(a);
    }

    private List<OutboundPacket> ignore() {
        counters.inc(Counter.DROP_IGNORED);
        return Collections.emptyList();
    }
}
