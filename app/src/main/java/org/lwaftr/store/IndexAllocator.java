package org.lwaftr.store;

import java.util.BitSet;

/**
 * Which indexes of a fixed range are in use (counter indexes, BR indexes), with the lowest free one
 * on demand. Not thread-safe: the store guards it.
 */
final class IndexAllocator {
    private final int size;
    private final BitSet used = new BitSet();

    /**
     * @param size number of indexes (0 … size − 1)
     */
    IndexAllocator(int size) {
        this.size = size;
    }

    void use(int index) {
        used.set(index);
    }

    void free(int index) {
        used.clear(index);
    }

    boolean isUsed(int index) {
        return used.get(index);
    }

    /**
     * @param from the lowest index to consider (a batch allocates upwards: everything it took is
     *             below it, so one pass serves the whole batch)
     * @return the lowest unused index at or above {@code from}, or -1 if none
     */
    int lowestFreeFrom(int from) {
        int i = used.nextClearBit(from);
        return i < size ? i : -1;
    }

    /** @return number of used indexes */
    int count() {
        return used.cardinality();
    }
}
