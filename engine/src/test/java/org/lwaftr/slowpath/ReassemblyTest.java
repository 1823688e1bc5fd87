package org.lwaftr.slowpath;

import org.junit.Test;
import org.onlab.packet.Data;
import org.onlab.packet.IPv4;
import org.onlab.packet.IPv6;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.ipv6.Fragment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.lwaftr.slowpath.Fx.*;

/** Reassembly of IPV4_FRAGMENT, IPV6_FRAGMENT and INNER_IPV4_FRAGMENT punts; re-injection. */
public class ReassemblyTest {

    private static final int IPV4_FRAGMENT = 5;
    private static final int IPV6_FRAGMENT = 6;
    private static final int INNER_IPV4_FRAGMENT = 7;
    private static final long SECOND = 1_000_000_000L;

    /** The datagram of the tests: UDP, 100 bytes of data, so 108 bytes of IPv4 payload. */
    private static IPv4 datagram() {
        return udp4(HOST, SHARED, 53, BOUND_PORT, 100, 64, false);
    }

    /** An IPv4 fragment of d: payload bytes [offset, offset + len). */
    private static IPv4 fragment(IPv4 d, int offset, int len, boolean more) {
        byte[] whole = d.serialize();
        IPv4 f = new IPv4();
        f.setSourceAddress(d.getSourceAddress());
        f.setDestinationAddress(d.getDestinationAddress());
        f.setTtl(d.getTtl());
        f.setIdentification(d.getIdentification());
        f.setProtocol(d.getProtocol());
        f.setFlags((byte) (more ? 1 : 0));
        f.setFragmentOffset((short) (offset / 8));
        f.setPayload(new Data(Arrays.copyOfRange(whole, 20 + offset, 20 + offset + len)));
        return f;
    }

    private static List<byte[]> ipv4Fragments(IPv4 d) {
        List<byte[]> out = new ArrayList<>();
        out.add(fromInternet(fragment(d, 0, 48, true)));
        out.add(fromInternet(fragment(d, 48, 48, true)));
        out.add(fromInternet(fragment(d, 96, 12, false)));
        return out;
    }

    private static List<OutboundPacket> feed(SlowPath sp, int reason, byte[]... frames) {
        List<OutboundPacket> out = new ArrayList<>();
        for (byte[] f : frames) {
            out.addAll(sp.handle(f, reason == IPV4_FRAGMENT ? INET_PORT : LWB4_PORT, reason));
        }
        return out;
    }

    @Test
    public void rfc791InOrderFragmentsAreReassembledAndReinjected() {
        SlowPath sp = slowPath();
        List<byte[]> f = ipv4Fragments(datagram());
        List<OutboundPacket> out = feed(sp, IPV4_FRAGMENT, f.get(0), f.get(1), f.get(2));
        assertEquals(1, out.size());
        assertTrue(out.get(0).isReinject());
        assertArrayEquals("the original frame again", fromInternet(datagram()), out.get(0).frame());
        assertEquals(1L, (long) sp.counters().get("reassembled-ipv4"));
        assertEquals(0, sp.reassembliesInFlight());
    }

    @Test
    public void outOfOrderFragmentsAreReassembled() {
        SlowPath sp = slowPath();
        List<byte[]> f = ipv4Fragments(datagram());
        assertTrue(feed(sp, IPV4_FRAGMENT, f.get(2), f.get(0)).isEmpty());
        List<OutboundPacket> out = feed(sp, IPV4_FRAGMENT, f.get(1));
        assertEquals(1, out.size());
        assertArrayEquals(fromInternet(datagram()), out.get(0).frame());
    }

    @Test
    public void reassemblyTimesOutWithTheInjectedClock() {
        Clock clock = new Clock();
        SlowPath sp = slowPath(config().build(), clock);
        List<byte[]> f = ipv4Fragments(datagram());
        feed(sp, IPV4_FRAGMENT, f.get(0), f.get(1));
        clock.now += 59 * SECOND;
        sp.expireReassemblies();
        assertEquals("not yet", 1, sp.reassembliesInFlight());
        clock.now += 1 * SECOND;
        assertTrue("late last fragment starts a new reassembly", feed(sp, IPV4_FRAGMENT, f.get(2)).isEmpty());
        assertEquals(1L, (long) sp.counters().get("reassembly-timeout"));
        assertEquals(1, sp.reassembliesInFlight());
        clock.now += 60 * SECOND;
        sp.expireReassemblies();
        assertEquals(0, sp.reassembliesInFlight());
        assertEquals(2L, (long) sp.counters().get("reassembly-timeout"));
    }

    @Test
    public void overlappingIpv4FragmentsDiscardThePacket() {
        SlowPath sp = slowPath();
        IPv4 d = datagram();
        assertTrue(feed(sp, IPV4_FRAGMENT, fromInternet(fragment(d, 0, 48, true)),
                fromInternet(fragment(d, 40, 56, true)), fromInternet(fragment(d, 96, 12, false))).isEmpty());
        assertEquals(1L, (long) sp.counters().get("reassembly-overlap"));
    }

    @Test
    public void duplicateFragmentCountsAsOverlap() {
        SlowPath sp = slowPath();
        List<byte[]> f = ipv4Fragments(datagram());
        assertTrue(feed(sp, IPV4_FRAGMENT, f.get(0), f.get(0), f.get(1), f.get(2)).isEmpty());
        assertEquals(1L, (long) sp.counters().get("reassembly-overlap"));
    }

    @Test
    public void boundsTooManyFragmentsBadSizesAndEviction() {
        SlowPath sp = slowPath(config().maxFragmentsPerReassembly(2).maxReassemblies(1).build(), new Clock());
        List<byte[]> f = ipv4Fragments(datagram());
        assertTrue(feed(sp, IPV4_FRAGMENT, f.get(0), f.get(1), f.get(2)).isEmpty());
        assertEquals("third fragment is one too many", 1L, (long) sp.counters().get("reassembly-invalid"));
        IPv4 d = datagram();
        feed(sp, IPV4_FRAGMENT, fromInternet(fragment(d, 0, 44, true)));
        assertEquals("non-last fragment not a multiple of 8", 2L, (long) sp.counters().get("reassembly-invalid"));
        IPv4 other = datagram();
        other.setIdentification((short) 7);
        feed(sp, IPV4_FRAGMENT, f.get(0), fromInternet(fragment(other, 0, 48, true)));
        assertEquals(1L, (long) sp.counters().get("reassembly-evicted"));
        assertEquals(1, sp.reassembliesInFlight());
    }

    /** The encapsulated test packet as the lwB4 sends it, and IPv6 fragments of it. */
    private static IPv6 tunnelled() {
        return encap(udp4(SHARED, HOST, BOUND_PORT, 53, 200, 64, false), LWB4, BR);
    }

    private static byte[] ipv6Fragment(IPv6 whole, int offset, int len, boolean more, int id) {
        byte[] payload = Arrays.copyOfRange(whole.serialize(), 40 + offset, 40 + offset + len);
        Fragment fh = new Fragment();
        fh.setNextHeader((byte) 4);
        fh.setFragmentOffset((short) (offset / 8));
        fh.setMoreFragment((byte) (more ? 1 : 0));
        fh.setIdentification(id);
        fh.setPayload(new Data(payload));
        IPv6 ip6 = new IPv6();
        ip6.setNextHeader((byte) 44);
        ip6.setHopLimit(whole.getHopLimit());
        ip6.setSourceAddress(whole.getSourceAddress());
        ip6.setDestinationAddress(whole.getDestinationAddress());
        ip6.setPayload(fh);
        return fromLwb4(ip6);
    }

    @Test
    public void rfc8200Sec45Ipv6FragmentsAreReassembledOutOfOrder() {
        SlowPath sp = slowPath();
        IPv6 w = tunnelled();                  // 228 bytes of payload
        List<OutboundPacket> out = feed(sp, IPV6_FRAGMENT, ipv6Fragment(w, 200, 28, false, 9),
                ipv6Fragment(w, 0, 104, true, 9), ipv6Fragment(w, 104, 96, true, 9));
        assertEquals(1, out.size());
        assertTrue(out.get(0).isReinject());
        assertArrayEquals(fromLwb4(tunnelled()), out.get(0).frame());
        assertEquals(1L, (long) sp.counters().get("reassembled-ipv6"));
    }

    @Test
    public void rfc5722OverlappingIpv6FragmentsDiscardThePacket() {
        SlowPath sp = slowPath();
        IPv6 w = tunnelled();
        assertTrue(feed(sp, IPV6_FRAGMENT, ipv6Fragment(w, 0, 104, true, 9), ipv6Fragment(w, 96, 104, true, 9),
                ipv6Fragment(w, 200, 28, false, 9)).isEmpty());
        assertEquals(1L, (long) sp.counters().get("reassembly-overlap"));
    }

    @Test
    public void rfc6946AtomicFragmentIsReinjectedAtOnce() {
        SlowPath sp = slowPath();
        List<OutboundPacket> out = feed(sp, IPV6_FRAGMENT, ipv6Fragment(tunnelled(), 0, 228, false, 3));
        assertEquals(1, out.size());
        assertArrayEquals(fromLwb4(tunnelled()), out.get(0).frame());
        assertEquals(0, sp.reassembliesInFlight());
    }

    @Test
    public void innerIpv4FragmentsAreReassembledAndEncapsulatedAgain() {
        SlowPath sp = slowPath();
        IPv4 d = udp4(SHARED, HOST, BOUND_PORT, 53, 100, 64, false);
        List<OutboundPacket> out = feed(sp, INNER_IPV4_FRAGMENT,
                fromLwb4(encap(fragment(d, 48, 60, false), LWB4, BR)),
                fromLwb4(encap(fragment(d, 0, 48, true), LWB4, BR)));
        assertEquals(1, out.size());
        assertArrayEquals(fromLwb4(encap(udp4(SHARED, HOST, BOUND_PORT, 53, 100, 64, false), LWB4, BR)),
                out.get(0).frame());
        assertEquals(1L, (long) sp.counters().get("reassembled-inner-ipv4"));
    }

    @Test
    public void innerFragmentsFromDifferentLwb4sNeverMix() {
        SlowPath sp = slowPath();
        IPv4 d = udp4(SHARED, HOST, BOUND_PORT, 53, 100, 64, false);
        Ip6Address otherLwb4 = Ip6Address.valueOf("2001:db8:1::99");
        assertTrue(feed(sp, INNER_IPV4_FRAGMENT, fromLwb4(encap(fragment(d, 48, 60, false), LWB4, BR)),
                fromLwb4(encap(fragment(d, 0, 48, true), otherLwb4, BR))).isEmpty());
        assertEquals(2, sp.reassembliesInFlight());
    }

    @Test
    public void bytesHeldAreBoundedOldestEvictedFirst() {
        SlowPath sp = slowPath(config().maxReassemblyBytes(65536).build(), new Clock());
        IPv4 a = datagram();
        IPv4 b = datagram();
        b.setIdentification((short) 1);
        // A fragment far into the packet makes its reassembly hold every byte before it.
        IPv4 farA = fragment(a, 0, 8, true);
        farA.setFragmentOffset((short) (40000 / 8));
        IPv4 farB = fragment(b, 0, 8, true);
        farB.setFragmentOffset((short) (40000 / 8));
        feed(sp, IPV4_FRAGMENT, fromInternet(farA));
        assertEquals(0L, (long) sp.counters().get("reassembly-evicted"));
        feed(sp, IPV4_FRAGMENT, fromInternet(farB));
        assertEquals(1L, (long) sp.counters().get("reassembly-evicted"));
        assertEquals(1, sp.reassembliesInFlight());
    }
}
