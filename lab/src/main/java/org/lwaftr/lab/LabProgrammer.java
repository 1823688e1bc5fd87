package org.lwaftr.lab;

import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.core.BindingChange;
import org.lwaftr.core.BindingDiff;
import org.lwaftr.core.BindingTable;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.SoftwireKey;
import org.lwaftr.pipeconf.DataPlaneLimits;
import org.lwaftr.programming.DeviceEntries;
import org.lwaftr.programming.EntryKey;
import org.lwaftr.programming.SoftwireDelta;
import org.lwaftr.programming.SoftwireIndexes;
import org.lwaftr.programming.SoftwireWrites;
import org.lwaftr.programming.TableDeltas;
import org.lwaftr.translate.SoftwireEntries;
import org.lwaftr.translate.Translator;
import org.onlab.packet.Ip6Address;
import org.onosproject.net.pi.runtime.PiMeterCellConfig;
import org.onosproject.net.pi.runtime.PiTableEntry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.lwaftr.translate.P4Names.TABLE_BINDING;

/**
 * The entries every target must hold, computed with the engine from the core {@link BindingTable}.
 * Changes to the table are atomic (the core validates a whole batch before any entry is computed).
 * A small change is told per softwire ({@link TableDeltas}) and written as the ONOS app writes it
 * ({@link SoftwireWrites}); each change hands a sink, in order, the keys whose entries may differ
 * (their entries are already in {@link #desired} then), so targets compare only those. A large one
 * or a new BR plan re-translates every entry, streamed in chunks (deleted keys first) so that
 * targets can write one chunk while the next is translated. Runs on the controller's lane only.
 */
final class LabProgrammer {
    /**
     * Keys per sink call when every entry is re-translated: small enough that a chunk's PI entries
     * (~1.5 KB each) are still in the core's cache when targets encode them; targets still write
     * {@link TargetSync#CHUNK} updates per Write.
     */
    static final int CHUNK = 256;

    private final Translator translator = new Translator();
    private final LwaftrPolicy policy;
    private DeviceSettings settings;
    private final BindingTable table;
    private final SoftwireIndexes indexes = new SoftwireIndexes();
    private Map<EntryKey, PiTableEntry> desired = new HashMap<>();
    private final SoftwireWrites softwireWrites = new SoftwireWrites(translator);
    private final DeviceEntries<String> deviceEntries = new DeviceEntries<>(translator);
    private Map<Ip6Address, Integer> brIndexes;

    LabProgrammer(LwaftrPolicy policy, DeviceSettings settings) {
        this.policy = policy;
        this.settings = settings;
        this.table = new BindingTable(policy.allowSystemPorts(), DataPlaneLimits.BR_ADDRESSES);
    }

    /**
     * Replaces the device settings when a next hop given by IP was resolved or changed: the device
     * entries (next_hop among them) are translated again and the keys that changed handed to
     * {@code sink}. Softwire entries do not depend on next hops and stay.
     *
     * @param s    the settings with the learned next-hop MACs (same BR addresses as before)
     * @param sink gets the device entries' keys, gone or (re)put
     */
    void settings(DeviceSettings s, EntrySink sink) {
        if (!s.brAddresses().equals(settings.brAddresses())) {
            throw new IllegalArgumentException("settings: only next hops may change here, not BR addresses");
        }
        if (s.equals(settings)) {
            return;
        }
        settings = s;
        if (brIndexes == null) {
            return; // nothing translated yet: the first change translates with these settings
        }
        DeviceEntries.Change c = deviceEntries.update(LabController.AFTR, settings, policy, brIndexes);
        List<EntryKey> changed = new ArrayList<>();
        c.removed.forEach(e -> forget(EntryKey.of(e), changed));
        c.put.forEach(e -> changed.add(put(e)));
        sink.changed(changed);
    }

    /** @return the punt meter cells of the policy (RFC 7596 §9), written to every target */
    List<PiMeterCellConfig> puntMeters() {
        return translator.puntMeters(policy);
    }

    /** @return the binding table (the slow path reads it) */
    BindingTable table() {
        return table;
    }

    /**
     * @param changes a batch (all or nothing)
     * @return what changed
     * @throws org.lwaftr.core.InvalidBindingException naming entry and field; nothing applied
     */
    BindingDiff apply(List<BindingChange> changes) {
        return apply(changes, EntrySink.NONE);
    }

    /**
     * Like {@link #apply(List)}; {@code sink} gets the keys whose entries may have changed.
     *
     * @throws org.lwaftr.core.InvalidBindingException naming entry and field; nothing applied and
     *                                                 the sink not called
     */
    BindingDiff apply(List<BindingChange> changes, EntrySink sink) {
        if (changes.size() > table.size() / 4) { // a large change is cheaper whole: no per-softwire account
            BindingDiff d = table.apply(changes);
            indexes.update(table, d);
            return update(d, null, sink);
        }
        TableDeltas.Applied a = TableDeltas.apply(table, indexes, changes);
        return update(a.diff, a.deltas, sink);
    }

    /**
     * @param target the softwires wanted
     * @return what changed (the smallest diff)
     */
    BindingDiff replaceAll(Collection<Softwire> target) {
        return replaceAll(target, EntrySink.NONE);
    }

    /** Like {@link #replaceAll(Collection)}; {@code sink} gets the keys whose entries may have changed. */
    BindingDiff replaceAll(Collection<Softwire> target, EntrySink sink) {
        return apply(table.changesTo(target), sink);
    }

    /** @param deltas the change per softwire, or null for a change to translate whole */
    private BindingDiff update(BindingDiff d, List<SoftwireDelta> deltas, EntrySink sink) {
        SoftwireIndexes.CounterChanges counters = indexes.takeCounterChanges();
        if (!counters.isEmpty()) {
            sink.counterIndexesChanged(counters.freed, counters.taken);
        }
        Map<Ip6Address, Integer> brs = indexes.brIndexes();
        // A new BR plan changes device entries and every binding.
        if (!brs.equals(brIndexes) || deltas == null) {
            brIndexes = brs;
            rebuild(d, sink);
            return d;
        }
        Set<EntryKey> changed = new HashSet<>();
        for (SoftwireWrites.Write w : softwireWrites.of(deltas, brIndexes)) {
            if (w.put) {
                changed.add(put(w.entry));
            } else {
                forget(EntryKey.of(w.entry), changed);
            }
        }
        sink.changed(changed);
        return d;
    }

    private EntryKey put(PiTableEntry e) {
        EntryKey k = EntryKey.of(e);
        desired.put(k, e);
        return k;
    }

    private void forget(EntryKey k, Collection<EntryKey> changed) {
        desired.remove(k);
        changed.add(k);
    }

    private EntryKey bindingKey(Softwire s) {
        return EntryKey.of(TABLE_BINDING, translator.bindingKey(s.key()));
    }

    /**
     * Every entry again (device entries, then {@link SoftwireEntries}, as the app's reconcile),
     * handed to the sink in chunks as they are translated; first the keys that are gone (removed
     * softwires, unbound addresses, device entries of the old plan), so targets delete before they
     * insert.
     */
    private void rebuild(BindingDiff d, EntrySink sink) {
        DeviceEntries.Change device = deviceEntries.update(LabController.AFTR, settings, policy, brIndexes);
        Map<EntryKey, PiTableEntry> deviceNow = deviceEntries.entries(LabController.AFTR);
        int total = deviceNow.size() + table.size() + 2 * table.shapes().size();
        if (2 * desired.size() < total) { // a large load: size the map once
            Map<EntryKey, PiTableEntry> bigger = new HashMap<>(total * 4 / 3 + 16);
            bigger.putAll(desired);
            desired = bigger;
        }
        sink.expect(total);
        List<EntryKey> gone = new ArrayList<>();
        device.removed.forEach(e -> forget(EntryKey.of(e), gone));
        for (Softwire s : d.removed()) {
            if (table.get(s.key()) == null) { // removed and added again (new port set): a put below
                forget(bindingKey(s), gone);
            }
            if (table.shape(s.ipv4Int()) == null) { // address entries' keys do not depend on the shape
                translator.address(s.ipv4Int(), s.portSet().shape()).forEach(e -> forget(EntryKey.of(e), gone));
            }
        }
        sink.changed(gone);
        // One list, reused: the sink does not keep the keys it is handed.
        List<EntryKey> chunk = new ArrayList<>(CHUNK);
        for (PiTableEntry e : deviceNow.values()) {
            chunk.add(put(e));
        }
        int[] puts = {deviceNow.size()};
        SoftwireEntries.forEach(translator, table, brIndexes, indexes::counter, e -> {
            chunk.add(put(e));
            puts[0]++;
            if (chunk.size() == CHUNK) {
                sink.changed(chunk);
                chunk.clear();
            }
        });
        sink.changed(chunk);
        // Every key put above is in desired: anything more is an entry of the old table that the
        // diff did not account for. Not expected; removed (and deleted) rather than left stale.
        if (desired.size() != puts[0]) {
            Set<EntryKey> live = new HashSet<>(deviceNow.keySet());
            table.softwires().forEach(s -> live.add(bindingKey(s)));
            table.shapes().forEach((ipv4, shape) ->
                    translator.address(ipv4, shape).forEach(e -> live.add(EntryKey.of(e))));
            List<EntryKey> stale = new ArrayList<>();
            new ArrayList<>(desired.keySet()).stream().filter(k -> !live.contains(k)).forEach(k -> forget(k, stale));
            sink.changed(stale);
        }
    }

    /** @return every entry a target must hold, by identity (a live view: lane only) */
    Map<EntryKey, PiTableEntry> desired() {
        return Collections.unmodifiableMap(desired);
    }

    /** @return BR address → index, a copy */
    Map<Ip6Address, Integer> brIndexes() {
        return indexes.brIndexes();
    }

    /** @return packed softwire key → counter index */
    Map<Long, Integer> counterIndexes() {
        return indexes.counters();
    }

    /** @return the counter index of a softwire, or -1 */
    int counter(SoftwireKey key) {
        return indexes.counter(key);
    }
}
