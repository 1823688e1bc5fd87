package org.lwaftr.core;

/**
 * A packets-and-bytes counter reading (RFC 8676 traffic-stat style).
 */
public final class CounterValue {

    /** Zero packets, zero bytes. */
    public static final CounterValue ZERO = new CounterValue(0, 0);

    private final long packets;
    private final long bytes;

    /**
     * @param packets packets
     * @param bytes   bytes
     */
    public CounterValue(long packets, long bytes) {
        this.packets = packets;
        this.bytes = bytes;
    }

    /** @return packets */
    public long packets() {
        return packets;
    }

    /** @return bytes */
    public long bytes() {
        return bytes;
    }

    /**
     * @param o another reading
     * @return the sum
     */
    public CounterValue plus(CounterValue o) {
        return new CounterValue(packets + o.packets, bytes + o.bytes);
    }

    /**
     * @param base an earlier reading of the same cell
     * @return this minus base, never below zero (a cell reset on the device restarts from 0)
     */
    public CounterValue since(CounterValue base) {
        if (packets < base.packets || bytes < base.bytes) {
            return this;
        }
        return new CounterValue(packets - base.packets, bytes - base.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CounterValue && ((CounterValue) o).packets == packets && ((CounterValue) o).bytes == bytes;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(packets * 31 + bytes);
    }

    @Override
    public String toString() {
        return packets + " pkts / " + bytes + " B";
    }
}
