package org.lwaftr.lab;

import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiMatchKey;
import org.onosproject.net.pi.runtime.PiTableEntry;

import java.util.Objects;

/** A table entry's identity on the switch: table and match key, whatever its action. */
final class EntryKey {
    private final PiTableId table;
    private final PiMatchKey match;
    /** Cached: keys are hashed several times per sync (desired map, diff) and PI hashes are deep. */
    private final int hash;

    private EntryKey(PiTableId table, PiMatchKey match) {
        this.table = table;
        this.match = match;
        this.hash = Objects.hash(table, match);
    }

    static EntryKey of(PiTableEntry e) {
        return new EntryKey(e.table(), e.matchKey());
    }

    /** True for a keyless table's default entry (written with MODIFY, never inserted or deleted). */
    boolean isDefault() {
        return match.fieldMatches().isEmpty();
    }

    PiTableId table() {
        return table;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EntryKey && hash == ((EntryKey) o).hash && table.equals(((EntryKey) o).table)
                && match.equals(((EntryKey) o).match);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return table + match.toString();
    }
}
