package org.lwaftr.programming;

import java.util.BitSet;

/**
 * Which indexes of a fixed range are in use (softwire counter indexes, BR indexes), with the lowest
 * free one on demand: the one allocation rule both hosts use (the ONOS store inside its
 * transaction, the standalone controller in {@link SoftwireIndexes}). Not thread-safe: the owner
 * guards it.
 */
public final class IndexAllocator {
    private final int size;
    private final BitSet used = new BitSet();

    /**
     * @param size number of indexes (0 … size − 1), a data-plane size from
     *             {@link org.lwaftr.pipeconf.DataPlaneLimits}
     */
    public IndexAllocator(int size) {
        this.size = size;
    }

    /** @return number of indexes (0 … size − 1) */
    public int size() {
        return size;
    }

    /** Marks {@code index} used. */
    public void use(int index) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " outside 0.." + (size - 1));
        }
        used.set(index);
    }

    /** Marks {@code index} free. */
    public void free(int index) {
        used.clear(index);
    }

    /** @return whether {@code index} is used */
    public boolean isUsed(int index) {
        return used.get(index);
    }

    /**
     * @param from the lowest index to consider (a batch allocates upwards: everything it took is
     *             below it, so one pass serves the whole batch)
     * @return the lowest unused index at or above {@code from}, or -1 if none
     */
    public int lowestFreeFrom(int from) {
        int i = used.nextClearBit(from);
        return i < size ? i : -1;
    }

    /** @return number of used indexes */
    public int count() {
        return used.cardinality();
    }
}
