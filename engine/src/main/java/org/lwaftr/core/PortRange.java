package org.lwaftr.core;

/**
 * An inclusive range of ports.
 */
public final class PortRange {
    private final int first;
    private final int last;

    /**
     * @param first first port
     * @param last  last port (inclusive)
     */
    public PortRange(int first, int last) {
        if (first < 0 || last >= PortSet.PORTS || first > last) {
            throw new IllegalArgumentException("bad port range " + first + "-" + last);
        }
        this.first = first;
        this.last = last;
    }

    /** @return first port */
    public int first() {
        return first;
    }

    /** @return last port, inclusive */
    public int last() {
        return last;
    }

    /** @return number of ports */
    public int size() {
        return last - first + 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortRange && ((PortRange) o).first == first && ((PortRange) o).last == last;
    }

    @Override
    public int hashCode() {
        return first * 65537 + last;
    }

    @Override
    public String toString() {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}
