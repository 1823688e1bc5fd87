package org.lwaftr.lab;

import com.google.common.collect.Lists;
import org.lwaftr.lab.p4rt.PiDevice;
import org.lwaftr.lab.p4rt.PiWriteBatch;
import org.lwaftr.translate.CounterCells;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiMeterCellConfig;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * The cells (not table entries) the controller sets on one target: the punt meter of each reason
 * (RFC 7596 §9, from the policy's {@code punt-meter}, after every convergence: a new pipeline
 * starts with unlimited meters), and zeroed {@code softwire_stats} cells for the counter indexes
 * {@link org.lwaftr.programming.CounterReuse} says must start at zero. Lane only.
 */
final class TargetCells {
    private final Supplier<List<PiMeterCellConfig>> meters;

    /** @param meters the punt meter cells to configure (the same for every target) */
    TargetCells(Supplier<List<PiMeterCellConfig>> meters) {
        this.meters = meters;
    }

    /** At a convergence, after the table entries: the punt meters. */
    void meters(PiDevice device) {
        PiWriteBatch b = device.batch();
        meters.get().forEach(b::modify);
        if (!b.isEmpty()) {
            device.write(b);
        }
    }

    /**
     * Zeroes both cells (downstream, upstream) of each counter index, in bounded Writes.
     *
     * @throws RuntimeException if a Write fails
     */
    void zero(PiDevice device, Collection<Integer> indexes) {
        List<PiCounterCell> cells = new ArrayList<>();
        for (int i : indexes) {
            CounterCells.softwireCells(i).forEach(c -> cells.add(new PiCounterCell(c, 0, 0)));
        }
        for (List<PiCounterCell> chunk : Lists.partition(cells, TargetSync.CHUNK)) {
            PiWriteBatch b = device.batch();
            chunk.forEach(b::modify);
            device.write(b);
        }
    }
}
