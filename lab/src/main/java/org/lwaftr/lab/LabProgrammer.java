package org.lwaftr.lab;

import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.core.BindingChange;
import org.lwaftr.core.BindingDiff;
import org.lwaftr.core.BindingTable;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.SoftwireKey;
import org.lwaftr.translate.BrIndexPlan;
import org.lwaftr.translate.SoftwireEntries;
import org.lwaftr.translate.Translator;
import org.onosproject.net.pi.runtime.PiTableEntry;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries every target must hold, computed with the app's {@link Translator} (config entries)
 * and {@link SoftwireEntries} (softwires), from the core {@link BindingTable}. Changes to the table
 * are atomic (the core validates a whole batch first). Runs on the controller's lane only.
 */
final class LabProgrammer {
    private final Translator translator = new Translator();
    private final LwaftrPolicy policy;
    private final DeviceSettings settings;
    private final BindingTable table;
    private final LabIndexes indexes = new LabIndexes();

    LabProgrammer(LwaftrPolicy policy, DeviceSettings settings) {
        this.policy = policy;
        this.settings = settings;
        this.table = new BindingTable(policy.allowSystemPorts());
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
        BindingDiff d = table.apply(changes);
        indexes.sync(table);
        return d;
    }

    /**
     * @param target the softwires wanted
     * @return what changed (the smallest diff)
     */
    BindingDiff replaceAll(Collection<Softwire> target) {
        BindingDiff d = table.replaceAll(target);
        indexes.sync(table);
        return d;
    }

    /** @return every entry a target must hold, by identity */
    Map<EntryKey, PiTableEntry> desired() {
        Map<EntryKey, PiTableEntry> out = new LinkedHashMap<>();
        BrIndexPlan plan = BrIndexPlan.of(indexes.brIndexes(), settings.brAddresses());
        for (PiTableEntry e : translator.deviceEntries(settings, policy, plan)) {
            out.put(EntryKey.of(e), e);
        }
        for (PiTableEntry e : SoftwireEntries.of(translator, table, indexes.brIndexes(), indexes::counter)) {
            out.put(EntryKey.of(e), e);
        }
        return Collections.unmodifiableMap(out); // targets keep it as what they hold
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
