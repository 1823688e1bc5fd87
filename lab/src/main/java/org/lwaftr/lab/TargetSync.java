package org.lwaftr.lab;

import org.lwaftr.lab.p4rt.PendingWrite;
import org.lwaftr.lab.p4rt.PiDevice;
import org.lwaftr.lab.p4rt.PiWriteBatch;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiTableEntry;

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
    /** Tables with keys (aftr_config has only its default entry, which is not read back). */
    static final List<PiTableId> KEYED_TABLES = List.of(TABLE_PORT_SIDE, TABLE_NEXT_HOP, TABLE_BR_ADDRESS,
            TABLE_BR_SOURCE, TABLE_AFTR_IPV4, TABLE_PSID_SHAPE, TABLE_BINDING, TABLE_BOUND_IPV4);

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
     * Chunks of at most {@link #CHUNK} updates, each one Write. A full chunk is sent without
     * waiting (at most one in flight, so they are applied in order) and the next is encoded while
     * the switch applies it; the last is written and waited for, so a small change is one
     * blocking Write.
     */
    private final class Writes {
        private final PiDevice device;
        private PiWriteBatch batch;
        private PendingWrite inFlight;
        private int inFlightSize;
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
                } else if (kind == 1) {
                    batch.modify(e);
                } else {
                    batch.insert(e);
                }
                staged++;
                if (batch.size() == CHUNK) {
                    PiWriteBatch b = batch;
                    batch = device.batch();
                    await();
                    inFlight = device.writeAsync(b);
                    inFlightSize = b.size();
                }
            }
        }

        void finish() {
            await();
            PiWriteBatch b = batch;
            batch = device.batch();
            if (!b.isEmpty()) {
                device.write(b);
                written += b.size();
            }
            done = true;
        }

        /** After a failure: waits for the Write in flight (its outcome is reconciled later). */
        void abandon() {
            if (done || inFlight == null) {
                return;
            }
            try {
                await();
            } catch (RuntimeException ignored) {
                // the first failure is the one reported
            }
        }

        private void await() {
            if (inFlight == null) {
                return;
            }
            PendingWrite w = inFlight;
            inFlight = null;
            w.await();
            written += inFlightSize;
        }
    }
}
