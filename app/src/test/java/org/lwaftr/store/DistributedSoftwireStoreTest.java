package org.lwaftr.store;

import org.junit.Before;
import org.junit.Test;
import org.lwaftr.api.BindingRecord;
import org.lwaftr.core.BindingChange;
import org.lwaftr.core.BindingDiff;
import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.PortSetShape;
import org.lwaftr.core.Softwire;
import org.lwaftr.pipeconf.DataPlaneLimits;
import org.lwaftr.programming.SoftwireDelta;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The distributed store over onos-api's test maps, with transactions from
 * {@link TransactionalTestStorage}; two store objects on one storage act as two cluster instances.
 */
public class DistributedSoftwireStoreTest {

    static final Ip6Address BR = Ip6Address.valueOf("2001:db8:ffff::1");
    static final int MAX = 1 << 20;

    private TransactionalTestStorage storage;
    private DistributedSoftwireStore store;
    private final List<SoftwireDelta> deltas = new ArrayList<>();
    private final AtomicLong now = new AtomicLong(1000);

    static Softwire sw(String v4, int psid, String b4) {
        return sw(v4, psid, b4, BR);
    }

    static Softwire sw(String v4, int psid, String b4, Ip6Address br) {
        return Softwire.of(Ip4Address.valueOf(v4), PortSet.of(6, 6, psid), Ip6Address.valueOf(b4), br);
    }

    static DistributedSoftwireStore newStore(TransactionalTestStorage storage) {
        DistributedSoftwireStore s = new DistributedSoftwireStore();
        s.storageService = storage;
        s.activate();
        return s;
    }

    @Before
    public void setUp() {
        storage = new TransactionalTestStorage();
        store = newStore(storage);
        store.setClock(now::get);
        store.addListener(new SoftwireStoreListener() {
            @Override
            public void softwiresChanged(List<SoftwireDelta> d) {
                deltas.addAll(d);
            }

            @Override
            public void brIndexesChanged(Map<Ip6Address, Integer> brIndexes) {
            }
        });
    }

    private BindingDiff apply(BindingChange... changes) {
        return store.apply(List.of(changes), false, MAX);
    }

    @Test
    public void batchIsStoredMirroredAndIndexed() {
        Softwire a = sw("192.0.2.1", 1, "2001:db8::1");
        Softwire b = sw("192.0.2.1", 2, "2001:db8::2");
        BindingDiff d = apply(BindingChange.add(a), BindingChange.add(b));
        assertEquals(List.of(a, b), d.added());
        assertEquals(2, store.table().size());
        assertEquals(a, store.table().lookup(a.ipv4Int(), 1024 + 16));
        int ca = store.counterIndex(a.key());
        int cb = store.counterIndex(b.key());
        assertTrue(ca >= 0 && cb >= 0);
        assertNotEquals("counter indexes are never shared", ca, cb);
        assertEquals(Map.of(BR, 0), store.brIndexes());
        assertEquals(1, store.version());
        assertEquals(1, storage.commits());
        // The delegate saw both, the first one binding the address.
        assertEquals(2, deltas.size());
        assertTrue(deltas.get(0).addressBoundOrReshaped());
        assertEquals(PortSetShape.of(6, 6), deltas.get(0).newShape());
        assertFalse(deltas.get(1).addressBoundOrReshaped());
    }

    @Test
    public void badEntryNamesEntryAndFieldAndNothingIsApplied() {
        Softwire a = sw("192.0.2.1", 1, "2001:db8::1");
        Softwire clash = Softwire.of(Ip4Address.valueOf("192.0.2.1"), PortSet.of(4, 4, 1),
                Ip6Address.valueOf("2001:db8::9"), BR);
        try {
            apply(BindingChange.add(a), BindingChange.add(sw("192.0.2.2", 1, "2001:db8::2")),
                    BindingChange.add(clash));
            fail("overlapping port sets accepted");
        } catch (InvalidBindingException e) {
            assertEquals(2, e.entry());
            assertTrue(e.getMessage(), e.getMessage().startsWith("entry 2"));
            assertEquals("one PSID shape per address", Softwire.F_PSID_LEN, e.field());
        }
        assertEquals(0, store.table().size());
        assertEquals(0, storage.<Long, SoftwireRecord>map(MapNames.SOFTWIRES).size());
        assertEquals(0, store.version());
        assertEquals(0, storage.commits());
        assertTrue(deltas.isEmpty());
    }

    /** Same limit, same error as the standalone controller: the core table of the mirror checks it. */
    @Test
    public void aBrAddressBeyondTheDataPlanesIndexesIsRefusedAsInvalidInput() {
        List<BindingChange> batch = new ArrayList<>();
        for (int i = 0; i <= DataPlaneLimits.BR_ADDRESSES; i++) {
            batch.add(BindingChange.add(sw("10.0.1." + i, 1, "2001:db8:1::" + (i + 1),
                    Ip6Address.valueOf("2001:db8:eeee::" + (i + 1)))));
        }
        try {
            store.apply(batch, false, MAX);
            fail("BR address " + (DataPlaneLimits.BR_ADDRESSES + 1) + " accepted");
        } catch (InvalidBindingException e) {
            assertEquals(DataPlaneLimits.BR_ADDRESSES, e.entry());
            assertEquals(Softwire.F_BR, e.field());
        }
        assertEquals("nothing applied", 0, store.table().size());
        assertEquals(Map.of(), store.brIndexes());
    }

    @Test
    public void rfc7596Sec51SystemPortsRefusedUnlessAllowed() {
        Softwire sys = Softwire.of(Ip4Address.valueOf("192.0.2.1"), PortSet.of(0, 6, 0),
                Ip6Address.valueOf("2001:db8::1"), BR);
        try {
            store.apply(List.of(BindingChange.add(sys)), false, MAX);
            fail("system ports accepted");
        } catch (InvalidBindingException e) {
            assertEquals(0, e.entry());
            assertTrue(e.getMessage(), e.getMessage().contains("RFC 7596 §5.1"));
        }
        store.apply(List.of(BindingChange.add(sys)), true, MAX);
        assertEquals(1, store.table().size());
    }

    @Test
    public void rfc7596Sec51FastSystemPortCheckAgreesWithThePortSet() {
        for (int a = 0; a <= 16; a++) {
            for (int k = 0; a + k <= 16; k++) {
                for (int psid = 0; psid < (1 << k); psid += Math.max(1, (1 << k) / 64)) {
                    if (k == 0 && a != 0) {
                        continue;
                    }
                    PortSet ps = PortSet.of(a, k, psid);
                    assertEquals(ps.toString(), !ps.isWholeAddress() && ps.containsSystemPorts(),
                            DistributedSoftwireStore.holdsSystemPorts(ps));
                }
            }
        }
    }

    @Test
    public void softwireNumMaxIsEnforced() {
        apply(BindingChange.add(sw("192.0.2.1", 1, "2001:db8::1")));
        try {
            store.apply(List.of(BindingChange.add(sw("192.0.2.1", 2, "2001:db8::2"))), false, 1);
            fail("softwire-num-max exceeded");
        } catch (InvalidBindingException e) {
            assertEquals("softwire-num-max", e.field());
        }
        assertEquals(1, store.table().size());
    }

    @Test
    public void counterIndexIsFreedOnRemovalAndKeptOnReplace() {
        Softwire a = sw("192.0.2.1", 1, "2001:db8::1");
        Softwire b = sw("192.0.2.1", 2, "2001:db8::2");
        apply(BindingChange.add(a), BindingChange.add(b));
        int ca = store.counterIndex(a.key());
        Softwire a2 = sw("192.0.2.1", 1, "2001:db8::99");
        apply(BindingChange.replace(a2));
        assertEquals("a replaced softwire keeps its counters", ca, store.counterIndex(a.key()));
        apply(BindingChange.remove(a.key()));
        assertEquals(-1, store.counterIndex(a.key()));
        Softwire c = sw("192.0.2.3", 1, "2001:db8::3");
        apply(BindingChange.add(c));
        assertEquals("the freed index is reused", ca, store.counterIndex(c.key()));
        assertNotEquals(store.counterIndex(b.key()), store.counterIndex(c.key()));
    }

    @Test
    public void secondInstanceSeesTheSameTable() {
        Softwire a = sw("192.0.2.1", 1, "2001:db8::1");
        apply(BindingChange.add(a));
        DistributedSoftwireStore other = newStore(storage);
        assertEquals(a, other.table().get(a.key()));
        assertEquals(store.counterIndex(a.key()), other.counterIndex(a.key()));
        Softwire b = sw("192.0.2.2", 1, "2001:db8::2");
        other.apply(List.of(BindingChange.add(b)), false, MAX);
        assertEquals(b, store.table().get(b.key()));
        assertNotEquals(store.counterIndex(a.key()), store.counterIndex(b.key()));
        assertEquals(2, store.version());
    }

    @Test
    public void concurrentWriterOfTheSameKeyLosesWholeBatch() {
        DistributedSoftwireStore other = newStore(storage);
        Softwire mine = sw("192.0.2.1", 1, "2001:db8::1");
        Softwire theirs = sw("192.0.2.1", 1, "2001:db8::77");
        Softwire alsoMine = sw("192.0.2.9", 1, "2001:db8::9");
        AtomicBoolean once = new AtomicBoolean();
        // The other instance commits between our validation and our commit.
        storage.beforeCommit(id -> {
            if (once.compareAndSet(false, true)) {
                other.apply(List.of(BindingChange.add(theirs)), false, MAX);
            }
        });
        try {
            apply(BindingChange.add(alsoMine), BindingChange.add(mine));
            fail("duplicate key committed");
        } catch (InvalidBindingException e) {
            assertEquals(1, e.entry()); // on retry, validation sees their softwire
        }
        assertEquals(1, storage.failures());
        assertEquals(theirs, store.table().get(mine.key()));
        assertNull("nothing of the losing batch applied", store.table().get(alsoMine.key()));
    }

    @Test
    public void laggingMirrorNeverCommitsAndNothingIsApplied() {
        DistributedSoftwireStore lagging = newStore(storage);
        lagging.deactivate(); // stops listening: its mirror no longer follows the cluster
        Softwire a = sw("192.0.2.1", 1, "2001:db8::1");
        apply(BindingChange.add(a));
        Softwire dup = sw("192.0.2.1", 1, "2001:db8::5");
        try {
            lagging.apply(List.of(BindingChange.add(sw("192.0.2.7", 1, "2001:db8::7")), BindingChange.add(dup)),
                    false, MAX);
            fail("stale batch committed");
        } catch (StoreBusyException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("since validation"));
        }
        assertEquals(1, store.table().size());
        assertEquals(a, store.table().get(a.key()));
    }

    @Test
    public void outOfOrderEventsOfOneBatchAreParkedThenApplied() {
        LocalMirror m = new LocalMirror(16);
        Softwire old = sw("192.0.2.1", 1, "2001:db8::1");
        m.onEvent(old.key().packed(), SoftwireRecord.of(old, 0, 1));
        // One batch: remove the (6,6) softwire, add a (0,8) one on the same address. Events arrive
        // add-first, which is not valid on its own.
        Softwire reshaped = Softwire.of(old.ipv4(), PortSet.of(0, 8, 9), Ip6Address.valueOf("2001:db8::2"), BR);
        assertTrue(m.onEvent(reshaped.key().packed(), SoftwireRecord.of(reshaped, 1, 2)).isEmpty());
        assertEquals(1, m.parkedCount());
        List<SoftwireDelta> d = m.onEvent(old.key().packed(), null);
        assertEquals(2, d.size());
        assertTrue(d.get(0).addressUnbound());
        assertTrue(d.get(1).addressBoundOrReshaped());
        assertEquals(0, m.parkedCount());
        assertEquals(reshaped, m.table().get(reshaped.key()));
        assertEquals(1, m.counterIndex(reshaped.key()));
    }

    @Test
    public void rfc7422WhoHadAnAddressAndPortAtATime() {
        Softwire first = sw("192.0.2.1", 1, "2001:db8::1");
        now.set(1000);
        apply(BindingChange.add(first));
        now.set(2000);
        Softwire second = sw("192.0.2.1", 1, "2001:db8::2");
        apply(BindingChange.replace(second));
        now.set(3000);
        apply(BindingChange.remove(first.key()));
        int v4 = first.ipv4Int();
        int port = 1024 + 16;
        assertEquals(first, store.whoHad(v4, port, 1500).get().softwire());
        BindingRecord r = store.whoHad(v4, port, 2500).get();
        assertEquals(second, r.softwire());
        assertEquals(2000, r.since());
        assertEquals(3000, r.until());
        assertEquals(Optional.empty(), store.whoHad(v4, port, 3500));
        assertEquals(Optional.empty(), store.whoHad(v4, port, 500));
        assertEquals("port of another PSID", Optional.empty(), store.whoHad(v4, 1024 + 32, 1500));
        now.set(4000);
        Softwire third = sw("192.0.2.1", 1, "2001:db8::3");
        apply(BindingChange.add(third));
        assertTrue(store.whoHad(v4, port, 4000).get().isCurrent());
        assertEquals(4, store.version());
    }

    @Test
    public void historyIsBounded() {
        store.setMaxHistory(1);
        Softwire a = sw("192.0.2.1", 1, "2001:db8::1");
        now.set(1000);
        apply(BindingChange.add(a));
        now.set(2000);
        apply(BindingChange.remove(a.key()));
        now.set(3000);
        apply(BindingChange.add(a));
        now.set(4000);
        apply(BindingChange.remove(a.key()));
        assertEquals(1, storage.<Long, EndedBinding>map(MapNames.HISTORY).size());
        assertEquals(2000, store.historyCompleteSince());
        assertEquals(Optional.empty(), store.whoHad(a.ipv4Int(), 1040, 1500));
        assertTrue(store.whoHad(a.ipv4Int(), 1040, 3500).isPresent());
    }

    @Test
    public void brIndexesAreSmallStableAndReclaimedWhenFull() {
        List<BindingChange> adds = new ArrayList<>();
        for (int i = 0; i < DistributedSoftwireStore.BR_INDEX_COUNT; i++) {
            adds.add(BindingChange.add(sw("192.0.2." + (i + 1), 1, "2001:db8::" + (i + 1),
                    Ip6Address.valueOf("2001:db8:ffff::" + Integer.toHexString(i + 1)))));
        }
        store.apply(adds, false, MAX);
        Set<Integer> idx = new HashSet<>(store.brIndexes().values());
        assertEquals(DistributedSoftwireStore.BR_INDEX_COUNT, idx.size());
        assertEquals(0, (int) store.brIndexes().get(Ip6Address.valueOf("2001:db8:ffff::1")));
        Ip6Address newBr = Ip6Address.valueOf("2001:db8:eeee::1");
        try {
            apply(BindingChange.add(sw("198.51.100.1", 1, "2001:db8::100", newBr)));
            fail("65th BR address accepted");
        } catch (InvalidBindingException e) {
            assertEquals(Softwire.F_BR, e.field());
        }
        Softwire gone = adds.get(5).softwire();
        int freed = store.brIndexes().get(gone.br());
        apply(BindingChange.remove(gone.key()));
        apply(BindingChange.add(sw("198.51.100.1", 1, "2001:db8::100", newBr)));
        assertEquals(freed, (int) store.brIndexes().get(newBr));
        assertNull(store.brIndexes().get(gone.br()));
    }

    @Test
    public void recordsSurviveTheSerializer() {
        Softwire a = sw("192.0.2.1", 1, "2001:db8::1");
        SoftwireRecord r = SoftwireRecord.of(a, 42, 1234);
        assertEquals(r, StoreSerializers.decode(StoreSerializers.encode(r)));
        EndedBinding e = new EndedBinding(r, 99, 7);
        assertEquals(e, StoreSerializers.decode(StoreSerializers.encode(e)));
        AddressRecord ar = new AddressRecord(PortSetShape.of(6, 6), 3);
        assertEquals(ar, StoreSerializers.decode(StoreSerializers.encode(ar)));
        assertEquals(a, r.softwire());
    }

    /**
     * The maps' own serializer knows no class of the app: ONOS keeps an Atomix primitive and its
     * serializer for the JVM's life, so an app activated again (new bundle class loaders) must get
     * only JDK types back from it (byte[] values it decodes itself), never the old bundle's records.
     */
    @Test
    public void theMapsHoldOnlyJdkTypes() {
        SoftwireRecord r = SoftwireRecord.of(sw("192.0.2.1", 1, "2001:db8::1"), 42, 1234);
        try {
            StoreSerializers.SERIALIZER.encode(r);
            fail("the maps' serializer encoded an app record");
        } catch (RuntimeException expected) {
            // registration required: SoftwireRecord is not registered there
        }
        byte[] value = StoreSerializers.encode(r);
        assertArrayEquals(value, StoreSerializers.SERIALIZER.decode(StoreSerializers.SERIALIZER.encode(value)));
    }
}
