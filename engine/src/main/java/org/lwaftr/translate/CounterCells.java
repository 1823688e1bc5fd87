package org.lwaftr.translate;

import org.lwaftr.core.CounterValue;
import org.onosproject.net.pi.model.PiCounterId;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiCounterCellId;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.lwaftr.translate.P4Names.*;

/**
 * Counter cells ⇄ domain: {@code softwire_stats} holds two cells per softwire at
 * 2·counter_index + direction (Direction_t: downstream 0, upstream 1); {@code punt_stats} and
 * {@code drop_stats} one cell per reason code.
 */
public final class CounterCells {

    private CounterCells() {
    }

    /**
     * @param counterIndex a softwire's counter index
     * @param direction    {@link P4Names#DIRECTION_DOWNSTREAM} or {@link P4Names#DIRECTION_UPSTREAM}
     * @return the cell index
     */
    public static long cellIndex(int counterIndex, int direction) {
        return 2L * counterIndex + direction;
    }

    /**
     * @param counterIndex a softwire's counter index
     * @return its downstream and upstream cells
     */
    public static List<PiCounterCellId> softwireCells(int counterIndex) {
        return List.of(
                PiCounterCellId.ofIndirect(COUNTER_SOFTWIRE_STATS, cellIndex(counterIndex, DIRECTION_DOWNSTREAM)),
                PiCounterCellId.ofIndirect(COUNTER_SOFTWIRE_STATS, cellIndex(counterIndex, DIRECTION_UPSTREAM)));
    }

    /**
     * @param cells softwire_stats cells (any subset, any order)
     * @return counter index → {downstream, upstream}
     */
    public static Map<Integer, CounterValue[]> softwireTraffic(Collection<PiCounterCell> cells) {
        Map<Integer, CounterValue[]> out = new HashMap<>();
        for (PiCounterCell c : cells) {
            if (!c.cellId().counterId().equals(COUNTER_SOFTWIRE_STATS)) {
                continue;
            }
            long idx = c.cellId().index();
            int sw = (int) (idx >>> 1);
            int dir = (int) (idx & 1);
            CounterValue[] v = out.computeIfAbsent(sw, k -> new CounterValue[] {CounterValue.ZERO, CounterValue.ZERO});
            v[dir] = v[dir].plus(new CounterValue(c.data().packets(), c.data().bytes()));
        }
        return out;
    }

    /**
     * @param counter {@link P4Names#COUNTER_PUNT_STATS} or {@link P4Names#COUNTER_DROP_STATS}
     * @return every reason cell of it
     */
    public static List<PiCounterCellId> reasonCells(PiCounterId counter) {
        PiCounterCellId[] ids = new PiCounterCellId[REASON_CELLS];
        for (int i = 0; i < REASON_CELLS; i++) {
            ids[i] = PiCounterCellId.ofIndirect(counter, i);
        }
        return List.of(ids);
    }

    /**
     * @param cells punt_stats or drop_stats cells
     * @return reason name → count (reasons without a name are reported as "reason-N"); the NONE
     *         cell is left out
     */
    public static Map<String, CounterValue> byReason(Collection<PiCounterCell> cells) {
        Map<String, CounterValue> out = new HashMap<>();
        for (PiCounterCell c : cells) {
            PiCounterId id = c.cellId().counterId();
            int code = (int) c.cellId().index();
            if (code == 0) {
                continue;
            }
            String name = id.equals(COUNTER_PUNT_STATS) ? puntReasonName(code)
                    : id.equals(COUNTER_DROP_STATS) ? dropReasonName(code) : null;
            if (name == null) {
                name = "reason-" + code;
            }
            out.merge(name, new CounterValue(c.data().packets(), c.data().bytes()), CounterValue::plus);
        }
        return out;
    }
}
