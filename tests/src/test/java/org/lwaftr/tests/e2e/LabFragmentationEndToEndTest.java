package org.lwaftr.tests.e2e;

import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;
import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.core.Softwire;
import org.lwaftr.lab.LabController;
import org.lwaftr.lab.LabPipeline;
import org.lwaftr.lab.TargetSpec;
import org.lwaftr.tests.bmv2.Bmv2Switch;
import org.lwaftr.tests.bmv2.Checksums;
import org.lwaftr.tests.bmv2.FrameIo;
import org.lwaftr.tests.bmv2.LwaftrFrames;
import org.onlab.packet.Data;
import org.onlab.packet.Ethernet;
import org.onlab.packet.ICMP;
import org.onlab.packet.IPv4;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.MacAddress;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.lwaftr.tests.e2e.E2eSetup.*;

/**
 * On bmv2 through the lab controller: fragments the switch punts are reassembled by the slow path,
 * and a reassembled packet over the MTU of the side it leaves by, once translated, leaves as
 * fragments (RFC 7596 §5.3) or, with DF, is answered with ICMPv4 3/4 — sent by the slow path
 * straight out of the port, never re-injected (the data plane would drop it as REINJECT_PUNT).
 * Frames are compared byte for byte; an identification the AFTR picks is read from the first
 * frame that carries it.
 */
public class LabFragmentationEndToEndTest {
    private static final long WAIT = 3000;
    /** lwB4-side MTU 1500 (payload MTU 1460), Internet MTU 1280. */
    private static final LwaftrPolicy POLICY = LwaftrPolicy.builder()
            .softwirePayloadMtu(1460).internetMtu(1280).icmp(icmp(true, true, 300, 1)).build();
    @ClassRule
    public static final E2eSwitch BMV2 = new E2eSwitch("bmv2-frag");
    private FrameIo io;
    private LabController lab;

    @Before
    public void start() {
        io = BMV2.io();
        io.clear();
        lab = LabController.start(config(POLICY, List.of(shared(1), shared(2), whole())),
                List.of(new TargetSpec("127.0.0.1", BMV2.sw().grpcPort(), Bmv2Switch.DEVICE_ID)),
                LabPipeline.lwaftr());
        if (!lab.awaitConverged(30_000)) {
            throw new AssertionError("lab controller did not converge:\n" + lab.report());
        }
        io.clear();
    }

    @After
    public void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private static byte[] bytes(IPv4 ip) {
        return LwaftrFrames.bytes(ip);
    }

    private static IPv4 udp(Ip4Address src, int sport, Ip4Address dst, int dport,
                            int dataBytes, boolean df) {
        IPv4 ip = LwaftrFrames.udp(src, sport, dst, dport, LwaftrFrames.filler(dataBytes));
        ip.setFlags((byte) (df ? 2 : 0));
        return ip;
    }

    private static byte[] frame(MacAddress src, MacAddress dst, short etherType, byte[] l3) {
        return LwaftrFrames.frame(src, dst, 0, etherType, l3);
    }

    private void sendFromInternet(byte[] ipv4) {
        io.send(INET_PORT, frame(INET_ROUTER, AFTR_MAC_INET, Ethernet.TYPE_IPV4, ipv4));
    }

    private void expectExactly(int port, byte[] expected) {
        byte[] got = io.expectBytes(port, WAIT);
        assertEquals("port " + port, FrameIo.hex(expected), FrameIo.hex(got));
    }

    /** The slow path's counters after the frames: no packet came back to the controller a second time. */
    private Map<String, Long> counters(String puntedKey, long punted) {
        io.expectNoFrame(LWB4_PORT, 300);
        io.expectNoFrame(INET_PORT, 100);
        Map<String, Long> c = lab.slowPathCounters();
        assertEquals(c.toString(), punted, (long) c.get(puntedKey));
        assertEquals("every packet-in was a fragment: " + c, punted, (long) c.get("lab-packet-in"));
        String report = lab.report();
        assertFalse("nothing re-injected was dropped for a second punt:\n" + report, report.matches("(?s).*\\n  drop REINJECT_PUNT +[1-9].*"));
        return c;
    }

    private static long get(Map<String, Long> c, String key) {
        return c.getOrDefault(key, 0L);
    }

    @Test
    public void rfc7596Sec53InternetFragmentsReassembledOverTheLwb4MtuLeaveAsIpv6Fragments() {
        Softwire s = shared(2);
        byte[] d = bytes(udp(HOST, 53, SHARED, port(s), 2400, false));           // 2428 bytes
        sendFromInternet(LwaftrFrames.ipv4Fragment(d, 64, 0, 1200, true));
        sendFromInternet(LwaftrFrames.ipv4Fragment(d, 64, 1200, d.length - 1220, false));

        // RFC 2473 §7.1, RFC 8200 §4.5: the datagram with TTL − 1 in IPv6 from the BR to the lwB4
        // (hop limit 64), fragmented to 1500 bytes: 1448 bytes, then the remaining 980.
        byte[] inner = LwaftrFrames.ipv4Fragment(d, 63, 0, d.length - 20, false);
        byte[] first = io.expectBytes(LWB4_PORT, WAIT);
        int id = (int) ((long) Checksums.u16(first, 14 + 44) << 16 | Checksums.u16(first, 14 + 46));
        assertEquals(FrameIo.hex(frame(AFTR_MAC_B4, B4_ROUTER, Ethernet.TYPE_IPV6,
                LwaftrFrames.ipv6Fragment(BR, s.lwb4(), id, 0, true, Arrays.copyOfRange(inner, 0, 1448)))),
                FrameIo.hex(first));
        expectExactly(LWB4_PORT, frame(AFTR_MAC_B4, B4_ROUTER, Ethernet.TYPE_IPV6,
                LwaftrFrames.ipv6Fragment(BR, s.lwb4(), id, 1448, false, Arrays.copyOfRange(inner, 1448, 2428))));

        Map<String, Long> c = counters("punted-ipv4-fragment", 2);
        assertEquals(1, get(c, "reassembled-too-big"));
        assertEquals(0, get(c, "out-reinjected"));
        assertEquals(2, get(c, "out-ipv6-fragments"));
        assertEquals(2, get(c, "lab-packet-out"));
    }

    @Test
    public void internetFragmentsReassembledWithinTheMtuAreReinjectedOnceAndForwardedWhole() {
        Softwire s = shared(1);
        byte[] d = bytes(udp(HOST, 53, SHARED, port(s), 1000, false));
        sendFromInternet(LwaftrFrames.ipv4Fragment(d, 64, 0, 504, true));
        sendFromInternet(LwaftrFrames.ipv4Fragment(d, 64, 504, d.length - 524, false));
        expectExactly(LWB4_PORT, frame(AFTR_MAC_B4, B4_ROUTER, Ethernet.TYPE_IPV6,
                LwaftrFrames.ipv6(BR, s.lwb4(), LwaftrFrames.PROTO_IPV4,
                        LwaftrFrames.ipv4Fragment(d, 63, 0, d.length - 20, false)).serialize()));
        Map<String, Long> c = counters("punted-ipv4-fragment", 2);
        assertEquals(1, get(c, "out-reinjected"));
        assertEquals(0, get(c, "reassembled-too-big"));
    }

    @Test
    public void rfc1191InternetFragmentsWithDfReassembledOverTheLwb4MtuGetFragmentationNeeded() {
        Softwire s = shared(2);
        byte[] d = bytes(udp(HOST, 53, SHARED, port(s), 2400, true));
        sendFromInternet(LwaftrFrames.ipv4Fragment(d, 64, 0, 1200, true));
        sendFromInternet(LwaftrFrames.ipv4Fragment(d, 64, 1200, d.length - 1220, false));
        byte[] got = io.expectBytes(INET_PORT, WAIT);
        // ICMPv4 3/4 from the AFTR to the sender, next-hop MTU 1500 − 40 (RFC 2473 §7.2), quoting
        // the reassembled datagram up to 576 bytes (RFC 1812 §4.3.2.3).
        assertEquals(FrameIo.hex(frame(AFTR_MAC_INET, INET_ROUTER, Ethernet.TYPE_IPV4,
                fragmentationNeeded(HOST, 1460, d, got, 14))), FrameIo.hex(got));
        Map<String, Long> c = counters("punted-ipv4-fragment", 2);
        assertEquals(1, get(c, "out-icmpv4-3-4"));
        assertEquals(0, get(c, "out-reinjected"));
    }

    /** An echo request or reply with 2000 bytes of data (RFC 792). */
    private static IPv4 bigEcho(Ip4Address src, Ip4Address dst, boolean request) {
        IPv4 ip = LwaftrFrames.echo(src, dst, request, 7, 1);
        ((ICMP) ip.getPayload()).getPayload().setPayload(new Data(LwaftrFrames.filler(2000)));
        return ip;
    }

    @Test
    public void aFragmentedEchoRequestToTheAftrIsAnsweredWithAFragmentedReply() {
        byte[] d = bytes(bigEcho(HOST, AFTR_V4, true));                       // 2028 bytes
        sendFromInternet(LwaftrFrames.ipv4Fragment(d, 64, 0, 1000, true));
        sendFromInternet(LwaftrFrames.ipv4Fragment(d, 64, 1000, d.length - 1020, false));
        // The reply (identification of the request, the AFTR's TTL) fragmented to the Internet MTU.
        byte[] first = io.expectBytes(INET_PORT, WAIT);
        IPv4 reply = bigEcho(AFTR_V4, HOST, false);
        reply.setTtl(first[14 + 8]);
        byte[] r = bytes(reply);
        assertEquals(FrameIo.hex(frame(AFTR_MAC_INET, INET_ROUTER, Ethernet.TYPE_IPV4,
                LwaftrFrames.ipv4Fragment(r, reply.getTtl(), 0, 1256, true))), FrameIo.hex(first));
        expectExactly(INET_PORT, frame(AFTR_MAC_INET, INET_ROUTER, Ethernet.TYPE_IPV4,
                LwaftrFrames.ipv4Fragment(r, reply.getTtl(), 1256, 2008 - 1256, false)));
        Map<String, Long> c = counters("punted-ipv4-fragment", 2);
        assertEquals(1, get(c, "out-icmpv4-0-0"));
        assertEquals(0, get(c, "out-reinjected"));
    }

    /** The lwB4's IPv6 fragments (identification 9, 800 bytes first) of its tunnel packet carrying {@code d}. */
    private void sendFromLwb4InIpv6Fragments(Ip6Address lwb4, byte[] d) {
        io.send(LWB4_PORT, frame(B4_ROUTER, AFTR_MAC_B4, Ethernet.TYPE_IPV6,
                LwaftrFrames.ipv6Fragment(lwb4, BR, 9, 0, true, Arrays.copyOfRange(d, 0, 800))));
        io.send(LWB4_PORT, frame(B4_ROUTER, AFTR_MAC_B4, Ethernet.TYPE_IPV6,
                LwaftrFrames.ipv6Fragment(lwb4, BR, 9, 800, false, Arrays.copyOfRange(d, 800, d.length))));
    }

    @Test
    public void rfc791Ipv6FragmentsWhoseDecapsulatedPacketExceedsTheInternetMtuLeaveAsIpv4Fragments() {
        Softwire s = shared(1);
        byte[] d = bytes(udp(SHARED, port(s), HOST, 53, 1400, false));            // 1428 bytes
        sendFromLwb4InIpv6Fragments(s.lwb4(), d);
        // Decapsulated as the data plane does (TTL kept), fragmented to 1280: 1256 + 152 bytes,
        // identification kept (RFC 791).
        expectExactly(INET_PORT, frame(AFTR_MAC_INET, INET_ROUTER, Ethernet.TYPE_IPV4,
                LwaftrFrames.ipv4Fragment(d, 64, 0, 1256, true)));
        expectExactly(INET_PORT, frame(AFTR_MAC_INET, INET_ROUTER, Ethernet.TYPE_IPV4,
                LwaftrFrames.ipv4Fragment(d, 64, 1256, 1408 - 1256, false)));
        Map<String, Long> c = counters("punted-ipv6-fragment", 2);
        assertEquals(1, get(c, "reassembled-too-big"));
        assertEquals(0, get(c, "out-reinjected"));
        assertEquals(2, get(c, "out-ipv4-fragments"));
    }

    @Test
    public void rfc791InnerIpv4FragmentsReassembledOverTheInternetMtuLeaveAsIpv4Fragments() {
        Softwire s = shared(1);
        byte[] d = bytes(udp(SHARED, port(s), HOST, 53, 1400, false));
        io.send(LWB4_PORT, frame(B4_ROUTER, AFTR_MAC_B4, Ethernet.TYPE_IPV6, LwaftrFrames.ipv6(s.lwb4(), BR,
                LwaftrFrames.PROTO_IPV4, LwaftrFrames.ipv4Fragment(d, 64, 0, 704, true)).serialize()));
        io.send(LWB4_PORT, frame(B4_ROUTER, AFTR_MAC_B4, Ethernet.TYPE_IPV6, LwaftrFrames.ipv6(s.lwb4(), BR,
                LwaftrFrames.PROTO_IPV4, LwaftrFrames.ipv4Fragment(d, 64, 704, 1408 - 704, false)).serialize()));
        expectExactly(INET_PORT, frame(AFTR_MAC_INET, INET_ROUTER, Ethernet.TYPE_IPV4,
                LwaftrFrames.ipv4Fragment(d, 64, 0, 1256, true)));
        expectExactly(INET_PORT, frame(AFTR_MAC_INET, INET_ROUTER, Ethernet.TYPE_IPV4,
                LwaftrFrames.ipv4Fragment(d, 64, 1256, 1408 - 1256, false)));
        Map<String, Long> c = counters("punted-inner-ipv4-fragment", 2);
        assertEquals(0, get(c, "out-reinjected"));
    }

    @Test
    public void rfc1191Ipv6FragmentsWithDfOverTheInternetMtuGetFragmentationNeededThroughTheSoftwire() {
        Softwire s = shared(1);
        byte[] d = bytes(udp(SHARED, port(s), HOST, 53, 1400, true));
        sendFromLwb4InIpv6Fragments(s.lwb4(), d);
        byte[] got = io.expectBytes(LWB4_PORT, WAIT);
        // ICMPv4 3/4 with next-hop MTU = the Internet MTU, in IPv6 from the BR back to the lwB4.
        byte[] icmp = fragmentationNeeded(SHARED, 1280, d, got, 14 + 40);
        assertEquals(FrameIo.hex(frame(AFTR_MAC_B4, B4_ROUTER, Ethernet.TYPE_IPV6,
                LwaftrFrames.ipv6(BR, s.lwb4(), LwaftrFrames.PROTO_IPV4, icmp).serialize())), FrameIo.hex(got));
        Map<String, Long> c = counters("punted-ipv6-fragment", 2);
        assertEquals(1, get(c, "out-icmpv4-3-4"));
        assertEquals(0, get(c, "out-reinjected"));
    }

    /**
     * ICMPv4 3/4 from the AFTR to {@code to} about {@code quoted}; TTL and identification (the
     * AFTR's choice) are read from the packet received at {@code got[off]}.
     */
    private static byte[] fragmentationNeeded(Ip4Address to, int mtu, byte[] quoted, byte[] got,
                                              int off) {
        byte[] body = new byte[4 + 548];
        body[2] = (byte) (mtu >> 8);
        body[3] = (byte) mtu;
        System.arraycopy(quoted, 0, body, 4, 548);
        ICMP icmp = new ICMP();
        icmp.setIcmpType((byte) 3);
        icmp.setIcmpCode((byte) 4);
        icmp.setPayload(new Data(body));
        IPv4 ip = LwaftrFrames.ipv4(AFTR_V4, to, IPv4.PROTOCOL_ICMP, icmp);
        ip.setTtl(got[off + 8]);
        ip.setIdentification((short) Checksums.u16(got, off + 4));
        return bytes(ip);
    }
}
