package org.lwaftr.app;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.lwaftr.core.BindingChange;
import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.lwaftr.store.DistributedSoftwireStore;
import org.lwaftr.store.TransactionalTestStorage;
import org.lwaftr.translate.P4Names;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onosproject.net.Device;
import org.onosproject.net.DeviceId;
import org.onosproject.net.device.DeviceEvent;
import org.onosproject.net.flow.FlowRuleOperation;
import org.onosproject.net.flow.criteria.PiCriterion;
import org.onosproject.net.pi.model.PiPipeconfId;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import org.onosproject.net.pi.runtime.PiTableAction;
import org.onosproject.net.flow.instructions.PiInstruction;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.lwaftr.translate.P4Names.*;

/**
 * The device programmer against ONOS adapters: which devices get rules, exactly which rules each
 * change writes, and convergence after device and mastership events.
 */
public class DeviceProgrammerTest {

    static final String DEVICE_JSON = "{\"lwb4-side\": {\"port\": 1, \"aftr-mac\": \"02:aa:00:00:00:01\","
            + " \"next-hop-mac\": \"02:bb:00:00:00:01\"}, \"internet-side\": {\"port\": 2,"
            + " \"aftr-mac\": \"02:aa:00:00:00:02\", \"next-hop-mac\": \"02:bb:00:00:00:02\"},"
            + " \"aftr-ipv4-addrs\": [\"192.0.2.254\"]}";
    static final Ip6Address BR = Ip6Address.valueOf("2001:db8:ffff::1");
    /** port_side ×2, next_hop ×2, aftr_ipv4, aftr_config. */
    static final int CONFIG_RULES = 6;

    private TransactionalTestStorage storage;
    private DistributedSoftwireStore store;
    private TestTopology topo;
    private TestNetworkConfig netcfg;
    private RecordingFlowRuleService flows;
    private DeviceProgrammer programmer;
    private DeviceId aftr1;

    static Softwire sw(String v4, int psid, String b4) {
        return Softwire.of(Ip4Address.valueOf(v4), PortSet.of(6, 6, psid), Ip6Address.valueOf(b4), BR);
    }

    @Before
    public void setUp() {
        storage = new TransactionalTestStorage();
        store = StoreFactory.store(storage);
        topo = new TestTopology();
        netcfg = new TestNetworkConfig();
        flows = new RecordingFlowRuleService();
        aftr1 = topo.addAftr("device:aftr1").id();
        netcfg.set(aftr1, DEVICE_JSON);
        apply(BindingChange.add(sw("192.0.2.1", 1, "2001:db8::1")), BindingChange.add(sw("192.0.2.1", 2,
                "2001:db8::2")));
        programmer = topo.programmer(store, netcfg, flows, Runnable::run);
    }

    @After
    public void tearDown() {
        programmer.deactivate();
    }

    private void apply(BindingChange... changes) {
        store.apply(List.of(changes), false, 1 << 20);
    }

    private static long count(List<RecordingFlowRuleService.Op> ops, PiTableId table, FlowRuleOperation.Type t) {
        return ops.stream().filter(o -> o.rule.table().equals(table) && o.type == t).count();
    }

    private static PiAction action(RecordingFlowRuleService.Op op) {
        PiTableAction a = ((PiInstruction) op.rule.treatment().allInstructions().get(0)).action();
        return (PiAction) a;
    }

    @Test
    public void deviceFoundAtStartGetsEverything() {
        assertEquals(java.util.Set.of(aftr1), programmer.programmedDevices());
        // config + BR (br_address, br_source) + 2 bindings + psid_shape + bound_ipv4
        assertEquals(CONFIG_RULES + 2 + 2 + 2, flows.installed(aftr1).size());
        List<RecordingFlowRuleService.Op> ops = flows.ops();
        assertEquals(2, count(ops, TABLE_BINDING, FlowRuleOperation.Type.ADD));
        assertEquals(1, count(ops, TABLE_PSID_SHAPE, FlowRuleOperation.Type.ADD));
        assertEquals(1, count(ops, TABLE_BOUND_IPV4, FlowRuleOperation.Type.ADD));
        assertEquals(1, count(ops, TABLE_AFTR_CONFIG, FlowRuleOperation.Type.ADD));
        assertTrue("the aftr_config entry is the default entry (empty selector)", ops.stream()
                .filter(o -> o.rule.table().equals(TABLE_AFTR_CONFIG)).allMatch(o -> o.rule.selector()
                        .criteria().isEmpty()));
    }

    @Test
    public void incrementalUpdateWritesOnlyTheChangedSoftwire() {
        flows.clearOps();
        apply(BindingChange.replace(sw("192.0.2.1", 1, "2001:db8::99")));
        List<RecordingFlowRuleService.Op> ops = flows.ops();
        assertEquals(ops.toString(), 1, ops.size());
        assertEquals(FlowRuleOperation.Type.ADD, ops.get(0).type);
        assertEquals(TABLE_BINDING, ops.get(0).rule.table());

        flows.clearOps();
        apply(BindingChange.add(sw("198.51.100.7", 3, "2001:db8::7")));
        ops = flows.ops();
        assertEquals("binding + the new address's psid_shape and bound_ipv4", 3, ops.size());
        assertEquals(1, count(ops, TABLE_PSID_SHAPE, FlowRuleOperation.Type.ADD));
        assertEquals(1, count(ops, TABLE_BOUND_IPV4, FlowRuleOperation.Type.ADD));

        flows.clearOps();
        apply(BindingChange.remove(sw("192.0.2.1", 1, "2001:db8::1").key()));
        ops = flows.ops();
        assertEquals("the address keeps its other softwire: only the binding goes", 1, ops.size());
        assertEquals(FlowRuleOperation.Type.REMOVE, ops.get(0).type);

        flows.clearOps();
        apply(BindingChange.remove(sw("192.0.2.1", 2, "2001:db8::2").key()));
        ops = flows.ops();
        assertEquals("last softwire of the address: binding, shape and bound_ipv4 go", 3, ops.size());
        assertTrue(ops.stream().allMatch(o -> o.type == FlowRuleOperation.Type.REMOVE));
        assertEquals(CONFIG_RULES + 2 + 3, flows.installed(aftr1).size());
    }

    private static List<PiCounterCellId> cells(int counterIndex) {
        return org.lwaftr.translate.CounterCells.softwireCells(counterIndex);
    }

    @Test
    public void aDeviceOfUnknownHistoryGetsTheCellsOfEachNewSoftwireZeroedBeforeItsBinding() {
        topo.counters.opsSoFar = () -> flows.ops().size();
        topo.counters.clear();
        flows.clearOps();
        apply(BindingChange.add(sw("198.51.100.7", 3, "2001:db8::7")));
        int index = store.counterIndex(sw("198.51.100.7", 3, "2001:db8::7").key());
        List<FakeCounterWriter.Zero> zeros = topo.counters.zeros();
        assertEquals(zeros.toString(), 1, zeros.size());
        assertEquals(aftr1, zeros.get(0).device);
        assertEquals(cells(index), zeros.get(0).cells);
        assertEquals("zeroed before any rule of the change", 0, zeros.get(0).opsBefore);
        assertEquals(1, count(flows.ops(), TABLE_BINDING, FlowRuleOperation.Type.ADD));
    }

    @Test
    public void aCounterIndexFreedAndTakenAgainIsZeroedOnceAndAKeptOneNever() {
        apply(BindingChange.add(sw("198.51.100.7", 3, "2001:db8::7")));
        int index = store.counterIndex(sw("198.51.100.7", 3, "2001:db8::7").key());
        topo.counters.clear();
        // a replace keeps the softwire's counter index: its counts continue
        apply(BindingChange.replace(sw("198.51.100.7", 3, "2001:db8::77")));
        assertEquals(index, store.counterIndex(sw("198.51.100.7", 3, "2001:db8::7").key()));
        assertEquals(List.of(), topo.counters.zeros());
        // removed, then another softwire takes the freed index: it must not inherit the counts
        apply(BindingChange.remove(sw("198.51.100.7", 3, "2001:db8::7").key()));
        assertEquals(List.of(), topo.counters.zeros());
        apply(BindingChange.add(sw("198.51.100.8", 0, "2001:db8::8")));
        assertEquals("the lowest free index is taken again", index,
                store.counterIndex(sw("198.51.100.8", 0, "2001:db8::8").key()));
        assertEquals(1, topo.counters.zeros().size());
        assertEquals(cells(index), topo.counters.zeros().get(0).cells);
    }

    @Test
    public void anIndexReusedWhileTheDeviceIsAwayIsZeroedBeforeItsReconcileWritesTheBinding() {
        apply(BindingChange.add(sw("198.51.100.7", 3, "2001:db8::7")));
        int index = store.counterIndex(sw("198.51.100.7", 3, "2001:db8::7").key());
        topo.setAvailable(aftr1, false);
        apply(BindingChange.remove(sw("198.51.100.7", 3, "2001:db8::7").key()));
        apply(BindingChange.add(sw("198.51.100.8", 0, "2001:db8::8")));
        assertEquals(index, store.counterIndex(sw("198.51.100.8", 0, "2001:db8::8").key()));
        topo.counters.clear();
        topo.counters.opsSoFar = () -> flows.ops().size();
        flows.clearOps();
        topo.setAvailable(aftr1, true);
        List<FakeCounterWriter.Zero> zeros = topo.counters.zeros();
        assertEquals(zeros.toString(), 1, zeros.size());
        assertEquals(cells(index), zeros.get(0).cells);
        assertEquals("before the reconcile's rules", 0, zeros.get(0).opsBefore);
        assertTrue(count(flows.ops(), TABLE_BINDING, FlowRuleOperation.Type.ADD) >= 1);
        // done once: a later reconnect zeroes nothing more
        topo.counters.clear();
        topo.setAvailable(aftr1, false);
        topo.setAvailable(aftr1, true);
        assertEquals(List.of(), topo.counters.zeros());
    }

    @Test
    public void aFailedZeroingStillWritesTheBinding() {
        topo.counters.fail = true;
        flows.clearOps();
        apply(BindingChange.add(sw("198.51.100.7", 3, "2001:db8::7")));
        assertEquals(1, topo.counters.zeros().size());
        assertEquals("forwarding comes first", 1, count(flows.ops(), TABLE_BINDING, FlowRuleOperation.Type.ADD));
    }

    @Test
    public void aSoftwireAddedThenRemovedInOneMergedBatchLeavesNoEntry() {
        // Changes that arrive while the lane is busy are merged into one batch: the writes of the
        // batch must end as the changes do (added then removed: absent), whatever their kind.
        programmer.deactivate();
        java.util.ArrayDeque<Runnable> lane = new java.util.ArrayDeque<>();
        programmer = topo.programmer(store, netcfg, flows, lane::add);
        while (!lane.isEmpty()) {
            lane.poll().run();
        }
        int before = flows.installed(aftr1).size();
        Softwire y = sw("198.51.100.7", 3, "2001:db8::7");
        apply(BindingChange.add(y));
        apply(BindingChange.remove(y.key()));
        assertEquals("one drain for both changes", 1, lane.size());
        lane.poll().run();
        assertEquals("no binding, psid_shape or bound_ipv4 entry of the removed softwire", before,
                flows.installed(aftr1).size());
    }

    @Test
    public void newBrAddressIsProgrammedBeforeItsSoftwire() {
        flows.clearOps();
        Ip6Address br2 = Ip6Address.valueOf("2001:db8:ffff::2");
        apply(BindingChange.add(Softwire.of(Ip4Address.valueOf("192.0.2.1"), PortSet.of(6, 6, 9),
                Ip6Address.valueOf("2001:db8::9"), br2)));
        List<RecordingFlowRuleService.Op> ops = flows.ops();
        assertEquals(ops.toString(), 3, ops.size());
        List<PiTableId> tables = ops.stream().map(o -> (PiTableId) o.rule.table()).collect(Collectors.toList());
        assertTrue(tables.toString(), tables.indexOf(TABLE_BINDING) > tables.indexOf(TABLE_BR_SOURCE));
        assertTrue(tables.contains(TABLE_BR_ADDRESS));
    }

    @Test
    public void batchWithABadEntryWritesNothing() {
        flows.clearOps();
        try {
            apply(BindingChange.add(sw("198.51.100.1", 1, "2001:db8::11")),
                    BindingChange.add(sw("192.0.2.1", 1, "2001:db8::12")));
            fail("duplicate accepted");
        } catch (InvalidBindingException e) {
            assertEquals(1, e.entry());
        }
        assertTrue(flows.ops().isEmpty());
    }

    @Test
    public void policyChangeRewritesTheConfigEntryOnly() {
        flows.clearOps();
        netcfg.set(TestTopology.APP_ID, "{\"hop-limit\": 10}");
        List<RecordingFlowRuleService.Op> ops = flows.ops();
        assertEquals(ops.toString(), 1, ops.size());
        assertEquals(TABLE_AFTR_CONFIG, ops.get(0).rule.table());
        assertTrue(action(ops.get(0)).parameters().stream().anyMatch(p -> p.id().equals(PARAM_HOP_LIMIT)
                && p.value().asArray()[0] == 10));
        flows.clearOps();
        netcfg.set(TestTopology.APP_ID, "{\"hop-limit\": 0}");
        assertTrue("an invalid policy changes nothing", flows.ops().isEmpty());
        netcfg.set(TestTopology.APP_ID, "{\"hop-limit\": 10, \"allow-system-ports\": true}");
        assertTrue("a policy change that is not in the data plane writes nothing", flows.ops().isEmpty());
    }

    @Test
    public void deviceSettingsChangeWritesTheDifference() {
        flows.clearOps();
        netcfg.set(aftr1, DEVICE_JSON.replace("02:bb:00:00:00:02", "02:bb:00:00:00:22"));
        List<RecordingFlowRuleService.Op> ops = flows.ops();
        assertEquals(ops.toString(), 1, ops.size());
        assertEquals(TABLE_NEXT_HOP, ops.get(0).rule.table());
        flows.clearOps();
        netcfg.set(aftr1, DEVICE_JSON.replace("\"aftr-ipv4-addrs\": [\"192.0.2.254\"]", "\"aftr-ipv4-addrs\": []")
                .replace("02:bb:00:00:00:02", "02:bb:00:00:00:22"));
        ops = flows.ops();
        assertEquals(1, ops.size());
        assertEquals(FlowRuleOperation.Type.REMOVE, ops.get(0).type);
        assertEquals(TABLE_AFTR_IPV4, ops.get(0).rule.table());
    }

    @Test
    public void deviceAddedLaterIsReconciledAndOthersIgnored() {
        Device other = topo.addAftr("device:other");
        topo.pipeconfs.put(other.id(), new PiPipeconfId("org.onosproject.pipelines.fabric"));
        topo.post(DeviceEvent.Type.DEVICE_ADDED, other);
        assertTrue(flows.installed(other.id()).isEmpty());
        Device aftr2 = topo.addAftr("device:aftr2");
        topo.post(DeviceEvent.Type.DEVICE_ADDED, aftr2);
        // No device settings for aftr2: softwires, BR and the policy entry only.
        assertEquals(2 + 2 + 2 + 1, flows.installed(aftr2.id()).size());
        assertEquals(java.util.Set.of(aftr1, aftr2.id()), programmer.programmedDevices());
        flows.clearOps();
        apply(BindingChange.replace(sw("192.0.2.1", 1, "2001:db8::98")));
        assertEquals("one binding write per programmed device", 2, flows.ops().size());
    }

    @Test
    public void mastershipLostStopsProgrammingAndRegainedConverges() {
        topo.setMaster(aftr1, false);
        assertTrue(programmer.programmedDevices().isEmpty());
        flows.clearOps();
        Softwire later = sw("198.51.100.9", 1, "2001:db8::9");
        apply(BindingChange.add(later));
        assertTrue("not master: nothing written", flows.ops().isEmpty());
        topo.setMaster(aftr1, true);
        List<RecordingFlowRuleService.Op> ops = flows.ops();
        assertEquals("only what the device lacks: the new binding, shape and bound_ipv4", 3, ops.size());
        assertEquals(1, count(ops, TABLE_BINDING, FlowRuleOperation.Type.ADD));
    }

    @Test
    public void reconnectAndNewPipelineRewriteEverything() {
        int all = flows.installed(aftr1).size();
        topo.setAvailable(aftr1, false);
        assertTrue(programmer.programmedDevices().isEmpty());
        flows.clearOps();
        topo.setAvailable(aftr1, true);
        assertEquals("a reconnected device may have lost its entries: all rewritten", all, flows.ops().size());
        flows.clearOps();
        topo.pipelineReady(aftr1);
        assertEquals(all, flows.ops().size());
    }

    /**
     * ONOS may mark a reconnected switch available while the pipeline it pushes is still being set
     * (watchdog status UNKNOWN): nothing is written then, everything once the pipeline is READY.
     */
    @Test
    public void nothingWrittenBeforeThePipelineIsReady() {
        int all = flows.installed(aftr1).size();
        topo.setAvailable(aftr1, false);
        flows.clearOps();
        topo.pipelineUnknown.add(aftr1);
        topo.setAvailable(aftr1, true);
        assertTrue("available, pipeline not confirmed: " + flows.ops(), flows.ops().isEmpty());
        assertTrue(programmer.programmedDevices().isEmpty());
        topo.pipelineReady(aftr1);
        assertEquals(all, flows.ops().size());
        assertEquals(java.util.Set.of(aftr1), programmer.programmedDevices());
    }

    @Test
    public void reconcileRemovesStaleRulesOfThisApp() {
        FlowRuleFactory f = new FlowRuleFactory(TestTopology.APP_ID);
        Softwire ghost = sw("203.0.113.1", 1, "2001:db8::66");
        flows.apply(org.onosproject.net.flow.FlowRuleOperations.builder()
                .add(f.rule(aftr1, new org.lwaftr.translate.Translator().binding(ghost, 0, 77))).build());
        topo.setMaster(aftr1, false);
        flows.clearOps();
        topo.setMaster(aftr1, true);
        List<RecordingFlowRuleService.Op> ops = flows.ops();
        assertEquals(ops.toString(), 1, ops.size());
        assertEquals(FlowRuleOperation.Type.REMOVE, ops.get(0).type);
        assertTrue(ops.get(0).rule.selector().getCriterion(org.onosproject.net.flow.criteria.Criterion.Type.PROTOCOL_INDEPENDENT)
                instanceof PiCriterion);
    }
}
