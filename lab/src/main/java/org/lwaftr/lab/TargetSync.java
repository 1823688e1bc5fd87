package org.lwaftr.lab;

import org.lwaftr.lab.p4rt.PiDevice;
import org.lwaftr.lab.p4rt.PiWriteBatch;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiTableEntry;

import java.util.ArrayList;
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
        List<PiTableEntry> deletes = new ArrayList<>();
        List<PiTableEntry> modifies = new ArrayList<>();
        List<PiTableEntry> inserts = new ArrayList<>();
        installed.forEach((k, e) -> {
            if (!desired.containsKey(k)) {
                deletes.add(e);
            }
        });
        desired.forEach((k, e) -> {
            PiTableEntry had = installed.get(k);
            if (k.isDefault()) {
                if (had == null || !had.action().equals(e.action())) {
                    modifies.add(e);
                }
            } else if (had == null) {
                inserts.add(e);
            } else if (!had.action().equals(e.action())) {
                modifies.add(e);
            }
        });
        int n = 0;
        try {
            n += write(device, deletes, 0);
            n += write(device, modifies, 1);
            n += write(device, inserts, 2);
        } finally {
            written += n;
        }
        installed = new HashMap<>(desired);
        return n;
    }

    /** Forgets what the switch holds (it restarted or lost its pipeline). */
    void forget() {
        installed = new HashMap<>();
    }

    private static int write(PiDevice device, List<PiTableEntry> entries, int kind) {
        for (int i = 0; i < entries.size(); i += CHUNK) {
            PiWriteBatch b = device.batch();
            for (PiTableEntry e : entries.subList(i, Math.min(entries.size(), i + CHUNK))) {
                if (kind == 0) {
                    b.delete(e);
                } else if (kind == 1) {
                    b.modify(e);
                } else {
                    b.insert(e);
                }
            }
            device.write(b);
        }
        return entries.size();
    }
}
