package org.lwaftr.tests.dataplane;

import org.junit.Test;
import org.lwaftr.pipeconf.gen.Direction;
import org.lwaftr.pipeconf.gen.DropReason;
import org.lwaftr.pipeconf.gen.PuntReason;
import org.lwaftr.tests.bmv2.Checksums;
import org.onlab.packet.IPv4;
import org.onlab.packet.IPv6;

import java.nio.ByteBuffer;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.lwaftr.tests.bmv2.LwaftrFrames.PROTO_GRE;
import static org.lwaftr.tests.bmv2.LwaftrFrames.bytes;
import static org.lwaftr.tests.bmv2.LwaftrFrames.echo;
import static org.lwaftr.tests.bmv2.LwaftrFrames.icmpError;
import static org.lwaftr.tests.bmv2.LwaftrFrames.ipv6;
import static org.lwaftr.tests.bmv2.LwaftrFrames.ipv6Frame;
import static org.lwaftr.tests.bmv2.LwaftrFrames.portless;
import static org.lwaftr.tests.bmv2.LwaftrFrames.tcp;
import static org.lwaftr.tests.bmv2.LwaftrFrames.tunnel;
import static org.lwaftr.tests.bmv2.LwaftrFrames.tunnelWithEncapsulationLimit;
import static org.lwaftr.tests.bmv2.LwaftrFrames.tunnelWithOptions;
import static org.lwaftr.tests.bmv2.LwaftrFrames.udp;
import static org.lwaftr.tests.dataplane.Net.A;
import static org.lwaftr.tests.dataplane.Net.AFTR_LWB4_MAC;
import static org.lwaftr.tests.dataplane.Net.B;
import static org.lwaftr.tests.dataplane.Net.BR2;
import static org.lwaftr.tests.dataplane.Net.C;
import static org.lwaftr.tests.dataplane.Net.FREE_PSID;
import static org.lwaftr.tests.dataplane.Net.HOST;
import static org.lwaftr.tests.dataplane.Net.INET_PORT;
import static org.lwaftr.tests.dataplane.Net.LWB4_PORT;
import static org.lwaftr.tests.dataplane.Net.LWB4_ROUTER_MAC;
import static org.lwaftr.tests.dataplane.Net.NOT_A_BR;
import static org.lwaftr.tests.dataplane.Net.SETTINGS;
import static org.lwaftr.tests.dataplane.Net.SHARED;
import static org.lwaftr.tests.dataplane.Net.STRANGER;
import static org.lwaftr.tests.dataplane.Net.port;

/** lwB4 → Internet (RFC 7596 §6.2: the lwB4, BR, IPv4 source and port must match one softwire). */
public class UpstreamTest extends LwaftrTestBase {

    /** A frame from the lwB4-side router to the AFTR carrying IPv6 bytes. */
    static byte[] fromLwb4(byte[] ip6) {
        return ipv6Frame(LWB4_ROUTER_MAC, AFTR_LWB4_MAC, ip6);
    }

    /** Sends {@code inner} from {@code sw}'s lwB4 to its BR and expects it decapsulated; checks the counter. */
    private static byte[] expectDecapsulated(IPv4 inner, Softwire sw) {
        byte[] frame = fromLwb4(tunnel(sw.lwb4, sw.br, inner));
        send(LWB4_PORT, frame);
        byte[] out = expectOut(INET_PORT, Expected.decapsulated(bytes(inner)));
        assertSoftwireStats(sw, Direction.UPSTREAM, 1, frame.length);
        return out;
    }

    private static void expectNoBindingPunt(byte[] ip6) {
        byte[] frame = fromLwb4(ip6);
        send(LWB4_PORT, frame);
        expectPunt(PuntReason.UPSTREAM_NO_BINDING, LWB4_PORT, frame);
        assertPuntCounted(PuntReason.UPSTREAM_NO_BINDING, frame);
    }

    @Test
    public void rfc7596Sec62UpstreamTcpIsDecapsulatedUnchanged() {
        IPv4 inner = tcp(SHARED, port(A.psid) + 1, HOST, 443);
        byte[] out = expectDecapsulated(inner, A);
        ByteBuffer b = ByteBuffer.wrap(out);
        assertEquals(0x0800, b.getShort(12) & 0xffff);
        assertEquals("TTL untouched", 64, out[14 + 8]);
        assertTrue(Checksums.ipv4HeaderValid(out, 14));
        assertEquals(0, softwireStats(A, Direction.DOWNSTREAM).packets());
    }

    @Test
    public void rfc7596Sec62UpstreamUdpOfTheSecondSoftwireViaItsOwnBr() {
        expectDecapsulated(udp(SHARED, port(40, B.psid, 14), HOST, 53), B);
    }

    @Test
    public void rfc7596Sec81OutgoingIcmpEchoIsMatchedByItsIdentifier() {
        expectDecapsulated(echo(SHARED, HOST, true, port(A.psid) + 2, 9), A);
    }

    @Test
    public void rfc7596Sec51WholeAddressSoftwireSendsAPortlessProtocol() {
        expectDecapsulated(portless(C.ipv4, HOST, PROTO_GRE), C);
    }

    @Test
    public void rfc5508Req3UpstreamIcmpErrorIsMatchedByTheQuotedDestinationPort() {
        // The lwB4 reports a problem with a packet HOST sent to the subscriber's port.
        IPv4 quoted = udp(HOST, 53, SHARED, port(A.psid) + 7);
        expectDecapsulated(icmpError(SHARED, HOST, 3, 3, quoted), A);
    }

    @Test
    public void rfc7596Sec81OutgoingIcmpIsDroppedWhenNotAllowed() {
        configure(SETTINGS.withAllowOutgoingIcmp(false));
        send(LWB4_PORT, fromLwb4(tunnel(A.lwb4, A.br, echo(SHARED, HOST, true, port(A.psid), 1))));
        expectDrop(DropReason.ICMP_POLICY);
        expectDecapsulated(udp(SHARED, port(A.psid), HOST, 53), A);
    }

    @Test
    public void rfc7596Sec62SpoofedIpv6SourceIsPuntedAsNoBinding() {
        expectNoBindingPunt(tunnel(STRANGER, A.br, udp(SHARED, port(A.psid), HOST, 53)));
        assertEquals(0, softwireStats(A, Direction.UPSTREAM).packets());
    }

    @Test
    public void rfc7596Sec62AnotherSoftwiresLwb4IsNotAccepted() {
        // B's lwB4 sending with A's port: the binding says that port belongs to A's lwB4.
        expectNoBindingPunt(tunnel(B.lwb4, B.br, udp(SHARED, port(A.psid), HOST, 53)));
    }

    @Test
    public void rfc7596Sec62ConfiguredBrThatIsNotTheSoftwiresIsRefused() {
        expectNoBindingPunt(tunnel(A.lwb4, BR2, udp(SHARED, port(A.psid), HOST, 53)));
    }

    @Test
    public void rfc7596Sec62InnerSourcePortOutsideThePortSetIsPunted() {
        expectNoBindingPunt(tunnel(A.lwb4, A.br, udp(SHARED, port(FREE_PSID), HOST, 53)));
    }

    @Test
    public void rfc7597Sec51InnerSourcePortInTheExcludedBlockIsPunted() {
        expectNoBindingPunt(tunnel(A.lwb4, A.br, udp(SHARED, 16, HOST, 53)));
    }

    @Test
    public void rfc7596Sec62PortlessProtocolFromASharedAddressMatchesNoSoftwire() {
        expectNoBindingPunt(tunnel(A.lwb4, A.br, portless(SHARED, HOST, PROTO_GRE)));
    }

    @Test
    public void rfc7596Sec62UpstreamMissIsDroppedWhenIcmpv6ErrorsAreOff() {
        configure(SETTINGS.withIcmpv6Errors(false));
        send(LWB4_PORT, fromLwb4(tunnel(STRANGER, A.br, udp(SHARED, port(A.psid), HOST, 53))));
        expectDrop(DropReason.UPSTREAM_NO_BINDING);
    }

    @Test
    public void rfc7596Sec62Ipv6DestinationThatIsNotABrIsDropped() {
        send(LWB4_PORT, fromLwb4(tunnel(A.lwb4, NOT_A_BR, udp(SHARED, port(A.psid), HOST, 53))));
        expectDrop(DropReason.NOT_FOR_AFTR);
    }

    @Test
    public void rfc2473Sec51TunnelEncapsulationLimitOptionIsAcceptedAndRemoved() {
        IPv4 inner = udp(SHARED, port(A.psid), HOST, 53);
        byte[] frame = fromLwb4(tunnelWithEncapsulationLimit(A.lwb4, A.br, inner));
        assertEquals(60, frame[14 + 6]);
        send(LWB4_PORT, frame);
        expectOut(INET_PORT, Expected.decapsulated(bytes(inner)));
        assertSoftwireStats(A, Direction.UPSTREAM, 1, frame.length);
    }

    @Test
    public void rfc7596Sec62LongerDestinationOptionsAreUnsupported() {
        IPv4 inner = udp(SHARED, port(A.psid), HOST, 53);
        byte[] options = {4, 1, 4, 1, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0}; // 16 bytes: not the 8 Linux sends
        send(LWB4_PORT, fromLwb4(tunnelWithOptions(A.lwb4, A.br, inner, options)));
        expectDrop(DropReason.UNSUPPORTED);
    }

    @Test
    public void rfc7596Sec62NonIpv4PayloadToABrIsUnsupported() {
        send(LWB4_PORT, fromLwb4(ipv6(A.lwb4, A.br, IPv6.PROTOCOL_UDP, new byte[]{0, 53, 0, 53, 0, 8, 0, 0})
                .serialize()));
        expectDrop(DropReason.UNSUPPORTED);
    }

    @Test
    public void rfc7596Sec62UpstreamBytesOfOneSoftwireAccumulate() {
        IPv4 first = udp(SHARED, port(A.psid), HOST, 53);
        IPv4 second = tcp(SHARED, port(9, A.psid, 3), HOST, 80);
        byte[] f1 = fromLwb4(tunnel(A.lwb4, A.br, first));
        byte[] f2 = fromLwb4(tunnel(A.lwb4, A.br, second));
        send(LWB4_PORT, f1);
        send(LWB4_PORT, f2);
        expectOut(INET_PORT, Expected.decapsulated(bytes(first)));
        expectOut(INET_PORT, Expected.decapsulated(bytes(second)));
        assertSoftwireStats(A, Direction.UPSTREAM, 2, f1.length + f2.length);
    }
}
