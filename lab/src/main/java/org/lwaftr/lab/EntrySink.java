package org.lwaftr.lab;

import java.util.Collection;

/**
 * Where a change's entries go as the programmer computes them: in the controller, every converged
 * target, which compares and writes them.
 */
interface EntrySink {
    /** A sink that drops everything (no targets yet). */
    EntrySink NONE = keys -> { };

    /**
     * A hint before a large change: about {@code entries} entries will be desired once it is
     * done (so maps can be sized once instead of growing step by step).
     */
    default void expect(int entries) {
    }

    /**
     * Before any {@link #changed}: the change gives these counter indexes to softwires after other
     * softwires had them (their cells must be zeroed before the new bindings are written).
     */
    default void countersReused(Collection<Integer> counterIndexes) {
    }

    /**
     * These keys' entries may have changed: each is in the desired entries, or gone from them.
     *
     * @param keys the keys; not kept after the call
     */
    void changed(Collection<EntryKey> keys);
}
