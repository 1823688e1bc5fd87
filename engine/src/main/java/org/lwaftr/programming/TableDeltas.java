package org.lwaftr.programming;

import org.lwaftr.core.BindingChange;
import org.lwaftr.core.BindingDiff;
import org.lwaftr.core.BindingTable;
import org.lwaftr.core.PortSetShape;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.SoftwireKey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A batch applied to a process's own binding table and indexes (the standalone controller), told
 * as the {@link SoftwireDelta}s the ONOS store's mirror makes from its map events, so that both
 * hosts get their entry writes from one {@link SoftwireWrites}. One delta per softwire the batch
 * changed, in the order the batch first names it; an address's shape change rides on the first
 * delta of that address, so its entries are written once.
 */
public final class TableDeltas {

    /** What a batch changed. */
    public static final class Applied {
        /** The table's diff. */
        public final BindingDiff diff;
        /** The same change, per softwire. */
        public final List<SoftwireDelta> deltas;

        Applied(BindingDiff diff, List<SoftwireDelta> deltas) {
            this.diff = diff;
            this.deltas = deltas;
        }
    }

    private TableDeltas() {
    }

    /**
     * Applies {@code batch} to {@code table}, then brings {@code indexes} to it.
     *
     * @param table   the binding table
     * @param indexes its counter and BR indexes
     * @param batch   the changes, all or nothing
     * @return the diff and the deltas
     * @throws org.lwaftr.core.InvalidBindingException as {@link BindingTable#apply}; nothing applied
     */
    public static Applied apply(BindingTable table, SoftwireIndexes indexes, List<BindingChange> batch) {
        Map<SoftwireKey, Softwire> before = new LinkedHashMap<>();
        Map<SoftwireKey, Integer> counterBefore = new HashMap<>();
        Map<Integer, PortSetShape> shapeBefore = new HashMap<>();
        for (BindingChange c : batch) {
            SoftwireKey k = c.key();
            if (!before.containsKey(k)) {
                before.put(k, table.get(k));
                counterBefore.put(k, indexes.counter(k));
                shapeBefore.putIfAbsent(k.ipv4Int(), table.shape(k.ipv4Int()));
            }
        }
        BindingDiff diff = table.apply(batch);
        indexes.update(table, diff);
        List<SoftwireDelta> deltas = new ArrayList<>(before.size());
        Set<Integer> addressesTold = new HashSet<>();
        for (Map.Entry<SoftwireKey, Softwire> b : before.entrySet()) {
            SoftwireKey k = b.getKey();
            Softwire was = b.getValue();
            Softwire now = table.get(k);
            int counter = indexes.counter(k);
            if (was == null ? now == null : was.equals(now) && counter == counterBefore.get(k)) {
                continue; // added and removed again, or replaced by itself
            }
            int ipv4 = k.ipv4Int();
            PortSetShape after = table.shape(ipv4);
            PortSetShape old = addressesTold.add(ipv4) ? shapeBefore.get(ipv4) : after;
            deltas.add(new SoftwireDelta(k, was, counterBefore.get(k), now, counter, old, after));
        }
        return new Applied(diff, deltas);
    }
}
