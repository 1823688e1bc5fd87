package org.lwaftr.slowpath;

import org.lwaftr.core.BindingTable;
import org.lwaftr.core.PortSetShape;
import org.lwaftr.core.Softwire;
import org.onlab.packet.IPv6;

import java.util.ArrayList;
import java.util.List;

/**
 * Packets too large for the side they leave by (the punts DOWNSTREAM_MTU and UPSTREAM_MTU).
 * <ul>
 *   <li>Downstream, DF set: ICMPv4 3/4 to the sender with next-hop MTU = lwB4-side MTU − 40
 *       (RFC 1191; RFC 2473 §7.2; as Snabb). DF clear: the AFTR does what the data plane would
 *       (TTL − 1, encapsulation toward the softwire of RFC 7596 §6.2) and fragments the IPv6 packet
 *       to the lwB4-side MTU (RFC 2473 §7.1, RFC 8200 §4.5).</li>
 *   <li>Upstream, DF set: ICMPv4 3/4 with next-hop MTU = Internet MTU, back through the softwire
 *       from its BR address. DF clear: IPv4 fragmentation to the Internet MTU (RFC 791).</li>
 * </ul>
 */
final class MtuHandler {

    private final SlowPathConfig cfg;
    private final BindingTable table;
    private final Egress egress;
    private final Fragmenter fragmenter;
    private final IcmpErrors errors;
    private final SlowPathCounters counters;

    MtuHandler(SlowPathConfig cfg, BindingTable table, Egress egress, Fragmenter fragmenter, IcmpErrors errors,
               SlowPathCounters counters) {
        this.cfg = cfg;
        this.table = table;
        this.egress = egress;
        this.fragmenter = fragmenter;
        this.errors = errors;
        this.counters = counters;
    }

    /**
     * @param f      the punted frame
     * @param p      the IPv4 packet to send downstream
     * @param tunnel the softwire it came through if hairpinned, else null
     * @return what to send
     */
    List<OutboundPacket> downstream(Frame f, Ipv4View p, Ipv6View tunnel) {
        if (p.df()) {
            return errors.icmpv4(3, 4, cfg.lwb4Side().mtu() - Ipv6View.HEADER, p, f, tunnel, Counter.OUT_ICMPV4_3_4);
        }
        if (p.protocol() == Ipv4View.PROTO_ICMP && tunnel == null && !cfg.allowIncomingIcmp()) {
            return drop(Counter.DROP_POLICY_ICMP);
        }
        Softwire sw = softwireOf(p);
        if (sw == null) {
            // The binding went away since the data plane looked: answer as the miss it now is.
            counters.inc(Counter.DROP_NO_SOFTWIRE);
            return noBinding(f, p, tunnel);
        }
        if (p.ttl() <= 1) {
            return errors.icmpv4(11, 0, 0, p, f, tunnel, Counter.OUT_ICMPV4_11_0);
        }
        byte[] inner = p.bytes();
        inner[8]--;                                         // TTL − 1, as the data plane does
        Checksums.setIpv4Header(inner, 0);
        IPv6 header = egress.encapsulate(inner, sw.br(), sw.lwb4(), p.tos());
        return egress.fragmentsToLwb4(fragmenter.ipv6(header, Ipv6View.NH_IPV4, inner, cfg.lwb4Side().mtu()));
    }

    /**
     * @param f     the punted frame
     * @param outer the encapsulating IPv6 packet
     * @param p     the decapsulated IPv4 packet
     * @return what to send
     */
    List<OutboundPacket> upstream(Frame f, Ipv6View outer, Ipv4View p) {
        if (p.df()) {
            return errors.icmpv4(3, 4, cfg.internetSide().mtu(), p, f, outer, Counter.OUT_ICMPV4_3_4);
        }
        if (p.protocol() == Ipv4View.PROTO_ICMP && !cfg.allowOutgoingIcmp()) {
            return drop(Counter.DROP_POLICY_ICMP);
        }
        return egress.fragmentsToInternet(Fragmenter.ipv4(p, cfg.internetSide().mtu()));
    }

    /**
     * RFC 7596 §6.2 downstream miss: ICMPv4 3/1 to the sender, unless it is ICMP (§8.1: unmatched
     * ICMP is discarded silently).
     */
    List<OutboundPacket> noBinding(Frame f, Ipv4View p, Ipv6View tunnel) {
        if (p.protocol() == Ipv4View.PROTO_ICMP) {
            return drop(Counter.DROP_NO_ERROR_ALLOWED);
        }
        return errors.icmpv4(3, 1, 0, p, f, tunnel, Counter.OUT_ICMPV4_3_1);
    }

    /** The softwire of the destination, keyed as RFC 7596 §6.2 and the data plane do. */
    Softwire softwireOf(Ipv4View p) {
        return lookup(table, p.dst(), p.downstreamPort());
    }

    /**
     * RFC 7596 §6.2 lookup of (address, port) as the data plane does it.
     *
     * @param port the packet's port, or -1 if it has none: portless packets reach only whole
     *             addresses (k = 0)
     * @return the softwire, or null
     */
    static Softwire lookup(BindingTable table, int ipv4, int port) {
        if (port < 0) {
            PortSetShape shape = table.shape(ipv4);
            return shape != null && shape.length() == 0 ? table.lookup(ipv4, 0) : null;
        }
        return table.lookup(ipv4, port);
    }

    private List<OutboundPacket> drop(Counter c) {
        counters.inc(c);
        return new ArrayList<>();
    }
}
