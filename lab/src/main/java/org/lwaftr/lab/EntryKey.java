package org.lwaftr.lab;

import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiMatchKey;
import org.onosproject.net.pi.runtime.PiTableEntry;

import java.util.Objects;

/** A table entry's identity on the switch: table and match key, whatever its action. */
final class EntryKey {
    private final PiTableId table;
    private final PiMatchKey match;

    private EntryKey(PiTableId table, PiMatchKey match) {
        this.table = table;
        this.match = match;
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
        return o instanceof EntryKey && table.equals(((EntryKey) o).table) && match.equals(((EntryKey) o).match);
    }

    @Override
    public int hashCode() {
        return Objects.hash(table, match);
    }

    @Override
    public String toString() {
        return table + match.toString();
    }
}
