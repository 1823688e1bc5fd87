package org.lwaftr.slowpath;

import org.junit.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** The token bucket of ICMP errors (RFC 7596 §9) on a fake clock. */
public class RateLimiterTest {

    private long now = 5_000L;

    private int take(RateLimiter r, int n) {
        int ok = 0;
        for (int i = 0; i < n; i++) {
            ok += r.tryAcquire() ? 1 : 0;
        }
        return ok;
    }

    @Test
    public void burstThenLimitedThenRefilledContinuously() {
        RateLimiter r = new RateLimiter(RateLimit.of("r", 10, 2, TimeUnit.SECONDS), () -> now);
        assertEquals("burst of 10", 10, take(r, 25));
        now += 200_000_000L;                       // a tenth of the period: one token
        assertEquals(1, take(r, 5));
        now += 199_999_999L;                       // just short of the next token
        assertEquals(0, take(r, 5));
        now += 1;
        assertEquals(1, take(r, 5));
        now += 10_000_000_000L;                    // long idle: the bucket holds at most the burst
        assertEquals(10, take(r, 25));
    }

    @Test
    public void zeroPacketsSendsNothingAndTheClockGoingBackwardsGivesNothing() {
        RateLimiter none = new RateLimiter(RateLimit.of("r", 0, 1, TimeUnit.SECONDS), () -> now);
        assertFalse(none.tryAcquire());
        RateLimiter r = new RateLimiter(RateLimit.of("r", 1, 1, TimeUnit.SECONDS), () -> now);
        assertTrue(r.tryAcquire());
        now -= 5_000_000_000L;
        assertFalse(r.tryAcquire());
    }

    @Test
    public void largestRateDoesNotOverflow() {
        RateLimiter r = new RateLimiter(RateLimit.of("r", 1_000_000, 1, TimeUnit.HOURS), () -> now);
        assertEquals(1000, take(r, 1000));
        now += TimeUnit.MINUTES.toNanos(59);
        assertTrue(r.tryAcquire());
    }
}
