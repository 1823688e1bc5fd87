package org.lwaftr.tests.dataplane;

import org.junit.Test;
import org.lwaftr.pipeconf.gen.Direction;
import org.lwaftr.pipeconf.gen.DropReason;
import org.lwaftr.pipeconf.gen.PuntReason;
import org.lwaftr.tests.bmv2.Checksums;
import org.onlab.packet.IPv4;
import org.onlab.packet.Ip6Address;

import java.nio.ByteBuffer;
import java.util.Arrays;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.lwaftr.tests.bmv2.LwaftrFrames.bytes;
import static org.lwaftr.tests.bmv2.LwaftrFrames.echo;
import static org.lwaftr.tests.bmv2.LwaftrFrames.icmpError;
import static org.lwaftr.tests.bmv2.LwaftrFrames.ipv4Frame;
import static org.lwaftr.tests.bmv2.LwaftrFrames.portless;
import static org.lwaftr.tests.bmv2.LwaftrFrames.tcp;
import static org.lwaftr.tests.bmv2.LwaftrFrames.udp;
import static org.lwaftr.tests.bmv2.LwaftrFrames.PROTO_GRE;
import static org.lwaftr.tests.dataplane.Net.A;
import static org.lwaftr.tests.dataplane.Net.AFTR_INET_MAC;
import static org.lwaftr.tests.dataplane.Net.B;
import static org.lwaftr.tests.dataplane.Net.C;
import static org.lwaftr.tests.dataplane.Net.FREE_PSID;
import static org.lwaftr.tests.dataplane.Net.HOST;
import static org.lwaftr.tests.dataplane.Net.INET_PORT;
import static org.lwaftr.tests.dataplane.Net.INET_ROUTER_MAC;
import static org.lwaftr.tests.dataplane.Net.LWB4_PORT;
import static org.lwaftr.tests.dataplane.Net.SETTINGS;
import static org.lwaftr.tests.dataplane.Net.SHARED;
import static org.lwaftr.tests.dataplane.Net.UNBOUND;
import static org.lwaftr.tests.dataplane.Net.WHOLE;
import static org.lwaftr.tests.dataplane.Net.port;

/** Internet → lwB4 (RFC 7596 §6.2, §8.1; RFC 5508 REQ-3 for inbound ICMP errors). */
public class DownstreamTest extends LwaftrTestBase {

    /** A frame from the Internet router to the AFTR. */
    static byte[] fromInternet(IPv4 ip) {
        return ipv4Frame(INET_ROUTER_MAC, AFTR_INET_MAC, ip);
    }

    /** Sends {@code ip} from the Internet and expects it encapsulated to {@code sw}; checks its counter. */
    private static byte[] expectEncapsulated(IPv4 ip, Softwire sw) {
        byte[] frame = fromInternet(ip);
        send(INET_PORT, frame);
        byte[] out = expectOut(LWB4_PORT, Expected.encapsulated(bytes(ip), sw.br, sw.lwb4, SETTINGS));
        assertSoftwireStats(sw, Direction.DOWNSTREAM, 1, frame.length);
        return out;
    }

    @Test
    public void rfc7596Sec62DownstreamTcpIsEncapsulatedFromTheBrToTheLwb4() {
        IPv4 ip = tcp(HOST, 443, SHARED, port(A.psid));
        ip.setDiffServ((byte) 0xb9); // DSCP 46, ECN 01
        byte[] out = expectEncapsulated(ip, A);

        // The same, field by field (RFC 2473 §6: traffic class from the TOS; RFC 6333 §6).
        ByteBuffer b = ByteBuffer.wrap(out);
        assertEquals(0x86dd, b.getShort(12) & 0xffff);
        int w0 = b.getInt(14);
        assertEquals(6, w0 >>> 28);
        assertEquals("traffic class = TOS", 0xb9, (w0 >>> 20) & 0xff);
        assertEquals("flow label", SETTINGS.flowLabel(), w0 & 0xfffff);
        assertEquals("payload length = IPv4 total length", bytes(ip).length, b.getShort(18) & 0xffff);
        assertEquals("next header IPv4", 4, out[20]);
        assertEquals("hop limit", SETTINGS.hopLimit(), out[21] & 0xff);
        byte[] src = new byte[16];
        byte[] dst = new byte[16];
        b.position(22);
        b.get(src).get(dst);
        assertEquals(A.br, Ip6Address.valueOf(src));
        assertEquals(A.lwb4, Ip6Address.valueOf(dst));
        assertEquals("inner TTL", 63, out[54 + 8] & 0xff);
        assertTrue("inner IPv4 header checksum", Checksums.ipv4HeaderValid(out, 54));
        assertEquals(0, softwireStats(A, Direction.UPSTREAM).packets());
    }

    @Test
    public void rfc7596Sec62DownstreamUdpToTheHighestBlockOfThePortSet() {
        expectEncapsulated(udp(HOST, 53, SHARED, port(63, A.psid, 15)), A);
    }

    @Test
    public void rfc7596Sec62DownstreamPortOfAnotherPsidGoesToThatSoftwireAndItsBr() {
        expectEncapsulated(udp(HOST, 53, SHARED, port(7, B.psid, 9)), B);
    }

    @Test
    public void rfc7596Sec81IcmpEchoRequestIsMatchedByItsIdentifier() {
        expectEncapsulated(echo(HOST, SHARED, true, port(A.psid) + 3, 1), A);
    }

    @Test
    public void rfc7596Sec81IcmpEchoReplyIsMatchedByItsIdentifier() {
        expectEncapsulated(echo(HOST, SHARED, false, port(2, B.psid, 0), 7), B);
    }

    @Test
    public void rfc7596Sec81IcmpEchoWithAnUnboundIdentifierIsDiscardedNotAnswered() {
        send(INET_PORT, fromInternet(echo(HOST, SHARED, true, port(FREE_PSID), 1)));
        expectDrop(DropReason.DOWNSTREAM_NO_BINDING);
    }

    @Test
    public void rfc1624TtlDecrementKeepsTheHeaderChecksumRightForEveryHeader() {
        // Different identifications and TTLs walk the incremental update through carries.
        for (int i = 0; i < 24; i++) {
            IPv4 ip = udp(HOST, 1000 + i, SHARED, port(A.psid) + (i & 15));
            ip.setIdentification((short) (0xfe00 + i * 0x0b3d));
            ip.setTtl((byte) (2 + i * 10));
            ip.setDiffServ((byte) (i * 4));
            send(INET_PORT, fromInternet(ip));
            expectOut(LWB4_PORT, Expected.encapsulated(bytes(ip), A.br, A.lwb4, SETTINGS));
        }
        assertEquals(24, softwireStats(A, Direction.DOWNSTREAM).packets());
    }

    @Test
    public void rfc791DownstreamPacketWithOptionsKeepsThemBehindAValidChecksum() {
        IPv4 ip = udp(HOST, 53, SHARED, port(A.psid));
        ip.setOptions(new byte[]{(byte) 0x94, 4, 0, 0, 1, 1, 1, 0}); // Router Alert, NOPs, EOL
        byte[] packet = bytes(ip);
        assertEquals(0x47, packet[0]);
        byte[] out = expectEncapsulated(ip, A);
        assertTrue(Checksums.ipv4HeaderValid(out, 54));
    }

    @Test
    public void rfc894PaddingOfAShortFrameStaysOutsideTheTunnelPacketLength() {
        // A NIC pads a 42-byte frame to 60: the pipeline carries the pad after the IPv6 packet,
        // where the payload length field tells receivers it is not part of it.
        IPv4 ip = udp(HOST, 53, SHARED, port(A.psid), new byte[0]);
        byte[] packet = bytes(ip);
        byte[] frame = Arrays.copyOf(fromInternet(ip), 60);
        send(INET_PORT, frame);
        byte[] out = bmv2.io().expectBytes(LWB4_PORT, WAIT_MS);
        byte[] tunnel = Expected.encapsulated(packet, A.br, A.lwb4, SETTINGS);
        assertEquals(tunnel.length + 60 - 14 - packet.length, out.length);
        assertFrame("tunnel packet", tunnel, Arrays.copyOf(out, tunnel.length));
        assertArrayEquals(new byte[60 - 14 - packet.length], Arrays.copyOfRange(out, tunnel.length, out.length));
    }

    @Test
    public void rfc7596Sec62TtlOneIsPuntedAsTtlExpired() {
        IPv4 ip = udp(HOST, 53, SHARED, port(A.psid));
        ip.setTtl((byte) 1);
        byte[] frame = fromInternet(ip);
        send(INET_PORT, frame);
        expectPunt(PuntReason.TTL_EXPIRED, INET_PORT, frame);
        assertPuntCounted(PuntReason.TTL_EXPIRED, frame);
        assertEquals(0, softwireStats(A, Direction.DOWNSTREAM).packets());
    }

    @Test
    public void rfc7596Sec62TtlOneIsDroppedWhenIcmpv4ErrorsAreOff() {
        configure(SETTINGS.withIcmpv4Errors(false));
        IPv4 ip = tcp(HOST, 80, SHARED, port(A.psid));
        ip.setTtl((byte) 1);
        send(INET_PORT, fromInternet(ip));
        expectDrop(DropReason.TTL_EXPIRED);
    }

    @Test
    public void rfc7596Sec62PortWithoutSoftwireIsPuntedForIcmpv4Unreachable() {
        byte[] frame = fromInternet(udp(HOST, 53, SHARED, port(FREE_PSID)));
        send(INET_PORT, frame);
        expectPunt(PuntReason.DOWNSTREAM_NO_BINDING, INET_PORT, frame);
        assertPuntCounted(PuntReason.DOWNSTREAM_NO_BINDING, frame);
    }

    @Test
    public void rfc7596Sec62PortWithoutSoftwireIsDroppedWhenIcmpv4ErrorsAreOff() {
        configure(SETTINGS.withIcmpv4Errors(false));
        send(INET_PORT, fromInternet(udp(HOST, 53, SHARED, port(FREE_PSID))));
        expectDrop(DropReason.DOWNSTREAM_NO_BINDING);
    }

    @Test
    public void rfc7596Sec62UnboundAddressIsPuntedAsNoBinding() {
        byte[] frame = fromInternet(tcp(HOST, 80, UNBOUND, 8080));
        send(INET_PORT, frame);
        expectPunt(PuntReason.DOWNSTREAM_NO_BINDING, INET_PORT, frame);
    }

    @Test
    public void rfc7597Sec51PortInTheExcludedFirstBlockMatchesNoSoftwire() {
        // Port 16 has PSID bits 1 (softwire A) but lies in block i = 0, which a > 0 excludes.
        assertEquals(A.psid, (16 >> 4) & 63);
        byte[] frame = fromInternet(udp(HOST, 53, SHARED, 16));
        send(INET_PORT, frame);
        expectPunt(PuntReason.DOWNSTREAM_NO_BINDING, INET_PORT, frame);
        assertEquals(0, softwireStats(A, Direction.DOWNSTREAM).packets());
    }

    @Test
    public void rfc7596Sec51WholeAddressSoftwireTakesEveryPort() {
        expectEncapsulated(tcp(HOST, 80, WHOLE, 5), C);
    }

    @Test
    public void rfc7596Sec51WholeAddressSoftwireTakesAPortlessProtocol() {
        expectEncapsulated(portless(HOST, WHOLE, PROTO_GRE), C);
    }

    @Test
    public void rfc7596Sec62PortlessProtocolToASharedAddressIsDroppedAsNoPort() {
        send(INET_PORT, fromInternet(portless(HOST, SHARED, PROTO_GRE)));
        expectDrop(DropReason.NO_PORT);
    }

    @Test
    public void rfc5508Req3InboundIcmpErrorIsRoutedByTheQuotedSourcePort() {
        // The subscriber sent 198.51.100.1:<A's port> → HOST:53; the error about it comes back.
        IPv4 quoted = udp(SHARED, port(A.psid) + 5, HOST, 53);
        expectEncapsulated(icmpError(HOST, SHARED, 3, 3, quoted), A);
    }

    @Test
    public void rfc5508Req3InboundIcmpErrorQuotingAnEchoIsRoutedByTheQuotedIdentifier() {
        IPv4 quoted = echo(SHARED, HOST, true, port(B.psid) + 1, 1);
        expectEncapsulated(icmpError(HOST, SHARED, 11, 0, quoted), B);
    }

    @Test
    public void rfc7596Sec81InboundIcmpErrorForAnUnboundPortIsDiscarded() {
        IPv4 quoted = udp(SHARED, port(FREE_PSID), HOST, 53);
        send(INET_PORT, fromInternet(icmpError(HOST, SHARED, 3, 3, quoted)));
        expectDrop(DropReason.DOWNSTREAM_NO_BINDING);
    }

    @Test
    public void rfc7596Sec81IncomingIcmpIsDroppedWhenNotAllowed() {
        configure(SETTINGS.withAllowIncomingIcmp(false));
        send(INET_PORT, fromInternet(echo(HOST, SHARED, true, port(A.psid), 1)));
        expectDrop(DropReason.ICMP_POLICY);
        // Other protocols still pass.
        expectEncapsulated(udp(HOST, 53, SHARED, port(A.psid)), A);
    }

    @Test
    public void rfc7596Sec62TtlTwoIsStillForwarded() {
        IPv4 ip = udp(HOST, 53, SHARED, port(A.psid));
        ip.setTtl((byte) 2);
        byte[] out = expectEncapsulated(ip, A);
        assertEquals(1, out[54 + 8]);
    }
}
