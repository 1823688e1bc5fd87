package org.lwaftr.lab.p4rt;

import com.google.common.collect.ImmutableList;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiEntity;
import org.onosproject.net.pi.runtime.PiMeterCellConfig;
import org.onosproject.net.pi.runtime.PiTableEntry;
import p4.v1.P4RuntimeOuterClass.Entity;
import p4.v1.P4RuntimeOuterClass.Update;

import java.util.ArrayList;
import java.util.List;

/**
 * Updates for one Write, built from PI objects. Each object is encoded (and so checked) when it
 * is added: a bad object throws before anything is sent, and the batch is left as it was.
 */
public final class PiWriteBatch {
    private final PiEncoder encoder;
    private final List<Update> updates = new ArrayList<>();
    private final List<PiEntity> entities = new ArrayList<>();

    /** An empty batch encoding with this encoder. */
    public PiWriteBatch(PiEncoder encoder) {
        this.encoder = encoder;
    }

    /** Adds a new table entry. */
    public PiWriteBatch insert(PiTableEntry entry) {
        return add(Update.Type.INSERT, Entity.newBuilder().setTableEntry(encoder.tableEntry(entry)).build(), entry);
    }

    /**
     * Changes the action of an existing entry; for an entry with an empty match key, sets the
     * table's default action (P4Runtime: default entries are only ever modified).
     */
    public PiWriteBatch modify(PiTableEntry entry) {
        return add(Update.Type.MODIFY, Entity.newBuilder().setTableEntry(encoder.tableEntry(entry)).build(), entry);
    }

    /** Removes an entry (only its key is sent). */
    public PiWriteBatch delete(PiTableEntry entry) {
        if (entry.isDefaultAction()) {
            throw new IllegalArgumentException("table " + entry.table().id()
                    + ": a default entry cannot be deleted, modify it instead");
        }
        return add(Update.Type.DELETE, Entity.newBuilder().setTableEntry(encoder.tableEntryKey(entry)).build(),
                entry);
    }

    /** Configures (or, with no bands, resets) a meter cell. */
    public PiWriteBatch modify(PiMeterCellConfig config) {
        return add(Update.Type.MODIFY, encoder.meterEntity(config), config);
    }

    /** Sets an indexed counter cell (e.g. to zero for a softwire that takes a used counter index). */
    public PiWriteBatch modify(PiCounterCell cell) {
        return add(Update.Type.MODIFY, encoder.counterEntity(cell), cell);
    }

    /** Number of updates. */
    public int size() {
        return updates.size();
    }

    /** True if there is nothing to write. */
    public boolean isEmpty() {
        return updates.isEmpty();
    }

    /** The encoded updates, in order. */
    public ImmutableList<Update> updates() {
        return ImmutableList.copyOf(updates);
    }

    /** The PI object of update {@code index} (to map {@link UpdateError#index()} back). */
    public PiEntity entity(int index) {
        return entities.get(index);
    }

    private PiWriteBatch add(Update.Type type, Entity entity, PiEntity source) {
        updates.add(Update.newBuilder().setType(type).setEntity(entity).build());
        entities.add(source);
        return this;
    }
}
