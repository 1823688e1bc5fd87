package org.lwaftr.lab;

import org.lwaftr.core.BindingTable;
import org.lwaftr.core.CounterValue;
import org.lwaftr.core.Softwire;
import org.lwaftr.lab.p4rt.PiDecoder;
import org.lwaftr.lab.p4rt.PiDevice;
import org.lwaftr.lab.p4rt.PiEncoder;
import org.lwaftr.translate.CounterCells;
import org.lwaftr.translate.FilterEntries;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import p4.v1.P4RuntimeOuterClass.Entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.lwaftr.translate.P4Names.COUNTER_DROP_STATS;
import static org.lwaftr.translate.P4Names.COUNTER_FILTER_STATS;
import static org.lwaftr.translate.P4Names.COUNTER_PUNT_STATS;

/**
 * Counters of one switch in domain terms (the app's {@link CounterCells}): per softwire (the cells
 * of existing softwires only, in one Read) and per punt/drop reason, plus the slow path's counters.
 */
final class LabStats {

    private LabStats() {
    }

    /**
     * @param device   the switch
     * @param table    the binding table
     * @param counters packed softwire key → counter index
     * @return softwire → {downstream, upstream}, only softwires with traffic
     */
    static Map<Softwire, CounterValue[]> softwires(PiDevice device, BindingTable table, Map<Long, Integer> counters) {
        List<Entity> reads = new ArrayList<>();
        PiEncoder enc = new PiEncoder(device.p4Info());
        for (int index : counters.values()) {
            for (PiCounterCellId c : CounterCells.softwireCells(index)) {
                reads.add(enc.counterCellRead(c));
            }
        }
        Map<Softwire, CounterValue[]> out = new TreeMap<>((a, b) -> a.key().compareTo(b.key()));
        if (reads.isEmpty()) {
            return out;
        }
        PiDecoder dec = new PiDecoder(device.p4Info());
        List<PiCounterCell> cells = new ArrayList<>();
        for (Entity e : device.client().read(reads)) {
            cells.add(dec.counterCell(e.getCounterEntry()));
        }
        Map<Integer, CounterValue[]> byIndex = CounterCells.softwireTraffic(cells);
        for (Softwire s : table.softwires()) {
            Integer i = counters.get(s.key().packed());
            CounterValue[] v = i == null ? null : byIndex.get(i);
            if (v != null && (v[0].packets() > 0 || v[1].packets() > 0)) {
                out.put(s, v);
            }
        }
        return out;
    }

    /** @return punt reason → count (data plane) */
    static Map<String, CounterValue> punts(PiDevice device) {
        return new TreeMap<>(CounterCells.byReason(device.readCounter(COUNTER_PUNT_STATS)));
    }

    /** @return drop reason → count (data plane) */
    static Map<String, CounterValue> drops(PiDevice device) {
        return new TreeMap<>(CounterCells.byReason(device.readCounter(COUNTER_DROP_STATS)));
    }

    /** @return filter verdict (lwb4-side.ingress-filter.denied, ...) → count (data plane) */
    static Map<String, CounterValue> filters(PiDevice device) {
        return new TreeMap<>(FilterEntries.byFilter(device.readCounter(COUNTER_FILTER_STATS)));
    }

    /** @return one target's state: up or down, convergences, updates written */
    static String status(LabTarget t) {
        return "target " + t.spec() + (t.isReady() ? ": up" : ": down") + ", converged " + t.convergences()
                + "x, " + t.written() + " updates written";
    }
}
