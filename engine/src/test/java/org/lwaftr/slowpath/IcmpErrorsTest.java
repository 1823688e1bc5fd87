package org.lwaftr.slowpath;

import org.junit.Test;
import org.onlab.packet.Data;
import org.onlab.packet.Ethernet;
import org.onlab.packet.ICMP;
import org.onlab.packet.ICMP6;
import org.onlab.packet.ICMPEcho;
import org.onlab.packet.IPv4;
import org.onlab.packet.IPv6;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.MacAddress;

import java.util.Arrays;
import java.util.List;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.lwaftr.slowpath.Fx.*;

/** ICMP errors: RFC 7596 §6.2 (1/5, 3/1), TTL expiry, RFC 1812/4443 limits, policy, hairpin misses. */
public class IcmpErrorsTest {

    private static final int DOWNSTREAM_NO_BINDING = 8;
    private static final int UPSTREAM_NO_BINDING = 9;
    private static final int TTL_EXPIRED = 10;

    private static byte[] upstream(int inner, int sport) {
        IPv4 ip = udp4(SHARED, HOST, sport, 53, inner, 64, false);
        return fromLwb4(encap(ip, LWB4, BR));
    }

    private static OutboundPacket one(List<OutboundPacket> out) {
        assertEquals("packets sent", 1, out.size());
        return out.get(0);
    }

    @Test
    public void rfc7596Sec62UpstreamMissGetsIcmpv6DestUnreachablePolicyFromTheBr() throws Exception {
        SlowPath sp = slowPath();
        byte[] in = upstream(20, UNBOUND_PORT);
        OutboundPacket out = one(sp.handle(in, LWB4_PORT, UPSTREAM_NO_BINDING));
        assertEquals(LWB4_PORT, out.port());
        Ethernet eth = parse(out);
        assertEquals(LWB4_AFTR_MAC, eth.getSourceMAC());
        assertEquals(LWB4_NEXT_HOP, eth.getDestinationMAC());
        assertEquals(LWB4_VLAN, eth.getVlanID());
        IPv6 ip6 = (IPv6) eth.getPayload();
        assertEquals(BR, Ip6Address.valueOf(ip6.getSourceAddress()));
        assertEquals(LWB4, Ip6Address.valueOf(ip6.getDestinationAddress()));
        assertEquals(64, ip6.getHopLimit());
        ICMP6 icmp6 = (ICMP6) ip6.getPayload();
        assertEquals(1, icmp6.getIcmpType());
        assertEquals(5, icmp6.getIcmpCode());
        byte[] body = ((Data) icmp6.getPayload()).getData();
        byte[] orig = Arrays.copyOfRange(in, 18, in.length);
        assertEquals(4 + orig.length, body.length);
        assertArrayEquals("unused word", new byte[4], Arrays.copyOf(body, 4));
        assertArrayEquals("the whole offending packet", orig, Arrays.copyOfRange(body, 4, body.length));
        assertIcmpv6Checksum(out.frame(), 18);
        assertEquals(1L, (long) sp.counters().get("out-icmpv6-1-5"));
    }

    @Test
    public void rfc4443Sec24cIcmpv6ErrorQuotesAsMuchAsFitsIn1280Bytes() throws Exception {
        SlowPath sp = slowPath();
        byte[] in = upstream(1400, UNBOUND_PORT);
        OutboundPacket out = one(sp.handle(in, LWB4_PORT, UPSTREAM_NO_BINDING));
        byte[] f = out.frame();
        assertEquals(18 + 1280, f.length);
        assertEquals("payload length", 1240, ((f[18 + 4] & 0xff) << 8) | (f[18 + 5] & 0xff));
        assertArrayEquals(Arrays.copyOfRange(in, 18, 18 + 1232), Arrays.copyOfRange(f, 18 + 48, f.length));
        assertIcmpv6Checksum(f, 18);
    }

    @Test
    public void icmpv6ErrorsOffSendsNothing() {
        SlowPath sp = slowPath(config().icmpv6Errors(false).build(), new Clock());
        assertTrue(sp.handle(upstream(20, UNBOUND_PORT), LWB4_PORT, UPSTREAM_NO_BINDING).isEmpty());
        assertEquals(1L, (long) sp.counters().get("drop-policy-icmpv6-errors"));
        assertEquals(0L, (long) sp.counters().get("out-icmpv6-1-5"));
    }

    @Test
    public void rfc4443Sec24eNoIcmpv6ErrorToAMulticastSource() {
        SlowPath sp = slowPath();
        IPv6 ip6 = encap(udp4(SHARED, HOST, UNBOUND_PORT, 53, 20, 64, false), Ip6Address.valueOf("ff02::5"), BR);
        assertTrue(sp.handle(fromLwb4(ip6), LWB4_PORT, UPSTREAM_NO_BINDING).isEmpty());
        assertEquals(1L, (long) sp.counters().get("drop-error-not-allowed"));
    }

    @Test
    public void rfc7596Sec62DownstreamMissGetsIcmpv4HostUnreachable() throws Exception {
        SlowPath sp = slowPath();
        byte[] in = fromInternet(udp4(HOST, SHARED, 53, UNBOUND_PORT, 20, 64, false));
        OutboundPacket out = one(sp.handle(in, INET_PORT, DOWNSTREAM_NO_BINDING));
        assertEquals(INET_PORT, out.port());
        Ethernet eth = parse(out);
        assertEquals(INET_AFTR_MAC, eth.getSourceMAC());
        assertEquals(INET_NEXT_HOP, eth.getDestinationMAC());
        assertEquals(Ethernet.VLAN_UNTAGGED, eth.getVlanID());
        IPv4 ip = (IPv4) eth.getPayload();
        assertEquals(AFTR_IPV4.toInt(), ip.getSourceAddress());
        assertEquals(HOST.toInt(), ip.getDestinationAddress());
        assertEquals(64, ip.getTtl());
        ICMP icmp = (ICMP) ip.getPayload();
        assertEquals(3, icmp.getIcmpType());
        assertEquals(1, icmp.getIcmpCode());
        byte[] body = ((Data) icmp.getPayload()).getData();
        assertArrayEquals(new byte[4], Arrays.copyOf(body, 4));
        assertArrayEquals(Arrays.copyOfRange(in, 14, in.length), Arrays.copyOfRange(body, 4, body.length));
        assertIpv4HeaderChecksum(out.frame(), 14);
        assertIcmpv4Checksum(out.frame(), 14);
    }

    /**
     * The 3/1 about a UDP datagram with 4 bytes of data from {@code sp}, pinned whole but for its
     * TTL and header checksum (6359 checked by hand; d24e and 8122 are the quoted packet's own).
     */
    private static void assertPinnedHostUnreachable(SlowPath sp, String ttl, String checksum) {
        byte[] in = fromInternet(udp4(HOST, SHARED, 53, UNBOUND_PORT, 4, 64, false));
        OutboundPacket out = one(sp.handle(in, INET_PORT, DOWNSTREAM_NO_BINDING));
        assertEquals(
                "0200000000fe" + "020000000002" + "0800"
                + "4500" + "003c" + "1234" + "0000" + ttl + "01" + checksum + "c0000201" + "cb007107"
                + "0301" + "6359" + "00000000"
                + "4500" + "0020" + "4242" + "0000" + "40" + "11" + "d24e" + "cb007107" + "c6336401"
                + "0035" + "0420" + "000c" + "8122" + "030a1118",
                hex(out.frame()));
    }

    /** The whole frame, pinned (header checksum 6a84 checked by hand). */
    @Test
    public void icmpv4HostUnreachablePinnedBytes() {
        assertPinnedHostUnreachable(slowPath(), "40", "6a84");
    }

    /**
     * RFC 1812 §4.2.2.9 leaves the TTL of originated datagrams open (not 0): ICMPv4 errors take the
     * policy's hop limit, so an imported Snabb configuration (hop limit 255) sends them with TTL
     * 255 as Snabb does (header checksum 6a84 updated by hand for TTL ff, RFC 1624: ab83).
     */
    @Test
    public void icmpv4ErrorTtlIsThePolicysHopLimit() {
        assertPinnedHostUnreachable(slowPath(config().hopLimit(255).build(), new Clock()), "ff", "ab83");
    }

    @Test
    public void rfc1812Sec4323Icmpv4ErrorIsAtMost576Bytes() {
        SlowPath sp = slowPath();
        byte[] in = fromInternet(udp4(HOST, SHARED, 53, UNBOUND_PORT, 1400, 64, false));
        byte[] f = one(sp.handle(in, INET_PORT, DOWNSTREAM_NO_BINDING)).frame();
        assertEquals(14 + 576, f.length);
        assertArrayEquals(Arrays.copyOfRange(in, 14, 14 + 548), Arrays.copyOfRange(f, 14 + 28, f.length));
        assertIcmpv4Checksum(f, 14);
    }

    @Test
    public void rfc7596Sec81UnmatchedIcmpIsNeverAnswered() {
        SlowPath sp = slowPath();
        assertTrue(sp.handle(fromInternet(echo(HOST, SHARED, 7)), INET_PORT, DOWNSTREAM_NO_BINDING).isEmpty());
        assertEquals(1L, (long) sp.counters().get("drop-error-not-allowed"));
    }

    @Test
    public void ttlExpiryGetsIcmpv4TimeExceeded() throws Exception {
        SlowPath sp = slowPath();
        byte[] in = fromInternet(udp4(HOST, SHARED, 53, BOUND_PORT, 20, 1, false));
        Ethernet eth = parse(one(sp.handle(in, INET_PORT, TTL_EXPIRED)));
        ICMP icmp = (ICMP) ((IPv4) eth.getPayload()).getPayload();
        assertEquals(11, icmp.getIcmpType());
        assertEquals(0, icmp.getIcmpCode());
        assertEquals(1L, (long) sp.counters().get("out-icmpv4-11-0"));
    }

    @Test
    public void rfc1812Sec4327NoErrorAboutAnIcmpError() {
        ICMP err = new ICMP();
        err.setIcmpType((byte) 3);
        err.setIcmpCode((byte) 3);
        err.setPayload(new Data(udp4(SHARED, HOST, BOUND_PORT, 53, 8, 64, false).serialize()));
        IPv4 ip = new IPv4();
        ip.setSourceAddress(HOST.toInt());
        ip.setDestinationAddress(SHARED.toInt());
        ip.setTtl((byte) 1);
        ip.setProtocol(IPv4.PROTOCOL_ICMP);
        ip.setPayload(err);
        assertNotAnswered(fromInternet(ip));
    }

    @Test
    public void rfc1812Sec4327NoErrorAboutANonFirstFragment() {
        IPv4 ip = udp4(HOST, SHARED, 53, BOUND_PORT, 20, 1, false);
        ip.setFragmentOffset((short) 10);
        assertNotAnswered(fromInternet(ip));
    }

    @Test
    public void rfc1812Sec4327NoErrorToANonUnicastSourceOrAboutABroadcast() {
        assertNotAnswered(fromInternet(udp4(Ip4Address.valueOf("224.0.0.9"), SHARED, 53, BOUND_PORT, 8, 1, false)));
        assertNotAnswered(fromInternet(udp4(Ip4Address.valueOf("0.0.0.1"), SHARED, 53, BOUND_PORT, 8, 1, false)));
        assertNotAnswered(fromInternet(udp4(HOST, Ip4Address.valueOf("255.255.255.255"), 53, 9, 8, 1, false)));
        byte[] l2Broadcast = fromInternet(udp4(HOST, SHARED, 53, BOUND_PORT, 8, 1, false));
        System.arraycopy(MacAddress.BROADCAST.toBytes(), 0, l2Broadcast, 0, 6);
        assertNotAnswered(l2Broadcast);
    }

    private static void assertNotAnswered(byte[] frame) {
        SlowPath sp = slowPath();
        assertTrue(sp.handle(frame, INET_PORT, TTL_EXPIRED).isEmpty());
        assertEquals(1L, (long) sp.counters().get("drop-error-not-allowed"));
    }

    @Test
    public void icmpv4ErrorsOffSendsNothing() {
        SlowPath sp = slowPath(config().icmpv4Errors(false).build(), new Clock());
        byte[] in = fromInternet(udp4(HOST, SHARED, 53, UNBOUND_PORT, 20, 64, false));
        assertTrue(sp.handle(in, INET_PORT, DOWNSTREAM_NO_BINDING).isEmpty());
        byte[] expiring = fromInternet(udp4(HOST, SHARED, 53, BOUND_PORT, 20, 1, false));
        assertTrue(sp.handle(expiring, INET_PORT, TTL_EXPIRED).isEmpty());
        assertEquals(2L, (long) sp.counters().get("drop-policy-icmpv4-errors"));
    }

    /** A hairpinned packet that misses in its second pass: the error goes back through the softwire. */
    @Test
    public void rfc7596Sec62HairpinMissIsAnsweredThroughTheSourceSoftwire() throws Exception {
        SlowPath sp = slowPath();
        IPv4 inner = udp4(WHOLE, SHARED, 5000, UNBOUND_PORT, 20, 64, false);
        byte[] in = fromLwb4(encap(inner, LWB4_WHOLE, BR));
        OutboundPacket out = one(sp.handle(in, LWB4_PORT, DOWNSTREAM_NO_BINDING));
        assertEquals(LWB4_PORT, out.port());
        Ethernet eth = parse(out);
        assertEquals(LWB4_VLAN, eth.getVlanID());
        IPv6 ip6 = (IPv6) eth.getPayload();
        assertEquals(4, ip6.getNextHeader());
        assertEquals(BR, Ip6Address.valueOf(ip6.getSourceAddress()));
        assertEquals(LWB4_WHOLE, Ip6Address.valueOf(ip6.getDestinationAddress()));
        byte[] f = out.frame();
        IPv4 ip = IPv4.deserializer().deserialize(f, 18 + 40, f.length - 58);
        assertEquals(AFTR_IPV4.toInt(), ip.getSourceAddress());
        assertEquals(WHOLE.toInt(), ip.getDestinationAddress());
        byte[] quote = Arrays.copyOfRange(f, 58 + 28, f.length);
        assertArrayEquals("the decapsulated packet", inner.serialize(), quote);
        assertIpv4HeaderChecksum(f, 58);
        assertIcmpv4Checksum(f, 58);
    }

    @Test
    public void hairpinnedPuntWhileHairpinningIsOffIsDropped() {
        SlowPath sp = slowPath(config().hairpinning(false).build(), new Clock());
        byte[] in = fromLwb4(encap(udp4(WHOLE, SHARED, 5000, UNBOUND_PORT, 20, 64, false), LWB4_WHOLE, BR));
        assertTrue(sp.handle(in, LWB4_PORT, DOWNSTREAM_NO_BINDING).isEmpty());
        assertEquals(1L, (long) sp.counters().get("drop-hairpin-off"));
    }

    @Test
    public void rfc7596Sec9ErrorsAreRateLimitedAndRefillAfterThePeriod() {
        Clock clock = new Clock();
        SlowPath sp = slowPath(config().icmpv4Rate(3, 1, java.util.concurrent.TimeUnit.SECONDS).build(), clock);
        byte[] in = fromInternet(udp4(HOST, SHARED, 53, UNBOUND_PORT, 20, 64, false));
        int sent = 0;
        for (int i = 0; i < 5; i++) {
            sent += sp.handle(in, INET_PORT, DOWNSTREAM_NO_BINDING).size();
        }
        assertEquals("burst", 3, sent);
        assertEquals(2L, (long) sp.counters().get("icmpv4-rate-limited"));
        clock.now += 1_000_000_000L;
        for (int i = 0; i < 5; i++) {
            sent += sp.handle(in, INET_PORT, DOWNSTREAM_NO_BINDING).size();
        }
        assertEquals("refilled after a period", 6, sent);
        clock.now += 1_000_000_000L / 3 + 1;
        sent += sp.handle(in, INET_PORT, DOWNSTREAM_NO_BINDING).size();
        sent += sp.handle(in, INET_PORT, DOWNSTREAM_NO_BINDING).size();
        assertEquals("a third of a period: one more", 7, sent);
        assertEquals(7L, (long) sp.counters().get("out-icmpv4-3-1"));
        assertEquals(5L, (long) sp.counters().get("icmpv4-rate-limited"));
    }

    static IPv4 echo(Ip4Address src, Ip4Address dst, int id) {
        ICMPEcho e = new ICMPEcho();
        e.setIdentifier((short) id);
        e.setSequenceNum((short) 1);
        e.setPayload(new Data(pattern(16)));
        ICMP icmp = new ICMP();
        icmp.setIcmpType(ICMP.TYPE_ECHO_REQUEST);
        icmp.setPayload(e);
        IPv4 ip = new IPv4();
        ip.setSourceAddress(src.toInt());
        ip.setDestinationAddress(dst.toInt());
        ip.setTtl((byte) 64);
        ip.setProtocol(IPv4.PROTOCOL_ICMP);
        ip.setPayload(icmp);
        return ip;
    }
}
