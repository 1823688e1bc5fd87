package org.lwaftr.app;

import org.junit.Before;
import org.junit.Test;
import org.lwaftr.core.CounterValue;
import org.lwaftr.api.LwaftrEvent;
import org.lwaftr.api.SoftwireStats;
import org.lwaftr.core.BindingChange;
import org.lwaftr.core.BindingDiff;
import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.lwaftr.translate.CounterCells;
import org.lwaftr.translate.P4Names;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onosproject.net.DeviceId;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiCounterCellId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The service: batches, events, queries, policy in force, statistics from device counters.
 */
public class LwaftrManagerTest {

    static final Ip6Address BR = Ip6Address.valueOf("2001:db8:ffff::1");

    private LwaftrManager manager;
    private TestNetworkConfig netcfg;
    private final List<LwaftrEvent> events = new ArrayList<>();
    private final TestTopology topo = new TestTopology();
    private final List<DeviceId> counterReads = new ArrayList<>();

    static Softwire sw(String v4, int a, int k, int psid, String b4) {
        return Softwire.of(Ip4Address.valueOf(v4), PortSet.of(a, k, psid), Ip6Address.valueOf(b4), BR);
    }

    @Before
    public void setUp() {
        topo.addAftr("device:aftr1");
        topo.addAftr("device:aftr2");
        TestApp app = new TestApp(topo, new RecordingFlowRuleService(), Runnable::run, this::readCounters);
        netcfg = app.netcfg;
        manager = app.manager;
        manager.addListener(events::add);
    }

    /** Each device reports 10 packets / 1000 bytes downstream and 1/100 upstream per softwire cell. */
    private Collection<PiCounterCell> readCounters(DeviceId device, Collection<PiCounterCellId> cells) {
        counterReads.add(device);
        List<PiCounterCell> out = new ArrayList<>();
        for (PiCounterCellId c : cells) {
            if (c.counterId().equals(P4Names.COUNTER_SOFTWIRE_STATS)) {
                boolean up = (c.index() & 1) == 1;
                out.add(new PiCounterCell(c, up ? 1 : 10, up ? 100 : 1000));
            } else if (c.counterId().equals(P4Names.COUNTER_PUNT_STATS) && c.index() == 8) {
                out.add(new PiCounterCell(c, 5, 500));
            }
        }
        return out;
    }

    @Test
    public void batchesPostEventsAndAnswerQueries() {
        Softwire a = sw("192.0.2.1", 6, 6, 1, "2001:db8::1");
        Softwire b = sw("192.0.2.1", 6, 6, 2, "2001:db8::2");
        manager.apply(List.of(BindingChange.add(a), BindingChange.add(b)));
        Softwire a2 = sw("192.0.2.1", 6, 6, 1, "2001:db8::11");
        manager.apply(List.of(BindingChange.replace(a2), BindingChange.remove(b.key())));
        assertEquals(4, events.size());
        assertEquals(LwaftrEvent.Type.SOFTWIRE_ADDED, events.get(0).type());
        assertEquals(LwaftrEvent.Type.SOFTWIRE_ADDED, events.get(1).type());
        // Within one batch, events come per softwire in no set order (as the cluster delivers them).
        LwaftrEvent updated = events.subList(2, 4).stream()
                .filter(e -> e.type() == LwaftrEvent.Type.SOFTWIRE_UPDATED).findFirst().get();
        assertEquals(a, updated.previous());
        assertEquals(a2, updated.subject());
        assertTrue(events.subList(2, 4).stream().anyMatch(e -> e.type() == LwaftrEvent.Type.SOFTWIRE_REMOVED
                && e.subject().equals(b)));
        assertEquals(a2, manager.lookup(Ip4Address.valueOf("192.0.2.1"), 1024 + 16).get());
        assertEquals(List.of(a2), manager.byLwb4(Ip6Address.valueOf("2001:db8::11")));
        assertEquals(1, manager.count());
        assertEquals(2, manager.tableVersion());
        assertEquals(0, manager.historyCompleteSince());
    }

    @Test
    public void rfc7596Sec51PolicyInForceDecidesSystemPorts() {
        Softwire sys = sw("192.0.2.1", 0, 6, 0, "2001:db8::1");
        try {
            manager.apply(List.of(BindingChange.add(sys)));
            fail("system ports accepted by default");
        } catch (InvalidBindingException e) {
            assertEquals(0, e.entry());
        }
        netcfg.set(TestTopology.APP_ID, "{\"allow-system-ports\": true}");
        assertTrue(manager.policy().allowSystemPorts());
        manager.apply(List.of(BindingChange.add(sys)));
        assertEquals(1, manager.count());
    }

    @Test
    public void replaceAllIsTheSmallestBatch() {
        Softwire a = sw("192.0.2.1", 6, 6, 1, "2001:db8::1");
        Softwire b = sw("192.0.2.1", 6, 6, 2, "2001:db8::2");
        Softwire c = sw("192.0.2.2", 6, 6, 1, "2001:db8::3");
        manager.apply(List.of(BindingChange.add(a), BindingChange.add(b)));
        // Reshape 192.0.2.1: a and b go, d (another shape) comes; c is new.
        Softwire d = sw("192.0.2.1", 4, 4, 1, "2001:db8::4");
        BindingDiff diff = manager.replaceAll(List.of(d, c));
        assertEquals(2, diff.removed().size());
        assertEquals(2, diff.added().size());
        assertEquals(2, manager.count());
        BindingDiff none = manager.replaceAll(List.of(c, d));
        assertTrue(none.isEmpty());
        try {
            manager.replaceAll(List.of(c, c));
            fail("duplicate accepted");
        } catch (InvalidBindingException e) {
            assertEquals(1, e.entry());
        }
    }

    @Test
    public void bindingTableOfThePolicyIsLoadedWhenItChanges() throws java.io.IOException {
        String entry = "{\"binding-ipv4-addr\": \"192.0.2.1\", \"port-set\": {\"psid-offset\": 6,"
                + " \"psid-len\": 6, \"psid\": %d}, \"binding-ipv6info\": \"2001:db8::%d\","
                + " \"br-ipv6-addr\": \"2001:db8:ffff::1\"}";
        netcfg.set(TestTopology.APP_ID, "{\"binding-table\": {\"binding-entry\": ["
                + String.format(entry, 1, 1) + ", " + String.format(entry, 2, 2) + "]}}");
        assertEquals(2, manager.count());
        long v = manager.tableVersion();
        netcfg.set(TestTopology.APP_ID, "{\"hop-limit\": 9, \"binding-table\": {\"binding-entry\": ["
                + String.format(entry, 1, 1) + ", " + String.format(entry, 2, 2) + "]}}");
        assertEquals("same table: not read again", v, manager.tableVersion());
        java.nio.file.Path f = java.nio.file.Files.createTempFile("bt", ".csv");
        java.nio.file.Files.writeString(f, "ipv4,psid_offset,psid_len,psid,lwb4,br\n"
                + "192.0.2.9,0,0,0,2001:db8::9,2001:db8:ffff::1\n");
        netcfg.set(TestTopology.APP_ID, "{\"binding-table-file\": \"" + f + "\"}");
        assertEquals(1, manager.count());
        assertTrue(manager.lookup(Ip4Address.valueOf("192.0.2.9"), 80).isPresent());
        manager.loadBindingTable(); // the poll: unchanged file, nothing read
        assertEquals(1, manager.count());
        // Edited in place: applied at the next poll, as the standalone controller's --watch does.
        java.nio.file.Files.writeString(f, "ipv4,psid_offset,psid_len,psid,lwb4,br\n"
                + "192.0.2.9,0,0,0,2001:db8::9,2001:db8:ffff::1\n192.0.2.10,0,0,0,2001:db8::a,2001:db8:ffff::1\n");
        java.nio.file.Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(
                java.nio.file.Files.getLastModifiedTime(f).toMillis() + 5_000));
        manager.loadBindingTable();
        assertEquals(2, manager.count());
        netcfg.set(TestTopology.APP_ID, "{\"binding-table-file\": \"" + f + "x\"}");
        assertEquals("a missing file changes nothing", 2, manager.count());
        java.nio.file.Files.delete(f);
    }

    @Test
    public void pagesAreInKeyOrder() {
        List<BindingChange> adds = new ArrayList<>();
        for (int i = 5; i >= 1; i--) {
            adds.add(BindingChange.add(sw("192.0.2." + i, 6, 6, 1, "2001:db8::" + i)));
        }
        manager.apply(adds);
        List<Softwire> page = manager.softwires(1, 2);
        assertEquals(2, page.size());
        assertEquals(Ip4Address.valueOf("192.0.2.2"), page.get(0).ipv4());
        assertEquals(Ip4Address.valueOf("192.0.2.3"), page.get(1).ipv4());
        assertTrue(manager.softwires(10, 5).isEmpty());
    }

    @Test
    public void statisticsAreSummedOverAftrDevices() {
        Softwire a = sw("192.0.2.1", 6, 6, 1, "2001:db8::1");
        manager.apply(List.of(BindingChange.add(a)));
        SoftwireStats s = manager.stats(a.key()).get();
        assertEquals(new CounterValue(20, 2000), s.downstream());
        assertEquals(new CounterValue(2, 200), s.upstream());
        assertEquals(2, counterReads.size());
        assertFalse(manager.stats(sw("192.0.2.9", 6, 6, 1, "2001:db8::9").key()).isPresent());
        assertEquals(Map.of("DOWNSTREAM_NO_BINDING", new CounterValue(5, 500)),
                manager.puntCounters(DeviceId.deviceId("device:aftr1")));
        assertTrue(manager.dropCounters(DeviceId.deviceId("device:aftr1")).isEmpty());
        assertEquals(CounterCells.reasonCells(P4Names.COUNTER_DROP_STATS).size(), P4Names.REASON_CELLS);
        assertTrue(manager.slowPathCounters().isEmpty());
    }
}
