package org.lwaftr.slowpath;

import java.util.concurrent.TimeUnit;

/**
 * An ICMP error rate: at most {@code packets} per {@code period} (RFC 7596 §9; RFC 8676
 * {@code icmpv4-rate}/{@code icmpv6-rate}; Snabb {@code error-rate-limiting { packets; period; }}).
 * {@code packets = 0} sends no errors at all.
 */
public final class RateLimit {

    private final int packets;
    private final long periodNanos;

    private RateLimit(int packets, long periodNanos) {
        this.packets = packets;
        this.periodNanos = periodNanos;
    }

    /**
     * @param field   field name for errors (e.g. "icmpv4-rate")
     * @param packets packets per period (0–1,000,000)
     * @param period  the period (1 ms – 1 hour)
     * @param unit    unit of period
     * @return the rate
     * @throws SlowPathConfigException naming the bad field
     */
    public static RateLimit of(String field, int packets, long period, TimeUnit unit) {
        if (packets < 0 || packets > 1_000_000) {
            throw new SlowPathConfigException(field + ".packets", packets + " is outside 0..1000000");
        }
        long nanos = unit.toNanos(period);
        if (nanos < TimeUnit.MILLISECONDS.toNanos(1) || nanos > TimeUnit.HOURS.toNanos(1)) {
            throw new SlowPathConfigException(field + ".period", period + " " + unit.name().toLowerCase()
                    + " is outside 1 ms..1 hour");
        }
        return new RateLimit(packets, nanos);
    }

    /** @return packets allowed per period (also the burst) */
    public int packets() {
        return packets;
    }

    /** @return the period in nanoseconds */
    public long periodNanos() {
        return periodNanos;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RateLimit && ((RateLimit) o).packets == packets && ((RateLimit) o).periodNanos == periodNanos;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(periodNanos * 31 + packets);
    }

    @Override
    public String toString() {
        return packets + " per " + periodNanos + " ns";
    }
}
