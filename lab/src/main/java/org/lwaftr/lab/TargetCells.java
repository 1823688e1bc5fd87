package org.lwaftr.lab;

import com.google.common.collect.Lists;
import org.lwaftr.lab.p4rt.PiDevice;
import org.lwaftr.lab.p4rt.PiWriteBatch;
import org.lwaftr.translate.CounterCells;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiMeterCellConfig;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * The cells (not table entries) the controller sets on one target: the punt meter of each reason
 * (RFC 7596 §9, from the policy's {@code punt-meter}, after every convergence: a new pipeline
 * starts with unlimited meters), and zeroed {@code softwire_stats} cells for a counter index a
 * softwire takes after another softwire had it, so per-softwire counters start at zero. Lane only.
 */
final class TargetCells {
    private final Supplier<List<PiMeterCellConfig>> meters;
    /** Counter indexes taken again while the target was not converged: zeroed when it is back. */
    private final BitSet zeroOnConverge = new BitSet();

    /** @param meters the punt meter cells to configure (the same for every target) */
    TargetCells(Supplier<List<PiMeterCellConfig>> meters) {
        this.meters = meters;
    }

    /**
     * Before the entries of a change are written: zeroes the cells of counter indexes that change
     * gives to softwires after others had them; remembered for later if the target is not
     * converged (or the Write fails).
     *
     * @param device  the device, null if not converged
     * @param indexes the counter indexes taken again
     * @throws RuntimeException if the Write fails (the indexes are remembered)
     */
    void zeroReused(PiDevice device, Iterable<Integer> indexes) {
        indexes.forEach(zeroOnConverge::set);
        if (device != null) {
            zeroPending(device);
        }
    }

    /**
     * At a convergence, before the table entries: a new pipeline starts with zeroed counters;
     * otherwise the counter indexes taken again meanwhile are zeroed now.
     */
    void beforeEntries(PiDevice device, boolean pipelineSet) {
        if (pipelineSet) {
            zeroOnConverge.clear();
        } else {
            zeroPending(device);
        }
    }

    /** At a convergence, after the table entries: the punt meters. */
    void afterEntries(PiDevice device) {
        PiWriteBatch b = device.batch();
        meters.get().forEach(b::modify);
        if (!b.isEmpty()) {
            device.write(b);
        }
    }

    private void zeroPending(PiDevice device) {
        List<PiCounterCell> cells = new ArrayList<>();
        for (int i = zeroOnConverge.nextSetBit(0); i >= 0; i = zeroOnConverge.nextSetBit(i + 1)) {
            CounterCells.softwireCells(i).forEach(c -> cells.add(new PiCounterCell(c, 0, 0)));
        }
        for (List<PiCounterCell> chunk : Lists.partition(cells, TargetSync.CHUNK)) {
            PiWriteBatch b = device.batch();
            chunk.forEach(b::modify);
            device.write(b);
        }
        zeroOnConverge.clear();
    }

    /** @return number of counter indexes still to zero (tests) */
    int pendingZeroes() {
        return zeroOnConverge.cardinality();
    }
}
