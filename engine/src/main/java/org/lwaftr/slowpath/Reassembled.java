package org.lwaftr.slowpath;

import org.lwaftr.core.BindingTable;
import org.lwaftr.core.Softwire;
import org.lwaftr.pipeconf.gen.PuntReason;

import java.util.Collections;
import java.util.List;

/**
 * What becomes of a reassembled packet. The data plane drops a re-injected packet that it would
 * punt (REINJECT_PUNT), so that re-injection never loops; a reassembled packet is therefore
 * re-injected only when the pipeline will forward it whole: translated, and within the MTU of the
 * side it leaves by. Everything else is decided here, as the data plane and the slow path decide
 * for an unfragmented packet, and sent straight out of a port (never re-injected):
 * <ul>
 *   <li>over the MTU once translated (RFC 7596 §5.3): fragmented, or ICMPv4 3/4 if DF, by
 *       {@link MtuHandler} exactly as for a DOWNSTREAM_MTU / UPSTREAM_MTU punt;</li>
 *   <li>downstream without a softwire, or with its TTL expiring: ICMPv4 3/1 or 11/0 (RFC 7596
 *       §6.2, §8.1);</li>
 *   <li>upstream from a source the binding table does not hold for that lwB4 and BR: ICMPv6 1/5
 *       (RFC 7596 §6.2);</li>
 *   <li>ICMP refused by allow-incoming/outgoing-icmp: dropped (the data plane does not apply these
 *       to the controller's packets, so this is the only place they are applied to reassembled
 *       ones);</li>
 *   <li>ICMP to the AFTR's IPv4 addresses, ICMPv6 to a BR: handled as the punt the data plane
 *       would have made (ICMPV4_TO_AFTR, ICMPV6_TO_BR).</li>
 * </ul>
 */
final class Reassembled {

    private final SlowPathConfig cfg;
    private final BindingTable table;
    private final MtuHandler mtu;
    private final IcmpErrors errors;
    private final SlowPathCounters counters;
    private final AsPunted asPunted;

    /** The slow path's handling of a punt, for a packet the data plane would punt for that reason. */
    interface AsPunted {
        List<OutboundPacket> handle(Frame f, PuntReason reason);
    }

    Reassembled(SlowPathConfig cfg, BindingTable table, MtuHandler mtu, IcmpErrors errors, SlowPathCounters counters,
                AsPunted asPunted) {
        this.cfg = cfg;
        this.table = table;
        this.mtu = mtu;
        this.errors = errors;
        this.counters = counters;
        this.asPunted = asPunted;
    }

    /**
     * A reassembled IPv4 packet from the Internet (IPV4_FRAGMENT).
     *
     * @param f the frame of its first fragment with the whole packet in it
     * @param p the packet
     * @return what to send
     */
    List<OutboundPacket> downstream(Frame f, Ipv4View p) {
        if (cfg.isAftrIpv4(p.dst())) {
            // To the AFTR itself: echo (a large request arrives in fragments); anything else the
            // data plane drops (AFTR_OTHER).
            return p.protocol() == Ipv4View.PROTO_ICMP ? asPunted.handle(f, PuntReason.ICMPV4_TO_AFTR) : reinject(f);
        }
        if (p.protocol() == Ipv4View.PROTO_ICMP && !cfg.allowIncomingIcmp()) {
            return drop(Counter.DROP_POLICY_ICMP);
        }
        return toSoftwire(f, p, null);
    }

    /**
     * A reassembled tunnel packet from a lwB4 (IPV6_FRAGMENT, INNER_IPV4_FRAGMENT).
     *
     * @param f     the frame of its first fragment with the whole packet in it
     * @param outer the IPv6 packet
     * @param p     the IPv4 packet it carries (not a fragment)
     * @return what to send
     */
    List<OutboundPacket> upstream(Frame f, Ipv6View outer, Ipv4View p) {
        if (p.protocol() == Ipv4View.PROTO_ICMP && !cfg.allowOutgoingIcmp()) {
            return drop(Counter.DROP_POLICY_ICMP);
        }
        Softwire from = MtuHandler.lookup(table, p.src(), p.upstreamPort());
        if (from == null || !from.lwb4().equals(outer.src()) || !from.br().equals(outer.dst())) {
            return errors.icmpv6PolicyFailure(outer, f);
        }
        if (cfg.hairpinning() && table.shape(p.dst()) != null) {
            return toSoftwire(f, p, outer);         // RFC 7596 §6.2 hairpinning
        }
        if (p.totalLength <= cfg.internetSide().mtu()) {
            return reinject(f);
        }
        counters.inc(Counter.REASSEMBLED_TOO_BIG);
        return mtu.upstream(f, outer, p);
    }

    /**
     * A reassembled IPv6 packet to a BR that carries no IPv4 packet: ICMPv6 is handled as the
     * ICMPV6_TO_BR punt it would be; the data plane drops anything else (UNSUPPORTED).
     *
     * @param f the frame of its first fragment with the whole packet in it
     * @param p the packet
     * @return what to send
     */
    List<OutboundPacket> notTunnelled(Frame f, Ipv6View p) {
        return p.nextHeader() == Ipv6View.NH_ICMPV6 ? asPunted.handle(f, PuntReason.ICMPV6_TO_BR) : reinject(f);
    }

    /** Toward the destination's softwire; {@code tunnel} is the one a hairpinned packet came by, else null. */
    private List<OutboundPacket> toSoftwire(Frame f, Ipv4View p, Ipv6View tunnel) {
        if (mtu.softwireOf(p) == null) {
            return mtu.noBinding(f, p, tunnel);
        }
        if (p.ttl() <= 1) {
            return errors.icmpv4(11, 0, 0, p, f, tunnel, Counter.OUT_ICMPV4_11_0);
        }
        if (p.totalLength + Ipv6View.HEADER <= cfg.lwb4Side().mtu()) {
            return reinject(f);
        }
        counters.inc(Counter.REASSEMBLED_TOO_BIG);
        return mtu.downstream(f, p, tunnel);
    }

    private List<OutboundPacket> reinject(Frame f) {
        counters.inc(Counter.OUT_REINJECTED);
        return Collections.singletonList(OutboundPacket.reinject(f.bytes));
    }

    private List<OutboundPacket> drop(Counter c) {
        counters.inc(c);
        return Collections.emptyList();
    }
}
