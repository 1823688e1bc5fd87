package org.lwaftr.slowpath;

import org.junit.Test;
import org.lwaftr.core.BindingTable;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.onlab.packet.Data;
import org.onlab.packet.ICMP6;
import org.onlab.packet.IPv4;
import org.onlab.packet.IPv6;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.lwaftr.slowpath.Fx.*;

/**
 * RFC 2473 §8 / RFC 7596 §8: ICMPv6 errors about the AFTR's tunnel packets relayed to the IPv4 sender
 * as ICMPv4. Expected frames are built here byte by byte, checksums by a local RFC 1071 sum.
 */
public class Icmpv6RelayTest {

    private static final int ICMPV6_TO_BR = 4;
    private static final int DOWNSTREAM_NO_BINDING = 8;
    /** The first identification of {@link Fx#slowPath}'s generator. */
    private static final int ID = 0x1234;
    private static final Ip6Address ROUTER = Ip6Address.valueOf("2001:db8:ff::99");

    /** The tunnel packet the AFTR sent: HOST:53 → SHARED:BOUND_PORT, TTL 63, from BR to LWB4. */
    private static IPv6 tunnelPacket(int payload) {
        return encap(udp4(HOST, SHARED, 53, BOUND_PORT, payload, 63, false), BR, LWB4);
    }

    /** An ICMPv6 error from a router to {@code to} quoting {@code quote}, with its 4-byte field. */
    private static byte[] error(int type, int code, long field, byte[] quote, Ip6Address to) {
        byte[] body = new byte[4 + quote.length];
        for (int i = 0; i < 4; i++) {
            body[i] = (byte) (field >>> (24 - 8 * i));
        }
        System.arraycopy(quote, 0, body, 4, quote.length);
        ICMP6 icmp6 = new ICMP6();
        icmp6.setIcmpType((byte) type);
        icmp6.setIcmpCode((byte) code);
        icmp6.setPayload(new Data(body));
        IPv6 ip6 = new IPv6();
        ip6.setNextHeader((byte) 58);
        ip6.setHopLimit((byte) 60);
        ip6.setSourceAddress(ROUTER.toOctets());
        ip6.setDestinationAddress(to.toOctets());
        ip6.setPayload(icmp6);
        byte[] f = fromLwb4(ip6);
        f[18 + 40 + 2] = 0;
        f[18 + 40 + 3] = 0;
        put16(f, 18 + 40 + 2, 0xffff - sum(f, 18 + 40, f.length - 58, pseudo(f, 18, f.length - 58)));
        return f;
    }

    static byte[] error(int type, int code, long field, byte[] quote) {
        return error(type, code, field, quote, BR);
    }

    private static long pseudo(byte[] f, int ip6, int len) {
        return sum(f, ip6 + 8, 32, 0) + len + 58;
    }

    /** RFC 1071, written here independently of the slow path's Checksums. */
    private static int sum(byte[] b, int off, int len, long initial) {
        long s = initial;
        for (int i = 0; i < len; i++) {
            s += (b[off + i] & 0xff) << ((i & 1) == 0 ? 8 : 0);
        }
        while (s > 0xffff) {
            s = (s & 0xffff) + (s >>> 16);
        }
        return (int) s;
    }

    private static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    /** The ICMPv4 error the AFTR must send: type 3, {@code code}, {@code mtu}, quoting {@code quote}. */
    private static byte[] icmpv4(int code, int mtu, byte[] quote, int ttl) {
        byte[] ip = new byte[28 + quote.length];
        ip[0] = 0x45;
        put16(ip, 2, ip.length);
        put16(ip, 4, ID);
        ip[8] = (byte) ttl;
        ip[9] = 1;
        System.arraycopy(AFTR_IPV4.toOctets(), 0, ip, 12, 4);
        System.arraycopy(quote, 12, ip, 16, 4);                 // to the quoted packet's source
        put16(ip, 10, 0xffff - sum(ip, 0, 20, 0));
        ip[20] = 3;
        ip[21] = (byte) code;
        put16(ip, 26, mtu);
        System.arraycopy(quote, 0, ip, 28, quote.length);
        put16(ip, 22, 0xffff - sum(ip, 20, ip.length - 20, 0));
        return ip;
    }

    private static byte[] toInternet(byte[] ip) {
        byte[] f = new byte[14 + ip.length];
        System.arraycopy(INET_NEXT_HOP.toBytes(), 0, f, 0, 6);
        System.arraycopy(INET_AFTR_MAC.toBytes(), 0, f, 6, 6);
        put16(f, 12, 0x0800);
        System.arraycopy(ip, 0, f, 14, ip.length);
        return f;
    }

    /** RFC 2473 from the BR to {@code lwb4}: hop limit 64, traffic class and flow label 0, VLAN 100. */
    private static byte[] toLwb4(Ip6Address lwb4, byte[] ip) {
        byte[] f = new byte[18 + 40 + ip.length];
        System.arraycopy(LWB4_NEXT_HOP.toBytes(), 0, f, 0, 6);
        System.arraycopy(LWB4_AFTR_MAC.toBytes(), 0, f, 6, 6);
        put16(f, 12, 0x8100);
        put16(f, 14, LWB4_VLAN);
        put16(f, 16, 0x86dd);
        f[18] = 0x60;
        put16(f, 18 + 4, ip.length);
        f[18 + 6] = 4;
        f[18 + 7] = 64;
        System.arraycopy(BR.toOctets(), 0, f, 18 + 8, 16);
        System.arraycopy(lwb4.toOctets(), 0, f, 18 + 24, 16);
        System.arraycopy(ip, 0, f, 58, ip.length);
        return f;
    }

    private static OutboundPacket one(List<OutboundPacket> out) {
        assertEquals("packets sent", 1, out.size());
        return out.get(0);
    }

    private static long count(SlowPath sp, String name) {
        return sp.counters().getOrDefault(name, 0L);
    }

    private static void assertDropped(SlowPath sp, byte[] frame, String counter) {
        assertTrue("nothing sent", sp.handle(frame, LWB4_PORT, ICMPV6_TO_BR).isEmpty());
        assertEquals(counter, 1L, count(sp, counter));
        assertEquals(0L, count(sp, "out-icmpv4-3-1-relayed") + count(sp, "out-icmpv4-3-4-relayed"));
    }

    @Test
    public void rfc2473Sec8DestinationUnreachableEveryCodeRelayedAsHostUnreachable() {
        byte[] orig = tunnelPacket(20).serialize();
        byte[] inner = Arrays.copyOfRange(orig, 40, orig.length);
        for (int code = 0; code <= 7; code++) {
            SlowPath sp = slowPath();
            OutboundPacket out = one(sp.handle(error(1, code, 0, orig), LWB4_PORT, ICMPV6_TO_BR));
            assertEquals(INET_PORT, out.port());
            assertEquals("code " + code, hex(toInternet(icmpv4(1, 0, inner, ERROR_TTL))), hex(out.frame()));
            assertEquals(1L, count(sp, "out-icmpv4-3-1-relayed"));
        }
    }

    @Test
    public void rfc2473Sec8ParameterProblemAndHopLimitExceededRelayedAsHostUnreachable() {
        byte[] orig = tunnelPacket(20).serialize();
        byte[] expected = toInternet(icmpv4(1, 0, Arrays.copyOfRange(orig, 40, orig.length), ERROR_TTL));
        for (int code = 0; code <= 3; code++) {
            assertEquals("4/" + code, hex(expected),
                    hex(one(slowPath().handle(error(4, code, 6, orig), LWB4_PORT, ICMPV6_TO_BR)).frame()));
        }
        assertEquals("3/0", hex(expected),
                hex(one(slowPath().handle(error(3, 0, 0, orig), LWB4_PORT, ICMPV6_TO_BR)).frame()));
    }

    @Test
    public void reassemblyTimeExceededIsNotRelayed() {
        assertDropped(slowPath(), error(3, 1, 0, tunnelPacket(20).serialize()),
                "drop-over-time-but-not-hop-limit-icmpv6");
    }

    @Test
    public void rfc2473Sec72PacketTooBigRelayedAsFragmentationNeededWithTheMtuLessTheTunnelHeader() {
        SlowPath sp = slowPath();
        byte[] orig = tunnelPacket(1400).serialize();
        // a router with a 1400-byte link quotes what fits in 1280 bytes: 1232 bytes of the packet
        byte[] quote = Arrays.copyOf(orig, 1232);
        OutboundPacket out = one(sp.handle(error(2, 0, 1400, quote), LWB4_PORT, ICMPV6_TO_BR));
        // RFC 1812 §4.3.2.3: 576 bytes in all, so 548 bytes of the IPv4 packet
        byte[] expected = toInternet(icmpv4(4, 1360, Arrays.copyOfRange(orig, 40, 40 + 548), ERROR_TTL));
        assertEquals(hex(expected), hex(out.frame()));
        assertEquals(14 + 576, out.length());
        assertEquals(1L, count(sp, "out-icmpv4-3-4-relayed"));
    }

    /**
     * The same, pinned: the whole frame for a 1500-byte MTU (checksums 6a84 and 5da2 computed apart,
     * the quote's UDP checksum 8132 is its own).
     */
    @Test
    public void packetTooBigPinnedBytes() {
        byte[] orig = tunnelPacket(4).serialize();
        OutboundPacket out = one(slowPath().handle(error(2, 0, 1500, orig), LWB4_PORT, ICMPV6_TO_BR));
        assertEquals("0200000000fe" + "020000000002" + "0800"
                + "4500" + "003c" + "1234" + "0000" + "40" + "01" + "6a84" + "c0000201" + "cb007107"
                + "0304" + "5da2" + "000005b4"
                + "4500" + "0020" + "4242" + "0000" + "3f" + "11" + "d34e" + "cb007107" + "c6336401"
                + "0035" + "0410" + "000c" + "8132" + "030a1118",
                hex(out.frame()));
    }

    @Test
    public void packetTooBigMtuMath() {
        assertEquals(1460, Icmpv6Relay.ipv4Mtu(1500));
        assertEquals(1240, Icmpv6Relay.ipv4Mtu(1280));
        assertEquals("RFC 8201 §4: never below 1280", 1240, Icmpv6Relay.ipv4Mtu(1279));
        assertEquals(1240, Icmpv6Relay.ipv4Mtu(0));
        assertEquals(65535, Icmpv6Relay.ipv4Mtu(65575));
        assertEquals("RFC 1191: 16 bits", 65535, Icmpv6Relay.ipv4Mtu(65576));
        assertEquals(65535, Icmpv6Relay.ipv4Mtu(0xffffffffL));
        // through the slow path: the 32-bit field is read whole
        byte[] orig = tunnelPacket(20).serialize();
        byte[] f = one(slowPath().handle(error(2, 0, 0x10000L + 1400, orig), LWB4_PORT, ICMPV6_TO_BR)).frame();
        assertEquals(65535, Checksums.getShort(f, 14 + 26));
        f = one(slowPath().handle(error(2, 0, 576, orig), LWB4_PORT, ICMPV6_TO_BR)).frame();
        assertEquals(1240, Checksums.getShort(f, 14 + 26));
    }

    @Test
    public void packetTooBigWithAnotherCodeIsNotRelayed() {
        assertDropped(slowPath(), error(2, 1, 1400, tunnelPacket(20).serialize()),
                "drop-too-big-type-but-not-code-icmpv6");
    }

    @Test
    public void otherErrorTypesAreIgnored() {
        for (int type : new int[] {0, 5, 127}) {
            assertDropped(slowPath(), error(type, 0, 0, tunnelPacket(20).serialize()), "drop-ignored");
        }
    }

    @Test
    public void rfc7596Sec9RelayedErrorsShareTheIcmpv4Rate() {
        Clock clock = new Clock();
        SlowPath sp = slowPath(config().icmpv4Rate(2, 1, TimeUnit.SECONDS).build(), clock);
        byte[] err = error(1, 3, 0, tunnelPacket(20).serialize());
        // one ICMPv4 3/1 of the AFTR's own takes a token of the same bucket
        assertEquals(1, sp.handle(fromInternet(udp4(HOST, SHARED, 53, UNBOUND_PORT, 20, 64, false)),
                INET_PORT, DOWNSTREAM_NO_BINDING).size());
        assertEquals(1, sp.handle(err, LWB4_PORT, ICMPV6_TO_BR).size());
        assertTrue(sp.handle(err, LWB4_PORT, ICMPV6_TO_BR).isEmpty());
        assertEquals(1L, count(sp, "icmpv4-rate-limited"));
        clock.now += TimeUnit.MILLISECONDS.toNanos(500);       // half a period: one token back
        assertEquals(1, sp.handle(err, LWB4_PORT, ICMPV6_TO_BR).size());
        assertTrue(sp.handle(err, LWB4_PORT, ICMPV6_TO_BR).isEmpty());
        assertEquals(2L, count(sp, "out-icmpv4-3-1-relayed"));
        assertEquals(2L, count(sp, "icmpv4-rate-limited"));
    }

    @Test
    public void generateIcmpv4ErrorsOffRelaysNothing() {
        SlowPath sp = slowPath(config().icmpv4Errors(false).build(), new Clock());
        assertDropped(sp, error(1, 0, 0, tunnelPacket(20).serialize()), "drop-policy-icmpv4-errors");
    }

    @Test
    public void allowOutgoingIcmpv4OffRelaysNothing() {
        SlowPath sp = slowPath(config().allowOutgoingIcmp(false).build(), new Clock());
        assertDropped(sp, error(2, 0, 1400, tunnelPacket(20).serialize()), "drop-in-by-policy-icmpv6");
    }

    @Test
    public void quotesTooShortForTheIpv4PacketAndItsPortsAreNotRelayed() {
        byte[] orig = tunnelPacket(20).serialize();
        for (int len : new int[] {0, 39, 40, 59, 60, 67}) {
            assertDropped(slowPath(), error(1, 0, 0, Arrays.copyOf(orig, len)), "drop-icmpv6-error-short-quote");
        }
        // IPv4 header + 8 bytes (RFC 792's minimum) is enough
        byte[] f = one(slowPath().handle(error(1, 0, 0, Arrays.copyOf(orig, 68)), LWB4_PORT, ICMPV6_TO_BR)).frame();
        assertEquals(hex(toInternet(icmpv4(1, 0, Arrays.copyOfRange(orig, 40, 68), ERROR_TTL))), hex(f));
    }

    @Test
    public void truncatedOrBadIcmpv6IsDropped() {
        byte[] f = error(1, 0, 0, tunnelPacket(20).serialize());
        byte[] bad = f.clone();
        bad[bad.length - 1] ^= 1;
        assertDropped(slowPath(), bad, "drop-bad-checksum");
        byte[] cut = Arrays.copyOf(f, 18 + 40 + 4);
        put16(cut, 18 + 4, 4);
        assertDropped(slowPath(), cut, "drop-malformed");
    }

    @Test
    public void quotesOfPacketsTheAftrDidNotSendAreNotRelayed() {
        IPv4 udp = udp4(HOST, SHARED, 53, BOUND_PORT, 20, 63, false);
        Ip6Address other = Ip6Address.valueOf("2001:db8:1::2");
        // from another address than the softwire's BR; to another lwB4; a port outside its set
        assertDropped(slowPath(), error(1, 0, 0, encap(udp, other, LWB4).serialize()), "drop-icmpv6-error-not-ours");
        assertDropped(slowPath(), error(1, 0, 0, encap(udp, BR, other).serialize()), "drop-icmpv6-error-not-ours");
        assertDropped(slowPath(), error(1, 0, 0, encap(udp4(HOST, SHARED, 53, UNBOUND_PORT, 20, 63, false), BR, LWB4)
                .serialize()), "drop-icmpv6-error-not-ours");
        // not IPv4 in IPv6
        byte[] v6 = tunnelPacket(20).serialize();
        v6[6] = 17;
        assertDropped(slowPath(), error(1, 0, 0, v6), "drop-icmpv6-error-not-ours");
        // RFC 4443 §2.2: the error goes to the quoted packet's source; here to another AFTR address
        assertDropped(slowPath(), error(1, 0, 0, tunnelPacket(20).serialize(), AFTR_IPV6), "drop-icmpv6-error-not-ours");
    }

    @Test
    public void rfc1812Sec43237NoErrorAboutAnIcmpError() {
        IPv4 err = udp4(HOST, SHARED, 53, BOUND_PORT, 40, 63, false);
        byte[] bytes = err.serialize();
        bytes[9] = 1;                       // ICMP: 3/3 port unreachable
        bytes[20] = 3;
        bytes[21] = 3;
        bytes[10] = 0;
        bytes[11] = 0;
        put16(bytes, 10, 0xffff - sum(bytes, 0, 20, 0));
        // a quoted ICMP error selects its softwire by the quoted packet's source port (RFC 5508 REQ-3)
        System.arraycopy(udp4(SHARED, HOST, BOUND_PORT, 53, 0, 64, false).serialize(), 0, bytes, 28, 20);
        put16(bytes, 48, BOUND_PORT);
        assertDropped(slowPath(), error(1, 0, 0, encap(new Data(bytes), BR, LWB4).serialize()),
                "drop-error-not-allowed");
    }

    @Test
    public void trailingBytesAfterTheQuotedPacketAreNotQuoted() {
        byte[] orig = tunnelPacket(20).serialize();
        byte[] withExtension = Arrays.copyOf(orig, orig.length + 8);  // e.g. RFC 4884 extension
        byte[] f = one(slowPath().handle(error(1, 0, 0, withExtension), LWB4_PORT, ICMPV6_TO_BR)).frame();
        assertEquals(hex(toInternet(icmpv4(1, 0, Arrays.copyOfRange(orig, 40, orig.length), ERROR_TTL))),
                hex(f));
    }

    /**
     * A hairpinned packet (lwB4 of SHARED:1040 → WHOLE) that the path to WHOLE's lwB4 could not
     * deliver: the sender is behind a softwire, so the error goes through that softwire (RFC 5508
     * REQ-3 key: the quoted source port), from its BR to its lwB4.
     */
    @Test
    public void rfc2473Sec8HairpinnedQuoteGoesBackThroughTheSendersSoftwire() {
        SlowPath sp = slowPath();
        IPv4 hairpinned = udp4(SHARED, WHOLE, BOUND_PORT, 4000, 20, 63, false);
        byte[] orig = encap(hairpinned, BR, LWB4_WHOLE).serialize();
        OutboundPacket out = one(sp.handle(error(2, 0, 1300, orig), LWB4_PORT, ICMPV6_TO_BR));
        assertEquals(LWB4_PORT, out.port());
        byte[] icmp = icmpv4(4, 1260, Arrays.copyOfRange(orig, 40, orig.length), ERROR_TTL);
        assertEquals(hex(toLwb4(LWB4, icmp)), hex(out.frame()));
        assertEquals(1L, count(sp, "out-icmpv4-3-4-relayed"));
    }

    /** The other way: the whole address's subscriber sent to the shared one; two BRs tell the softwires apart. */
    @Test
    public void hairpinnedQuoteOfAWholeAddressGoesToItsLwb4FromItsBr() {
        Ip6Address br2 = Ip6Address.valueOf("2001:db8::2");
        BindingTable t = new BindingTable();
        t.addAll(Arrays.asList(Softwire.of(SHARED, PortSet.of(6, 6, 1), LWB4, BR),
                Softwire.of(WHOLE, PortSet.WHOLE_ADDRESS, LWB4_WHOLE, br2)));
        AtomicInteger ids = new AtomicInteger(ID);
        SlowPath sp = new SlowPath(config().brAddress(br2).build(), t, new Clock()::get, ids::getAndIncrement);
        IPv4 hairpinned = udp4(WHOLE, SHARED, 4000, BOUND_PORT, 20, 63, false);
        byte[] orig = encap(hairpinned, BR, LWB4).serialize();
        OutboundPacket out = one(sp.handle(error(1, 4, 0, orig), LWB4_PORT, ICMPV6_TO_BR));
        byte[] expected = toLwb4(LWB4_WHOLE, icmpv4(1, 0, Arrays.copyOfRange(orig, 40, orig.length), ERROR_TTL));
        System.arraycopy(br2.toOctets(), 0, expected, 18 + 8, 16);
        assertEquals(hex(expected), hex(out.frame()));
    }

    @Test
    public void rfc7596Sec81BoundSenderWithoutASoftwireForThePortGetsNothing() {
        IPv4 hairpinned = udp4(SHARED, WHOLE, UNBOUND_PORT, 4000, 20, 63, false);
        assertDropped(slowPath(), error(1, 0, 0, encap(hairpinned, BR, LWB4_WHOLE).serialize()),
                "drop-icmpv6-error-no-softwire");
    }

    @Test
    public void echoRequestsToTheBrAreStillAnswered() {
        SlowPath sp = slowPath();
        byte[] f = icmp6Frame(LWB4, BR, 128, new byte[] {0, 1, 0, 2, 9, 9}, 64, LWB4_AFTR_MAC);
        assertEquals(1, sp.handle(f, LWB4_PORT, ICMPV6_TO_BR).size());
        assertEquals(1L, count(sp, "out-icmpv6-129-0"));
    }

    @Test
    public void sourceOfTheRelayedErrorIsTheFirstAftrIpv4Address() {
        SlowPath sp = slowPath(config().aftrIpv4(Ip4Address.valueOf("192.0.2.9")).build(), new Clock());
        byte[] f = one(sp.handle(error(1, 0, 0, tunnelPacket(20).serialize()), LWB4_PORT, ICMPV6_TO_BR)).frame();
        assertEquals(AFTR_IPV4.toInt(), (int) (((long) Checksums.getShort(f, 26) << 16) | Checksums.getShort(f, 28)));
    }
}
