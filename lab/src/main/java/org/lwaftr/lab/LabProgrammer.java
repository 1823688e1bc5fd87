package org.lwaftr.lab;

import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.core.BindingChange;
import org.lwaftr.core.BindingDiff;
import org.lwaftr.core.BindingTable;
import org.lwaftr.core.PortSetShape;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.SoftwireKey;
import org.lwaftr.translate.BrIndexPlan;
import org.lwaftr.translate.SoftwireEntries;
import org.lwaftr.translate.Translator;
import org.onlab.packet.Ip6Address;
import org.onosproject.net.pi.runtime.PiTableEntry;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.lwaftr.translate.P4Names.TABLE_BINDING;

/**
 * The entries every target must hold, computed with the app's {@link Translator} (config entries)
 * and {@link SoftwireEntries} (softwires), from the core {@link BindingTable}. Changes to the table
 * are atomic (the core validates a whole batch first). A small change updates only the entries of
 * the softwires and addresses it touches, and records their keys ({@link #takeChanged}) so that
 * targets compare only those. Runs on the controller's lane only.
 */
final class LabProgrammer {
    private final Translator translator = new Translator();
    private final LwaftrPolicy policy;
    private DeviceSettings settings;
    private final BindingTable table;
    private final LabIndexes indexes = new LabIndexes();
    private final Map<EntryKey, PiTableEntry> desired = new HashMap<>();
    private final Map<Integer, List<EntryKey>> addressKeys = new HashMap<>();
    private Map<Ip6Address, Integer> brIndexes;
    /** Keys whose entry may have changed since the last {@link #takeChanged}; null: any. */
    private Set<EntryKey> changed;

    LabProgrammer(LwaftrPolicy policy, DeviceSettings settings) {
        this.policy = policy;
        this.settings = settings;
        this.table = new BindingTable(policy.allowSystemPorts());
    }

    /**
     * Replaces the device settings (a next hop given by IP was resolved): every entry again.
     *
     * @param s the settings with the learned next-hop MACs
     */
    void settings(DeviceSettings s) {
        if (!s.equals(settings)) {
            settings = s;
            if (brIndexes != null) {
                rebuild();
            }
        }
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
        return update(table.apply(changes));
    }

    /**
     * @param target the softwires wanted
     * @return what changed (the smallest diff)
     */
    BindingDiff replaceAll(Collection<Softwire> target) {
        return update(table.replaceAll(target));
    }

    private BindingDiff update(BindingDiff d) {
        indexes.update(table, d);
        Map<Ip6Address, Integer> brs = indexes.brIndexes();
        // A new BR plan changes device entries and every binding; a large change is cheaper whole.
        if (!brs.equals(brIndexes) || d.size() > table.size() / 4) {
            brIndexes = brs;
            rebuild();
            return d;
        }
        Set<Integer> addresses = new HashSet<>();
        for (Softwire s : d.removed()) {
            forget(EntryKey.of(TABLE_BINDING, translator.bindingKey(s.key())));
            addresses.add(s.ipv4Int());
        }
        d.replacedOld().forEach(s -> addresses.add(s.ipv4Int()));
        d.added().forEach(s -> addresses.add(putBinding(s)));
        d.replacedNew().forEach(s -> addresses.add(putBinding(s)));
        for (int ipv4 : addresses) {
            List<EntryKey> old = addressKeys.remove(ipv4);
            if (old != null) {
                old.forEach(this::forget);
            }
            PortSetShape shape = table.shape(ipv4);
            if (shape != null) {
                putAddress(ipv4, shape);
            }
        }
        return d;
    }

    private int putBinding(Softwire s) {
        put(translator.binding(s, brIndexes.get(s.br()), indexes.counter(s.key())));
        return s.ipv4Int();
    }

    private void putAddress(int ipv4, PortSetShape shape) {
        List<PiTableEntry> entries = translator.address(ipv4, shape);
        EntryKey[] keys = new EntryKey[entries.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = put(entries.get(i));
        }
        addressKeys.put(ipv4, List.of(keys));
    }

    private EntryKey put(PiTableEntry e) {
        EntryKey k = EntryKey.of(e);
        desired.put(k, e);
        if (changed != null) {
            changed.add(k);
        }
        return k;
    }

    private void forget(EntryKey k) {
        desired.remove(k);
        if (changed != null) {
            changed.add(k);
        }
    }

    /** Every entry again, through the translator and SoftwireEntries (as the app's reconcile). */
    private void rebuild() {
        desired.clear();
        addressKeys.clear();
        changed = null;
        BrIndexPlan plan = BrIndexPlan.of(brIndexes, settings.brAddresses());
        for (PiTableEntry e : translator.deviceEntries(settings, policy, plan)) {
            put(e);
        }
        for (PiTableEntry e : SoftwireEntries.of(translator, table, brIndexes, indexes::counter)) {
            put(e);
        }
        // Which keys each address's entries have, to replace or remove them on later changes.
        table.shapes().forEach((ipv4, shape) -> addressKeys.put(ipv4,
                translator.address(ipv4, shape).stream().map(EntryKey::of).collect(Collectors.toList())));
    }

    /** @return every entry a target must hold, by identity (a live view: lane only) */
    Map<EntryKey, PiTableEntry> desired() {
        return Collections.unmodifiableMap(desired);
    }

    /**
     * @return the keys whose entries may differ from the previous call's, or null if any may
     *         (compare everything); starts recording afresh
     */
    Set<EntryKey> takeChanged() {
        Set<EntryKey> c = changed;
        changed = new HashSet<>();
        return c;
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
