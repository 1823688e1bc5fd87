package org.lwaftr.pipeconf;

import org.junit.Test;
import org.lwaftr.pipeconf.gen.PuntReason;
import org.onlab.packet.Data;
import org.onlab.packet.Ethernet;
import org.onlab.packet.IPv4;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.MacAddress;
import org.onlab.packet.UDP;
import org.onlab.util.ImmutableByteSequence;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.DeviceId;
import org.onosproject.net.PortNumber;
import org.onosproject.net.flow.DefaultTrafficTreatment;
import org.onosproject.net.flow.TrafficTreatment;
import org.onosproject.net.packet.DefaultInboundPacket;
import org.onosproject.net.packet.DefaultOutboundPacket;
import org.onosproject.net.packet.InboundPacket;
import org.onosproject.net.pi.model.PiPacketMetadataId;
import org.onosproject.net.pi.model.PiPacketOperationType;
import org.onosproject.net.pi.model.PiPipelineInterpreter.PiInterpreterException;
import org.onosproject.net.pi.runtime.PiPacketMetadata;
import org.onosproject.net.pi.runtime.PiPacketOperation;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.lwaftr.pipeconf.gen.LwaftrP4.CPU_PORT;
import static org.lwaftr.pipeconf.gen.LwaftrP4.PACKET_IN_INGRESS_PORT;
import static org.lwaftr.pipeconf.gen.LwaftrP4.PACKET_IN_PAD;
import static org.lwaftr.pipeconf.gen.LwaftrP4.PACKET_IN_REASON;
import static org.lwaftr.pipeconf.gen.LwaftrP4.PACKET_OUT_DO_FORWARDING;
import static org.lwaftr.pipeconf.gen.LwaftrP4.PACKET_OUT_EGRESS_PORT;
import static org.lwaftr.pipeconf.gen.LwaftrP4.PACKET_OUT_PAD;

public class LwaftrInterpreterTest {

    private static final DeviceId DEVICE = DeviceId.deviceId("device:bmv2:1");
    private final LwaftrInterpreter interpreter = new LwaftrInterpreter();

    // ---------------------------------------------------------------- packet-out

    @Test
    public void packetOutToPortSendsTheFrameUnchanged() throws PiInterpreterException {
        byte[] frame = udpFrame();
        PiPacketOperation op = single(out(frame, DefaultTrafficTreatment.builder()
                .setOutput(PortNumber.portNumber(3)).build()));
        assertEquals(PiPacketOperationType.PACKET_OUT, op.type());
        assertArrayEquals(frame, op.data().asArray());
        // Every packet_out field at its P4Info width: 9 bits → 2 bytes, 1 and 6 bits → 1 byte.
        assertEquals(Map.of(PACKET_OUT_EGRESS_PORT, "0x0003", PACKET_OUT_DO_FORWARDING, "0x00", PACKET_OUT_PAD, "0x00"),
                metadata(op));
    }

    @Test
    public void packetOutToTableReinjects() throws PiInterpreterException {
        PiPacketOperation op = single(out(udpFrame(), DefaultTrafficTreatment.builder()
                .setOutput(PortNumber.TABLE).build()));
        assertEquals(Map.of(PACKET_OUT_EGRESS_PORT, "0x0000", PACKET_OUT_DO_FORWARDING, "0x01", PACKET_OUT_PAD, "0x00"),
                metadata(op));
    }

    @Test
    public void oneOperationPerOutput() throws PiInterpreterException {
        Collection<PiPacketOperation> ops = out(udpFrame(), DefaultTrafficTreatment.builder()
                .setOutput(PortNumber.portNumber(1)).setOutput(PortNumber.portNumber(2)).build());
        assertEquals(List.of("0x0001", "0x0002"), ops.stream()
                .map(op -> metadata(op).get(PACKET_OUT_EGRESS_PORT)).collect(Collectors.toList()));
    }

    @Test
    public void floodIsRefusedClearly() {
        PiInterpreterException e = assertThrows(PiInterpreterException.class, () -> out(udpFrame(),
                DefaultTrafficTreatment.builder().setOutput(PortNumber.FLOOD).build()));
        assertTrue(e.getMessage(), e.getMessage().contains("FLOOD") && e.getMessage().contains("TABLE"));
    }

    @Test
    public void portWiderThanNineBitsIsRefused() {
        PiInterpreterException e = assertThrows(PiInterpreterException.class, () -> out(udpFrame(),
                DefaultTrafficTreatment.builder().setOutput(PortNumber.portNumber(512)).build()));
        assertTrue(e.getMessage(), e.getMessage().contains("egress_port") && e.getMessage().contains("9 bits"));
    }

    @Test
    public void otherInstructionsAndEmptyTreatmentsAreRefused() {
        assertThrows(PiInterpreterException.class, () -> out(udpFrame(), DefaultTrafficTreatment.builder()
                .setEthDst(MacAddress.BROADCAST).setOutput(PortNumber.portNumber(1)).build()));
        PiInterpreterException e = assertThrows(PiInterpreterException.class,
                () -> out(udpFrame(), DefaultTrafficTreatment.emptyTreatment()));
        assertTrue(e.getMessage(), e.getMessage().contains("OUTPUT"));
    }

    // ---------------------------------------------------------------- packet-in

    @Test
    public void packetInCarriesPortAndReason() throws PiInterpreterException {
        byte[] frame = udpFrame();
        InboundPacket in = interpreter.mapInboundPacket(packetIn(frame,
                md(PACKET_IN_INGRESS_PORT, 0x01, 0x02), md(PACKET_IN_REASON, 8), md(PACKET_IN_PAD, 0)), DEVICE);
        assertEquals(new ConnectPoint(DEVICE, PortNumber.portNumber(258)), in.receivedFrom());
        assertEquals(Optional.of(PuntReason.DOWNSTREAM_NO_BINDING), PuntedPacket.reasonOf(in));
        assertArrayEquals(frame, in.unparsed().array());
        assertEquals(Ethernet.TYPE_IPV4, in.parsed().getEtherType());
        assertTrue(in.parsed().getPayload() instanceof IPv4);
    }

    @Test
    public void shortAndPaddedMetadataAreFittedToTheirWidths() throws PiInterpreterException {
        // P4Runtime's canonical form sends port 5 in one byte; extra leading zeros are harmless too.
        InboundPacket in = interpreter.mapInboundPacket(packetIn(udpFrame(),
                md(PACKET_IN_INGRESS_PORT, 0x05), md(PACKET_IN_REASON, 0, 0, 1)), DEVICE);
        assertEquals(PortNumber.portNumber(5), in.receivedFrom().port());
        assertEquals(Optional.of(PuntReason.ARP), PuntedPacket.reasonOf(in));
    }

    @Test
    public void missingMetadataIsNamed() {
        PiInterpreterException e = assertThrows(PiInterpreterException.class, () -> interpreter.mapInboundPacket(
                packetIn(udpFrame(), md(PACKET_IN_INGRESS_PORT, 1)), DEVICE));
        assertTrue(e.getMessage(), e.getMessage().contains("'reason' missing"));
    }

    @Test
    public void metadataWiderThanItsFieldIsNamed() {
        // 0x0200 = 512 needs 10 bits; ingress_port has 9.
        PiInterpreterException e = assertThrows(PiInterpreterException.class, () -> interpreter.mapInboundPacket(
                packetIn(udpFrame(), md(PACKET_IN_INGRESS_PORT, 0x02, 0x00), md(PACKET_IN_REASON, 1)), DEVICE));
        assertTrue(e.getMessage(), e.getMessage().contains("'ingress_port'") && e.getMessage().contains("9 bits"));
    }

    @Test
    public void unknownReasonKeepsItsCode() throws PiInterpreterException {
        InboundPacket in = interpreter.mapInboundPacket(packetIn(udpFrame(),
                md(PACKET_IN_INGRESS_PORT, 1), md(PACKET_IN_REASON, 200)), DEVICE);
        assertEquals(Optional.empty(), PuntedPacket.reasonOf(in));
        assertEquals(200, ((PuntedPacket) in).reasonCode());
    }

    @Test
    public void framesOnosCannotParseAreStillDelivered() throws PiInterpreterException {
        // A VLAN-tagged IPv4 header cut short: ONOS's IPv4 parser refuses it, the slow path wants it.
        byte[] frame = {0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2, (byte) 0x81, 0, 0x20, 0x07, 0x08, 0x00, 0x45, 0, 0};
        InboundPacket in = interpreter.mapInboundPacket(packetIn(frame,
                md(PACKET_IN_INGRESS_PORT, 1), md(PACKET_IN_REASON, 5)), DEVICE);
        Ethernet eth = in.parsed();
        assertEquals(MacAddress.valueOf("00:00:00:00:00:01"), eth.getDestinationMAC());
        assertEquals(7, eth.getVlanID());
        assertEquals(1, eth.getPriorityCode());
        assertEquals(Ethernet.TYPE_IPV4, eth.getEtherType());
        assertArrayEquals(new byte[] {0x45, 0, 0}, ((Data) eth.getPayload()).getData());
        assertArrayEquals(frame, in.unparsed().array());
    }

    @Test
    public void framesShorterThanEthernetAreRefused() {
        PiInterpreterException e = assertThrows(PiInterpreterException.class, () -> interpreter.mapInboundPacket(
                packetIn(new byte[10], md(PACKET_IN_INGRESS_PORT, 1), md(PACKET_IN_REASON, 1)), DEVICE));
        assertTrue(e.getMessage(), e.getMessage().contains("10 bytes"));
    }

    @Test
    public void reasonOfOtherInboundPacketsIsEmpty() {
        InboundPacket other = new DefaultInboundPacket(new ConnectPoint(DEVICE, PortNumber.portNumber(1)),
                new Ethernet(), ByteBuffer.allocate(0));
        assertEquals(Optional.empty(), PuntedPacket.reasonOf(other));
    }

    @Test
    public void packetOutRoundTripsThroughTheMetadataReader() throws PiInterpreterException {
        PiPacketOperation op = PacketOuts.toPort(ImmutableByteSequence.copyFrom(udpFrame()), 511);
        assertEquals(511, PacketMetadata.read(op, PACKET_OUT_EGRESS_PORT, 9));
        assertEquals(0, PacketMetadata.read(op, PACKET_OUT_DO_FORWARDING, 1));
    }

    // ---------------------------------------------------------------- ports

    @Test
    public void controllerIsTheCpuPort() {
        assertEquals(Optional.of(CPU_PORT), interpreter.mapLogicalPortNumber(PortNumber.CONTROLLER));
        assertEquals(Optional.empty(), interpreter.mapLogicalPortNumber(PortNumber.FLOOD));
    }

    // ---------------------------------------------------------------- helpers

    private Collection<PiPacketOperation> out(byte[] frame, TrafficTreatment treatment) throws PiInterpreterException {
        return interpreter.mapOutboundPacket(new DefaultOutboundPacket(DEVICE, treatment, ByteBuffer.wrap(frame)));
    }

    private static PiPacketOperation single(Collection<PiPacketOperation> ops) {
        assertEquals(1, ops.size());
        return ops.iterator().next();
    }

    private static Map<PiPacketMetadataId, String> metadata(PiPacketOperation op) {
        return op.metadatas().stream().collect(Collectors.toMap(PiPacketMetadata::id, m -> hex(m.value())));
    }

    /** Byte-wise hex, so that the width in bytes shows. */
    private static String hex(ImmutableByteSequence value) {
        StringBuilder out = new StringBuilder("0x");
        for (byte b : value.asArray()) {
            out.append(String.format("%02x", b));
        }
        return out.toString();
    }

    private static PiPacketMetadata md(PiPacketMetadataId id, int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return PiPacketMetadata.builder().withId(id).withValue(ImmutableByteSequence.copyFrom(b)).build();
    }

    private static PiPacketOperation packetIn(byte[] frame, PiPacketMetadata... metadata) {
        List<PiPacketMetadata> list = new ArrayList<>(List.of(metadata));
        return PiPacketOperation.builder().withType(PiPacketOperationType.PACKET_IN)
                .withData(ImmutableByteSequence.copyFrom(frame)).withMetadatas(list).build();
    }

    static byte[] udpFrame() {
        UDP udp = new UDP();
        udp.setSourcePort(1234);
        udp.setDestinationPort(4321);
        udp.setPayload(new Data(new byte[] {1, 2, 3}));
        IPv4 ip = new IPv4();
        ip.setSourceAddress(Ip4Address.valueOf("198.51.100.1").toInt());
        ip.setDestinationAddress(Ip4Address.valueOf("192.0.2.1").toInt());
        ip.setTtl((byte) 64);
        ip.setProtocol(IPv4.PROTOCOL_UDP);
        ip.setPayload(udp);
        Ethernet eth = new Ethernet();
        eth.setDestinationMACAddress(MacAddress.valueOf("02:00:00:00:00:01"));
        eth.setSourceMACAddress(MacAddress.valueOf("02:00:00:00:00:02"));
        eth.setEtherType(Ethernet.TYPE_IPV4);
        eth.setPayload(ip);
        return eth.serialize();
    }
}
