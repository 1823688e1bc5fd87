package org.lwaftr.lab;

import org.lwaftr.programming.EntryKey;

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
     * Before any {@link #changed}: the change freed and took these counter indexes (a target
     * zeroes, as {@link org.lwaftr.programming.CounterReuse} says, the cells of the indexes taken
     * that may hold a former softwire's counts before the new bindings are written).
     */
    default void counterIndexesChanged(Collection<Integer> freed, Collection<Integer> taken) {
    }

    /**
     * These keys' entries may have changed: each is in the desired entries, or gone from them.
     *
     * @param keys the keys; not kept after the call
     */
    void changed(Collection<EntryKey> keys);
}
