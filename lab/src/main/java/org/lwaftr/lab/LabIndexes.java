package org.lwaftr.lab;

import org.lwaftr.core.BindingTable;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.SoftwireKey;
import org.lwaftr.translate.P4Names;
import org.onlab.packet.Ip6Address;

import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The lab's counter and BR indexes (the ONOS store allocates them cluster-wide; here one process
 * does): a softwire keeps its counter index while it exists (also when replaced), the lowest free
 * one is taken first; a BR address keeps its index while some softwire names it. Not thread-safe:
 * used on the controller's lane.
 */
final class LabIndexes {
    private final Map<Long, Integer> counters = new HashMap<>();
    private final BitSet usedCounters = new BitSet();
    /** No counter index below this is free (so allocation does not rescan the used ones). */
    private int lowestFree;
    private final Map<Ip6Address, Integer> brs = new HashMap<>();

    /** Brings the indexes to the table: frees those of gone softwires/BRs, allocates new ones. */
    void sync(BindingTable table) {
        Set<Long> live = new HashSet<>();
        Set<Ip6Address> liveBrs = new HashSet<>();
        for (Softwire s : table.softwires()) {
            live.add(s.key().packed());
            liveBrs.add(s.br());
        }
        counters.entrySet().removeIf(e -> {
            if (!live.contains(e.getKey())) {
                usedCounters.clear(e.getValue());
                lowestFree = Math.min(lowestFree, e.getValue());
                return true;
            }
            return false;
        });
        brs.keySet().retainAll(liveBrs);
        for (Softwire s : table.softwires()) {
            counters.computeIfAbsent(s.key().packed(), k -> {
                int i = usedCounters.nextClearBit(lowestFree);
                if (i >= P4Names.MAX_SOFTWIRES) {
                    throw new IllegalStateException("counter indexes exhausted (" + P4Names.MAX_SOFTWIRES + ")");
                }
                usedCounters.set(i);
                lowestFree = i + 1;
                return i;
            });
            if (!brs.containsKey(s.br())) {
                int i = 0;
                while (brs.containsValue(i)) {
                    i++;
                }
                brs.put(s.br(), i);
            }
        }
    }

    /** @return the counter index of a softwire, or -1 */
    int counter(SoftwireKey key) {
        Integer i = counters.get(key.packed());
        return i == null ? -1 : i;
    }

    /** @return BR address → index, a copy */
    Map<Ip6Address, Integer> brIndexes() {
        return Map.copyOf(brs);
    }

    /** @return packed softwire key → counter index, a copy */
    Map<Long, Integer> counters() {
        return Map.copyOf(counters);
    }
}
