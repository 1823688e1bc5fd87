package org.lwaftr.slowpath;

import org.onlab.packet.ARP;
import org.onlab.packet.DeserializationException;
import org.onlab.packet.Ethernet;
import org.onlab.packet.ICMP6;
import org.onlab.packet.IPv6;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.MacAddress;
import org.onlab.packet.ndp.NeighborAdvertisement;
import org.onlab.packet.ndp.NeighborDiscoveryOptions;
import org.onlab.packet.ndp.NeighborSolicitation;

import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * Answers address resolution for the AFTR's own addresses: ARP requests (RFC 826) on the Internet
 * side, neighbour solicitations (RFC 4861 §7.2.4) on the lwB4 side — unicast (NUD), to the
 * solicited-node group, and duplicate address detection probes (answered to all-nodes, S = 0).
 * The AFTR routes, so advertisements carry R = 1; O = 1 and the target link-layer address
 * (RFC 4861 §7.2.4 for the node's own unicast address; Snabb clears O). Solicitations are answered
 * for the AFTR's own IPv6 addresses and the configured BR addresses
 * ({@link SlowPathConfig#neighborTargets()}), not for BRs only softwires name (§7.2.3, as Snabb).
 * ARP packets and neighbour advertisements from a next hop given by address go to the
 * {@link NextHopResolver}, which learns its MAC from them.
 */
final class ArpNdpResponder {

    private static final Ip6Address ALL_NODES = Ip6Address.valueOf("ff02::1");
    private static final MacAddress ALL_NODES_MAC = MacAddress.valueOf("33:33:00:00:00:01");

    private final SlowPathConfig cfg;
    private final Predicate<Ip6Address> ours;
    private final NextHopResolver nextHops;
    private final SlowPathCounters counters;

    ArpNdpResponder(SlowPathConfig cfg, Predicate<Ip6Address> ours, NextHopResolver nextHops,
                    SlowPathCounters counters) {
        this.cfg = cfg;
        this.ours = ours;
        this.nextHops = nextHops;
        this.counters = counters;
    }

    /** ARP. */
    List<OutboundPacket> arp(Frame f) throws DeserializationException {
        SideConfig side = cfg.internetSide();
        byte[] b = f.bytes;
        int o = f.l3Offset;
        // ONOS's deserialiser trusts the length fields; only Ethernet/IPv4 ARP is read.
        Malformed.check(f.l3Length() >= 28, "ARP packet truncated");
        Malformed.check(Checksums.getShort(b, o) == ARP.HW_TYPE_ETHERNET && Checksums.getShort(b, o + 2) == 0x0800
                && b[o + 4] == 6 && b[o + 5] == 4, "not an Ethernet/IPv4 ARP packet");
        ARP req = ARP.deserializer().deserialize(b, o, 28);
        Ip4Address target = Ip4Address.valueOf(req.getTargetProtocolAddress());
        if (!side.matches(f.ingressPort, f.vlan)) {
            return ignore();
        }
        // RFC 826 merge: the next hop's reply, or its own request, tells its MAC.
        boolean fromNextHop = nextHops.arp(req);
        if (req.getOpCode() != ARP.OP_REQUEST || !cfg.isAftrIpv4(target.toInt())) {
            return fromNextHop ? Collections.emptyList() : ignore();
        }
        MacAddress requester = MacAddress.valueOf(req.getSenderHardwareAddress());
        Malformed.check((requester.toBytes()[0] & 1) == 0, "ARP sender hardware address is not unicast");
        ARP reply = NdpArp.arp(ARP.OP_REPLY, side.aftrMac(), target.toOctets(), req.getSenderHardwareAddress(),
                req.getSenderProtocolAddress());
        counters.inc(Counter.OUT_ARP_REPLY);
        return Collections.singletonList(Egress.send(side, requester, Ethernet.TYPE_ARP, reply, false));
    }

    /** NDP. */
    List<OutboundPacket> ndp(Frame f) throws DeserializationException {
        SideConfig side = cfg.lwb4Side();
        Ipv6View p = Ipv6View.parse(f.bytes, f.l3Offset, f.l3Length());
        Malformed.check(p.nextHeader() == Ipv6View.NH_ICMPV6, "not ICMPv6");
        // RFC 4861 §7.1.1 validity checks.
        Malformed.check(p.payloadLength >= 4, "ICMPv6 header truncated");
        if (!Checksums.icmpv6Valid(p.b, p.off, p.payloadOffset(), p.payloadLength)) {
            throw new Malformed(Counter.DROP_BAD_CHECKSUM, "bad ICMPv6 checksum");
        }
        int type = p.b[p.payloadOffset()] & 0xff;
        if (!side.matches(f.ingressPort, f.vlan)) {
            return ignore();
        }
        if (type == (ICMP6.NEIGHBOR_ADVERTISEMENT & 0xff)) {
            return nextHops.neighborAdvertisement(p) ? Collections.emptyList() : ignore();
        }
        if (type != (ICMP6.NEIGHBOR_SOLICITATION & 0xff)) {
            return ignore();
        }
        Malformed.check(p.hopLimit() == NdpArp.NDP_HOP_LIMIT, "NS hop limit is not 255");
        Malformed.check(p.b[p.payloadOffset() + 1] == 0, "NS code is not 0");
        Malformed.check(p.payloadLength >= 24, "NS truncated");
        ICMP6 icmp6 = ICMP6.deserializer().deserialize(p.b, p.payloadOffset(), p.payloadLength);
        NeighborSolicitation ns = (NeighborSolicitation) icmp6.getPayload();
        Ip6Address target = Ip6Address.valueOf(ns.getTargetAddress());
        Malformed.check(!target.isMulticast(), "NS target is multicast");
        MacAddress sourceLinkLayer = null;
        for (NeighborDiscoveryOptions.Option opt : ns.getOptions()) {
            if (opt.type() == NeighborDiscoveryOptions.TYPE_SOURCE_LL_ADDRESS && opt.data().length == 6) {
                sourceLinkLayer = MacAddress.valueOf(opt.data());
            }
        }
        boolean dad = p.srcNotUnique();
        if (dad) {
            Malformed.check(isSolicitedNode(p.dstBytes()) && sourceLinkLayer == null,
                    "DAD NS must go to a solicited-node group without a source link-layer option");
        }
        if (!ours.test(target)) {
            return ignore();
        }
        NeighborAdvertisement na = new NeighborAdvertisement();
        na.setRouterFlag((byte) 1);
        na.setSolicitedFlag((byte) (dad ? 0 : 1));
        na.setOverrideFlag((byte) 1);
        na.setTargetAddress(target.toOctets());
        na.addOption(NeighborDiscoveryOptions.TYPE_TARGET_LL_ADDRESS, side.aftrMac().toBytes());
        IPv6 ip6 = NdpArp.ndp(ICMP6.NEIGHBOR_ADVERTISEMENT, na, target.toOctets(),
                dad ? ALL_NODES.toOctets() : p.srcBytes());
        MacAddress dst = dad ? ALL_NODES_MAC : sourceLinkLayer != null ? sourceLinkLayer : f.src();
        counters.inc(Counter.OUT_NDP_NA);
        return Collections.singletonList(Egress.send(side, dst, Ethernet.TYPE_IPV6, ip6, true));
    }

    /** @return true for ff02::1:ffXX:XXXX (RFC 4291 §2.7.1) */
    static boolean isSolicitedNode(byte[] a) {
        byte[] prefix = {(byte) 0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, (byte) 0xff};
        for (int i = 0; i < prefix.length; i++) {
            if (a[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private List<OutboundPacket> ignore() {
        counters.inc(Counter.DROP_IGNORED);
        return Collections.emptyList();
    }
}
