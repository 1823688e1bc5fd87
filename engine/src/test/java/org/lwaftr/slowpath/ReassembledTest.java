package org.lwaftr.slowpath;

import org.junit.Test;
import org.onlab.packet.Data;
import org.onlab.packet.IPv4;
import org.onlab.packet.IPv6;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.MacAddress;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.lwaftr.slowpath.Fx.*;

/**
 * A reassembled packet over the MTU of the side it leaves by, once translated, is fragmented (or
 * answered with ICMPv4 3/4 if DF) by the slow path and never re-injected: the data plane would
 * drop it as REINJECT_PUNT. Expected frames are built here byte by byte (headers, offsets,
 * checksums computed independently of the slow path and of ONOS's fragment classes).
 */
public class ReassembledTest {

    private static final int IPV4_FRAGMENT = 5;
    private static final int IPV6_FRAGMENT = 6;
    private static final int INNER_IPV4_FRAGMENT = 7;
    /** The first identification the fixture's slow path hands out. */
    private static final int FIRST_ID = 0x1234;

    // ------------------------------------------------------------------ frames, built by hand

    private static int sum16(byte[] b, int off, int len) {
        long s = 0;
        for (int i = 0; i < len; i += 2) {
            s += ((b[off + i] & 0xff) << 8) | (i + 1 < len ? b[off + i + 1] & 0xff : 0);
        }
        while (s > 0xffff) {
            s = (s & 0xffff) + (s >>> 16);
        }
        return (int) s;
    }

    /** An IPv4 packet: {@code whole}'s 20-byte header (TTL replaced) over payload bytes [offset, offset + len). */
    private static byte[] ipv4Piece(byte[] whole, int ttl, int offset, int len, boolean more, boolean df) {
        byte[] out = new byte[20 + len];
        System.arraycopy(whole, 0, out, 0, 20);
        System.arraycopy(whole, 20 + offset, out, 20, len);
        out[2] = (byte) ((20 + len) >>> 8);
        out[3] = (byte) (20 + len);
        int flags = (df ? 0x4000 : 0) | (more ? 0x2000 : 0) | (offset / 8);
        out[6] = (byte) (flags >>> 8);
        out[7] = (byte) flags;
        out[8] = (byte) ttl;
        out[10] = 0;
        out[11] = 0;
        int c = ~sum16(out, 0, 20) & 0xffff;
        out[10] = (byte) (c >>> 8);
        out[11] = (byte) c;
        return out;
    }

    /**
     * ICMPv4 3/4 from the AFTR to {@code to} quoting {@code quoted} up to 576 bytes (RFC 1812
     * §4.3.2.3); the identification (IcmpErrors' choice) is read from the packet at {@code got[off]}.
     */
    private static byte[] fragmentationNeeded(Ip4Address to, int mtu, byte[] quoted, byte[] got, int off) {
        byte[] q = Arrays.copyOfRange(quoted, 0, 576 - 28);
        ByteBuffer icmp = ByteBuffer.allocate(8 + q.length);
        icmp.put((byte) 3).put((byte) 4).putShort((short) 0).putShort((short) 0).putShort((short) mtu).put(q);
        byte[] icmpBytes = icmp.array();
        int c = ~sum16(icmpBytes, 0, icmpBytes.length) & 0xffff;
        icmpBytes[2] = (byte) (c >>> 8);
        icmpBytes[3] = (byte) c;
        ByteBuffer ip = ByteBuffer.allocate(20 + icmpBytes.length);
        ip.put((byte) 0x45).put((byte) 0).putShort((short) (20 + icmpBytes.length))
                .putShort((short) Checksums.getShort(got, off + 4))
                .putShort((short) 0).put((byte) ERROR_TTL).put((byte) 1).putShort((short) 0)
                .putInt(AFTR_IPV4.toInt()).putInt(to.toInt()).put(icmpBytes);
        byte[] ipBytes = ip.array();
        int hc = ~sum16(ipBytes, 0, 20) & 0xffff;
        ipBytes[10] = (byte) (hc >>> 8);
        ipBytes[11] = (byte) hc;
        return ipBytes;
    }

    private static byte[] datagram(IPv4 ip) {
        return ip.serialize();
    }

    private static byte[] l2(MacAddress dst, MacAddress src, int vlan, int etherType) {
        ByteBuffer b = ByteBuffer.allocate(vlan == 0 ? 14 : 18);
        b.put(dst.toBytes()).put(src.toBytes());
        if (vlan != 0) {
            b.putShort((short) 0x8100).putShort((short) vlan);
        }
        return b.putShort((short) etherType).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    /** RFC 8200 §4.5: an IPv6 header (flow label 0) + Fragment header (next header 4) + data. */
    private static byte[] ipv6Fragment(Ip6Address src, Ip6Address dst, int tc, int hopLimit, int id, int offset,
                                       boolean more, byte[] data) {
        return ipv6Fragment(4, src, dst, tc, hopLimit, id, offset, more, data);
    }

    /** As above, with the Fragment header's next header {@code nh}. */
    private static byte[] ipv6Fragment(int nh, Ip6Address src, Ip6Address dst, int tc, int hopLimit, int id,
                                       int offset, boolean more, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(48 + data.length);
        b.putInt(0x60000000 | (tc << 20)).putShort((short) (8 + data.length)).put((byte) 44).put((byte) hopLimit);
        b.put(src.toOctets()).put(dst.toOctets());
        b.put((byte) nh).put((byte) 0).putShort((short) (offset | (more ? 1 : 0))).putInt(id);
        return b.put(data).array();
    }

    /** An IPv6 header (flow label 0, hop limit 64) + {@code payload} with next header {@code nh}. */
    private static byte[] ipv6(Ip6Address src, Ip6Address dst, int nh, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(40 + payload.length);
        b.putInt(0x60000000).putShort((short) payload.length).put((byte) nh).put((byte) 64);
        return b.put(src.toOctets()).put(dst.toOctets()).put(payload).array();
    }

    private static byte[] internetFrame(byte[] l3) {
        return concat(l2(INET_AFTR_MAC, INET_NEXT_HOP, 0, 0x0800), l3);
    }

    private static byte[] lwb4Frame(byte[] l3) {
        return concat(l2(LWB4_AFTR_MAC, LWB4_MAC, LWB4_VLAN, 0x86dd), l3);
    }

    private static byte[] toLwb4(byte[] l3) {
        return concat(l2(LWB4_NEXT_HOP, LWB4_AFTR_MAC, LWB4_VLAN, 0x86dd), l3);
    }

    private static byte[] toInternet(byte[] l3) {
        return concat(l2(INET_NEXT_HOP, INET_AFTR_MAC, 0, 0x0800), l3);
    }

    private static List<OutboundPacket> feed(SlowPath sp, int reason, byte[]... frames) {
        List<OutboundPacket> out = new ArrayList<>();
        for (byte[] f : frames) {
            out.addAll(sp.handle(f, reason == IPV4_FRAGMENT ? INET_PORT : LWB4_PORT, reason));
        }
        return out;
    }

    private static void assertFrames(List<byte[]> expected, int port, List<OutboundPacket> out) {
        assertEquals("frames out", expected.size(), out.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals("port of frame " + i, port, out.get(i).port());
            assertEquals("frame " + i, hex(expected.get(i)), hex(out.get(i).frame()));
        }
    }

    private static long count(SlowPath sp, String name) {
        return sp.counters().get(name);
    }

    // ------------------------------------------------------------------ downstream

    /** Three IPv4 fragments from the Internet of a UDP datagram with n bytes of data. */
    private static byte[][] internetFragments(byte[] whole, boolean df) {
        int payload = whole.length - 20;
        return new byte[][] {
            internetFrame(ipv4Piece(whole, 64, 0, 1000, true, df)),
            internetFrame(ipv4Piece(whole, 64, 1000, 1000, true, df)),
            internetFrame(ipv4Piece(whole, 64, 2000, payload - 2000, false, df)),
        };
    }

    @Test
    public void rfc7596Sec53ReassembledDownstreamOverTheLwb4MtuLeavesAsIpv6Fragments() {
        SlowPath sp = slowPath();
        IPv4 ip = udp4(HOST, SHARED, 53, BOUND_PORT, 2400, 64, false);
        ip.setDiffServ((byte) 0x28);
        byte[] whole = datagram(ip);                             // 2428 bytes
        List<OutboundPacket> out = feed(sp, IPV4_FRAGMENT, internetFragments(whole, false));

        // RFC 2473 §7.1 / RFC 8200 §4.5: TTL − 1, encapsulated from the BR to the lwB4 (traffic
        // class from the TOS, hop limit 64), the IPv6 packet fragmented to the lwB4-side MTU of
        // 1500: 1452 bytes of room per fragment, 1448 in all but the last.
        byte[] inner = ipv4Piece(whole, 63, 0, 2408, false, false);
        assertFrames(List.of(
                toLwb4(ipv6Fragment(BR, LWB4, 0x28, 64, FIRST_ID, 0, true, Arrays.copyOfRange(inner, 0, 1448))),
                toLwb4(ipv6Fragment(BR, LWB4, 0x28, 64, FIRST_ID, 1448, false,
                        Arrays.copyOfRange(inner, 1448, 2428)))),
                LWB4_PORT, out);
        assertEquals("40 + 8 + 1448", 1496, out.get(0).length() - 18);
        assertEquals("nothing re-injected", 0, count(sp, "out-reinjected"));
        assertEquals(1, count(sp, "reassembled-ipv4"));
        assertEquals(1, count(sp, "reassembled-too-big"));
        assertEquals(2, count(sp, "out-ipv6-fragments"));
    }

    @Test
    public void rfc1191ReassembledDownstreamWithDfGetsFragmentationNeededWithTheTunnelMtu() {
        SlowPath sp = slowPath();
        byte[] whole = datagram(udp4(HOST, SHARED, 53, BOUND_PORT, 2400, 64, true));
        List<OutboundPacket> out = feed(sp, IPV4_FRAGMENT, internetFragments(whole, true));
        assertEquals(1, out.size());
        assertEquals(INET_PORT, out.get(0).port());
        byte[] f = out.get(0).frame();
        // ICMPv4 3/4, next-hop MTU 1500 − 40 (RFC 2473 §7.2), quoting the reassembled datagram
        // (its header with DF and no offset) up to 576 bytes.
        byte[] ipBytes = fragmentationNeeded(HOST, 1460, ipv4Piece(whole, 64, 0, 2408, false, true), f, 14);
        assertEquals(hex(toInternet(ipBytes)), hex(f));
        assertEquals(0, count(sp, "out-reinjected"));
        assertEquals(1, count(sp, "out-icmpv4-3-4"));
        assertEquals(1, count(sp, "reassembled-too-big"));
    }

    @Test
    public void reassembledDownstreamThatFitsIsStillReinjected() {
        SlowPath sp = slowPath();
        byte[] whole = datagram(udp4(HOST, SHARED, 53, BOUND_PORT, 1400, 64, false));
        List<OutboundPacket> out = feed(sp, IPV4_FRAGMENT,
                internetFrame(ipv4Piece(whole, 64, 0, 800, true, false)),
                internetFrame(ipv4Piece(whole, 64, 800, whole.length - 820, false, false)));
        assertEquals(1, out.size());
        assertTrue(out.get(0).isReinject());
        assertArrayEquals(internetFrame(whole), out.get(0).frame());
        assertEquals(0, count(sp, "reassembled-too-big"));
    }

    @Test
    public void rfc7596Sec62ReassembledDownstreamWithoutSoftwireGetsHostUnreachableNotReinjected() {
        SlowPath sp = slowPath();
        byte[] whole = datagram(udp4(HOST, SHARED, 53, UNBOUND_PORT, 2400, 64, false));
        List<OutboundPacket> out = feed(sp, IPV4_FRAGMENT, internetFragments(whole, false));
        assertEquals(1, out.size());
        assertEquals(INET_PORT, out.get(0).port());
        assertEquals(1, count(sp, "out-icmpv4-3-1"));
        assertEquals(0, count(sp, "out-reinjected"));
    }

    @Test
    public void reassembledIncomingIcmpRefusedByPolicyIsDropped() {
        SlowPath sp = slowPath(config().allowIncomingIcmp(false).build(), new Clock());
        IPv4 ping = IcmpErrorsTest.echo(HOST, SHARED, BOUND_PORT);
        ((org.onlab.packet.ICMP) ping.getPayload()).getPayload().setPayload(new Data(pattern(1200)));
        byte[] whole = datagram(ping);
        assertTrue(feed(sp, IPV4_FRAGMENT, internetFrame(ipv4Piece(whole, 64, 0, 800, true, false)),
                internetFrame(ipv4Piece(whole, 64, 800, whole.length - 820, false, false))).isEmpty());
        assertEquals(1, count(sp, "drop-policy-icmp"));
        assertEquals(0, count(sp, "out-reinjected"));
    }

    @Test
    public void fragmentedEchoRequestToTheAftrIsAnsweredNotReinjected() {
        SlowPath sp = slowPath();
        IPv4 req = IcmpErrorsTest.echo(HOST, AFTR_IPV4, 9);
        ((org.onlab.packet.ICMP) req.getPayload()).getPayload().setPayload(new Data(pattern(2000)));
        byte[] whole = datagram(req);
        Checksums.setIcmpv4(whole, 20, whole.length - 20);
        List<OutboundPacket> out = feed(sp, IPV4_FRAGMENT, internetFrame(ipv4Piece(whole, 64, 0, 1000, true, false)),
                internetFrame(ipv4Piece(whole, 64, 1000, whole.length - 1020, false, false)));
        assertEquals("the reply, fragmented to the Internet MTU", 2, out.size());
        assertEquals(INET_PORT, out.get(0).port());
        assertEquals(1, count(sp, "out-icmpv4-0-0"));
        assertEquals(0, count(sp, "out-reinjected"));
    }

    // ------------------------------------------------------------------ upstream

    @Test
    public void fragmentedIcmpv6EchoRequestToTheBrIsAnsweredNotReinjected() {
        SlowPath sp = slowPath();
        byte[] body = new byte[4 + 2000];
        body[1] = 42;
        System.arraycopy(pattern(2000), 0, body, 4, 2000);
        byte[] f = icmp6Frame(LWB4, BR, 128, body, 64, LWB4_AFTR_MAC);
        byte[] icmp6 = Arrays.copyOfRange(f, 18 + 40, f.length);
        List<OutboundPacket> out = feed(sp, IPV6_FRAGMENT,
                lwb4Frame(ipv6Fragment(58, LWB4, BR, 0, 64, 9, 0, true, Arrays.copyOfRange(icmp6, 0, 1000))),
                lwb4Frame(ipv6Fragment(58, LWB4, BR, 0, 64, 9, 1000, false,
                        Arrays.copyOfRange(icmp6, 1000, icmp6.length))));
        assertEquals("the reply, fragmented to the lwB4-side MTU", 2, out.size());
        assertEquals(LWB4_PORT, out.get(0).port());
        assertEquals(1, count(sp, "out-icmpv6-129-0"));
        assertEquals(0, count(sp, "out-reinjected"));
    }

    private static SlowPath smallInternetMtu() {
        return slowPath(config().internetSide(INET_PORT, 0, INET_AFTR_MAC, INET_NEXT_HOP, 1400).build(), new Clock());
    }

    /** Two IPv6 fragments (id 9) of the tunnel packet lwB4 → BR carrying {@code inner}. */
    private static byte[][] lwb4Fragments(Ip6Address lwb4, byte[] inner) {
        return new byte[][] {
            lwb4Frame(ipv6FragmentHop64(lwb4, 0, true, Arrays.copyOfRange(inner, 0, 800))),
            lwb4Frame(ipv6FragmentHop64(lwb4, 800, false, Arrays.copyOfRange(inner, 800, inner.length))),
        };
    }

    private static byte[] ipv6FragmentHop64(Ip6Address lwb4, int offset, boolean more, byte[] data) {
        return ipv6Fragment(lwb4, BR, 0, 64, 9, offset, more, data);
    }

    @Test
    public void rfc791ReassembledUpstreamOverTheInternetMtuLeavesAsIpv4Fragments() {
        SlowPath sp = smallInternetMtu();
        byte[] inner = datagram(udp4(SHARED, HOST, BOUND_PORT, 53, 1422, 64, false));     // 1450 bytes
        List<OutboundPacket> out = feed(sp, IPV6_FRAGMENT, lwb4Fragments(LWB4, inner));
        // Decapsulated (TTL unchanged, as the data plane), identification kept, 1376 + 54 bytes.
        assertFrames(List.of(
                toInternet(ipv4Piece(inner, 64, 0, 1376, true, false)),
                toInternet(ipv4Piece(inner, 64, 1376, 1430 - 1376, false, false))),
                INET_PORT, out);
        assertEquals(0, count(sp, "out-reinjected"));
        assertEquals(1, count(sp, "reassembled-ipv6"));
        assertEquals(1, count(sp, "reassembled-too-big"));
        assertEquals(2, count(sp, "out-ipv4-fragments"));
    }

    @Test
    public void rfc791ReassembledInnerIpv4OverTheInternetMtuLeavesAsIpv4Fragments() {
        SlowPath sp = smallInternetMtu();
        byte[] whole = datagram(udp4(SHARED, HOST, BOUND_PORT, 53, 1422, 64, false));
        List<OutboundPacket> out = feed(sp, INNER_IPV4_FRAGMENT,
                lwb4Frame(ipv6(LWB4, BR, 4, ipv4Piece(whole, 64, 0, 704, true, false))),
                lwb4Frame(ipv6(LWB4, BR, 4, ipv4Piece(whole, 64, 704, 1430 - 704, false, false))));
        assertFrames(List.of(
                toInternet(ipv4Piece(whole, 64, 0, 1376, true, false)),
                toInternet(ipv4Piece(whole, 64, 1376, 1430 - 1376, false, false))),
                INET_PORT, out);
        assertEquals(1, count(sp, "reassembled-inner-ipv4"));
        assertEquals(0, count(sp, "out-reinjected"));
    }

    @Test
    public void ipv6FragmentsOfAnInnerIpv4FragmentGoToTheInnerReassembly() {
        SlowPath sp = smallInternetMtu();
        byte[] whole = datagram(udp4(SHARED, HOST, BOUND_PORT, 53, 1422, 64, false));
        byte[] firstHalf = ipv4Piece(whole, 64, 0, 1000, true, false);
        assertTrue("the IPv6-fragmented inner first half waits", feed(sp, IPV6_FRAGMENT,
                lwb4Fragments(LWB4, firstHalf)).isEmpty());
        List<OutboundPacket> out = feed(sp, INNER_IPV4_FRAGMENT,
                lwb4Frame(ipv6(LWB4, BR, 4, ipv4Piece(whole, 64, 1000, 430, false, false))));
        assertEquals(2, out.size());
        assertEquals(hex(toInternet(ipv4Piece(whole, 64, 0, 1376, true, false))), hex(out.get(0).frame()));
        assertEquals(0, count(sp, "out-reinjected"));
    }

    @Test
    public void rfc1191ReassembledUpstreamWithDfGetsFragmentationNeededThroughTheSoftwire() {
        SlowPath sp = smallInternetMtu();
        byte[] inner = datagram(udp4(SHARED, HOST, BOUND_PORT, 53, 1422, 64, true));
        List<OutboundPacket> out = feed(sp, IPV6_FRAGMENT, lwb4Fragments(LWB4, inner));
        assertEquals(1, out.size());
        assertEquals(LWB4_PORT, out.get(0).port());
        // Next-hop MTU = the Internet MTU, in IPv6 from the BR back to the lwB4 (hop limit 64).
        byte[] f = out.get(0).frame();
        assertEquals(hex(toLwb4(ipv6(BR, LWB4, 4, fragmentationNeeded(SHARED, 1400, inner, f, 18 + 40)))), hex(f));
        assertEquals(1, count(sp, "out-icmpv4-3-4"));
        assertEquals(0, count(sp, "out-reinjected"));
    }

    @Test
    public void rfc7596Sec62ReassembledFromTheWrongLwb4GetsPolicyFailureNotReinjected() {
        SlowPath sp = smallInternetMtu();
        byte[] inner = datagram(udp4(SHARED, HOST, BOUND_PORT, 53, 1422, 64, false));
        List<OutboundPacket> out = feed(sp, IPV6_FRAGMENT,
                lwb4Fragments(Ip6Address.valueOf("2001:db8:1::99"), inner));
        assertEquals(1, out.size());
        assertEquals(LWB4_PORT, out.get(0).port());
        assertEquals(1, count(sp, "out-icmpv6-1-5"));
        assertEquals(0, count(sp, "out-reinjected"));
    }

    @Test
    public void rfc7596Sec62ReassembledHairpinnedOverTheLwb4MtuLeavesAsIpv6FragmentsToTheDestination() {
        SlowPath sp = slowPath();
        byte[] inner = datagram(udp4(WHOLE, SHARED, 5000, BOUND_PORT, 1480, 64, false));   // 1508 bytes
        List<OutboundPacket> out = feed(sp, IPV6_FRAGMENT, lwb4Fragments(LWB4_WHOLE, inner));
        byte[] expectedInner = ipv4Piece(inner, 63, 0, 1488, false, false);
        assertFrames(List.of(
                toLwb4(ipv6Fragment(BR, LWB4, 0, 64, FIRST_ID, 0, true, Arrays.copyOfRange(expectedInner, 0, 1448))),
                toLwb4(ipv6Fragment(BR, LWB4, 0, 64, FIRST_ID, 1448, false,
                        Arrays.copyOfRange(expectedInner, 1448, 1508)))),
                LWB4_PORT, out);
        assertEquals(0, count(sp, "out-reinjected"));
    }

    @Test
    public void reassembledUpstreamThatFitsIsStillReinjected() {
        SlowPath sp = slowPath();
        byte[] inner = datagram(udp4(SHARED, HOST, BOUND_PORT, 53, 1422, 64, false));
        List<OutboundPacket> out = feed(sp, IPV6_FRAGMENT, lwb4Fragments(LWB4, inner));
        assertEquals(1, out.size());
        assertTrue(out.get(0).isReinject());
        assertArrayEquals(lwb4Frame(ipv6(LWB4, BR, 4, inner)), out.get(0).frame());
    }

    // ------------------------------------------------------------------ fragment sizes

    @Test
    public void rfc8200Sec45OnlyNonLastFragmentsAreRoundedToEightBytes() {
        // 2900 bytes of IPv4 into a 1500-byte MTU: 1448 (a multiple of 8) then the 1452 that fit
        // the last fragment exactly; rounding the last one too would make a third fragment.
        List<IPv6> frags = new Fragmenter(() -> 7).ipv6(new IPv6(), 4, pattern(2900), 1500);
        assertEquals(2, frags.size());
        assertEquals(1500, frags.get(1).serialize().length);
    }
}
