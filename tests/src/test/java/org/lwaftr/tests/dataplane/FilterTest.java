package org.lwaftr.tests.dataplane;

import org.junit.Test;
import org.lwaftr.filter.PacketFilter;
import org.lwaftr.pipeconf.PacketOuts;
import org.lwaftr.pipeconf.gen.Direction;
import org.lwaftr.pipeconf.gen.DropReason;
import org.lwaftr.pipeconf.gen.LwaftrP4;
import org.lwaftr.pipeconf.gen.Side;
import org.lwaftr.translate.FilterEntries;
import org.onlab.packet.IPv4;
import org.onlab.util.ImmutableByteSequence;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiCounterCellData;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import org.onosproject.net.pi.runtime.PiTableEntry;

import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.lwaftr.tests.bmv2.LwaftrFrames.bytes;
import static org.lwaftr.tests.bmv2.LwaftrFrames.filler;
import static org.lwaftr.tests.bmv2.LwaftrFrames.ipv4Frame;
import static org.lwaftr.tests.bmv2.LwaftrFrames.tcp;
import static org.lwaftr.tests.bmv2.LwaftrFrames.tunnel;
import static org.lwaftr.tests.bmv2.LwaftrFrames.udp;
import static org.lwaftr.tests.dataplane.DownstreamTest.fromInternet;
import static org.lwaftr.tests.dataplane.Net.A;
import static org.lwaftr.tests.dataplane.Net.AFTR_IPV4;
import static org.lwaftr.tests.dataplane.Net.B;
import static org.lwaftr.tests.dataplane.Net.C;
import static org.lwaftr.tests.dataplane.Net.HOST;
import static org.lwaftr.tests.dataplane.Net.INET_PORT;
import static org.lwaftr.tests.dataplane.Net.LWB4_PORT;
import static org.lwaftr.tests.dataplane.Net.OTHER_MAC;
import static org.lwaftr.tests.dataplane.Net.SETTINGS;
import static org.lwaftr.tests.dataplane.Net.SHARED;
import static org.lwaftr.tests.dataplane.Net.WHOLE;
import static org.lwaftr.tests.dataplane.Net.port;
import static org.lwaftr.tests.dataplane.UpstreamTest.fromLwb4;

/**
 * The sides' filters (Snabb's ingress-filter / egress-filter, pcap-filter expressions compiled by
 * {@link PacketFilter} and translated by {@link FilterEntries}): what a filter lets through leaves
 * exactly as without it, the rest drops as FILTERED, and filter_stats counts both per filter.
 */
public class FilterTest extends LwaftrTestBase {
    private static final PiTableId IN = LwaftrP4.INGRESS_INGRESS_FILTER;
    private static final PiTableId OUT = LwaftrP4.INGRESS_EGRESS_FILTER;

    private static void filter(PiTableId table, Side side, String expression) {
        insert(FilterEntries.entries(table, side.code(), PacketFilter.compile(expression)).toArray(new PiTableEntry[0]));
    }

    private static PiCounterCellData stats(Side side, boolean egress, boolean denied) {
        return device.readCounter(PiCounterCellId.ofIndirect(LwaftrP4.COUNTER_FILTER_STATS,
                FilterEntries.cell(side.code(), egress, denied)));
    }

    private static void assertStats(Side side, boolean egress, long passed, long passedBytes, long denied,
                                    long deniedBytes) {
        String f = side + (egress ? " egress" : " ingress");
        assertEquals(f + " passed", new PiCounterCellData(passed, passedBytes), stats(side, egress, false));
        assertEquals(f + " denied", new PiCounterCellData(denied, deniedBytes), stats(side, egress, true));
    }

    @Test
    public void internetIngressAllowListForwardsWhatMatchesAndDropsTheRestAsFiltered() {
        filter(IN, Side.INTERNET, "tcp dst portrange 1024-65535 and src net 203.0.113.0/24");
        IPv4 ok = tcp(HOST, 443, SHARED, port(A.psid));
        byte[] okFrame = fromInternet(ok);
        send(INET_PORT, okFrame);
        expectOut(LWB4_PORT, Expected.encapsulated(bytes(ok), A.br, A.lwb4, SETTINGS));
        byte[] refused = fromInternet(udp(HOST, 443, SHARED, port(A.psid)));
        send(INET_PORT, refused);
        expectDrop(DropReason.FILTERED);
        assertStats(Side.INTERNET, false, 1, okFrame.length, 1, refused.length);
        assertSoftwireStats(A, Direction.DOWNSTREAM, 1, okFrame.length);
    }

    @Test
    public void lwb4IngressFilterSeesTheOuterIpv6HeaderNotTheInnerIpv4() {
        // pcap-filter: softwire TCP is "ip6 proto 4", not "tcp"; addresses are the lwB4's and BR's
        filter(IN, Side.LWB4, "ip6 proto 4 and src net 2001:db8:1::/48 and not tcp");
        IPv4 inner = tcp(SHARED, port(A.psid) + 1, HOST, 443);
        send(LWB4_PORT, fromLwb4(tunnel(A.lwb4, A.br, inner)));
        expectOut(INET_PORT, Expected.decapsulated(bytes(inner)));
        byte[] fromC = fromLwb4(tunnel(C.lwb4, C.br, udp(WHOLE, 4000, HOST, 53)));
        send(LWB4_PORT, fromC);
        expectDrop(DropReason.FILTERED);
        assertEquals(new PiCounterCellData(1, fromC.length), stats(Side.LWB4, false, true));
    }

    @Test
    public void internetEgressFilterSeesTheDecapsulatedPacket() {
        filter(OUT, Side.INTERNET, "not dst port 25");
        byte[] smtp = fromLwb4(tunnel(A.lwb4, A.br, tcp(SHARED, port(A.psid), HOST, 25)));
        send(LWB4_PORT, smtp);
        expectDrop(DropReason.FILTERED);
        IPv4 web = tcp(SHARED, port(A.psid), HOST, 80);
        byte[] webFrame = fromLwb4(tunnel(A.lwb4, A.br, web));
        send(LWB4_PORT, webFrame);
        expectOut(INET_PORT, Expected.decapsulated(bytes(web)));
        // bytes are those of the frame as received, as in every counter of the pipeline
        assertStats(Side.INTERNET, true, 1, webFrame.length, 1, smtp.length);
        assertStats(Side.INTERNET, false, 0, 0, 0, 0);
    }

    @Test
    public void lwb4EgressLengthIsTheEncapsulatedFrame() {
        IPv4 small = udp(HOST, 53, SHARED, port(A.psid), filler(20));
        int len = 14 + 40 + bytes(small).length;
        filter(OUT, Side.LWB4, "len <= " + len);
        byte[] in = fromInternet(small);
        send(INET_PORT, in);
        expectOut(LWB4_PORT, Expected.encapsulated(bytes(small), A.br, A.lwb4, SETTINGS));
        send(INET_PORT, fromInternet(udp(HOST, 53, SHARED, port(A.psid), filler(21))));
        expectDrop(DropReason.FILTERED);
        assertStats(Side.LWB4, true, 1, in.length, 1, in.length + 1);
    }

    @Test
    public void hairpinIsFilteredOnceOnTheWayInAndOnceOnTheWayOut() {
        // The second pass's packet comes from BR 2 to B: the ingress filter would refuse it, so a
        // delivered packet shows the ingress filter ran on the first pass only (as in Snabb).
        filter(IN, Side.LWB4, "src net 2001:db8:1::/48");
        filter(OUT, Side.LWB4, "dst host " + B.lwb4);
        IPv4 toB = udp(SHARED, port(A.psid), SHARED, port(3, B.psid, 2));
        byte[] frame = fromLwb4(tunnel(A.lwb4, A.br, toB));
        send(LWB4_PORT, frame);
        expectOut(LWB4_PORT, Expected.encapsulated(bytes(toB), B.br, B.lwb4, SETTINGS));
        assertStats(Side.LWB4, false, 1, frame.length, 0, 0);
        assertStats(Side.LWB4, true, 1, frame.length, 0, 0);
        send(LWB4_PORT, fromLwb4(tunnel(A.lwb4, A.br, udp(SHARED, port(A.psid), WHOLE, 22))));
        expectDrop(DropReason.FILTERED);    // to C: not B's lwB4
    }

    @Test
    public void arpIsFilteredAsInSnabb() {
        // Snabb filters before its ARP responder: "ip" on the external interface refuses ARP
        filter(IN, Side.INTERNET, "ip");
        send(INET_PORT, ToAftrTest.arpRequest(AFTR_IPV4));
        expectDrop(DropReason.FILTERED);
    }

    @Test
    public void reinjectedPacketsPassOnlyTheEgressFilter() {
        filter(IN, Side.INTERNET, "len < 0");
        filter(IN, Side.LWB4, "len < 0");
        byte[] reply = ipv4Frame(OTHER_MAC, OTHER_MAC, udp(AFTR_IPV4, 7, HOST, 9));
        device.packetOut(PacketOuts.reinject(ImmutableByteSequence.copyFrom(reply)));
        expectOut(INET_PORT, Expected.decapsulated(bytes(udp(AFTR_IPV4, 7, HOST, 9))));
        filter(OUT, Side.INTERNET, "len < 0");
        device.packetOut(PacketOuts.reinject(ImmutableByteSequence.copyFrom(reply)));
        expectDrop(DropReason.FILTERED);
        assertEquals(Map.of(), nonZeroIngressFilter());
    }

    private static Map<Integer, Long> nonZeroIngressFilter() {
        Map<Integer, Long> all = nonZero(LwaftrP4.COUNTER_FILTER_STATS);
        all.keySet().removeIf(i -> (i & 2) != 0);
        return all;
    }
}
