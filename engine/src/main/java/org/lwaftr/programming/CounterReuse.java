package org.lwaftr.programming;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per device, which softwire counter indexes may still hold another softwire's packets and bytes,
 * so that a softwire given such an index has its cells zeroed before its binding entry is written
 * (per-softwire counters start at zero). One rule for both hosts (the ONOS programmer keyed by
 * DeviceId, the standalone controller by target):
 * <ul>
 *   <li>a device whose counters were just cleared (a pipeline set) has a clean, known history;</li>
 *   <li>a device first seen otherwise has an unknown history: every index it has not seen taken since
 *       is treated as used, and zeroed when taken;</li>
 *   <li>an index freed on a device is dirty there until it is taken and zeroed;</li>
 *   <li>a device away (tracked, not reachable now) keeps its history: the indexes taken meanwhile
 *       are zeroed when it converges again.</li>
 * </ul>
 * Not thread-safe: the host's programming lane only.
 *
 * @param <D> the host's device identity
 */
public final class CounterReuse<D> {

    /** What is known of one device's counter cells. */
    private static final class History {
        /** Every index is known (counters were cleared): {@link #known} is not consulted. */
        boolean allKnown;
        /** Indexes whose state is known (taken or freed since tracking began). */
        final BitSet known = new BitSet();
        /** Known indexes that were freed: their cells hold a former softwire's counts. */
        final BitSet dirty = new BitSet();
        /** Indexes taken while the device was away that must be zeroed at its next convergence. */
        final BitSet pending = new BitSet();

        boolean take(int index) {
            boolean mustZero = !(allKnown || known.get(index)) || dirty.get(index);
            known.set(index);
            dirty.clear(index);
            return mustZero;
        }

        void freed(int index) {
            known.set(index);
            dirty.set(index);
        }
    }

    private final Map<D, History> devices = new HashMap<>();

    /**
     * A change freed and took counter indexes (in that order: an index freed and taken again by one
     * change must be zeroed).
     *
     * @param present the devices written now; every other tracked device is away
     * @param freed   counter indexes the change freed
     * @param taken   counter indexes the change gave to softwires
     * @return per present device, the indexes whose cells must be zeroed before the change's entries
     *         (only devices with some)
     */
    public Map<D, List<Integer>> change(Collection<D> present, Collection<Integer> freed, Collection<Integer> taken) {
        Map<D, List<Integer>> zero = new LinkedHashMap<>();
        for (D d : present) {
            History h = devices.computeIfAbsent(d, k -> new History());
            freed.forEach(h::freed);
            List<Integer> z = new ArrayList<>();
            for (int i : taken) {
                if (h.take(i)) {
                    z.add(i);
                }
            }
            if (!z.isEmpty()) {
                zero.put(d, z);
            }
        }
        devices.forEach((d, h) -> {
            if (!present.contains(d)) {
                freed.forEach(h::freed);
                for (int i : taken) {
                    if (h.take(i)) {
                        h.pending.set(i);
                    }
                }
            }
        });
        return zero;
    }

    /**
     * The device converges (is written whole again).
     *
     * @param device          the device
     * @param countersCleared true if its counters were just cleared (a new pipeline): its history
     *                        becomes known and clean
     * @return the indexes taken while it was away whose cells must now be zeroed
     */
    public List<Integer> converged(D device, boolean countersCleared) {
        History h = devices.computeIfAbsent(device, k -> new History());
        if (countersCleared) {
            h.allKnown = true;
            h.known.clear();
            h.dirty.clear();
            h.pending.clear();
            return List.of();
        }
        List<Integer> out = new ArrayList<>(h.pending.cardinality());
        h.pending.stream().forEach(out::add);
        h.pending.clear();
        return out;
    }

    /** Forgets the device (no longer programmed here: its history becomes unknown). */
    public void forget(D device) {
        devices.remove(device);
    }

    /** @return number of indexes still to zero on {@code device} when it converges (tests, stats) */
    public int pendingZeroes(D device) {
        History h = devices.get(device);
        return h == null ? 0 : h.pending.cardinality();
    }
}
