package org.lwaftr.api;

import org.lwaftr.core.CounterValue;

import org.lwaftr.core.Softwire;

import java.util.Objects;

/**
 * Traffic of one softwire, both directions, summed over the AFTR devices that carry it.
 */
public final class SoftwireStats {
    private final Softwire softwire;
    private final int counterIndex;
    private final CounterValue downstream;
    private final CounterValue upstream;

    /**
     * @param softwire     the softwire
     * @param counterIndex its data-plane counter index
     * @param downstream   Internet → lwB4 (encapsulated)
     * @param upstream     lwB4 → Internet (decapsulated)
     */
    public SoftwireStats(Softwire softwire, int counterIndex, CounterValue downstream, CounterValue upstream) {
        this.softwire = softwire;
        this.counterIndex = counterIndex;
        this.downstream = Objects.requireNonNull(downstream);
        this.upstream = Objects.requireNonNull(upstream);
    }

    /** @return the softwire */
    public Softwire softwire() {
        return softwire;
    }

    /** @return the counter index (cells 2·index + direction) */
    public int counterIndex() {
        return counterIndex;
    }

    /** @return downstream traffic */
    public CounterValue downstream() {
        return downstream;
    }

    /** @return upstream traffic */
    public CounterValue upstream() {
        return upstream;
    }

    @Override
    public String toString() {
        return softwire + " #" + counterIndex + " down " + downstream + " up " + upstream;
    }
}
