package org.lwaftr.lab;

import org.lwaftr.lab.p4rt.PiDevice;
import org.lwaftr.lab.p4rt.PiWriteBatch;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiTableEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
    private ExecutorService writer;

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
        return sync(device, desired, null);
    }

    /**
     * Like {@link #sync(PiDevice, Map)}, comparing only the entries of {@code changed} (all if
     * null): what the controller changed since this target was last in sync.
     *
     * @return updates written
     * @throws RuntimeException if a Write fails (call {@link #reconcile} then)
     */
    int sync(PiDevice device, Map<EntryKey, PiTableEntry> desired, Set<EntryKey> changed) {
        List<PiTableEntry> deletes = new ArrayList<>();
        List<PiTableEntry> modifies = new ArrayList<>();
        List<PiTableEntry> inserts = new ArrayList<>();
        // `installed` is updated as the difference is found: if a Write then fails, the caller
        // reconciles, which reads back what the switch really holds.
        if (changed == null) {
            installed.entrySet().removeIf(ke -> {
                if (!desired.containsKey(ke.getKey())) {
                    deletes.add(ke.getValue());
                    return true;
                }
                return false;
            });
            desired.forEach((k, e) -> compare(k, e, modifies, inserts));
        } else {
            for (EntryKey k : changed) {
                PiTableEntry e = desired.get(k);
                if (e != null) {
                    compare(k, e, modifies, inserts);
                } else {
                    PiTableEntry had = installed.remove(k);
                    if (had != null) {
                        deletes.add(had);
                    }
                }
            }
        }
        int n = deletes.size() + modifies.size() + inserts.size();
        // More than one Write: encode the next while the switch applies the previous (a writer
        // thread sends them one at a time, in order, so deletes are applied before inserts).
        Writes w = new Writes(device, n > CHUNK ? writer() : null);
        try {
            w.add(deletes, 0);
            w.add(modifies, 1);
            w.add(inserts, 2);
            w.finish();
        } finally {
            w.abandon();
            written += w.sent;
        }
        return n;
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

    /** Stops the writer thread. */
    void close() {
        if (writer != null) {
            writer.shutdownNow();
        }
    }

    private ExecutorService writer() {
        if (writer == null) {
            writer = Executors.newSingleThreadExecutor(LabThreads.daemon("lab-writer"));
        }
        return writer;
    }

    /** Chunks of at most {@link #CHUNK} updates, each one Write, at most one in flight. */
    private static final class Writes {
        private final PiDevice device;
        private final ExecutorService writer;
        private PiWriteBatch batch;
        private Future<?> inFlight;
        private int inFlightSize;
        private int sent;

        Writes(PiDevice device, ExecutorService writer) {
            this.device = device;
            this.writer = writer;
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
                if (batch.size() == CHUNK) {
                    send();
                }
            }
        }

        void finish() {
            send();
            await();
        }

        /** After a failure: waits for the Write in flight (its outcome is reconciled later). */
        void abandon() {
            if (inFlight != null) {
                try {
                    await();
                } catch (RuntimeException ignored) {
                    // the first failure is the one reported
                }
            }
        }

        private void send() {
            if (batch.isEmpty()) {
                return;
            }
            PiWriteBatch b = batch;
            batch = device.batch();
            if (writer == null) {
                device.write(b);
                sent += b.size();
                return;
            }
            await();
            inFlight = writer.submit(() -> device.write(b));
            inFlightSize = b.size();
        }

        private void await() {
            if (inFlight == null) {
                return;
            }
            Future<?> f = inFlight;
            inFlight = null;
            try {
                f.get();
                sent += inFlightSize;
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
                        : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing", e);
            }
        }
    }
}
