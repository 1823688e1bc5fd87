package org.lwaftr.slowpath;

import org.lwaftr.filter.FrameFields;
import org.lwaftr.filter.PacketFilter;

import java.util.ArrayList;
import java.util.List;

/**
 * The sides' egress filters applied to what the slow path sends straight to a port (ICMP errors,
 * echo replies, fragments): the switch's egress_filter only sees what it forwards, and Snabb
 * filters its own packets too. Re-injected packets pass the switch's filter instead.
 */
final class EgressFilters {
    private EgressFilters() {
    }

    /**
     * @param cfg      the sides and their filters
     * @param out      packets to send
     * @param counters where refused packets are counted ({@link Counter#DROP_FILTERED})
     * @return the packets the filters let through, in order
     */
    static List<OutboundPacket> apply(SlowPathConfig cfg, List<OutboundPacket> out, SlowPathCounters counters) {
        if (out.isEmpty() || (cfg.lwb4EgressFilter() == null && cfg.internetEgressFilter() == null)) {
            return out;
        }
        List<OutboundPacket> kept = new ArrayList<>(out.size());
        for (OutboundPacket p : out) {
            PacketFilter f = p.isReinject() ? null : filterOf(cfg, p);
            if (f != null && !f.passes(FrameFields.of(p.frame()))) {
                counters.inc(Counter.DROP_FILTERED);
            } else {
                kept.add(p);
            }
        }
        return kept;
    }

    /** The side is the one whose port and VLAN the frame leaves with (both on a stick: by VLAN). */
    private static PacketFilter filterOf(SlowPathConfig cfg, OutboundPacket p) {
        byte[] f = p.frame();
        int vlan = f.length >= 16 && (f[12] & 0xff) == 0x81 && f[13] == 0 ? ((f[14] & 0x0f) << 8) | (f[15] & 0xff) : 0;
        if (p.port() == cfg.lwb4Side().port() && vlan == cfg.lwb4Side().vlan()) {
            return cfg.lwb4EgressFilter();
        }
        if (p.port() == cfg.internetSide().port() && vlan == cfg.internetSide().vlan()) {
            return cfg.internetEgressFilter();
        }
        return null;
    }
}
