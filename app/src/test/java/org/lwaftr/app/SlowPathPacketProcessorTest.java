package org.lwaftr.app;

import org.junit.Before;
import org.junit.Test;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.DeviceId;
import org.onosproject.net.PortNumber;
import org.onosproject.net.flow.instructions.Instructions;
import org.onosproject.net.packet.DefaultInboundPacket;
import org.onosproject.net.packet.OutboundPacket;
import org.onosproject.net.packet.PacketContext;
import org.onosproject.net.packet.PacketContextAdapter;
import org.onosproject.net.packet.PacketProcessor;
import org.onosproject.net.packet.PacketServiceAdapter;
import org.onosproject.net.pi.model.PiPipeconfId;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * Punted packets of lwAFTR devices go through the slow path; its answers go out of a port or back
 * through the pipeline.
 */
public class SlowPathPacketProcessorTest {

    private final List<OutboundPacket> emitted = new ArrayList<>();
    private PacketProcessor processor;
    private final TestTopology topo = new TestTopology();
    private SlowPathPacketProcessor component;
    private final List<Object[]> handled = new ArrayList<>();

    @Before
    public void setUp() {
        component = new SlowPathPacketProcessor();
        component.packetService = new PacketServiceAdapter() {
            @Override
            public void addProcessor(PacketProcessor p, int priority) {
                processor = p;
            }

            @Override
            public void emit(OutboundPacket packet) {
                emitted.add(packet);
            }
        };
        component.pipeconfService = topo.pipeconfService;
        component.activate();
        topo.addAftr("device:aftr1");
        topo.addAftr("device:fabric");
        topo.pipeconfs.put(DeviceId.deviceId("device:fabric"), new PiPipeconfId("org.onosproject.pipelines.fabric"));
    }

    private static PacketContext punt(String device, long port, int reason, byte[] frame) {
        return new PacketContextAdapter(0, new DefaultInboundPacket(
                new ConnectPoint(DeviceId.deviceId(device), PortNumber.portNumber(port)), null,
                ByteBuffer.wrap(frame), Optional.of((long) reason)), null, false);
    }

    @Test
    public void puntIsAnsweredOutOfAPortAndThroughThePipeline() {
        byte[] frame = {1, 2, 3, 4};
        component.setPuntHandler(new PuntHandler() {
            @Override
            public List<PuntReply> handle(DeviceId device, int ingressPort, int reason, byte[] f) {
                handled.add(new Object[] {device, ingressPort, reason, f});
                return List.of(PuntReply.toPort(3, new byte[] {9}), PuntReply.toPipeline(new byte[] {8}));
            }

            @Override
            public Map<String, Long> counters() {
                return Map.of("handled", (long) handled.size());
            }
        });
        PacketContext ctx = punt("device:aftr1", 7, 1, frame);
        processor.process(ctx);
        assertEquals(1, handled.size());
        assertEquals(DeviceId.deviceId("device:aftr1"), handled.get(0)[0]);
        assertEquals(7, handled.get(0)[1]);
        assertEquals("PuntReason_t ARP from the packet-in", 1, handled.get(0)[2]);
        assertArrayEquals(frame, (byte[]) handled.get(0)[3]);
        assertEquals(2, emitted.size());
        assertEquals(Instructions.createOutput(PortNumber.portNumber(3)),
                emitted.get(0).treatment().allInstructions().get(0));
        assertEquals(Instructions.createOutput(PortNumber.TABLE), emitted.get(1).treatment().allInstructions().get(0));
        assertArrayEquals(new byte[] {8}, emitted.get(1).data().array());
        assertTrue(ctx.isHandled());
        assertEquals(Map.of("handled", 1L), component.counters());
    }

    @Test
    public void otherDevicesPacketsAreLeftAlone() {
        PacketContext ctx = punt("device:fabric", 1, 1, new byte[] {1});
        processor.process(ctx);
        assertFalse(ctx.isHandled());
        assertTrue(emitted.isEmpty());
        assertTrue("no slow path ran", component.counters().isEmpty());
    }

    @Test
    public void withoutASlowPathPuntsAreCountedAndDropped() {
        PacketContext ctx = punt("device:aftr1", 1, 8, new byte[] {1});
        processor.process(ctx);
        assertTrue(ctx.isHandled());
        assertTrue(emitted.isEmpty());
        assertEquals(Map.of("unhandled-reason-8", 1L), component.counters());
    }

    @Test
    public void aFailingSlowPathDropsThePacketOnly() {
        component.setPuntHandler(new PuntHandler() {
            @Override
            public List<PuntReply> handle(DeviceId device, int ingressPort, int reason, byte[] f) {
                throw new IllegalStateException("malformed");
            }

            @Override
            public Map<String, Long> counters() {
                return Map.of();
            }
        });
        PacketContext ctx = punt("device:aftr1", 1, 5, new byte[] {1});
        processor.process(ctx);
        assertTrue(ctx.isHandled());
        assertTrue(emitted.isEmpty());
    }
}
