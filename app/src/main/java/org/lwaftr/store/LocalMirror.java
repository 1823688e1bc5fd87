package org.lwaftr.store;

import org.lwaftr.core.BindingChange;
import org.lwaftr.core.BindingTable;
import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.PortSetShape;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.SoftwireKey;
import org.lwaftr.pipeconf.DataPlaneLimits;
import org.lwaftr.programming.IndexAllocator;
import org.lwaftr.programming.SoftwireDelta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This instance's copy of the distributed softwire map: the core {@link BindingTable} (lookups for
 * the slow path and queries) plus each softwire's counter index and start time, kept in sync from
 * map events.
 *
 * <p>Events of one committed batch may arrive in any order (one event per key), so an event that
 * is not valid yet against the mirror (say, an address's new shape before the removal of its last
 * old softwire) is parked and retried after every later event. The map itself is always valid
 * (every batch is validated before its transaction commits), so parked events resolve once the
 * rest of their batch has arrived.
 */
final class LocalMirror {

    private static final Logger log = LoggerFactory.getLogger(LocalMirror.class);
    private static final int COUNTER_BITS = DataPlaneLimits.COUNTER_INDEX_BITS;
    private static final long COUNTER_MASK = (1L << COUNTER_BITS) - 1;

    // The mirror holds what the cluster validated: its own policy check is off.
    private final BindingTable table = new BindingTable(true, DataPlaneLimits.BR_ADDRESSES);
    private final ConcurrentHashMap<Long, Long> meta = new ConcurrentHashMap<>(); // since << COUNTER_BITS | counter
    private final IndexAllocator counters;
    private final Map<Long, Optional<SoftwireRecord>> parked = new LinkedHashMap<>();

    /**
     * @param counterCells number of counter indexes (the data plane's MAX_SOFTWIRES)
     */
    LocalMirror(int counterCells) {
        if (counterCells > (1 << COUNTER_BITS)) {
            throw new IllegalArgumentException("counter indexes must fit " + COUNTER_BITS + " bits");
        }
        counters = new IndexAllocator(counterCells);
    }

    /** @return the mirrored table: read it, never change it */
    BindingTable table() {
        return table;
    }

    /**
     * @param key a softwire key
     * @return its counter index, or -1
     */
    int counterIndex(SoftwireKey key) {
        Long m = meta.get(key.packed());
        return m == null ? -1 : (int) (m & COUNTER_MASK);
    }

    /**
     * @param key a softwire key
     * @return when it was bound (ms), or -1
     */
    long since(SoftwireKey key) {
        Long m = meta.get(key.packed());
        return m == null ? -1 : m >>> COUNTER_BITS;
    }

    /**
     * @param from lowest index to consider (above every index the batch has already taken)
     * @return the lowest counter index free in the mirror at or above {@code from}, or -1
     */
    synchronized int freeCounter(int from) {
        return counters.lowestFreeFrom(from);
    }

    /** @return number of parked events (0 once every batch has fully arrived) */
    synchronized int parkedCount() {
        return parked.size();
    }

    /**
     * Applies one map event.
     *
     * @param key    packed softwire key
     * @param record the new value, null if removed
     * @return the changes applied (this one and parked ones it unblocked); empty if none
     */
    synchronized List<SoftwireDelta> onEvent(long key, SoftwireRecord record) {
        List<SoftwireDelta> out = new ArrayList<>();
        parked.remove(key); // a newer value supersedes a parked one
        if (!tryApply(key, record, out)) {
            parked.put(key, Optional.ofNullable(record));
            log.debug("parked out-of-order event for {}", unpack(key));
            return out;
        }
        boolean progress = true;
        while (progress && !parked.isEmpty()) {
            progress = false;
            for (Iterator<Map.Entry<Long, Optional<SoftwireRecord>>> it = parked.entrySet().iterator(); it.hasNext();) {
                Map.Entry<Long, Optional<SoftwireRecord>> e = it.next();
                if (tryApply(e.getKey(), e.getValue().orElse(null), out)) {
                    it.remove();
                    progress = true;
                }
            }
        }
        return out;
    }

    private static SoftwireKey unpack(long key) {
        return new SoftwireKey((int) (key >>> 16), (int) (key & 0xffff));
    }

    /** @return false if the event is not valid against the mirror yet */
    private boolean tryApply(long key, SoftwireRecord rec, List<SoftwireDelta> out) {
        SoftwireKey k = unpack(key);
        Softwire cur = table.get(k);
        Long curMeta = meta.get(key);
        List<BindingChange> changes = new ArrayList<>(2);
        Softwire next = null;
        if (rec == null) {
            if (cur == null) {
                return true;
            }
            changes.add(BindingChange.remove(k));
        } else {
            next = rec.softwire();
            long nextMeta = (rec.since() << COUNTER_BITS) | rec.counterIndex();
            if (cur != null && cur.equals(next) && curMeta != null && curMeta == nextMeta) {
                return true;
            }
            if (cur == null) {
                changes.add(BindingChange.add(next));
            } else if (cur.portSet().equals(next.portSet())) {
                changes.add(BindingChange.replace(next));
            } else {
                changes.add(BindingChange.remove(k));
                changes.add(BindingChange.add(next));
            }
        }
        PortSetShape before = table.shape(k.ipv4Int());
        try {
            table.apply(changes);
        } catch (InvalidBindingException e) {
            return false;
        }
        PortSetShape after = table.shape(k.ipv4Int());
        int oldCounter = -1;
        if (curMeta != null) {
            oldCounter = (int) (curMeta & COUNTER_MASK);
            counters.free(oldCounter);
        }
        int newCounter = -1;
        if (rec == null) {
            meta.remove(key);
        } else {
            newCounter = rec.counterIndex();
            counters.use(newCounter);
            meta.put(key, (rec.since() << COUNTER_BITS) | newCounter);
        }
        out.add(new SoftwireDelta(k, cur, oldCounter, next, newCounter, before, after));
        return true;
    }
}
