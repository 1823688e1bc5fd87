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
     * @param reserved indexes taken by the batch being built (not yet in {@link #used})
     * @return the lowest index free in both, or -1 if none
     */
    int lowestFree(BitSet reserved) {
        int i = 0;
        while (i < size) {
            i = used.nextClearBit(i);
            if (i >= size) {
                return -1;
            }
            if (!reserved.get(i)) {
                return i;
            }
            i++;
        }
        return -1;
    }

    /** @return number of used indexes */
    int count() {
        return used.cardinality();
    }
}
