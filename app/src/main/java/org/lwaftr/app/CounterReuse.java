package org.lwaftr.app;

import org.onosproject.net.DeviceId;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Per device, which softwire counter indexes may still hold another softwire's packets and bytes,
 * so that a softwire given such an index has its cells zeroed before its binding entry is written.
 * A device this instance starts programming has an unknown history: every index it has not seen
 * taken since is treated as used. A device that is away (unavailable, still mastered here) keeps its
 * history: indexes taken meanwhile are zeroed when it is reconciled. Runs on the programmer's single
 * worker thread only.
 */
final class CounterReuse {
    /** Per device: indexes whose state is known (taken or freed since tracking began). */
    private final Map<DeviceId, BitSet> known = new HashMap<>();
    /** Per device: known indexes that were freed (their cells hold a former softwire's counts). */
    private final Map<DeviceId, BitSet> dirty = new HashMap<>();
    /** Per away device: indexes taken meanwhile that must be zeroed before its reconcile writes them. */
    private final Map<DeviceId, BitSet> pending = new HashMap<>();

    /**
     * A softwire takes {@code index} on {@code device}.
     *
     * @return true if its cells must be zeroed first
     */
    boolean take(DeviceId device, int index) {
        BitSet k = known.computeIfAbsent(device, d -> new BitSet());
        BitSet dt = dirty.computeIfAbsent(device, d -> new BitSet());
        boolean mustZero = !k.get(index) || dt.get(index);
        k.set(index);
        dt.clear(index);
        return mustZero;
    }

    /** The softwire holding {@code index} on {@code device} is gone: its cells keep its counts. */
    void freed(DeviceId device, int index) {
        known.computeIfAbsent(device, d -> new BitSet()).set(index);
        dirty.computeIfAbsent(device, d -> new BitSet()).set(index);
    }

    /** @return the devices with a history (programmed, or away) */
    java.util.Set<DeviceId> tracked() {
        return java.util.Set.copyOf(known.keySet());
    }

    /**
     * A softwire takes {@code index} while {@code device} is away: remembered, to be zeroed before
     * the device's reconcile writes its binding.
     */
    void takeWhileAway(DeviceId device, int index) {
        if (take(device, index)) {
            pending.computeIfAbsent(device, d -> new BitSet()).set(index);
        }
    }

    /** @return the indexes taken while the device was away that still need zeroing; then forgets them */
    java.util.List<Integer> takePending(DeviceId device) {
        BitSet b = pending.remove(device);
        return b == null ? java.util.List.of() : b.stream().boxed().collect(java.util.stream.Collectors.toList());
    }

    /** Forgets the device (no longer programmed here: its history becomes unknown). */
    void forget(DeviceId device) {
        known.remove(device);
        dirty.remove(device);
        pending.remove(device);
    }
}
