package org.lwaftr.config;

/**
 * The {@code punt-meter} of the app policy: the rate limit of the data plane's {@code punt_meter},
 * one meter cell per punt reason, each allowing {@link #ratePps()} packets per second with bursts of
 * {@link #burstPackets()} (RFC 7596 §9: the lwAFTR protects itself and its control plane). Packets
 * over the rate are dropped in the switch (DropReason PUNT_METER).
 */
public final class PuntMeterPolicy {

    /** Packets per second per punt reason: ample for ARP/NDP/ICMP, small enough to protect the controller. */
    public static final int DEFAULT_RATE_PPS = 1000;
    public static final int DEFAULT_BURST_PACKETS = 100;
    /** Upper bound of both values (a meter above the switch's packet rate means nothing). */
    public static final int MAX = 1_000_000;

    /** The defaults. */
    public static final PuntMeterPolicy DEFAULT = new PuntMeterPolicy(DEFAULT_RATE_PPS, DEFAULT_BURST_PACKETS);

    private final int ratePps;
    private final int burstPackets;

    /**
     * @param ratePps      packets per second per reason (1..{@link #MAX})
     * @param burstPackets burst size in packets (1..{@link #MAX})
     */
    public PuntMeterPolicy(int ratePps, int burstPackets) {
        if (ratePps < 1 || ratePps > MAX || burstPackets < 1 || burstPackets > MAX) {
            throw new IllegalArgumentException("punt meter " + ratePps + " pps / " + burstPackets
                    + " packets is outside 1.." + MAX);
        }
        this.ratePps = ratePps;
        this.burstPackets = burstPackets;
    }

    /** @return rate-pps: packets per second per punt reason */
    public int ratePps() {
        return ratePps;
    }

    /** @return burst-packets: the burst size in packets */
    public int burstPackets() {
        return burstPackets;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PuntMeterPolicy)) {
            return false;
        }
        PuntMeterPolicy p = (PuntMeterPolicy) o;
        return ratePps == p.ratePps && burstPackets == p.burstPackets;
    }

    @Override
    public int hashCode() {
        return 31 * ratePps + burstPackets;
    }

    @Override
    public String toString() {
        return "punt-meter{" + ratePps + " pps, burst " + burstPackets + "}";
    }
}
