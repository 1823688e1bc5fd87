package org.lwaftr.slowpath;

import org.junit.Test;
import org.onlab.packet.Data;
import org.onlab.packet.Ethernet;
import org.onlab.packet.ICMP;
import org.onlab.packet.IPv4;
import org.onlab.packet.IPv6;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.ipv6.Fragment;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.lwaftr.slowpath.Fx.*;

/** DOWNSTREAM_MTU and UPSTREAM_MTU: RFC 1191 errors, RFC 2473 §7 / RFC 8200 §4.5 and RFC 791 fragmentation. */
public class MtuTest {

    private static final int DOWNSTREAM_MTU = 11;
    private static final int UPSTREAM_MTU = 12;

    @Test
    public void rfc1191DownstreamDfGetsFragmentationNeededWithTheTunnelMtu() throws Exception {
        SlowPath sp = slowPath();
        byte[] in = fromInternet(udp4(HOST, SHARED, 53, BOUND_PORT, 1480, 64, true));
        List<OutboundPacket> out = sp.handle(in, INET_PORT, DOWNSTREAM_MTU);
        assertEquals(1, out.size());
        assertEquals(INET_PORT, out.get(0).port());
        IPv4 ip = (IPv4) parse(out.get(0)).getPayload();
        assertEquals(HOST.toInt(), ip.getDestinationAddress());
        ICMP icmp = (ICMP) ip.getPayload();
        assertEquals(3, icmp.getIcmpType());
        assertEquals(4, icmp.getIcmpCode());
        byte[] body = ((Data) icmp.getPayload()).getData();
        assertEquals("next-hop MTU = 1500 − 40", 1460, ((body[2] & 0xff) << 8) | (body[3] & 0xff));
        assertEquals(1L, (long) sp.counters().get("out-icmpv4-3-4"));
    }

    @Test
    public void rfc2473Sec7DownstreamWithoutDfIsEncapsulatedThenFragmented() throws Exception {
        SlowPath sp = slowPath();
        IPv4 orig = udp4(HOST, SHARED, 53, BOUND_PORT, 1480, 64, false);
        orig.setDiffServ((byte) 0x28);
        byte[] in = fromInternet(orig);
        List<OutboundPacket> out = sp.handle(in, INET_PORT, DOWNSTREAM_MTU);
        assertEquals(2, out.size());
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        int id = -1;
        int[] sizes = {1496, 40 + 8 + 1508 - 1448};
        for (int i = 0; i < 2; i++) {
            OutboundPacket p = out.get(i);
            assertEquals(LWB4_PORT, p.port());
            assertEquals(sizes[i], p.length() - 18);
            Ethernet eth = parse(p);
            assertEquals(LWB4_VLAN, eth.getVlanID());
            assertEquals(LWB4_AFTR_MAC, eth.getSourceMAC());
            assertEquals(LWB4_NEXT_HOP, eth.getDestinationMAC());
            IPv6 ip6 = (IPv6) eth.getPayload();
            assertEquals(BR, Ip6Address.valueOf(ip6.getSourceAddress()));
            assertEquals(LWB4, Ip6Address.valueOf(ip6.getDestinationAddress()));
            assertEquals("traffic class from the TOS", 0x28, ip6.getTrafficClass() & 0xff);
            assertEquals(44, ip6.getNextHeader());
            Fragment fh = (Fragment) ip6.getPayload();
            assertEquals(4, fh.getNextHeader());
            assertEquals(i == 0 ? 1 : 0, fh.getMoreFragment());
            assertEquals(i == 0 ? 0 : 1448 / 8, fh.getFragmentOffset());
            if (id == -1) {
                id = fh.getIdentification();
            }
            assertEquals("one identification", id, fh.getIdentification());
            whole.write(((Data) fh.getPayload()).getData());
        }
        byte[] expected = Arrays.copyOfRange(in, 14, in.length);
        expected[8] = 63;                                          // TTL − 1
        Checksums.setIpv4Header(expected, 0);
        assertArrayEquals(expected, whole.toByteArray());
        assertIpv4HeaderChecksum(whole.toByteArray(), 0);
        assertEquals(2L, (long) sp.counters().get("out-ipv6-fragments"));
    }

    @Test
    public void downstreamWithoutDfWhoseSoftwireIsGoneGetsHostUnreachable() throws Exception {
        SlowPath sp = slowPath();
        byte[] in = fromInternet(udp4(HOST, SHARED, 53, UNBOUND_PORT, 1480, 64, false));
        List<OutboundPacket> out = sp.handle(in, INET_PORT, DOWNSTREAM_MTU);
        assertEquals(1, out.size());
        ICMP icmp = (ICMP) ((IPv4) parse(out.get(0)).getPayload()).getPayload();
        assertEquals(3, icmp.getIcmpType());
        assertEquals(1, icmp.getIcmpCode());
        assertEquals(1L, (long) sp.counters().get("drop-no-softwire"));
    }

    @Test
    public void hairpinnedTooBigWithoutDfIsFragmentedTowardTheDestinationSoftwire() throws Exception {
        SlowPath sp = slowPath();
        byte[] in = fromLwb4(encap(udp4(WHOLE, SHARED, 5000, BOUND_PORT, 1480, 64, false), LWB4_WHOLE, BR));
        List<OutboundPacket> out = sp.handle(in, LWB4_PORT, DOWNSTREAM_MTU);
        assertEquals(2, out.size());
        IPv6 ip6 = (IPv6) parse(out.get(0)).getPayload();
        assertEquals(LWB4, Ip6Address.valueOf(ip6.getDestinationAddress()));
    }

    @Test
    public void upstreamDfGetsFragmentationNeededThroughTheSoftwire() throws Exception {
        SlowPath sp = slowPath(config().internetSide(INET_PORT, 0, INET_AFTR_MAC, INET_NEXT_HOP, 1400).build(),
                new Clock());
        byte[] in = fromLwb4(encap(udp4(SHARED, HOST, BOUND_PORT, 53, 1422, 64, true), LWB4, BR));
        List<OutboundPacket> out = sp.handle(in, LWB4_PORT, UPSTREAM_MTU);
        assertEquals(1, out.size());
        assertEquals(LWB4_PORT, out.get(0).port());
        IPv6 ip6 = (IPv6) parse(out.get(0)).getPayload();
        assertEquals(BR, Ip6Address.valueOf(ip6.getSourceAddress()));
        assertEquals(LWB4, Ip6Address.valueOf(ip6.getDestinationAddress()));
        byte[] f = out.get(0).frame();
        IPv4 ip = IPv4.deserializer().deserialize(f, 58, f.length - 58);
        assertEquals(AFTR_IPV4.toInt(), ip.getSourceAddress());
        assertEquals(SHARED.toInt(), ip.getDestinationAddress());
        byte[] body = ((Data) ((ICMP) ip.getPayload()).getPayload()).getData();
        assertEquals("next-hop MTU = Internet MTU", 1400, ((body[2] & 0xff) << 8) | (body[3] & 0xff));
        assertIcmpv4Checksum(f, 58);
    }

    @Test
    public void rfc791UpstreamWithoutDfIsFragmentedToTheInternetMtu() throws Exception {
        SlowPath sp = slowPath(config().internetSide(INET_PORT, 0, INET_AFTR_MAC, INET_NEXT_HOP, 1400).build(),
                new Clock());
        IPv4 inner = udp4(SHARED, HOST, BOUND_PORT, 53, 1422, 64, false);
        byte[] innerBytes = inner.serialize();
        List<OutboundPacket> out = sp.handle(fromLwb4(encap(inner, LWB4, BR)), LWB4_PORT, UPSTREAM_MTU);
        assertEquals(2, out.size());
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (int i = 0; i < 2; i++) {
            OutboundPacket p = out.get(i);
            assertEquals(INET_PORT, p.port());
            assertTrue(p.length() - 14 <= 1400);
            IPv4 frag = (IPv4) parse(p).getPayload();
            assertEquals(0x4242, frag.getIdentification() & 0xffff);
            assertEquals(i == 0 ? 1 : 0, frag.getFlags());
            assertEquals(i == 0 ? 0 : 1376 / 8, frag.getFragmentOffset());
            assertIpv4HeaderChecksum(p.frame(), 14);
            byte[] f = p.frame();
            payload.write(f, 14 + 20, f.length - 34);
        }
        assertEquals("largest multiple of 8 that fits", 20 + 1376, out.get(0).length() - 14);
        assertArrayEquals(Arrays.copyOfRange(innerBytes, 20, innerBytes.length), payload.toByteArray());
        assertEquals(2L, (long) sp.counters().get("out-ipv4-fragments"));
    }

    @Test
    public void rfc791Sec32OnlyCopiedOptionsRepeatInLaterFragments() throws Exception {
        IPv4 ip = udp4(SHARED, HOST, BOUND_PORT, 53, 1000, 64, false);
        // Record Route (7, not copied), Router Alert (148, copied), End of options.
        ip.setOptions(hex("0707040000000094040000" + "00"));
        byte[] b = ip.serialize();
        Checksums.setIpv4Header(b, 0);
        List<IPv4> frags = Fragmenter.ipv4(Ipv4View.parse(b, 0, b.length), 576);
        assertEquals(2, frags.size());
        assertArrayEquals(hex("070704000000009404000000"), frags.get(0).getOptions());
        assertArrayEquals(hex("94040000"), frags.get(1).getOptions());
        byte[] second = frags.get(1).serialize();
        assertEquals("offset in 8-byte units", (576 - 32) / 8, frags.get(1).getFragmentOffset());
        assertEquals(24 + (1008 - 544), second.length);
    }

    @Test
    public void rfc8021APacketThatFitsIsSentWithoutAFragmentHeader() throws Exception {
        SlowPath sp = slowPath();
        List<OutboundPacket> out = sp.handle(fromInternet(udp4(HOST, SHARED, 53, BOUND_PORT, 100, 64, false)),
                INET_PORT, DOWNSTREAM_MTU);
        assertEquals(1, out.size());
        IPv6 ip6 = (IPv6) parse(out.get(0)).getPayload();
        assertEquals(4, ip6.getNextHeader());
        assertEquals(0L, (long) sp.counters().get("out-ipv6-fragments"));
    }

    @Test
    public void outgoingIcmpRefusedByPolicyIsNotFragmented() {
        SlowPath sp = slowPath(config().allowOutgoingIcmp(false)
                .internetSide(INET_PORT, 0, INET_AFTR_MAC, INET_NEXT_HOP, 1400).build(), new Clock());
        IPv4 ping = IcmpErrorsTest.echo(SHARED, HOST, BOUND_PORT);
        ((ICMP) ping.getPayload()).getPayload().setPayload(new Data(pattern(1450)));
        assertTrue(sp.handle(fromLwb4(encap(ping, LWB4, BR)), LWB4_PORT, UPSTREAM_MTU).isEmpty());
        assertEquals(1L, (long) sp.counters().get("drop-policy-icmp"));
    }
}
