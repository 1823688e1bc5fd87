package org.lwaftr.lab;

import org.junit.Before;
import org.junit.Test;
import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.config.PortBinding;
import org.lwaftr.config.PortRole;
import org.lwaftr.config.SideSettings;
import org.lwaftr.core.BindingChange;
import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.lwaftr.pipeconf.DataPlaneLimits;
import org.lwaftr.programming.EntryKey;
import org.lwaftr.translate.BrIndexPlan;
import org.lwaftr.translate.P4Names;
import org.lwaftr.translate.SoftwireEntries;
import org.lwaftr.translate.Translator;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.MacAddress;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiTableEntry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The programmer's incremental entries (small changes update only the softwires and addresses
 * they touch) are exactly what a full translation of the binding table gives, and every entry
 * that differs from before is among the changed keys targets compare.
 */
public class LabProgrammerTest {
    private static final MacAddress M1 = MacAddress.valueOf("02:aa:00:00:00:01");
    private static final MacAddress M2 = MacAddress.valueOf("02:aa:00:00:00:02");
    private static final Ip6Address BR1 = Ip6Address.valueOf("2001:db8:ffff::1");
    private static final Ip6Address BR2 = Ip6Address.valueOf("2001:db8:ffff::2");
    private static final int BASE = Ip4Address.valueOf("10.0.0.0").toInt();

    private final Translator translator = new Translator();
    private final DeviceSettings settings = new DeviceSettings(new SideSettings(1, 0, M1, M1),
            new SideSettings(2, 0, M2, M2),
            List.of(new PortBinding(1, 0, PortRole.LWB4, M1), new PortBinding(2, 0, PortRole.INTERNET, M2)),
            List.of(Ip4Address.valueOf("192.0.2.254")), List.of(), List.of(BR1, BR2));
    private LabProgrammer p;

    /** Softwire n: address 10.0.0.(n / 64), PSID n % 64 (a = 6, k = 6), lwB4 ::n+1 in prefix {@code net}. */
    private static Softwire sw(int n, int net, Ip6Address br) {
        return Softwire.of(Ip4Address.valueOf(BASE + n / 64), PortSet.of(6, 6, n % 64),
                Ip6Address.valueOf("2001:db8:" + net + "::" + Integer.toHexString(n + 1)), br);
    }

    @Before
    public void start() {
        p = new LabProgrammer(LwaftrPolicy.DEFAULT, settings);
        List<Softwire> initial = new ArrayList<>();
        for (int n = 0; n < 640; n++) {
            initial.add(sw(n, 1, BR1));
        }
        List<Collection<EntryKey>> calls = new ArrayList<>();
        p.replaceAll(initial, keys -> calls.add(List.copyOf(keys)));
        assertSame("after the initial load", full(), new HashMap<>(p.desired()));
        Set<EntryKey> emitted = new HashSet<>();
        calls.forEach(emitted::addAll);
        assertEquals("a rebuild hands every entry to the targets", p.desired().keySet(), emitted);
        assertTrue("in chunks of at most a Write", calls.stream().allMatch(c -> c.size() <= LabProgrammer.CHUNK));
    }

    @Test
    public void smallChangesEqualAFullTranslation() {
        // lwB4 changes (REPLACE), removals, additions on a bound and on a new address
        step(List.of(BindingChange.replace(sw(5, 2, BR1)), BindingChange.replace(sw(70, 2, BR1))));
        step(List.of(BindingChange.remove(sw(6, 1, BR1).key()), BindingChange.add(sw(700, 1, BR1))));
        // a whole address goes: its psid_shape and bound_ipv4 entries must go too
        List<BindingChange> dropAddress = new ArrayList<>();
        for (int n = 192; n < 256; n++) {
            dropAddress.add(BindingChange.remove(sw(n, 1, BR1).key()));
        }
        step(dropAddress);
        step(List.of(BindingChange.add(sw(200, 3, BR1))));
        // a second BR: a new BR index plan (device entries change too)
        step(List.of(BindingChange.replace(sw(7, 1, BR2))));
        step(List.of(BindingChange.replace(sw(8, 1, BR2))));
    }

    /** Records what a change hands to the targets, in order. */
    private static final class Recorder implements EntrySink {
        final List<String> events = new ArrayList<>();
        final List<Integer> freed = new ArrayList<>();
        final List<Integer> taken = new ArrayList<>();

        @Override
        public void counterIndexesChanged(Collection<Integer> f, Collection<Integer> t) {
            events.add("counters");
            freed.addAll(f);
            taken.addAll(t);
        }

        @Override
        public void changed(Collection<EntryKey> keys) {
            events.add("changed");
        }
    }

    @Test
    public void counterIndexesFreedAndTakenAreAnnouncedBeforeAnyEntry() {
        int index = p.counter(sw(5, 1, BR1).key());
        Recorder fresh = new Recorder();
        p.apply(List.of(BindingChange.add(sw(700, 1, BR1))), fresh);
        assertEquals(List.of(), fresh.freed);
        assertEquals(List.of(p.counter(sw(700, 1, BR1).key())), fresh.taken);
        Recorder removal = new Recorder();
        p.apply(List.of(BindingChange.remove(sw(5, 1, BR1).key())), removal);
        assertEquals(List.of(index), removal.freed);
        Recorder again = new Recorder();
        p.apply(List.of(BindingChange.add(sw(701, 1, BR1))), again);
        assertEquals("the lowest free index: softwire 5's", index, p.counter(sw(701, 1, BR1).key()));
        assertEquals(List.of(index), again.taken);
        assertEquals("zeroed before the new binding is written", "counters", again.events.get(0));
        assertTrue(again.events.contains("changed"));
        // a replace keeps its index and its counts
        Recorder replace = new Recorder();
        p.apply(List.of(BindingChange.replace(sw(701, 2, BR1))), replace);
        assertTrue(replace.events.toString(), !replace.events.contains("counters"));
    }

    @Test
    public void anInvalidBatchHandsNothingToTheTargets() {
        Map<EntryKey, PiTableEntry> before = new HashMap<>(p.desired());
        List<Collection<EntryKey>> calls = new ArrayList<>();
        List<BindingChange> batch = new ArrayList<>();
        for (int n = 1000; n < 2000; n++) { // large enough to be streamed if it were valid
            batch.add(BindingChange.add(sw(n, 1, BR1)));
        }
        batch.add(BindingChange.add(sw(3, 5, BR1))); // softwire 3 exists: the whole batch is refused
        try {
            p.apply(batch, keys -> calls.add(List.copyOf(keys)));
            fail("a duplicate softwire was accepted");
        } catch (InvalidBindingException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("entry 1000"));
        }
        assertTrue("nothing handed to the targets", calls.isEmpty());
        assertSame("nothing applied", before, new HashMap<>(p.desired()));
        assertEquals(640, p.table().size());
    }

    @Test
    public void largeChangesAreStreamedWithDeletesFirst() {
        // More than a quarter of the table: re-translated whole. Addresses 10.0.0.0-3 lose all
        // their softwires, 10.0.0.4 some; softwire 300 changes port set (removed and added: its
        // key stays, no delete).
        List<BindingChange> big = new ArrayList<>();
        for (int n = 0; n < 280; n++) {
            big.add(BindingChange.remove(sw(n, 1, BR1).key()));
        }
        big.add(BindingChange.remove(sw(300, 1, BR1).key()));
        big.add(BindingChange.add(Softwire.of(Ip4Address.valueOf(BASE + 300 / 64), PortSet.of(6, 6, 300 % 64),
                Ip6Address.valueOf("2001:db8:9::1"), BR1)));
        step(big);
        // Everything goes (an empty table), then comes back with another BR.
        List<Softwire> none = List.of();
        List<Collection<EntryKey>> calls = new ArrayList<>();
        Map<EntryKey, PiTableEntry> before = new HashMap<>(p.desired());
        p.replaceAll(none, keys -> calls.add(List.copyOf(keys)));
        assertSame("empty", full(), new HashMap<>(p.desired()));
        checkEmitted(before, new HashMap<>(p.desired()), calls);
        List<BindingChange> back = new ArrayList<>();
        for (int n = 0; n < 100; n++) {
            back.add(BindingChange.add(sw(n, 4, BR2)));
        }
        step(back);
    }

    private void step(List<BindingChange> changes) {
        Map<EntryKey, PiTableEntry> before = new HashMap<>(p.desired());
        List<Collection<EntryKey>> calls = new ArrayList<>();
        p.apply(changes, keys -> calls.add(List.copyOf(keys)));
        Map<EntryKey, PiTableEntry> after = new HashMap<>(p.desired());
        assertSame("after " + changes.get(0) + " …", full(), after);
        checkEmitted(before, after, calls);
    }

    /**
     * Every entry that differs is among the keys handed to the sink, and entries that are gone
     * are handed over no later than the first entry that is put (targets delete before inserting).
     */
    private static void checkEmitted(Map<EntryKey, PiTableEntry> before, Map<EntryKey, PiTableEntry> after,
                                     List<Collection<EntryKey>> calls) {
        Set<EntryKey> changed = new HashSet<>();
        calls.forEach(changed::addAll);
        Set<EntryKey> keys = new HashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (EntryKey k : keys) {
            if (!Objects.equals(before.get(k), after.get(k))) {
                assertTrue(k + " differs but is not among the changed keys", changed.contains(k));
            }
        }
        int lastGone = -1;
        int firstPut = Integer.MAX_VALUE;
        for (int i = 0; i < calls.size(); i++) {
            for (EntryKey k : calls.get(i)) {
                if (after.containsKey(k)) {
                    firstPut = Math.min(firstPut, i);
                } else if (before.containsKey(k)) {
                    lastGone = i;
                }
            }
        }
        assertTrue("deletes (call " + lastGone + ") come before puts (call " + firstPut + ")", lastGone <= firstPut);
    }

    /** Fails listing (a few of) the keys whose entries differ: the maps are large. */
    private static void assertSame(String when, Map<EntryKey, PiTableEntry> want, Map<EntryKey, PiTableEntry> got) {
        Set<EntryKey> keys = new HashSet<>(want.keySet());
        keys.addAll(got.keySet());
        List<String> diffs = new ArrayList<>();
        for (EntryKey k : keys) {
            if (!Objects.equals(want.get(k), got.get(k))) {
                diffs.add(k + ": want " + want.get(k) + ", got " + got.get(k));
            }
        }
        assertTrue(when + ": " + diffs.size() + " entries differ, e.g. " + diffs.subList(0, Math.min(3, diffs.size())),
                diffs.isEmpty());
    }

    /** The entries by a full translation of the table, with the programmer's indexes. */
    private Map<EntryKey, PiTableEntry> full() {
        Map<EntryKey, PiTableEntry> out = new HashMap<>();
        Map<Ip6Address, Integer> brs = p.brIndexes();
        for (PiTableEntry e : translator.deviceEntries(settings, LwaftrPolicy.DEFAULT,
                BrIndexPlan.of(brs, settings.brAddresses()))) {
            out.put(EntryKey.of(e), e);
        }
        for (PiTableEntry e : SoftwireEntries.of(translator, p.table(), brs, p::counter)) {
            out.put(EntryKey.of(e), e);
        }
        return out;
    }

    /**
     * No device settings (a Snabb configuration without an instance): the binding table and the
     * policy are written, no port gets a role and no next hop exists, so nothing is forwarded.
     */
    @Test
    public void withoutDeviceSettingsOnlyTheTableAndPolicyAreWritten() {
        LabProgrammer none = new LabProgrammer(LwaftrPolicy.DEFAULT, null);
        none.replaceAll(List.of(sw(0, 1, BR1), sw(1, 1, BR1)), keys -> { });
        Set<PiTableId> tables = new HashSet<>();
        none.desired().keySet().forEach(k -> tables.add(k.table()));
        assertTrue(tables.toString(), tables.contains(P4Names.TABLE_BINDING));
        assertTrue(tables.toString(), tables.contains(P4Names.TABLE_AFTR_CONFIG));
        assertTrue(tables.toString(), !tables.contains(P4Names.TABLE_PORT_SIDE));
        assertTrue(tables.toString(), !tables.contains(P4Names.TABLE_NEXT_HOP));
    }
    /**
     * A softwire's BR rides as an index into the br_address table: the standalone controller
     * refuses the BR address one past the data plane's indexes as the ONOS store does, naming the
     * field, with nothing applied (before, a 65th BR reached a 64-entry table).
     */
    @Test
    public void aBrAddressBeyondTheDataPlanesIndexesIsRefused() {
        List<BindingChange> batch = new ArrayList<>();
        for (int i = 0; i <= DataPlaneLimits.BR_ADDRESSES; i++) {
            batch.add(BindingChange.add(sw(5000 + 64 * i, 1, Ip6Address.valueOf("2001:db8:eeee::" + (i + 1)))));
        }
        Map<EntryKey, PiTableEntry> before = new HashMap<>(p.desired());
        try {
            p.apply(batch, keys -> fail("handed to targets"));
            fail("a BR address beyond the data plane's BR indexes was accepted");
        } catch (InvalidBindingException e) {
            assertEquals(Softwire.F_BR, e.field());
            // BR1 is named already: the batch's (BR_ADDRESSES - 1)th entry is the one too many.
            assertTrue(e.getMessage(), e.getMessage().startsWith("entry " + (DataPlaneLimits.BR_ADDRESSES - 1) + " "));
        }
        assertEquals("nothing applied", before, new HashMap<>(p.desired()));
        p.apply(batch.subList(0, DataPlaneLimits.BR_ADDRESSES - 1), EntrySink.NONE);
        assertEquals(DataPlaneLimits.BR_ADDRESSES, p.brIndexes().size());
        assertTrue(p.brIndexes().values().stream().allMatch(i -> i < DataPlaneLimits.BR_ADDRESSES));
    }
}
