package org.lwaftr.app;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.lwaftr.pipeconf.PuntedPacket;
import org.lwaftr.pipeconf.gen.PuntReason;
import org.lwaftr.store.DistributedSoftwireStore;
import org.lwaftr.store.TransactionalTestStorage;
import org.onlab.packet.ARP;
import org.onlab.packet.Ethernet;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.MacAddress;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.DeviceId;
import org.onosproject.net.PortNumber;
import org.onosproject.net.flow.FlowEntry;
import org.onosproject.net.flow.instructions.Instructions;
import org.onosproject.net.flow.instructions.PiInstruction;
import org.onosproject.net.packet.OutboundPacket;
import org.onosproject.net.packet.PacketContextAdapter;
import org.onosproject.net.packet.PacketProcessor;
import org.onosproject.net.pi.runtime.PiAction;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.lwaftr.translate.P4Names.PARAM_DST_MAC;
import static org.lwaftr.translate.P4Names.TABLE_NEXT_HOP;

/**
 * A next hop given by IP, through the whole app: no {@code next_hop} entry until the slow path
 * resolved it (RFC 826), then one with the learned MAC, rewritten when the MAC changes.
 */
public class NextHopProgrammingTest {

    private static final String DEVICE_JSON = "{\"lwb4-side\": {\"port\": 1, \"aftr-mac\": \"02:aa:00:00:00:01\","
            + " \"next-hop-mac\": \"02:bb:00:00:00:01\"}, \"internet-side\": {\"port\": 2,"
            + " \"aftr-mac\": \"02:aa:00:00:00:02\", \"next-hop-ip\": \"192.0.2.1\"},"
            + " \"aftr-ipv4-addrs\": [\"192.0.2.254\"]}";
    private static final MacAddress INET_AFTR = MacAddress.valueOf("02:aa:00:00:00:02");
    private static final Ip4Address ROUTER = Ip4Address.valueOf("192.0.2.1");
    private static final Ip4Address AFTR = Ip4Address.valueOf("192.0.2.254");

    private final TestTopology topo = new TestTopology();
    private final TestNetworkConfig netcfg = new TestNetworkConfig();
    private final RecordingFlowRuleService flows = new RecordingFlowRuleService();
    private List<OutboundPacket> emitted;
    private final SlowPathPacketProcessor slowPath = new SlowPathPacketProcessor();
    private DeviceProgrammer programmer;
    private PacketProcessor processor;
    private DeviceId aftr;

    @Before
    public void setUp() {
        aftr = topo.addAftr("device:aftr1").id();
        netcfg.set(aftr, DEVICE_JSON);
        DistributedSoftwireStore store = StoreFactory.store(new TransactionalTestStorage());
        programmer = topo.programmer(store, netcfg, flows, Runnable::run);
        CapturingPacketService packets = new CapturingPacketService();
        slowPath.packetService = packets;
        slowPath.pipeconfService = topo.pipeconfService;
        slowPath.root = topo.root(netcfg);
        slowPath.netcfgService = netcfg;
        slowPath.store = store;
        slowPath.nextHops = topo.nextHops;
        slowPath.resolveMillis = 0; // the test calls resolveNextHops()
        slowPath.activate();
        processor = packets.processor;
        emitted = packets.emitted;
    }

    @After
    public void tearDown() {
        slowPath.deactivate();
        programmer.deactivate();
    }

    /** @return the dst_mac of each next_hop entry the device holds */
    private List<MacAddress> nextHopMacs() {
        List<MacAddress> out = new ArrayList<>();
        for (FlowEntry e : flows.installed(aftr).values()) {
            if (e.table().equals(TABLE_NEXT_HOP)) {
                PiAction a = (PiAction) ((PiInstruction) e.treatment().allInstructions().get(0)).action();
                a.parameters().stream().filter(p -> p.id().equals(PARAM_DST_MAC)).forEach(p ->
                        out.add(MacAddress.valueOf(p.value().asArray())));
            }
        }
        out.sort(java.util.Comparator.comparingLong(MacAddress::toLong));
        return out;
    }

    /** An ARP packet from the router (RFC 826), as the switch punts it. */
    private void punt(short op, MacAddress routerMac) {
        String mac = routerMac.toString().replace(":", "");
        byte[] frame = hex((op == ARP.OP_REPLY ? "02aa00000002" : "ffffffffffff") + mac + "0806"
                + "0001" + "0800" + "06" + "04" + "000" + op
                + mac + "c0000201" + (op == ARP.OP_REPLY ? "02aa00000002" : "000000000000") + "c00002fe");
        processor.process(new PacketContextAdapter(0, new PuntedPacket(new ConnectPoint(aftr,
                PortNumber.portNumber(2)), new Ethernet(), frame, PuntReason.ARP.code()), null, false));
    }

    private static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    @Test
    public void rfc826NextHopGivenByIpIsWrittenOnceResolvedAndRewrittenWhenItsMacChanges() {
        assertEquals("only the lwB4 side's next hop (given by MAC)",
                List.of(MacAddress.valueOf("02:bb:00:00:00:01")), nextHopMacs());

        slowPath.resolveNextHops();
        assertEquals(1, emitted.size());
        OutboundPacket request = emitted.get(0);
        assertEquals(aftr, request.sendThrough());
        assertEquals(Instructions.createOutput(PortNumber.portNumber(2)),
                request.treatment().allInstructions().get(0));
        byte[] f = request.data().array();
        assertEquals(Ethernet.TYPE_ARP, ByteBuffer.wrap(f, 12, 2).getShort());
        assertEquals("who has 192.0.2.1", ROUTER, Ip4Address.valueOf(java.util.Arrays.copyOfRange(f, 38, 42)));

        MacAddress router = MacAddress.valueOf("02:cc:00:00:00:01");
        punt(ARP.OP_REPLY, router);
        assertEquals(List.of(MacAddress.valueOf("02:bb:00:00:00:01"), router), nextHopMacs());

        MacAddress replaced = MacAddress.valueOf("02:cc:00:00:00:02");
        flows.clearOps();
        punt(ARP.OP_REQUEST, replaced);
        assertEquals(List.of(MacAddress.valueOf("02:bb:00:00:00:01"), replaced), nextHopMacs());
        assertEquals("one next_hop entry rewritten", 1, flows.ops().stream()
                .filter(o -> o.rule.table().equals(TABLE_NEXT_HOP)).collect(Collectors.toList()).size());
        assertTrue("the request was answered too", emitted.size() >= 2);
    }

    @Test
    public void aDeviceThisInstanceDoesNotProgramIsNotResolved() {
        topo.nextHops.forget(aftr);
        slowPath.resolveNextHops();
        assertTrue(emitted.isEmpty());
    }

    @Test
    public void aResolvedNextHopStaysWrittenWhenMastershipIsLostAndRegained() {
        MacAddress router = MacAddress.valueOf("02:cc:00:00:00:01");
        punt(ARP.OP_REPLY, router);
        assertEquals(List.of(MacAddress.valueOf("02:bb:00:00:00:01"), router), nextHopMacs());
        topo.setMaster(aftr, false);
        flows.clearOps();
        topo.setMaster(aftr, true);
        // The slow path's resolver still knows the router: the reconcile keeps its next_hop entry
        // (removing it meant NO_NEXT_HOP drops until the resolver's next report).
        assertEquals(List.of(MacAddress.valueOf("02:bb:00:00:00:01"), router), nextHopMacs());
        assertEquals(flows.ops().toString(), 0, flows.ops().stream()
                .filter(o -> o.rule.table().equals(TABLE_NEXT_HOP)).count());
    }
}
