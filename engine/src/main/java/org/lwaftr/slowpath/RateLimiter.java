package org.lwaftr.slowpath;

import java.util.function.LongSupplier;

/**
 * Token bucket for ICMP errors (RFC 7596 §9, RFC 4443 §2.4(f)): a burst of {@code packets}, refilled
 * at {@code packets} per {@code period}, continuously. Thread-safe.
 */
public final class RateLimiter {

    private final int packets;
    private final long period;
    private final LongSupplier nanoTime;
    private final long capacity;   // credit in units of 1/period tokens: a token costs `period`
    private long credit;
    private long last;

    /**
     * @param rate     packets per period
     * @param nanoTime clock in nanoseconds (System::nanoTime, or a fake in tests)
     */
    public RateLimiter(RateLimit rate, LongSupplier nanoTime) {
        this.packets = rate.packets();
        this.period = rate.periodNanos();
        this.nanoTime = nanoTime;
        this.capacity = (long) packets * period;   // ≤ 1e6 × 3.6e12 < 2^63
        this.credit = capacity;
        this.last = nanoTime.getAsLong();
    }

    /** @return true if one more packet may be sent now (and takes its token) */
    public synchronized boolean tryAcquire() {
        long now = nanoTime.getAsLong();
        long elapsed = now - last;
        last = now;
        if (elapsed > 0) {
            // Clamp first so elapsed × packets cannot overflow.
            credit = elapsed >= period ? capacity : Math.min(capacity, credit + elapsed * packets);
        }
        if (packets > 0 && credit >= period) {
            credit -= period;
            return true;
        }
        return false;
    }
}
