package org.lwaftr.translate;

import org.lwaftr.pipeconf.DataPlaneLimits;
import org.onlab.packet.Ip6Address;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The BR indexes of one device: the cluster-wide indexes of the BR addresses softwires use (shared by
 * every device, so binding entries are the same everywhere), plus indexes for BR addresses only the
 * device's config names (answered for, e.g. ICMPv6 echo, before any softwire uses them). Those take
 * free indexes from the top ({@link #MAX_INDEX} down) so they never collide with the low, store-allocated ones.
 */
public final class BrIndexPlan {

    /** Highest BR index (the width of the binding action's br_index). */
    public static final int MAX_INDEX = DataPlaneLimits.MAX_BR_INDEX;

    private final Map<Ip6Address, Integer> indexes;

    private BrIndexPlan(Map<Ip6Address, Integer> indexes) {
        this.indexes = Collections.unmodifiableMap(indexes);
    }

    /**
     * @param global     cluster-wide index of every BR address a softwire uses
     * @param deviceOnly BR addresses from the device config (may overlap {@code global})
     * @return the plan
     * @throws IllegalArgumentException if indexes run out
     */
    public static BrIndexPlan of(Map<Ip6Address, Integer> global, Collection<Ip6Address> deviceOnly) {
        Map<Ip6Address, Integer> all = new HashMap<>(global);
        Set<Integer> used = new HashSet<>(global.values());
        int next = MAX_INDEX;
        for (Ip6Address br : deviceOnly) {
            if (all.containsKey(br)) {
                continue;
            }
            while (next >= 0 && used.contains(next)) {
                next--;
            }
            if (next < 0) {
                throw new IllegalArgumentException("no free BR index for " + br);
            }
            all.put(br, next);
            used.add(next--);
        }
        return new BrIndexPlan(all);
    }

    /** @return BR address → index */
    public Map<Ip6Address, Integer> indexes() {
        return indexes;
    }

    /**
     * @param br a BR address
     * @return its index, or -1
     */
    public int indexOf(Ip6Address br) {
        Integer i = indexes.get(br);
        return i == null ? -1 : i;
    }
}
