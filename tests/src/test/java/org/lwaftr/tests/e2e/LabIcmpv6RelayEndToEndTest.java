package org.lwaftr.tests.e2e;

import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;
import org.lwaftr.config.IcmpPolicy;
import org.lwaftr.core.Softwire;
import org.lwaftr.lab.LabController;
import org.lwaftr.lab.LabPipeline;
import org.lwaftr.lab.TargetSpec;
import org.lwaftr.tests.bmv2.Bmv2Switch;
import org.lwaftr.tests.bmv2.Checksums;
import org.lwaftr.tests.bmv2.FrameIo;
import org.lwaftr.tests.bmv2.LwaftrFrames;
import org.onlab.packet.Ethernet;
import org.onlab.packet.IPv4;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.MacAddress;

import java.util.Arrays;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.lwaftr.tests.e2e.E2eSetup.*;

/**
 * RFC 2473 §8 / RFC 7596 §8 end to end on bmv2 with the lab controller: a router on the lwB4 side
 * returns an ICMPv6 error to the BR about a tunnel packet the AFTR sent; the data plane punts it
 * (ICMPV6_TO_BR), the slow path relays it to the IPv4 sender as ICMPv4, out of the switch. Frames
 * are compared byte for byte; only the IPv4 identification is taken from the frame (the AFTR draws
 * it).
 */
public class LabIcmpv6RelayEndToEndTest {
    private static final long WAIT = 3000;
    /** TTL of the ICMPv4 errors the AFTR originates: the policy's hop limit (64 by default; 255 from Snabb). */
    private static final int ERROR_TTL = 64;
    private static final Ip6Address ROUTER = Ip6Address.valueOf("2001:db8:ff::99");
    @ClassRule
    public static final E2eSwitch BMV2 = new E2eSwitch("bmv2-icmp6");
    private static FrameIo io;
    private LabController lab;

    @Before
    public void clear() {
        io = BMV2.io();
        io.clear();
    }

    @After
    public void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    private void startLab(IcmpPolicy icmp) {
        lab = LabController.start(config(icmp, List.of(shared(1), shared(2), whole())),
                List.of(new TargetSpec("127.0.0.1", BMV2.sw().grpcPort(), Bmv2Switch.DEVICE_ID)), LabPipeline.lwaftr());
        assertTrue("lab controller converged", lab.awaitConverged(30_000));
        io.clear();
    }

    /** Sends {@code frame} into the switch on {@code in} and returns the one tunnel packet it sends toward a lwB4. */
    private static byte[] tunnelPacketFor(int in, Ethernet frame) {
        io.send(in, frame);
        byte[] f = io.expectBytes(LWB4_PORT, WAIT);
        return Arrays.copyOfRange(f, 14, f.length);
    }

    /** ICMPv6 {@code type}/{@code code} from a router on the lwB4 side to the BR, quoting as much as fits in 1280 bytes. */
    private static byte[] icmpv6Error(int type, int code, int field, byte[] tunnelPacket) {
        int quote = Math.min(tunnelPacket.length, 1280 - 48);
        byte[] ip6 = new byte[48 + quote];
        ip6[0] = 0x60;
        put16(ip6, 4, 8 + quote);
        ip6[6] = 58;
        ip6[7] = 64;
        System.arraycopy(ROUTER.toOctets(), 0, ip6, 8, 16);
        System.arraycopy(BR.toOctets(), 0, ip6, 24, 16);
        ip6[40] = (byte) type;
        ip6[41] = (byte) code;
        put16(ip6, 44, field >>> 16);
        put16(ip6, 46, field);
        System.arraycopy(tunnelPacket, 0, ip6, 48, quote);
        long pseudo = Checksums.sum(ip6, 8, 32) + 8 + quote + 58;
        put16(ip6, 42, ~fold(pseudo + Checksums.sum(ip6, 40, 8 + quote)) & 0xffff);
        return LwaftrFrames.ipv6Frame(B4_ROUTER, AFTR_MAC_B4, ip6);
    }

    /** The AFTR's ICMPv4 3/{@code code} to the quoted packet's source: RFC 1812 §4.3.2.3, at most 576 bytes. */
    private static byte[] icmpv4Error(int code, int mtu, byte[] quotedIpv4, int id, int ttl) {
        int quote = Math.min(quotedIpv4.length, 576 - 28);
        byte[] ip = new byte[28 + quote];
        ip[0] = 0x45;
        put16(ip, 2, ip.length);
        put16(ip, 4, id);
        ip[8] = (byte) ttl;
        ip[9] = 1;
        System.arraycopy(AFTR_V4.toOctets(), 0, ip, 12, 4);
        System.arraycopy(quotedIpv4, 12, ip, 16, 4);
        ip[20] = 3;
        ip[21] = (byte) code;
        put16(ip, 26, mtu);
        System.arraycopy(quotedIpv4, 0, ip, 28, quote);
        Checksums.fixIpv4(ip, 0);
        return ip;
    }

    private static byte[] frame(MacAddress src, MacAddress dst, int etherType, byte[] l3) {
        byte[] f = new byte[14 + l3.length];
        System.arraycopy(dst.toBytes(), 0, f, 0, 6);
        System.arraycopy(src.toBytes(), 0, f, 6, 6);
        put16(f, 12, etherType);
        System.arraycopy(l3, 0, f, 14, l3.length);
        return f;
    }

    /** RFC 2473 from the BR to {@code lwb4}: traffic class and flow label 0, hop limit 64 (policy defaults). */
    private static byte[] encapsulated(Ip6Address lwb4, byte[] ipv4) {
        byte[] ip6 = new byte[40 + ipv4.length];
        ip6[0] = 0x60;
        put16(ip6, 4, ipv4.length);
        ip6[6] = 4;
        ip6[7] = 64;
        System.arraycopy(BR.toOctets(), 0, ip6, 8, 16);
        System.arraycopy(lwb4.toOctets(), 0, ip6, 24, 16);
        System.arraycopy(ipv4, 0, ip6, 40, ipv4.length);
        return ip6;
    }

    private static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    private static int fold(long s) {
        while ((s >> 16) != 0) {
            s = (s & 0xffff) + (s >> 16);
        }
        return (int) s;
    }

    private static void assertFrame(byte[] expected, byte[] actual) {
        assertEquals(FrameIo.hex(expected), FrameIo.hex(actual));
    }

    @Test
    public void rfc2473Sec8DestinationUnreachableRelayedToTheInternetHost() {
        startLab(icmp(true, true, 300, 1));
        Softwire s = shared(1);
        IPv4 down = udp(HOST, 53, SHARED, port(s), 64);
        byte[] tunnel = tunnelPacketFor(INET_PORT, fromInternet(down));
        byte[] inner = Arrays.copyOfRange(tunnel, 40, tunnel.length);
        assertEquals("the tunnel packet the router quotes", FrameIo.hex(encapsulated(s.lwb4(), inner)),
                FrameIo.hex(tunnel));

        io.send(LWB4_PORT, icmpv6Error(1, 3, 0, tunnel));               // address unreachable
        byte[] got = io.expectBytes(INET_PORT, WAIT);
        int id = Checksums.u16(got, 14 + 4);
        assertFrame(frame(AFTR_MAC_INET, INET_ROUTER, 0x0800, icmpv4Error(1, 0, inner, id, ERROR_TTL)), got);
        io.expectNoFrame(LWB4_PORT, 300);
        assertEquals(1L, (long) lab.slowPathCounters().get("out-icmpv4-3-1-relayed"));
    }

    @Test
    public void rfc2473Sec72PacketTooBigRelayedAsFragmentationNeededWithTheMtuLess40() {
        startLab(icmp(true, true, 300, 1));
        Softwire s = shared(2);
        IPv4 down = LwaftrFrames.udp(HOST, 53, SHARED, port(s), LwaftrFrames.filler(1400));
        down.setFlags((byte) 2);                                         // DF
        byte[] tunnel = tunnelPacketFor(INET_PORT, fromInternet(down));
        assertEquals(40 + 1428, tunnel.length);

        // a router with a 1400-byte link: 1232 bytes of the 1468-byte tunnel packet fit in its error
        io.send(LWB4_PORT, icmpv6Error(2, 0, 1400, tunnel));
        byte[] got = io.expectBytes(INET_PORT, WAIT);
        assertEquals("RFC 1812 §4.3.2.3: 576 bytes", 14 + 576, got.length);
        int id = Checksums.u16(got, 14 + 4);
        byte[] inner = Arrays.copyOfRange(tunnel, 40, tunnel.length);
        assertFrame(frame(AFTR_MAC_INET, INET_ROUTER, 0x0800, icmpv4Error(4, 1360, inner, id, ERROR_TTL)), got);
        assertEquals(1360, Checksums.u16(got, 14 + 26));
        assertEquals(1L, (long) lab.slowPathCounters().get("out-icmpv4-3-4-relayed"));
    }

    /**
     * A hairpinned packet (shared(1)'s subscriber → the whole address) that the path to the whole
     * address's lwB4 cannot deliver: the hop-limit-exceeded error goes back through the sender's
     * softwire, from the BR to its lwB4 — not to the Internet.
     */
    @Test
    public void rfc2473Sec8HairpinnedPacketErrorGoesBackThroughTheSendersSoftwire() {
        startLab(icmp(true, true, 300, 1));
        Softwire from = shared(1);
        Softwire to = whole();
        IPv4 up = udp(SHARED, port(from), OTHER, 4000, 64);
        byte[] tunnel = tunnelPacketFor(LWB4_PORT, fromLwb4(from.lwb4(), up));
        byte[] inner = Arrays.copyOfRange(tunnel, 40, tunnel.length);
        assertEquals("hairpinned to the whole address's lwB4", FrameIo.hex(encapsulated(to.lwb4(), inner)),
                FrameIo.hex(tunnel));

        io.send(LWB4_PORT, icmpv6Error(3, 0, 0, tunnel));               // hop limit exceeded
        byte[] got = io.expectBytes(LWB4_PORT, WAIT);
        int id = Checksums.u16(got, 14 + 40 + 4);
        byte[] icmp = icmpv4Error(1, 0, inner, id, ERROR_TTL);
        assertFrame(frame(AFTR_MAC_B4, B4_ROUTER, 0x86dd, encapsulated(from.lwb4(), icmp)), got);
        io.expectNoFrame(INET_PORT, 300);
    }

    @Test
    public void nothingRelayedWithIcmpv4ErrorsOffOrForAForeignQuote() {
        startLab(icmp(false, true, 300, 1));
        byte[] tunnel = tunnelPacketFor(INET_PORT, fromInternet(udp(HOST, 53, SHARED, port(shared(1)), 64)));
        io.send(LWB4_PORT, icmpv6Error(1, 0, 0, tunnel));
        io.expectNoFrame(INET_PORT, 700);
        io.expectNoFrame(LWB4_PORT, 100);
        assertEquals(1L, (long) lab.slowPathCounters().get("drop-policy-icmpv4-errors"));
        lab.close();

        startLab(icmp(true, true, 300, 1));
        // a quote of a packet the AFTR never sent: another source than the BR
        byte[] forged = tunnel.clone();
        System.arraycopy(Ip6Address.valueOf("2001:db8:ffff::77").toOctets(), 0, forged, 8, 16);
        io.send(LWB4_PORT, icmpv6Error(1, 0, 0, forged));
        io.expectNoFrame(INET_PORT, 700);
        assertEquals(1L, (long) lab.slowPathCounters().get("drop-icmpv6-error-not-ours"));
    }
}
