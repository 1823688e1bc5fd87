package org.lwaftr.tests.dataplane;

import org.junit.Test;
import org.lwaftr.pipeconf.gen.Direction;
import org.lwaftr.pipeconf.gen.PuntReason;
import org.onlab.packet.Data;
import org.onlab.packet.IPv4;
import org.onlab.packet.IPv6;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.ipv6.Fragment;

import java.util.Arrays;

import static org.junit.Assert.assertEquals;
import static org.lwaftr.tests.bmv2.LwaftrFrames.bytes;
import static org.lwaftr.tests.bmv2.LwaftrFrames.filler;
import static org.lwaftr.tests.bmv2.LwaftrFrames.ipv4;
import static org.lwaftr.tests.bmv2.LwaftrFrames.ipv6;
import static org.lwaftr.tests.bmv2.LwaftrFrames.tunnel;
import static org.lwaftr.tests.bmv2.LwaftrFrames.udp;
import static org.lwaftr.tests.dataplane.DownstreamTest.fromInternet;
import static org.lwaftr.tests.dataplane.Net.A;
import static org.lwaftr.tests.dataplane.Net.B;
import static org.lwaftr.tests.dataplane.Net.HOST;
import static org.lwaftr.tests.dataplane.Net.INET_PORT;
import static org.lwaftr.tests.dataplane.Net.LWB4_PORT;
import static org.lwaftr.tests.dataplane.Net.SETTINGS;
import static org.lwaftr.tests.dataplane.Net.SHARED;
import static org.lwaftr.tests.dataplane.Net.UNBOUND;
import static org.lwaftr.tests.dataplane.Net.port;
import static org.lwaftr.tests.dataplane.UpstreamTest.fromLwb4;

/**
 * Fragments go to the controller for reassembly (RFC 7596 §5.3 leaves the AFTR to reassemble),
 * and packets over an MTU go to it for fragmentation or ICMP "too big".
 */
public class FragmentAndMtuTest extends LwaftrTestBase {
    private static final int IPV4_UDP_HEADERS = 28;

    /** The first fragment (MF set) of a UDP packet: the UDP header is there but must not be trusted. */
    private static IPv4 firstFragment(IPv4 ip) {
        ip.setFlags((byte) 0x1);
        return ip;
    }

    /** A non-first fragment (offset {@code offset8} × 8 bytes, last): no L4 header at all. */
    private static IPv4 laterFragment(Ip4Address src, Ip4Address dst, int offset8) {
        IPv4 ip = ipv4(src, dst, IPv4.PROTOCOL_UDP, new Data(filler(40)));
        ip.setFragmentOffset((short) offset8);
        return ip;
    }

    private static void expectPuntOf(int port, byte[] frame, PuntReason reason) {
        send(port, frame);
        expectPunt(reason, port, frame);
        assertPuntCounted(reason, frame);
    }

    @Test
    public void rfc7596Sec53DownstreamFirstFragmentIsPuntedForReassembly() {
        expectPuntOf(INET_PORT, fromInternet(firstFragment(udp(HOST, 53, SHARED, port(A.psid)))),
                PuntReason.IPV4_FRAGMENT);
        assertEquals(0, softwireStats(A, Direction.DOWNSTREAM).packets());
    }

    @Test
    public void rfc7596Sec53DownstreamLaterFragmentIsPuntedForReassembly() {
        expectPuntOf(INET_PORT, fromInternet(laterFragment(HOST, SHARED, 185)), PuntReason.IPV4_FRAGMENT);
    }

    @Test
    public void rfc7596Sec53FragmentToAnUnboundAddressIsStillPuntedAsAFragment() {
        expectPuntOf(INET_PORT, fromInternet(laterFragment(HOST, UNBOUND, 3)), PuntReason.IPV4_FRAGMENT);
    }

    @Test
    public void rfc8200Sec45UpstreamIpv6FragmentIsPuntedForReassembly() {
        byte[] inner = bytes(udp(SHARED, port(A.psid), HOST, 53));
        Fragment frag = new Fragment();
        frag.setNextHeader((byte) 4);
        frag.setFragmentOffset((short) 0);
        frag.setMoreFragment((byte) 1);
        frag.setIdentification(0x1234abcd);
        frag.setPayload(new Data(Arrays.copyOf(inner, 32)));
        byte[] frame = fromLwb4(ipv6(A.lwb4, A.br, IPv6.PROTOCOL_FRAG, frag).serialize());
        assertEquals(44, frame[14 + 6]);
        expectPuntOf(LWB4_PORT, frame, PuntReason.IPV6_FRAGMENT);
    }

    @Test
    public void rfc7596Sec53UpstreamInnerIpv4FirstFragmentIsPunted() {
        IPv4 inner = firstFragment(udp(SHARED, port(A.psid), HOST, 53));
        expectPuntOf(LWB4_PORT, fromLwb4(tunnel(A.lwb4, A.br, inner)), PuntReason.INNER_IPV4_FRAGMENT);
        assertEquals(0, softwireStats(A, Direction.UPSTREAM).packets());
    }

    @Test
    public void rfc7596Sec53UpstreamInnerIpv4LaterFragmentIsPunted() {
        IPv4 inner = laterFragment(SHARED, HOST, 100);
        expectPuntOf(LWB4_PORT, fromLwb4(tunnel(A.lwb4, A.br, inner)), PuntReason.INNER_IPV4_FRAGMENT);
    }

    @Test
    public void rfc7596Sec53DownstreamPacketFillingTheLwb4MtuExactlyIsForwarded() {
        IPv4 ip = udp(HOST, 53, SHARED, port(A.psid), filler(1500 - 40 - IPV4_UDP_HEADERS));
        assertEquals(1460, bytes(ip).length);
        send(INET_PORT, fromInternet(ip));
        expectOut(LWB4_PORT, Expected.encapsulated(bytes(ip), A.br, A.lwb4, SETTINGS));
    }

    @Test
    public void rfc7596Sec53DownstreamPacketOverTheLwb4MtuAfterEncapsulationIsPunted() {
        IPv4 ip = udp(HOST, 53, SHARED, port(A.psid), filler(1500 - 40 - IPV4_UDP_HEADERS + 1));
        expectPuntOf(INET_PORT, fromInternet(ip), PuntReason.DOWNSTREAM_MTU);
        assertEquals(0, softwireStats(A, Direction.DOWNSTREAM).packets());
    }

    @Test
    public void rfc8676SoftwirePayloadMtuIsTheConfiguredOne() {
        configure(SETTINGS.withLwb4Mtu(1280));
        IPv4 fits = udp(HOST, 53, SHARED, port(A.psid), filler(1280 - 40 - IPV4_UDP_HEADERS));
        send(INET_PORT, fromInternet(fits));
        expectOut(LWB4_PORT, Expected.encapsulated(bytes(fits), A.br, A.lwb4, SETTINGS));
        IPv4 over = udp(HOST, 53, SHARED, port(A.psid), filler(1280 - 40 - IPV4_UDP_HEADERS + 1));
        byte[] frame = fromInternet(over);
        send(INET_PORT, frame);
        expectPunt(PuntReason.DOWNSTREAM_MTU, INET_PORT, frame);
    }

    @Test
    public void rfc791UpstreamPacketFillingTheInternetMtuExactlyIsForwarded() {
        configure(SETTINGS.withInternetMtu(1400));
        IPv4 inner = udp(SHARED, port(A.psid), HOST, 53, filler(1400 - IPV4_UDP_HEADERS));
        send(LWB4_PORT, fromLwb4(tunnel(A.lwb4, A.br, inner)));
        expectOut(INET_PORT, Expected.decapsulated(bytes(inner)));
    }

    @Test
    public void rfc791UpstreamPacketOverTheInternetMtuIsPuntedForFragmentation() {
        configure(SETTINGS.withInternetMtu(1400));
        IPv4 inner = udp(SHARED, port(A.psid), HOST, 53, filler(1400 - IPV4_UDP_HEADERS + 1));
        expectPuntOf(LWB4_PORT, fromLwb4(tunnel(A.lwb4, A.br, inner)), PuntReason.UPSTREAM_MTU);
        assertEquals(0, softwireStats(A, Direction.UPSTREAM).packets());
    }

    @Test
    public void rfc7596Sec62HairpinnedPacketOverTheLwb4MtuIsPuntedOnTheSecondPass() {
        IPv4 inner = udp(SHARED, port(A.psid), SHARED, port(B.psid), filler(1500 - 40 - IPV4_UDP_HEADERS + 1));
        expectPuntOf(LWB4_PORT, fromLwb4(tunnel(A.lwb4, A.br, inner)), PuntReason.DOWNSTREAM_MTU);
        assertEquals(0, softwireStats(B, Direction.DOWNSTREAM).packets());
    }
}
