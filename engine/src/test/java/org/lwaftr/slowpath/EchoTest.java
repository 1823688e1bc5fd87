package org.lwaftr.slowpath;

import org.junit.Test;
import org.onlab.packet.Data;
import org.onlab.packet.Ethernet;
import org.onlab.packet.ICMP;
import org.onlab.packet.ICMPEcho;
import org.onlab.packet.IPv4;
import org.onlab.packet.IPv6;
import org.onlab.packet.Ip6Address;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.lwaftr.slowpath.Fx.*;

/** Echo replies from the AFTR's addresses (ICMPV4_TO_AFTR, ICMPV6_TO_BR). */
public class EchoTest {

    private static final int ICMPV4_TO_AFTR = 3;
    private static final int ICMPV6_TO_BR = 4;

    @Test
    public void icmpv4EchoRequestToTheAftrGetsAReply() throws Exception {
        SlowPath sp = slowPath();
        List<OutboundPacket> out = sp.handle(fromInternet(IcmpErrorsTest.echo(HOST, AFTR_IPV4, 7)), INET_PORT,
                ICMPV4_TO_AFTR);
        assertEquals(1, out.size());
        assertEquals(INET_PORT, out.get(0).port());
        Ethernet eth = parse(out.get(0));
        assertEquals(INET_AFTR_MAC, eth.getSourceMAC());
        assertEquals(INET_NEXT_HOP, eth.getDestinationMAC());
        IPv4 ip = (IPv4) eth.getPayload();
        assertEquals(AFTR_IPV4.toInt(), ip.getSourceAddress());
        assertEquals(HOST.toInt(), ip.getDestinationAddress());
        ICMP icmp = (ICMP) ip.getPayload();
        assertEquals(ICMP.TYPE_ECHO_REPLY, icmp.getIcmpType());
        ICMPEcho echo = (ICMPEcho) icmp.getPayload();
        assertEquals(7, echo.getIdentifier());
        assertEquals(1, echo.getSequenceNum());
        assertArrayEquals(pattern(16), ((Data) echo.getPayload()).getData());
        assertIpv4HeaderChecksum(out.get(0).frame(), 14);
        assertIcmpv4Checksum(out.get(0).frame(), 14);
        assertEquals(1L, (long) sp.counters().get("out-icmpv4-0-0"));
    }

    @Test
    public void icmpv4EchoToAnotherAddressOrWithABadChecksumIsNotAnswered() {
        SlowPath sp = slowPath();
        assertTrue(sp.handle(fromInternet(IcmpErrorsTest.echo(HOST, HOST, 7)), INET_PORT, ICMPV4_TO_AFTR).isEmpty());
        assertEquals(1L, (long) sp.counters().get("drop-ignored"));
        byte[] bad = fromInternet(IcmpErrorsTest.echo(HOST, AFTR_IPV4, 7));
        bad[bad.length - 1] ^= 1;
        assertTrue(sp.handle(bad, INET_PORT, ICMPV4_TO_AFTR).isEmpty());
        assertEquals(1L, (long) sp.counters().get("drop-bad-checksum"));
    }

    @Test
    public void icmpv4EchoReplyTooLargeForTheInternetSideIsFragmented() throws Exception {
        SlowPath sp = slowPath();
        IPv4 req = IcmpErrorsTest.echo(HOST, AFTR_IPV4, 9);
        ((ICMP) req.getPayload()).getPayload().setPayload(new Data(pattern(2000)));
        List<OutboundPacket> out = sp.handle(fromInternet(req), INET_PORT, ICMPV4_TO_AFTR);
        assertEquals(2, out.size());
        ByteArrayOutputStream icmp = new ByteArrayOutputStream();
        for (OutboundPacket p : out) {
            byte[] f = p.frame();
            assertTrue(f.length - 14 <= 1500);
            assertIpv4HeaderChecksum(f, 14);
            icmp.write(f, 34, f.length - 34);
        }
        byte[] msg = icmp.toByteArray();
        assertEquals(8 + 2000, msg.length);
        assertTrue("checksum over the whole reply", sumsToOnes(msg, 0, msg.length));
        assertArrayEquals(pattern(2000), Arrays.copyOfRange(msg, 8, msg.length));
    }

    private static byte[] echoBody() {
        byte[] body = new byte[4 + 12];
        body[1] = 0x2a;                                    // identifier 42
        body[3] = 3;                                       // sequence 3
        System.arraycopy(pattern(12), 0, body, 4, 12);
        return body;
    }

    @Test
    public void icmpv6EchoRequestToTheBrGetsAReplyWithThePseudoHeaderChecksum() throws Exception {
        SlowPath sp = slowPath();
        byte[] in = icmp6Frame(LWB4, BR, 128, echoBody(), 64, LWB4_AFTR_MAC);
        List<OutboundPacket> out = sp.handle(in, LWB4_PORT, ICMPV6_TO_BR);
        assertEquals(1, out.size());
        Ethernet eth = parse(out.get(0));
        assertEquals(LWB4_VLAN, eth.getVlanID());
        IPv6 ip6 = (IPv6) eth.getPayload();
        assertEquals(BR, Ip6Address.valueOf(ip6.getSourceAddress()));
        assertEquals(LWB4, Ip6Address.valueOf(ip6.getDestinationAddress()));
        assertIcmpv6Checksum(out.get(0).frame(), 18);
        // Pinned: Ethernet + VLAN 100, IPv6 (payload 20, ICMPv6, hop limit 64), type 129, checksum
        // (3e00, computed by hand over the pseudo-header), identifier, sequence and data unchanged.
        assertEquals("0200000000fd" + "020000000001" + "8100" + "0064" + "86dd"
                + "60000000" + "0014" + "3a" + "40"
                + "20010db8000000000000000000000001" + "20010db8000100000000000000000001"
                + "8100" + "3e00" + "002a0003" + "030a11181f262d343b424950",
                hex(out.get(0).frame()));
    }

    @Test
    public void icmpv6EchoToAnAftrAddressIsAnsweredAndToOthersNot() {
        SlowPath sp = slowPath();
        assertEquals(1, sp.handle(icmp6Frame(LWB4, AFTR_IPV6, 128, echoBody(), 64, LWB4_AFTR_MAC),
                LWB4_PORT, ICMPV6_TO_BR).size());
        assertTrue(sp.handle(icmp6Frame(LWB4, LWB4_WHOLE, 128, echoBody(), 64, LWB4_AFTR_MAC),
                LWB4_PORT, ICMPV6_TO_BR).isEmpty());
        byte[] bad = icmp6Frame(LWB4, BR, 128, echoBody(), 64, LWB4_AFTR_MAC);
        bad[bad.length - 1] ^= 1;
        assertTrue(sp.handle(bad, LWB4_PORT, ICMPV6_TO_BR).isEmpty());
        assertEquals(1L, (long) sp.counters().get("drop-bad-checksum"));
        assertEquals(1L, (long) sp.counters().get("out-icmpv6-129-0"));
    }
}
