package org.lwaftr.store;

import org.lwaftr.api.BindingRecord;
import org.lwaftr.core.BindingTable;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.SoftwireKey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * An index of ended bindings (the distributed store's history map, or the standalone controller's
 * own), to answer "who had IPv4 X port P at time T" (RFC 7422) for bindings no longer in the table.
 * Bounded: its owner prunes the oldest; {@link #completeSince()} tells from when on the answers are complete.
 */
public final class BindingHistory {

    private final TreeMap<Long, EndedBinding> bySeq = new TreeMap<>();
    private final Map<Integer, List<EndedBinding>> byIpv4 = new HashMap<>();
    private long completeSince;

    public synchronized void added(long seq, EndedBinding e) {
        if (bySeq.put(seq, e) == null) {
            byIpv4.computeIfAbsent(e.record().ipv4(), k -> new ArrayList<>()).add(e);
        }
    }

    public synchronized void removed(long seq) {
        EndedBinding e = bySeq.remove(seq);
        if (e == null) {
            return;
        }
        List<EndedBinding> l = byIpv4.get(e.record().ipv4());
        l.remove(e);
        if (l.isEmpty()) {
            byIpv4.remove(e.record().ipv4());
        }
        // Forgetting a binding that ended at t makes answers before t incomplete.
        completeSince = Math.max(completeSince, e.until());
    }

    /** @return number of ended bindings held */
    public synchronized int size() {
        return bySeq.size();
    }

    /**
     * @param n how many
     * @return sequence numbers of the n oldest ended bindings
     */
    public synchronized List<Long> oldest(int n) {
        List<Long> out = new ArrayList<>(n);
        for (Long seq : bySeq.keySet()) {
            if (out.size() >= n) {
                break;
            }
            out.add(seq);
        }
        return out;
    }

    /**
     * @param ipv4 IPv4 address as int
     * @param port port
     * @param time ms since the epoch
     * @return the ended binding that held (ipv4, port) at that time
     */
    public synchronized Optional<BindingRecord> find(int ipv4, int port, long time) {
        EndedBinding best = null;
        for (EndedBinding e : byIpv4.getOrDefault(ipv4, List.of())) {
            if (e.record().since() <= time && time < e.until()
                    && e.record().softwire().portSet().contains(port)
                    && (best == null || e.record().since() > best.record().since())) {
                best = e;
            }
        }
        return best == null ? Optional.empty()
                : Optional.of(new BindingRecord(best.record().softwire(), best.record().since(), best.until()));
    }

    /**
     * RFC 7422 "who had (IPv4, port) at time T": the binding in force now if it began by T, else the
     * ended binding that held it then.
     *
     * @param table   the binding table in force
     * @param sinceOf when a current softwire's binding began (ms since the epoch), -1 if unknown
     * @param ipv4    IPv4 address as int
     * @param port    port
     * @param time    ms since the epoch
     * @return the binding, if one is known
     */
    public Optional<BindingRecord> whoHad(BindingTable table, ToLongFunction<SoftwireKey> sinceOf, int ipv4, int port,
                                          long time) {
        Softwire s = table.lookup(ipv4, port);
        if (s != null) {
            long since = sinceOf.applyAsLong(s.key());
            if (since >= 0 && since <= time) {
                return Optional.of(new BindingRecord(s, since, BindingRecord.CURRENT));
            }
        }
        return find(ipv4, port, time);
    }

    /** @return the time from which ended bindings are all still known (0: since the start) */
    public synchronized long completeSince() {
        return completeSince;
    }
}
