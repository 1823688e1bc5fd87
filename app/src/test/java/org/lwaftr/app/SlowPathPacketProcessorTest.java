package org.lwaftr.app;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.lwaftr.core.BindingChange;
import org.lwaftr.pipeconf.PuntedPacket;
import org.lwaftr.pipeconf.gen.PuntReason;
import org.lwaftr.store.TransactionalTestStorage;
import org.onlab.packet.Data;
import org.onlab.packet.Ethernet;
import org.onlab.packet.IPv4;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.MacAddress;
import org.onlab.packet.UDP;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.DeviceId;
import org.onosproject.net.PortNumber;
import org.onosproject.net.flow.instructions.Instructions;
import org.onosproject.net.packet.OutboundPacket;
import org.onosproject.net.packet.PacketContext;
import org.onosproject.net.packet.PacketContextAdapter;
import org.onosproject.net.packet.PacketProcessor;
import org.onosproject.net.pi.model.PiPipeconfId;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * Punted packets of lwAFTR devices go through the slow path (org.lwaftr.slowpath, configured from
 * netcfg); its answers go out of a port or back through the pipeline.
 */
public class SlowPathPacketProcessorTest {

    private static final DeviceId AFTR = DeviceId.deviceId("device:aftr1");
    private static final Ip4Address HOST = Ip4Address.valueOf("203.0.113.7");
    private static final Ip4Address UNBOUND = Ip4Address.valueOf("198.51.100.99");

    private List<OutboundPacket> emitted;
    private PacketProcessor processor;
    private final TestTopology topo = new TestTopology();
    private final TestNetworkConfig netcfg = new TestNetworkConfig();
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private SlowPathPacketProcessor component;
    private final List<Object[]> handled = new ArrayList<>();

    @Before
    public void setUp() {
        component = new SlowPathPacketProcessor();
        CapturingPacketService packets = new CapturingPacketService();
        component.packetService = packets;
        component.pipeconfService = topo.pipeconfService;
        component.root = topo.root(netcfg);
        component.netcfgService = netcfg;
        component.store = StoreFactory.store(new TransactionalTestStorage());
        component.nanoTime = clock::get;
        component.nextHops = topo.nextHops;
        component.activate();
        processor = packets.processor;
        emitted = packets.emitted;
        topo.addAftr(AFTR.toString());
        topo.addAftr("device:fabric");
        topo.pipeconfs.put(DeviceId.deviceId("device:fabric"), new PiPipeconfId("org.onosproject.pipelines.fabric"));
    }

    @After
    public void tearDown() {
        component.deactivate();
    }

    private static PacketContext punt(DeviceId device, long port, int reason, byte[] frame) {
        return new PacketContextAdapter(0, new PuntedPacket(new ConnectPoint(device, PortNumber.portNumber(port)),
                new Ethernet(), frame, reason), null, false);
    }

    /** A UDP packet from the Internet to an address without softwire, as the switch received it. */
    private static byte[] toUnboundAddress() {
        UDP udp = new UDP();
        udp.setSourcePort(5000);
        udp.setDestinationPort(2000);
        udp.setPayload(new Data(new byte[32]));
        IPv4 ip = new IPv4();
        ip.setSourceAddress(HOST.toInt());
        ip.setDestinationAddress(UNBOUND.toInt());
        ip.setTtl((byte) 64);
        ip.setProtocol(IPv4.PROTOCOL_UDP);
        ip.setPayload(udp);
        Ethernet eth = new Ethernet();
        eth.setDestinationMACAddress(MacAddress.valueOf("02:aa:00:00:00:02"));
        eth.setSourceMACAddress(MacAddress.valueOf("02:bb:00:00:00:02"));
        eth.setEtherType(Ethernet.TYPE_IPV4);
        eth.setPayload(ip);
        return eth.serialize();
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
        PacketContext ctx = punt(AFTR, 7, PuntReason.ARP.code(), frame);
        processor.process(ctx);
        assertEquals(1, handled.size());
        assertEquals(AFTR, handled.get(0)[0]);
        assertEquals(7, handled.get(0)[1]);
        assertEquals("the reason of the PuntedPacket", PuntReason.ARP.code(), handled.get(0)[2]);
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
        PacketContext ctx = punt(DeviceId.deviceId("device:fabric"), 1, 1, new byte[] {1});
        processor.process(ctx);
        assertFalse(ctx.isHandled());
        assertTrue(emitted.isEmpty());
        assertTrue("no slow path ran", component.counters().isEmpty());
    }

    @Test
    public void withoutDeviceSettingsPuntsAreCountedAndDropped() {
        PacketContext ctx = punt(AFTR, 2, PuntReason.DOWNSTREAM_NO_BINDING.code(), toUnboundAddress());
        processor.process(ctx);
        assertTrue(ctx.isHandled());
        assertTrue(emitted.isEmpty());
        assertEquals(Map.of("drop-no-device-settings", 1L), component.counters());
    }

    /** RFC 7596 §9 / RFC 8676 icmpv4-rate: errors per period, on the slow path's clock. */
    @Test
    public void rfc7596Sec9IcmpErrorsFollowTheConfiguredRate() {
        netcfg.set(AFTR, DeviceProgrammerTest.DEVICE_JSON);
        netcfg.set(TestTopology.APP_ID, "{\"icmp-policy\": {\"icmpv4-errors\": {\"icmpv4-rate\": 2}}}");
        for (int i = 0; i < 3; i++) {
            processor.process(punt(AFTR, 2, PuntReason.DOWNSTREAM_NO_BINDING.code(), toUnboundAddress()));
        }
        assertEquals("RFC 7596 §6.2: ICMPv4 3/1 to the sender, two per second", 2, emitted.size());
        assertEquals(Instructions.createOutput(PortNumber.portNumber(2)),
                emitted.get(0).treatment().allInstructions().get(0));
        clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
        processor.process(punt(AFTR, 2, PuntReason.DOWNSTREAM_NO_BINDING.code(), toUnboundAddress()));
        assertEquals("the bucket refills after the period", 3, emitted.size());
        assertEquals(1L, (long) component.counters().get("icmpv4-rate-limited"));
    }

    /**
     * A netcfg change reaches the slow path: the ICMPv4 error of the same punt leaves with the new
     * next-hop MAC, and with errors turned off none leaves (the slow path is rebuilt, not kept).
     */
    @Test
    public void aConfigChangeRebuildsTheDevicesSlowPath() {
        netcfg.set(AFTR, DeviceProgrammerTest.DEVICE_JSON);
        processor.process(punt(AFTR, 2, PuntReason.DOWNSTREAM_NO_BINDING.code(), toUnboundAddress()));
        assertEquals(1, emitted.size());
        assertEquals(MacAddress.valueOf("02:bb:00:00:00:02"), destination(emitted.get(0)));

        netcfg.set(AFTR, DeviceProgrammerTest.DEVICE_JSON.replace("02:bb:00:00:00:02", "02:bb:00:00:00:22"));
        processor.process(punt(AFTR, 2, PuntReason.DOWNSTREAM_NO_BINDING.code(), toUnboundAddress()));
        assertEquals(2, emitted.size());
        assertEquals("the new next hop", MacAddress.valueOf("02:bb:00:00:00:22"), destination(emitted.get(1)));

        netcfg.set(TestTopology.APP_ID, "{\"icmp-policy\": {\"icmpv4-errors\": {\"generate-icmpv4-errors\": false}}}");
        processor.process(punt(AFTR, 2, PuntReason.DOWNSTREAM_NO_BINDING.code(), toUnboundAddress()));
        assertEquals("RFC 7596 §6.2 errors now off by policy", 2, emitted.size());
    }

    private static MacAddress destination(OutboundPacket p) {
        byte[] b = new byte[6];
        p.data().duplicate().get(b);
        return MacAddress.valueOf(b);
    }

    /**
     * RFC 7596 §5.3: fragments reassembled into a packet over the lwB4-side MTU once encapsulated
     * leave as IPv6 fragments out of the lwB4 port, never through the pipeline (which would drop
     * a re-injected packet it has to punt).
     */
    @Test
    public void reassembledPacketOverTheMtuLeavesAsFragmentsOutOfThePortNotThroughThePipeline() {
        netcfg.set(AFTR, DeviceProgrammerTest.DEVICE_JSON);
        component.store.apply(List.of(BindingChange.add(
                DeviceProgrammerTest.sw("198.51.100.1", 1, "2001:db8::1"))), false, 10);
        UDP udp = new UDP();
        udp.setSourcePort(53);
        udp.setDestinationPort(1040);                  // PSID 1 of a = 6, k = 6
        udp.setPayload(new Data(new byte[2000]));
        IPv4 whole = new IPv4();
        whole.setSourceAddress(HOST.toInt());
        whole.setDestinationAddress(Ip4Address.valueOf("198.51.100.1").toInt());
        whole.setTtl((byte) 64);
        whole.setProtocol(IPv4.PROTOCOL_UDP);
        whole.setPayload(udp);
        byte[] d = whole.serialize();
        for (int offset = 0; offset < 2008; offset += 1000) {
            IPv4 frag = new IPv4();
            frag.setSourceAddress(whole.getSourceAddress());
            frag.setDestinationAddress(whole.getDestinationAddress());
            frag.setTtl((byte) 64);
            frag.setProtocol(IPv4.PROTOCOL_UDP);
            frag.setFlags((byte) (offset == 0 ? 1 : 0));
            frag.setFragmentOffset((short) (offset / 8));
            frag.setPayload(new Data(Arrays.copyOfRange(d, 20 + offset, 20 + Math.min(offset + 1000, 2008))));
            Ethernet eth = new Ethernet();
            eth.setDestinationMACAddress(MacAddress.valueOf("02:aa:00:00:00:02"));
            eth.setSourceMACAddress(MacAddress.valueOf("02:bb:00:00:00:02"));
            eth.setEtherType(Ethernet.TYPE_IPV4);
            eth.setPayload(frag);
            processor.process(punt(AFTR, 2, PuntReason.IPV4_FRAGMENT.code(), eth.serialize()));
        }
        assertEquals("two IPv6 fragments", 2, emitted.size());
        for (OutboundPacket p : emitted) {
            assertEquals(Instructions.createOutput(PortNumber.portNumber(1)), p.treatment().allInstructions().get(0));
            assertEquals("IPv6 with a Fragment header", 44, p.data().get(14 + 6));
        }
        assertEquals(1L, (long) component.counters().get("reassembled-too-big"));
        assertEquals(0L, (long) component.counters().get("out-reinjected"));
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
        PacketContext ctx = punt(AFTR, 1, 5, new byte[] {1});
        processor.process(ctx);
        assertTrue(ctx.isHandled());
        assertTrue(emitted.isEmpty());
    }
}
