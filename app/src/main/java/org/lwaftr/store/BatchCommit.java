package org.lwaftr.store;

import org.lwaftr.core.PortSetShape;
import org.lwaftr.core.Softwire;
import org.onlab.packet.Ip6Address;
import org.onosproject.store.service.CommitStatus;
import org.onosproject.store.service.StorageService;
import org.onosproject.store.service.TransactionContext;
import org.onosproject.store.service.TransactionalMap;

import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import static org.lwaftr.store.MapNames.*;
import static org.lwaftr.store.StoreSerializers.SERIALIZER;
import static org.lwaftr.store.StoreSerializers.decode;
import static org.lwaftr.store.StoreSerializers.encode;

/**
 * One attempt to commit a validated batch in one transaction. The batch was validated against the
 * local mirror; the transaction re-reads every entry the batch depends on and gives up (STALE) if
 * the cluster's state differs from what was validated, so a lagging mirror can never let an invalid
 * batch in. Concurrent commits touching the same entries fail the optimistic check (CONFLICT); the
 * version record, read and written by every batch, also orders all batches.
 */
final class BatchCommit {

    enum Outcome { COMMITTED, STALE, CONFLICT }

    private final StorageService storage;
    private final LocalMirror mirror;
    private final Map<Ip6Address, Integer> brView;
    private final int brTableSize;

    private String staleReason;

    /**
     * @param storage     the storage service
     * @param mirror      the local mirror the batch was validated against
     * @param brView      the local view of BR indexes
     * @param brTableSize indexes available for softwire BR addresses
     */
    BatchCommit(StorageService storage, LocalMirror mirror, Map<Ip6Address, Integer> brView, int brTableSize) {
        this.storage = storage;
        this.mirror = mirror;
        this.brView = brView;
        this.brTableSize = brTableSize;
    }

    /** @return why the last attempt was STALE */
    String staleReason() {
        return staleReason;
    }

    private Outcome stale(TransactionContext tx, String why) {
        tx.abort();
        staleReason = why;
        return Outcome.STALE;
    }

    /**
     * @param originals key → the softwire the mirror held when validating (null: absent)
     * @param finals    key → the softwire after the batch (null: removed), keys with a net change only
     * @param brsInUse  BR addresses the mirror's softwires use (for reclaiming indexes)
     * @param now       commit time (ms)
     * @return the outcome
     */
    Outcome run(Map<Long, Softwire> originals, Map<Long, Softwire> finals, Set<Ip6Address> brsInUse, long now) {
        TransactionContext tx = storage.transactionContextBuilder().build();
        tx.begin();
        TransactionalMap<Long, byte[]> sw = tx.getTransactionalMap(SOFTWIRES, SERIALIZER);
        TransactionalMap<Integer, byte[]> addrs = tx.getTransactionalMap(ADDRESSES, SERIALIZER);
        TransactionalMap<Integer, Long> owners = tx.getTransactionalMap(COUNTER_OWNERS, SERIALIZER);
        TransactionalMap<String, Long> meta = tx.getTransactionalMap(META, SERIALIZER);
        TransactionalMap<Long, byte[]> history = tx.getTransactionalMap(HISTORY, SERIALIZER);

        Long prev = meta.get(VERSION);
        long version = (prev == null ? 0 : prev) + 1;
        meta.put(VERSION, version);
        meta.put(VERSION_TIME, now);

        Map<Integer, AddressChange> perAddress = new HashMap<>();
        int nextCounter = 0; // counters are taken upwards: one pass over the free indexes per batch
        long seq = version << 22;
        for (Map.Entry<Long, Softwire> e : finals.entrySet()) {
            long key = e.getKey();
            Softwire next = e.getValue();
            SoftwireRecord cur = decode(sw.get(key));
            Softwire expected = originals.get(key);
            if (cur == null ? expected != null : !cur.holds(expected)) {
                return stale(tx, "softwire " + key + " changed since validation");
            }
            if (cur != null && (next == null || !next.equals(cur.softwire()))) {
                history.put(seq++, encode(new EndedBinding(cur, now, version)));
            }
            if (next == null) {
                sw.remove(key);
                owners.remove(cur.counterIndex());
                perAddress.computeIfAbsent(cur.ipv4(), AddressChange::new).remove();
                continue;
            }
            int counter;
            if (cur == null) {
                counter = mirror.freeCounter(nextCounter);
                if (counter < 0) {
                    return stale(tx, "no free counter index");
                }
                nextCounter = counter + 1;
                if (owners.get(counter) != null) {
                    return stale(tx, "counter index " + counter + " taken since validation");
                }
                owners.put(counter, key);
            } else {
                counter = cur.counterIndex();
            }
            // A new lwB4 or BR is a new binding (new start time); the same softwire keeps its own.
            long since = cur != null && next.equals(cur.softwire()) ? cur.since() : now;
            sw.put(key, encode(SoftwireRecord.of(next, counter, since)));
            PortSetShape oldShape = cur == null ? null : cur.softwire().portSet().shape();
            PortSetShape newShape = next.portSet().shape();
            if (cur == null) {
                perAddress.computeIfAbsent(next.ipv4Int(), AddressChange::new).add(newShape);
            } else if (oldShape != newShape) {
                AddressChange c = perAddress.computeIfAbsent(next.ipv4Int(), AddressChange::new);
                c.remove();
                c.add(newShape);
            }
        }
        for (AddressChange c : perAddress.values()) {
            String why = c.write(addrs);
            if (why != null) {
                return stale(tx, why);
            }
        }
        String why = allocateBrIndexes(tx, finals, brsInUse);
        if (why != null) {
            return stale(tx, why);
        }
        CommitStatus status = tx.commit().join();
        return status == CommitStatus.SUCCESS ? Outcome.COMMITTED : Outcome.CONFLICT;
    }

    /** Gives each new BR address the lowest free index, reclaiming unused ones when full. */
    private String allocateBrIndexes(TransactionContext tx, Map<Long, Softwire> finals, Set<Ip6Address> brsInUse) {
        TransactionalMap<String, Integer> brIdx = tx.getTransactionalMap(BR_INDEXES, SERIALIZER);
        TransactionalMap<Integer, String> brOwners = tx.getTransactionalMap(BR_OWNERS, SERIALIZER);
        Map<Ip6Address, Integer> assigned = new HashMap<>(brView);
        Set<Ip6Address> needed = new LinkedHashSet<>(); // first use first: small, stable indexes
        for (Softwire s : finals.values()) {
            if (s != null) {
                needed.add(s.br());
            }
        }
        for (Ip6Address br : needed) {
            Integer idx = brIdx.get(br.toString()); // read even if known: guards against reclaiming
            if (idx != null) {
                continue;
            }
            int free = freeBrIndex(assigned);
            if (free < 0) {
                free = reclaim(assigned, brsInUse, needed, brIdx, brOwners);
                if (free < 0) {
                    return "all " + brTableSize + " BR indexes are in use";
                }
            }
            if (brOwners.get(free) != null) {
                return "BR index " + free + " taken since validation";
            }
            brIdx.put(br.toString(), free);
            brOwners.put(free, br.toString());
            assigned.put(br, free);
        }
        return null;
    }

    private int freeBrIndex(Map<Ip6Address, Integer> assigned) {
        BitSet used = new BitSet();
        assigned.values().forEach(used::set);
        int i = used.nextClearBit(0);
        return i < brTableSize ? i : -1;
    }

    private int reclaim(Map<Ip6Address, Integer> assigned, Set<Ip6Address> brsInUse, Set<Ip6Address> needed,
                        TransactionalMap<String, Integer> brIdx, TransactionalMap<Integer, String> brOwners) {
        for (Map.Entry<Ip6Address, Integer> e : assigned.entrySet()) {
            Ip6Address br = e.getKey();
            if (!brsInUse.contains(br) && !needed.contains(br)) {
                int idx = e.getValue();
                brIdx.remove(br.toString());
                brOwners.remove(idx);
                assigned.remove(br);
                return idx;
            }
        }
        return -1;
    }

    /** The net change of one address's softwire count and shape within the batch. */
    private static final class AddressChange {
        private final int ipv4;
        private int removed;
        private int added;
        private PortSetShape addedShape;
        private boolean mixedShapes;

        AddressChange(int ipv4) {
            this.ipv4 = ipv4;
        }

        void remove() {
            removed++;
        }

        void add(PortSetShape shape) {
            added++;
            if (addedShape != null && addedShape != shape) {
                mixedShapes = true;
            }
            addedShape = shape;
        }

        /** @return null, or why the cluster's state contradicts the validated batch */
        String write(TransactionalMap<Integer, byte[]> addrs) {
            AddressRecord a = decode(addrs.get(ipv4));
            int before = a == null ? 0 : a.count();
            int remaining = before - removed;
            if (remaining < 0 || mixedShapes) {
                return "address " + ipv4 + " changed since validation";
            }
            if (remaining > 0 && added > 0 && a.shape() != addedShape) {
                return "address " + ipv4 + " has shape " + a.shape() + " in the cluster";
            }
            int after = remaining + added;
            if (after == 0) {
                addrs.remove(ipv4);
            } else {
                addrs.put(ipv4, encode(new AddressRecord(remaining > 0 ? a.shape() : addedShape, after)));
            }
            return null;
        }
    }
}
