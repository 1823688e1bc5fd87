package org.lwaftr.tests.dataplane;

import org.junit.Test;
import org.lwaftr.pipeconf.PacketOuts;
import org.lwaftr.pipeconf.gen.Direction;
import org.lwaftr.pipeconf.gen.DropReason;
import org.lwaftr.pipeconf.gen.LwaftrP4;
import org.onlab.packet.Data;
import org.onlab.packet.Ethernet;
import org.onlab.packet.ICMP6;
import org.onlab.packet.IPv4;
import org.onlab.packet.IPv6;
import org.onlab.util.ImmutableByteSequence;
import org.onosproject.net.pi.model.PiPipelineInterpreter.PiInterpreterException;

import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.lwaftr.tests.bmv2.LwaftrFrames.bytes;
import static org.lwaftr.tests.bmv2.LwaftrFrames.echo;
import static org.lwaftr.tests.bmv2.LwaftrFrames.icmpError;
import static org.lwaftr.tests.bmv2.LwaftrFrames.ipv4Frame;
import static org.lwaftr.tests.bmv2.LwaftrFrames.ipv6;
import static org.lwaftr.tests.bmv2.LwaftrFrames.ipv6Frame;
import static org.lwaftr.tests.bmv2.LwaftrFrames.tunnel;
import static org.lwaftr.tests.bmv2.LwaftrFrames.udp;
import static org.lwaftr.tests.dataplane.Net.A;
import static org.lwaftr.tests.dataplane.Net.AFTR_INET_MAC;
import static org.lwaftr.tests.dataplane.Net.AFTR_IPV4;
import static org.lwaftr.tests.dataplane.Net.AFTR_LWB4_MAC;
import static org.lwaftr.tests.dataplane.Net.B;
import static org.lwaftr.tests.dataplane.Net.BR1;
import static org.lwaftr.tests.dataplane.Net.HOST;
import static org.lwaftr.tests.dataplane.Net.INET_PORT;
import static org.lwaftr.tests.dataplane.Net.LWB4_PORT;
import static org.lwaftr.tests.dataplane.Net.LWB4_ROUTER_MAC;
import static org.lwaftr.tests.dataplane.Net.OTHER_MAC;
import static org.lwaftr.tests.dataplane.Net.SETTINGS;
import static org.lwaftr.tests.dataplane.Net.SHARED;
import static org.lwaftr.tests.dataplane.Net.port;

/**
 * Controller packet-outs: straight to a port, or re-injected (do_forwarding) to be translated as
 * if received on a port of both sides (docs/pipeline.md, "Re-injection").
 */
public class PacketOutTest extends LwaftrTestBase {

    private static void toPort(int port, byte[] frame) {
        try {
            device.packetOut(PacketOuts.toPort(ImmutableByteSequence.copyFrom(frame), port));
        } catch (PiInterpreterException e) {
            throw new AssertionError(e);
        }
    }

    private static void reinject(byte[] frame) {
        device.packetOut(PacketOuts.reinject(ImmutableByteSequence.copyFrom(frame)));
    }

    /** A frame as the controller builds it: its MACs are not looked at on re-injection. */
    private static byte[] controllerFrame(IPv4 ip) {
        return ipv4Frame(OTHER_MAC, OTHER_MAC, ip);
    }

    @Test
    public void packetOutToAPortLeavesUnchanged() {
        byte[] frame = ipv4Frame(AFTR_INET_MAC, OTHER_MAC, udp(AFTR_IPV4, 1, HOST, 2));
        toPort(INET_PORT, frame);
        expectOut(INET_PORT, frame);
        byte[] v6 = ipv6Frame(AFTR_LWB4_MAC, LWB4_ROUTER_MAC, tunnel(BR1, A.lwb4, udp(HOST, 53, SHARED, 9)));
        toPort(LWB4_PORT, v6);
        expectOut(LWB4_PORT, v6);
        assertEquals(Map.of(), nonZero(LwaftrP4.COUNTER_DROP_STATS));
    }

    @Test
    public void rfc7596Sec53ReassembledDownstreamPacketIsEncapsulatedOnReinjection() {
        IPv4 ip = udp(HOST, 53, SHARED, port(A.psid));
        byte[] frame = controllerFrame(ip);
        reinject(frame);
        expectOut(LWB4_PORT, Expected.encapsulated(bytes(ip), A.br, A.lwb4, SETTINGS));
        assertEquals(1, softwireStats(A, Direction.DOWNSTREAM).packets());
    }

    @Test
    public void rfc7596Sec81ControllerIcmpToASubscriberIsEncapsulatedWhateverThePolicy() {
        // E.g. the AFTR's echo reply to a subscriber's ping, with incoming ICMP refused from the Internet.
        configure(SETTINGS.withAllowIncomingIcmp(false));
        IPv4 reply = echo(AFTR_IPV4, SHARED, false, port(A.psid), 1);
        reinject(controllerFrame(reply));
        expectOut(LWB4_PORT, Expected.encapsulated(bytes(reply), A.br, A.lwb4, SETTINGS));
    }

    @Test
    public void rfc7596Sec62ControllerIcmpv4ErrorToTheInternetGoesOutUnchanged() {
        IPv4 error = icmpError(AFTR_IPV4, HOST, 3, 1, udp(HOST, 53, SHARED, port(3)));
        reinject(controllerFrame(error));
        expectOut(INET_PORT, Expected.decapsulated(bytes(error)));
    }

    @Test
    public void rfc7596Sec62ControllerIcmpv6ErrorToALwb4GoesOutUnchanged() {
        ICMP6 icmp6 = new ICMP6();
        icmp6.setIcmpType(ICMP6.DEST_UNREACH);
        icmp6.setIcmpCode(ICMP6.FAIL_POLICY);
        icmp6.setPayload(new Data(new byte[]{0, 0, 0, 0, 0x60, 0, 0, 0}));
        byte[] ip6 = ipv6(BR1, A.lwb4, IPv6.PROTOCOL_ICMP6, icmp6).serialize();
        reinject(ipv6Frame(OTHER_MAC, OTHER_MAC, ip6));
        expectOut(LWB4_PORT, Expected.readdressed(AFTR_LWB4_MAC, LWB4_ROUTER_MAC, Ethernet.TYPE_IPV6, ip6));
    }

    @Test
    public void rfc7596Sec53ReassembledTunnelPacketIsDecapsulatedOnReinjection() {
        IPv4 inner = udp(SHARED, port(A.psid), HOST, 53);
        reinject(ipv6Frame(OTHER_MAC, OTHER_MAC, tunnel(A.lwb4, A.br, inner)));
        expectOut(INET_PORT, Expected.decapsulated(bytes(inner)));
        assertEquals(1, softwireStats(A, Direction.UPSTREAM).packets());
    }

    @Test
    public void rfc7596Sec62ReassembledTunnelPacketIsHairpinnedOnReinjection() {
        IPv4 inner = udp(SHARED, port(A.psid), SHARED, port(B.psid));
        reinject(ipv6Frame(OTHER_MAC, OTHER_MAC, tunnel(A.lwb4, A.br, inner)));
        expectOut(LWB4_PORT, Expected.encapsulated(bytes(inner), B.br, B.lwb4, SETTINGS));
        assertEquals(1, softwireStats(A, Direction.UPSTREAM).packets());
        assertEquals(1, softwireStats(B, Direction.DOWNSTREAM).packets());
    }

    @Test
    public void reinjectedPacketThatWouldBePuntedIsDroppedNotPuntedAgain() {
        IPv4 ip = udp(HOST, 53, SHARED, port(A.psid));
        ip.setTtl((byte) 1);
        reinject(controllerFrame(ip));
        expectDrop(DropReason.REINJECT_PUNT);
        assertEquals(Map.of(), nonZero(LwaftrP4.COUNTER_PUNT_STATS));
    }
}
