package org.lwaftr.programming;

import org.junit.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.Assert.assertEquals;

/**
 * When a counter index taken by a softwire must be zeroed first, on each device: the rule both
 * hosts follow so that per-softwire counters start at zero.
 */
public class CounterReuseTest {
    private final CounterReuse<String> reuse = new CounterReuse<>();

    @Test
    public void aDeviceWithClearedCountersZeroesOnlyIndexesFreedSince() {
        assertEquals(List.of(), reuse.converged("s1", true));
        assertEquals("never used since the pipeline was set", Map.of(),
                reuse.change(Set.of("s1"), List.of(), List.of(0, 1, 2)));
        assertEquals(Map.of(), reuse.change(Set.of("s1"), List.of(1), List.of()));
        assertEquals("index 1 holds the former softwire's counts", Map.of("s1", List.of(1)),
                reuse.change(Set.of("s1"), List.of(), List.of(1, 3)));
        assertEquals("zeroed once", Map.of(), reuse.change(Set.of("s1"), List.of(), List.of()));
    }

    @Test
    public void aDeviceWithUnknownHistoryZeroesEveryIndexItHasNotSeenTaken() {
        assertEquals(Map.of("s1", List.of(4, 5)), reuse.change(Set.of("s1"), List.of(), List.of(4, 5)));
        reuse.change(Set.of("s1"), List.of(4), List.of());
        assertEquals(Map.of("s1", List.of(4, 6)), reuse.change(Set.of("s1"), List.of(), List.of(4, 6)));
    }

    @Test
    public void aDeviceAwayZeroesWhatWasTakenMeanwhileWhenItConverges() {
        reuse.converged("s1", true);
        reuse.converged("s2", true);
        reuse.change(Set.of("s1", "s2"), List.of(), List.of(0, 1));
        // s2 is away: index 1 is freed and taken again, index 7 taken for the first time
        assertEquals(Map.of("s1", List.of(1)), reuse.change(Set.of("s1"), List.of(1), List.of(1, 7)));
        assertEquals(1, reuse.pendingZeroes("s2"));
        assertEquals(List.of(1), reuse.converged("s2", false));
        assertEquals(List.of(), reuse.converged("s2", false));
        // a new pipeline on a device away: nothing to zero, its counters are cleared
        reuse.change(Set.of("s1"), List.of(0), List.of(0));
        assertEquals(List.of(), reuse.converged("s2", true));
    }

    @Test
    public void aForgottenDeviceStartsWithUnknownHistoryAgain() {
        reuse.converged("s1", true);
        reuse.forget("s1");
        assertEquals(Map.of("s1", List.of(9)), reuse.change(Set.of("s1"), List.of(), List.of(9)));
        assertEquals("untracked devices are not kept", 0, reuse.pendingZeroes("s3"));
    }
}
