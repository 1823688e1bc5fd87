package org.lwaftr.app;

import org.onosproject.net.DeviceId;
import org.onosproject.net.pi.runtime.PiCounterCellId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * A {@link CounterWriter} that records every zeroing, with how many flow-rule operations had been
 * submitted at that moment (to check it comes before the binding entries); it can be told to fail.
 */
final class FakeCounterWriter implements CounterWriter {

    /** One zero call. */
    static final class Zero {
        final DeviceId device;
        final List<PiCounterCellId> cells;
        final int opsBefore;

        Zero(DeviceId device, Collection<PiCounterCellId> cells, int opsBefore) {
            this.device = device;
            this.cells = List.copyOf(cells);
            this.opsBefore = opsBefore;
        }

        @Override
        public String toString() {
            return device + " " + cells + " after " + opsBefore + " rule ops";
        }
    }

    private final List<Zero> zeros = new ArrayList<>();
    volatile IntSupplier opsSoFar = () -> -1;
    volatile boolean fail;

    @Override
    public synchronized boolean zero(DeviceId device, Collection<PiCounterCellId> cells) {
        zeros.add(new Zero(device, cells, opsSoFar.getAsInt()));
        return !fail;
    }

    /** @return the calls so far */
    synchronized List<Zero> zeros() {
        return List.copyOf(zeros);
    }

    synchronized void clear() {
        zeros.clear();
    }
}
