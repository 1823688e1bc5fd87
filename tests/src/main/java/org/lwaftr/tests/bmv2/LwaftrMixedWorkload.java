package org.lwaftr.tests.bmv2;

/**
 * Benchmark workload: as {@link LwaftrWorkload}, with downstream and upstream frames alternating
 * (one of each per softwire) on a port of both sides; both directions leave by port 2.
 */
public final class LwaftrMixedWorkload extends LwaftrWorkload {
    /** Both directions. */
    public LwaftrMixedWorkload() {
        super(true);
    }
}
