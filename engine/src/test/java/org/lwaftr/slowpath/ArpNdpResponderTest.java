package org.lwaftr.slowpath;

import org.junit.Test;
import org.onlab.packet.ARP;
import org.onlab.packet.Ethernet;
import org.onlab.packet.ICMP6;
import org.onlab.packet.IPv6;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.MacAddress;
import org.onlab.packet.ndp.NeighborAdvertisement;
import org.onlab.packet.ndp.NeighborDiscoveryOptions;

import java.util.List;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.lwaftr.slowpath.Fx.*;

/** ARP (RFC 826) and neighbour discovery (RFC 4861 §7.2.4) for the AFTR's addresses. */
public class ArpNdpResponderTest {

    private static final int ARP_REASON = 1;
    private static final int NDP_REASON = 2;
    private static final MacAddress HOST_MAC = MacAddress.valueOf("02:00:00:00:00:77");

    private static byte[] arp(short op, Ip4Address target) {
        ARP arp = NdpArp.arp(op, HOST_MAC, HOST.toOctets(), new byte[6], target.toOctets());
        byte[] f = fromInternet(arp, Ethernet.TYPE_ARP);
        System.arraycopy(MacAddress.BROADCAST.toBytes(), 0, f, 0, 6);
        System.arraycopy(HOST_MAC.toBytes(), 0, f, 6, 6);
        return f;
    }

    @Test
    public void rfc826ArpRequestForTheAftrAddressGetsAReply() {
        SlowPath sp = slowPath();
        List<OutboundPacket> out = sp.handle(arp(ARP.OP_REQUEST, AFTR_IPV4), INET_PORT, ARP_REASON);
        assertEquals(1, out.size());
        assertEquals(INET_PORT, out.get(0).port());
        assertEquals("020000000077" + "020000000002" + "0806"
                + "0001" + "0800" + "06" + "04" + "0002"
                + "020000000002" + "c0000201" + "020000000077" + "cb007107",
                hex(out.get(0).frame()));
        assertEquals(1L, (long) sp.counters().get("out-arp-reply"));
    }

    @Test
    public void arpForOtherAddressesRepliesOrTheWrongSideIsIgnored() {
        SlowPath sp = slowPath();
        assertTrue(sp.handle(arp(ARP.OP_REQUEST, HOST), INET_PORT, ARP_REASON).isEmpty());
        assertTrue(sp.handle(arp(ARP.OP_REPLY, AFTR_IPV4), INET_PORT, ARP_REASON).isEmpty());
        assertTrue(sp.handle(arp(ARP.OP_REQUEST, AFTR_IPV4), LWB4_PORT, ARP_REASON).isEmpty());
        assertEquals(3L, (long) sp.counters().get("drop-ignored"));
    }

    /** An NS body: reserved, target, optional source link-layer address option. */
    private static byte[] ns(Ip6Address target, MacAddress slla) {
        byte[] b = new byte[20 + (slla == null ? 0 : 8)];
        System.arraycopy(target.toOctets(), 0, b, 4, 16);
        if (slla != null) {
            b[20] = 1;
            b[21] = 1;
            System.arraycopy(slla.toBytes(), 0, b, 22, 6);
        }
        return b;
    }

    private static NeighborAdvertisement assertNa(OutboundPacket p, Ip6Address src, Ip6Address dst,
                                                  MacAddress ethDst) throws Exception {
        assertEquals(LWB4_PORT, p.port());
        Ethernet eth = parse(p);
        assertEquals(ethDst, eth.getDestinationMAC());
        assertEquals(LWB4_AFTR_MAC, eth.getSourceMAC());
        assertEquals(LWB4_VLAN, eth.getVlanID());
        IPv6 ip6 = (IPv6) eth.getPayload();
        assertEquals(255, ip6.getHopLimit() & 0xff);
        assertEquals(src, Ip6Address.valueOf(ip6.getSourceAddress()));
        assertEquals(dst, Ip6Address.valueOf(ip6.getDestinationAddress()));
        ICMP6 icmp6 = (ICMP6) ip6.getPayload();
        assertEquals(ICMP6.NEIGHBOR_ADVERTISEMENT, icmp6.getIcmpType());
        NeighborAdvertisement na = (NeighborAdvertisement) icmp6.getPayload();
        assertArrayEquals(src.toOctets(), na.getTargetAddress());
        assertEquals(1, na.getRouterFlag());
        assertEquals(1, na.getOverrideFlag());
        List<NeighborDiscoveryOptions.Option> opts = na.getOptions();
        assertEquals(1, opts.size());
        assertEquals(NeighborDiscoveryOptions.TYPE_TARGET_LL_ADDRESS, opts.get(0).type());
        assertArrayEquals(LWB4_AFTR_MAC.toBytes(), opts.get(0).data());
        assertIcmpv6Checksum(p.frame(), 18);
        return na;
    }

    @Test
    public void rfc4861UnicastSolicitationForTheBrGetsASolicitedAdvertisement() throws Exception {
        SlowPath sp = slowPath();
        byte[] in = icmp6Frame(LWB4, BR, 135, ns(BR, LWB4_MAC), 255, LWB4_AFTR_MAC);
        List<OutboundPacket> out = sp.handle(in, LWB4_PORT, NDP_REASON);
        assertEquals(1, out.size());
        assertEquals(1, assertNa(out.get(0), BR, LWB4, LWB4_MAC).getSolicitedFlag());
        assertEquals(1L, (long) sp.counters().get("out-ndp-na"));
    }

    @Test
    public void rfc4861SolicitedNodeMulticastSolicitationIsAnswered() throws Exception {
        SlowPath sp = slowPath();
        Ip6Address group = Ip6Address.valueOf("ff02::1:ff00:a");
        byte[] in = icmp6Frame(LWB4, group, 135, ns(AFTR_IPV6, null), 255, MacAddress.valueOf("33:33:ff:00:00:0a"));
        List<OutboundPacket> out = sp.handle(in, LWB4_PORT, NDP_REASON);
        assertEquals(1, out.size());
        // No source link-layer option: the frame's source MAC is used.
        assertEquals(1, assertNa(out.get(0), AFTR_IPV6, LWB4, LWB4_MAC).getSolicitedFlag());
    }

    @Test
    public void rfc4861Sec724DadProbeIsAnsweredToAllNodesUnsolicited() throws Exception {
        SlowPath sp = slowPath();
        byte[] in = icmp6Frame(Ip6Address.valueOf("::"), Ip6Address.valueOf("ff02::1:ff00:1"), 135, ns(BR, null),
                255, MacAddress.valueOf("33:33:ff:00:00:01"));
        List<OutboundPacket> out = sp.handle(in, LWB4_PORT, NDP_REASON);
        assertEquals(1, out.size());
        NeighborAdvertisement na = assertNa(out.get(0), BR, Ip6Address.valueOf("ff02::1"),
                MacAddress.valueOf("33:33:00:00:00:01"));
        assertEquals(0, na.getSolicitedFlag());
    }

    @Test
    public void rfc4861Sec711InvalidOrForeignSolicitationsAreNotAnswered() {
        SlowPath sp = slowPath();
        assertTrue("not our target", sp.handle(icmp6Frame(LWB4, BR, 135, ns(LWB4_WHOLE, LWB4_MAC), 255,
                LWB4_AFTR_MAC), LWB4_PORT, NDP_REASON).isEmpty());
        assertEquals(1L, (long) sp.counters().get("drop-ignored"));
        assertTrue("hop limit not 255", sp.handle(icmp6Frame(LWB4, BR, 135, ns(BR, LWB4_MAC), 64,
                LWB4_AFTR_MAC), LWB4_PORT, NDP_REASON).isEmpty());
        assertEquals(1L, (long) sp.counters().get("drop-malformed"));
        assertTrue("wrong side", sp.handle(icmp6Frame(LWB4, BR, 135, ns(BR, LWB4_MAC), 255,
                LWB4_AFTR_MAC), INET_PORT, NDP_REASON).isEmpty());
        assertTrue("router solicitation", sp.handle(icmp6Frame(LWB4, BR, 133, new byte[4], 255,
                LWB4_AFTR_MAC), LWB4_PORT, NDP_REASON).isEmpty());
        assertEquals(3L, (long) sp.counters().get("drop-ignored"));
        assertEquals(0L, (long) sp.counters().get("out-ndp-na"));
    }

    /**
     * RFC 4861 §7.2.3 answers for addresses assigned to the interface: the AFTR's own and the
     * configured BR addresses. A BR address that only a softwire names is a tunnel endpoint
     * reached through the next hop, not an on-link address: not answered (Snabb answers only its
     * interface address; its test ndp_incoming_ns_secondary expects no answer).
     */
    @Test
    public void rfc4861Sec723BrOnlyNamedBySoftwiresIsNotAnswered() throws Exception {
        Ip6Address named = Ip6Address.valueOf("2001:db8:ffff::77");
        SlowPath sp = slowPath(config().softwireBrAddress(named).build(), new Clock());
        assertTrue(sp.handle(icmp6Frame(LWB4, named, 135, ns(named, LWB4_MAC), 255, LWB4_AFTR_MAC), LWB4_PORT,
                NDP_REASON).isEmpty());
        assertEquals(1L, (long) sp.counters().get("drop-ignored"));
        List<OutboundPacket> out = sp.handle(icmp6Frame(LWB4, AFTR_IPV6, 135, ns(AFTR_IPV6, LWB4_MAC), 255,
                LWB4_AFTR_MAC), LWB4_PORT, NDP_REASON);
        assertEquals(1, assertNa(out.get(0), AFTR_IPV6, LWB4, LWB4_MAC).getSolicitedFlag());
    }
}
