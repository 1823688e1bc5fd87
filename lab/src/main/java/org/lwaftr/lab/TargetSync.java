package org.lwaftr.lab;

import org.lwaftr.lab.p4rt.PendingWrite;
import org.lwaftr.lab.p4rt.PiDevice;
import org.lwaftr.lab.p4rt.PiWriteBatch;
import org.lwaftr.programming.EntryKey;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiTableEntry;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.lwaftr.translate.P4Names.*;

/**
 * Brings one switch's tables to the desired entries, writing only the difference from what it
 * holds: deletes first (freed keys can be reused), then modifications, then inserts, in Writes of
 * at most {@link #CHUNK} updates. What the switch holds is known from our writes, or read back
 * from the switch ({@link #reconcile}) after a reconnect or a failed write.
 */
final class TargetSync {
    /** Updates per P4Runtime Write. */
    static final int CHUNK = 1000;
    /** Full Writes sent before the oldest is acknowledged. */
    static final int IN_FLIGHT = 2;
    /** Tables with keys (aftr_config has only its default entry, which is not read back). */
    static final List<PiTableId> KEYED_TABLES = List.of(TABLE_PORT_SIDE, TABLE_NEXT_HOP, TABLE_BR_ADDRESS,
            TABLE_BR_SOURCE, TABLE_AFTR_IPV4, TABLE_PSID_SHAPE, TABLE_BINDING, TABLE_BOUND_IPV4, TABLE_INGRESS_FILTER,
            TABLE_EGRESS_FILTER);

    private Map<EntryKey, PiTableEntry> installed = new HashMap<>();
    private long written;

    /** @return updates written since start */
    long written() {
        return written;
    }

    /**
     * Reads what the switch holds, then writes the difference (the default entry always).
     *
     * @return updates written
     */
    int reconcile(PiDevice device, Map<EntryKey, PiTableEntry> desired) {
        Map<EntryKey, PiTableEntry> held = new HashMap<>();
        for (PiTableId t : KEYED_TABLES) {
            for (PiTableEntry e : device.readTable(t)) {
                held.put(EntryKey.of(e), e);
            }
        }
        installed = held;
        return sync(device, desired);
    }

    /**
     * Writes the difference between what we believe the switch holds and {@code desired}.
     *
     * @return updates written
     * @throws RuntimeException if a Write fails (call {@link #reconcile} then)
     */
    int sync(PiDevice device, Map<EntryKey, PiTableEntry> desired) {
        Pass p = begin(device);
        try {
            List<PiTableEntry> deletes = new ArrayList<>();
            installed.entrySet().removeIf(ke -> {
                if (!desired.containsKey(ke.getKey())) {
                    deletes.add(ke.getValue());
                    return true;
                }
                return false;
            });
            p.writes.add(deletes, 0);
            p.compare(desired, desired.keySet());
            p.finish();
        } finally {
            p.abandon();
        }
        return p.writes.staged;
    }

    /**
     * Starts a sync that compares keys as they arrive ({@link Pass#compare}), writing each full
     * Write while the next keys are compared, until {@link Pass#finish}.
     */
    Pass begin(PiDevice device) {
        return new Pass(device);
    }

    /** A sync in progress (lane only). On a failure, {@link #abandon} it and reconcile later. */
    final class Pass {
        private final Writes writes;

        private Pass(PiDevice device) {
            this.writes = new Writes(device);
        }

        /** About {@code entries} entries will be installed after this pass: sizes the map once. */
        void expect(int entries) {
            if (2 * installed.size() < entries) {
                Map<EntryKey, PiTableEntry> bigger = new HashMap<>(entries * 4 / 3 + 16);
                bigger.putAll(installed);
                installed = bigger;
            }
        }

        /**
         * Compares the entries of {@code keys} (desired or gone) with what the switch holds and
         * queues the difference: deletes, then modifications, then inserts.
         *
         * @throws RuntimeException if a Write fails
         */
        void compare(Map<EntryKey, PiTableEntry> desired, Collection<EntryKey> keys) {
            List<PiTableEntry> deletes = new ArrayList<>();
            List<PiTableEntry> modifies = new ArrayList<>();
            List<PiTableEntry> inserts = new ArrayList<>();
            // `installed` is updated as the difference is found: if a Write then fails, the caller
            // reconciles, which reads back what the switch really holds.
            for (EntryKey k : keys) {
                PiTableEntry e = desired.get(k);
                if (e != null) {
                    TargetSync.this.compare(k, e, modifies, inserts);
                } else {
                    PiTableEntry had = installed.remove(k);
                    if (had != null) {
                        deletes.add(had);
                    }
                }
            }
            writes.add(deletes, 0);
            writes.add(modifies, 1);
            writes.add(inserts, 2);
        }

        /**
         * Writes what is queued and waits for every Write.
         *
         * @return updates written in this pass
         * @throws RuntimeException if a Write fails
         */
        int finish() {
            writes.finish();
            return writes.staged;
        }

        /** After a failure (or instead of finish): waits for the Write in flight, drops the rest. */
        void abandon() {
            writes.abandon();
        }
    }

    private void compare(EntryKey k, PiTableEntry e, List<PiTableEntry> modifies, List<PiTableEntry> inserts) {
        PiTableEntry had = installed.put(k, e);
        if (k.isDefault()) {
            if (had == null || !had.action().equals(e.action())) {
                modifies.add(e);
            }
        } else if (had == null) {
            inserts.add(e);
        } else if (!had.action().equals(e.action())) {
            modifies.add(e);
        }
    }

    /** Forgets what the switch holds (it restarted or lost its pipeline). */
    void forget() {
        installed = new HashMap<>();
    }

    /**
     * Chunks of at most {@link #CHUNK} updates, each one Write. Full chunks are sent without
     * waiting, up to {@link #IN_FLIGHT} at a time, so the switch always has the next Write while
     * the lane encodes more; a chunk with deletes is acknowledged before anything after it is
     * sent (Writes in flight together may be applied in any order, and deletes free the keys
     * and table space inserts may need). The last chunk is written and waited for, so a small
     * change is one blocking Write.
     */
    private final class Writes {
        private final PiDevice device;
        private final ArrayDeque<Sent> inFlight = new ArrayDeque<>();
        private PiWriteBatch batch;
        private boolean batchDeletes;
        private int staged;
        private boolean done;

        Writes(PiDevice device) {
            this.device = device;
            this.batch = device.batch();
        }

        void add(List<PiTableEntry> entries, int kind) {
            for (PiTableEntry e : entries) {
                if (kind == 0) {
                    batch.delete(e);
                    batchDeletes = true;
                } else if (kind == 1) {
                    batch.modify(e);
                } else {
                    batch.insert(e);
                }
                staged++;
                if (batch.size() == CHUNK) {
                    send();
                }
            }
        }

        private void send() {
            PiWriteBatch b = batch;
            boolean deletes = batchDeletes;
            batch = device.batch();
            batchDeletes = false;
            while (!inFlight.isEmpty() && (inFlight.size() >= IN_FLIGHT || inFlight.peekLast().deletes)) {
                awaitOldest();
            }
            inFlight.add(new Sent(device.writeAsync(b), b.size(), deletes));
        }

        void finish() {
            while (!inFlight.isEmpty()) {
                awaitOldest();
            }
            PiWriteBatch b = batch;
            batch = device.batch();
            if (!b.isEmpty()) {
                device.write(b);
                written += b.size();
            }
            done = true;
        }

        /** After a failure: waits for the Writes in flight (their outcome is reconciled later). */
        void abandon() {
            if (done) {
                return;
            }
            while (!inFlight.isEmpty()) {
                try {
                    awaitOldest();
                } catch (RuntimeException ignored) {
                    // the first failure is the one reported
                }
            }
        }

        private void awaitOldest() {
            Sent s = inFlight.poll();
            s.write.await();
            written += s.size;
        }
    }

    /** A Write in flight. */
    private static final class Sent {
        final PendingWrite write;
        final int size;
        final boolean deletes;

        Sent(PendingWrite write, int size, boolean deletes) {
            this.write = write;
            this.size = size;
            this.deletes = deletes;
        }
    }
}
