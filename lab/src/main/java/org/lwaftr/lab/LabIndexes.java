package org.lwaftr.lab;

import org.lwaftr.core.BindingDiff;
import org.lwaftr.core.BindingTable;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.SoftwireKey;
import org.lwaftr.translate.P4Names;
import org.onlab.packet.Ip6Address;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lab's counter and BR indexes (the ONOS store allocates them cluster-wide; here one process
 * does): a softwire keeps its counter index while it exists (also when replaced), the lowest free
 * one is taken first; a BR address keeps its index while some softwire names it. Not thread-safe:
 * used on the controller's lane.
 */
final class LabIndexes {
    private final Map<Key, Integer> counters = new HashMap<>();
    private final BitSet usedCounters = new BitSet();
    /** No counter index below this is free (so allocation does not rescan the used ones). */
    private int lowestFree;
    private final Map<Ip6Address, Integer> brs = new HashMap<>();
    /** Counter indexes freed since the start: their cells hold a former softwire's counts. */
    private final BitSet freedBefore = new BitSet();
    /** Indexes of {@link #freedBefore} taken again by the last update. */
    private List<Integer> reused = new ArrayList<>();

    /** Brings the indexes to the table after {@code diff} (the change that made it): O(diff). */
    void update(BindingTable table, BindingDiff diff) {
        for (Softwire s : diff.removed()) {
            Integer i = counters.remove(new Key(s.key().packed()));
            if (i != null) {
                free(i);
            }
        }
        diff.added().forEach(this::allocate);
        diff.replacedNew().forEach(this::allocate); // a no-op: a replaced softwire keeps its index
        syncBrs(table);
    }

    private void allocate(Softwire s) {
        counters.computeIfAbsent(new Key(s.key().packed()), k -> {
            int i = usedCounters.nextClearBit(lowestFree);
            if (i >= P4Names.MAX_SOFTWIRES) {
                throw new IllegalStateException("counter indexes exhausted (" + P4Names.MAX_SOFTWIRES + ")");
            }
            usedCounters.set(i);
            lowestFree = i + 1;
            if (freedBefore.get(i)) {
                freedBefore.clear(i);
                reused.add(i);
            }
            return i;
        });
    }

    private void free(int index) {
        freedBefore.set(index);
        usedCounters.clear(index);
        lowestFree = Math.min(lowestFree, index);
    }

    private void syncBrs(BindingTable table) {
        Set<Ip6Address> liveBrs = new HashSet<>(table.brAddresses());
        brs.keySet().retainAll(liveBrs);
        for (Ip6Address br : liveBrs) {
            if (!brs.containsKey(br)) {
                int i = 0;
                while (brs.containsValue(i)) {
                    i++;
                }
                brs.put(br, i);
            }
        }
    }

    /** @return the counter indexes the last updates gave to softwires after others had them; then forgets them */
    List<Integer> takeReused() {
        List<Integer> out = reused;
        reused = new ArrayList<>();
        return out;
    }

    /** @return the counter index of a softwire, or -1 */
    int counter(SoftwireKey key) {
        Integer i = counters.get(new Key(key.packed()));
        return i == null ? -1 : i;
    }

    /** @return BR address → index, a copy */
    Map<Ip6Address, Integer> brIndexes() {
        return Map.copyOf(brs);
    }

    /** @return packed softwire key → counter index, a copy */
    Map<Long, Integer> counters() {
        Map<Long, Integer> out = new HashMap<>();
        counters.forEach((k, v) -> out.put(k.packed, v));
        return out;
    }

    /**
     * A packed softwire key with a well-spread hash: Long.hashCode of (IPv4 << 16 | PSID) leaves
     * consecutive addresses × PSIDs in a few thousand HashMap buckets (seen as tree bins in profiles).
     */
    private static final class Key {
        final long packed;

        Key(long packed) {
            this.packed = packed;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key && ((Key) o).packed == packed;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(packed * 0x9E3779B97F4A7C15L);
        }
    }
}
