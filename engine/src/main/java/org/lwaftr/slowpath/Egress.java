package org.lwaftr.slowpath;

import org.onlab.packet.Data;
import org.onlab.packet.Ethernet;
import org.onlab.packet.IPacket;
import org.onlab.packet.IPv4;
import org.onlab.packet.IPv6;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.MacAddress;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts L3 packets built with ONOS's classes into frames for a side: the AFTR's MAC as source,
 * the side's VLAN tag, and checksums recomputed after ONOS has serialised (see {@link Checksums}).
 */
final class Egress {

    private final SlowPathConfig cfg;
    private final SlowPathCounters counters;
    private final NextHopResolver nextHops;

    Egress(SlowPathConfig cfg, SlowPathCounters counters, NextHopResolver nextHops) {
        this.cfg = cfg;
        this.counters = counters;
        this.nextHops = nextHops;
    }

    /** @return the fragments of a forwarded or fragmented packet, out the Internet side (counted if more than one) */
    List<OutboundPacket> fragmentsToInternet(List<IPv4> fragments) {
        List<OutboundPacket> out = routed(cfg.internetSide(), Ethernet.TYPE_IPV4, fragments, false);
        counters.add(Counter.OUT_IPV4_FRAGMENTS, out.size() > 1 ? out.size() : 0);
        return out;
    }

    /** @return the fragments of a packet out the lwB4 side (counted if more than one) */
    List<OutboundPacket> fragmentsToLwb4(List<IPv6> fragments) {
        List<OutboundPacket> out = routed(cfg.lwb4Side(), Ethernet.TYPE_IPV6, fragments, false);
        counters.add(Counter.OUT_IPV6_FRAGMENTS, out.size() > 1 ? out.size() : 0);
        return out;
    }

    /** @return an IPv4 packet out the Internet side, to the next hop (none while it is unresolved) */
    List<OutboundPacket> toInternet(IPacket ipv4, boolean ours) {
        return routed(cfg.internetSide(), Ethernet.TYPE_IPV4, List.of(ipv4), ours);
    }

    /** @return an IPv6 packet out the lwB4 side, to the next hop (none while it is unresolved) */
    List<OutboundPacket> toLwb4(IPacket ipv6, boolean ours) {
        return routed(cfg.lwb4Side(), Ethernet.TYPE_IPV6, List.of(ipv6), ours);
    }

    private List<OutboundPacket> routed(SideConfig side, short etherType, List<? extends IPacket> packets,
                                        boolean ours) {
        MacAddress dst = nextHops.mac(side);
        if (dst == null) {
            counters.add(Counter.DROP_NO_NEXT_HOP, packets.size());
            return List.of();
        }
        List<OutboundPacket> out = new ArrayList<>(packets.size());
        for (IPacket p : packets) {
            out.add(send(side, dst, etherType, p, ours));
        }
        return out;
    }

    /**
     * @param side      where to send
     * @param dst       destination MAC
     * @param etherType ethertype of l3
     * @param l3        the L3 packet
     * @param ours      true if the AFTR originated it: its ICMP/ICMPv6 checksums are recomputed too
     * @return the packet for the side's port
     */
    static OutboundPacket send(SideConfig side, MacAddress dst, short etherType, IPacket l3, boolean ours) {
        Ethernet eth = new Ethernet();
        eth.setSourceMACAddress(side.aftrMac());
        eth.setDestinationMACAddress(dst);
        eth.setEtherType(etherType);
        if (side.vlan() != 0) {
            eth.setVlanID((short) side.vlan());
        }
        eth.setPayload(l3);
        byte[] frame = eth.serialize();
        int l3Offset = side.vlan() != 0 ? 18 : 14;
        if (etherType == Ethernet.TYPE_IPV4 || etherType == Ethernet.TYPE_IPV6) {
            finish(frame, l3Offset, ours);
        }
        return OutboundPacket.toPort(side.port(), frame);
    }

    /** Recomputes the IPv4 header checksums, and ICMP checksums of packets the AFTR originated. */
    static void finish(byte[] b, int off, boolean ours) {
        int version = (b[off] & 0xff) >>> 4;
        if (version == 4) {
            Checksums.setIpv4Header(b, off);
            int hl = (b[off] & 0x0f) * 4;
            int total = Checksums.getShort(b, off + 2);
            boolean fragment = (Checksums.getShort(b, off + 6) & 0x3fff) != 0;
            if (ours && !fragment && (b[off + 9] & 0xff) == Ipv4View.PROTO_ICMP) {
                Checksums.setIcmpv4(b, off + hl, total - hl);
            }
        } else if (version == 6) {
            int nh = b[off + 6] & 0xff;
            if (nh == Ipv6View.NH_ICMPV6 && ours) {
                Checksums.setIcmpv6(b, off, off + Ipv6View.HEADER, Checksums.getShort(b, off + 4));
            } else if (nh == Ipv6View.NH_IPV4) {
                finish(b, off + Ipv6View.HEADER, ours);
            }
        }
    }

    /**
     * The IPv6 header of a softwire (RFC 2473, RFC 6333 §6): traffic class from the IPv4 TOS,
     * configured hop limit and flow label.
     *
     * @return an IPv6 packet from src to dst carrying payload (next header 4)
     */
    IPv6 encapsulate(IPacket payload, Ip6Address src, Ip6Address dst, int tos) {
        IPv6 ip6 = new IPv6();
        ip6.setTrafficClass((byte) tos);
        ip6.setFlowLabel(cfg.flowLabel());
        ip6.setHopLimit((byte) cfg.hopLimit());
        ip6.setNextHeader((byte) Ipv6View.NH_IPV4);
        ip6.setSourceAddress(src.toOctets());
        ip6.setDestinationAddress(dst.toOctets());
        ip6.setPayload(payload);
        return ip6;
    }

    /** @return raw IPv4 bytes in a softwire */
    IPv6 encapsulate(byte[] ipv4, Ip6Address src, Ip6Address dst, int tos) {
        return encapsulate(new Data(ipv4), src, dst, tos);
    }

    /**
     * @param v an IPv4 datagram
     * @return an ONOS IPv4 header with v's fields and options (no payload, checksum to compute)
     */
    static IPv4 copyHeader(Ipv4View v) {
        IPv4 ip = new IPv4();
        ip.setVersion((byte) 4);
        ip.setDiffServ((byte) v.tos());
        ip.setIdentification((short) v.id());
        ip.setFlags((byte) ((v.df() ? 2 : 0) | (v.mf() ? 1 : 0)));
        ip.setFragmentOffset((short) (v.fragmentOffset() / 8));
        ip.setTtl((byte) v.ttl());
        ip.setProtocol((byte) v.protocol());
        ip.setSourceAddress(v.src());
        ip.setDestinationAddress(v.dst());
        if (v.headerLength > 20) {
            byte[] h = v.header();
            byte[] opts = new byte[h.length - 20];
            System.arraycopy(h, 20, opts, 0, opts.length);
            ip.setOptions(opts);
        }
        return ip;
    }
}
