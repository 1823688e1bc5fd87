package org.lwaftr.programming;

import org.lwaftr.core.BindingDiff;
import org.lwaftr.core.BindingTable;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.SoftwireKey;
import org.lwaftr.pipeconf.DataPlaneLimits;
import org.onlab.packet.Ip6Address;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The counter and BR indexes of one process's binding table (the standalone controller; the ONOS
 * store allocates the same way, cluster-wide, in its transactions): a softwire keeps its counter
 * index while it exists (also when replaced), the lowest free one is taken first; a BR address
 * keeps its index while some softwire names it, the lowest free one first. Sizes are the data
 * plane's ({@link DataPlaneLimits}); the table refuses a BR address beyond them before any index
 * is needed. Not thread-safe: used on the controller's lane.
 */
public final class SoftwireIndexes {
    private final Map<Key, Integer> counters = new HashMap<>();
    private final IndexAllocator usedCounters = new IndexAllocator(DataPlaneLimits.COUNTER_INDEXES);
    /** No counter index below this is free (so allocation does not rescan the used ones). */
    private int lowestFree;
    private final Map<Ip6Address, Integer> brs = new HashMap<>();
    private final IndexAllocator usedBrs = new IndexAllocator(DataPlaneLimits.BR_ADDRESSES);
    /** Counter indexes freed by the updates since {@link #takeCounterChanges}, in order. */
    private List<Integer> freed = new ArrayList<>();
    /** Counter indexes taken by the updates since {@link #takeCounterChanges}, in order. */
    private List<Integer> taken = new ArrayList<>();

    /** Brings the indexes to the table after {@code diff} (the change that made it): O(diff). */
    public void update(BindingTable table, BindingDiff diff) {
        for (Softwire s : diff.removed()) {
            Integer i = counters.remove(new Key(s.key().packed()));
            if (i != null) {
                free(i);
            }
        }
        diff.added().forEach(this::allocate);
        diff.replacedNew().forEach(this::allocate); // a no-op: a replaced softwire keeps its index
        syncBrs(table, diff);
    }

    private void allocate(Softwire s) {
        counters.computeIfAbsent(new Key(s.key().packed()), k -> {
            int i = usedCounters.lowestFreeFrom(lowestFree);
            if (i < 0) { // the table's softwire-num-max keeps below this
                throw new IllegalStateException("counter indexes exhausted (" + usedCounters.size() + ")");
            }
            usedCounters.use(i);
            lowestFree = i + 1;
            taken.add(i);
            return i;
        });
    }

    private void free(int index) {
        freed.add(index);
        usedCounters.free(index);
        lowestFree = Math.min(lowestFree, index);
    }

    /**
     * Frees the indexes of BR addresses no softwire names any more, then gives each new BR address
     * of the change the lowest free index in the order the change first names it (as the ONOS
     * store does: small, stable indexes).
     */
    private void syncBrs(BindingTable table, BindingDiff diff) {
        Set<Ip6Address> liveBrs = new HashSet<>(table.brAddresses());
        brs.entrySet().removeIf(e -> {
            boolean gone = !liveBrs.contains(e.getKey());
            if (gone) {
                usedBrs.free(e.getValue());
            }
            return gone;
        });
        List<Softwire> named = new ArrayList<>(diff.added());
        named.addAll(diff.replacedNew());
        for (Softwire s : named) {
            Ip6Address br = s.br();
            if (!brs.containsKey(br) && liveBrs.contains(br)) {
                int i = usedBrs.lowestFreeFrom(0);
                if (i < 0) { // BindingTable's maxBrAddresses refuses the change before this
                    throw new IllegalStateException("BR indexes exhausted (" + usedBrs.size() + ")");
                }
                usedBrs.use(i);
                brs.put(br, i);
            }
        }
    }

    /**
     * @return the counter indexes the updates since the last call freed and took (for
     *         {@link CounterReuse#change}); then forgets them
     */
    public CounterChanges takeCounterChanges() {
        CounterChanges out = new CounterChanges(freed, taken);
        freed = new ArrayList<>();
        taken = new ArrayList<>();
        return out;
    }

    /** Counter indexes freed and taken by a change. */
    public static final class CounterChanges {
        /** Indexes freed (their cells hold a former softwire's counts). */
        public final List<Integer> freed;
        /** Indexes given to softwires. */
        public final List<Integer> taken;

        CounterChanges(List<Integer> freed, List<Integer> taken) {
            this.freed = freed;
            this.taken = taken;
        }

        /** @return true if no index was freed or taken */
        public boolean isEmpty() {
            return freed.isEmpty() && taken.isEmpty();
        }
    }

    /** @return the counter index of a softwire, or -1 */
    public int counter(SoftwireKey key) {
        Integer i = counters.get(new Key(key.packed()));
        return i == null ? -1 : i;
    }

    /** @return BR address → index, a copy */
    public Map<Ip6Address, Integer> brIndexes() {
        return Map.copyOf(brs);
    }

    /** @return packed softwire key → counter index, a copy */
    public Map<Long, Integer> counters() {
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
