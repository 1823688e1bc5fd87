package org.lwaftr.programming;

import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiExactFieldMatch;
import org.onosproject.net.pi.runtime.PiFieldMatch;
import org.onosproject.net.pi.runtime.PiMatchKey;
import org.onosproject.net.pi.runtime.PiTableEntry;


/**
 * A table entry's identity on the switch: table, match key and priority (P4Runtime §9.1: the
 * filter tables' entries differ by priority), whatever its action. Both hosts key desired and
 * written entries by it.
 */
public final class EntryKey {
    private final PiTableId table;
    private final PiMatchKey match;
    private final int priority;
    /** Cached: keys are hashed several times per sync (desired map, diff) and PI hashes are deep. */
    private final int hash;

    private EntryKey(PiTableId table, PiMatchKey match, int priority) {
        this.table = table;
        this.match = match;
        this.priority = priority;
        // PiMatchKey's hash sums its fields' hashes, so (ipv4 + 1, psid − 1) collides with
        // (ipv4, psid): mix each field's hash first (order-free, as PiMatchKey equality is).
        int h = mix(table.hashCode());
        for (PiFieldMatch m : match.fieldMatches()) {
            // An exact match's own hashCode boxes its parts into an array; equal matches have
            // equal fields and values, so this hash agrees with PiMatchKey equality.
            h += mix(m instanceof PiExactFieldMatch
                    ? 31 * m.fieldId().hashCode() + ((PiExactFieldMatch) m).value().hashCode() : m.hashCode());
        }
        this.hash = h + 31 * priority;
    }

    /** @return the identity of {@code e} */
    public static EntryKey of(PiTableEntry e) {
        return new EntryKey(e.table(), e.matchKey(), e.priority().orElse(0));
    }

    /** @return the identity of the priority-0 entry of {@code table} matching {@code match} */
    public static EntryKey of(PiTableId table, PiMatchKey match) {
        return new EntryKey(table, match, 0);
    }

    /** MurmurHash3's 32-bit finalizer. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    /** True for a keyless table's default entry (written with MODIFY, never inserted or deleted). */
    public boolean isDefault() {
        return match.fieldMatches().isEmpty();
    }

    /** @return the table */
    public PiTableId table() {
        return table;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EntryKey && hash == ((EntryKey) o).hash && table.equals(((EntryKey) o).table)
                && match.equals(((EntryKey) o).match) && priority == ((EntryKey) o).priority;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return table + match.toString() + (priority == 0 ? "" : " priority " + priority);
    }
}
