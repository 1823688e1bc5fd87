package org.lwaftr.slowpath;

import org.lwaftr.pipeconf.gen.PuntReason;
import org.lwaftr.core.BindingTable;
import org.onlab.packet.DeserializationException;
import org.onlab.packet.Ethernet;

import java.security.SecureRandom;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The lwAFTR slow path: a punted frame in (as the switch received it, with its ingress port and
 * punt reason), the packets to send out. Plain Java, no ONOS services; thread-safe.
 *
 * <p>Nothing escapes: a packet that is truncated, inconsistent with its reason, or of an unknown
 * reason is counted and dropped ({@link #counters()}).
 *
 * <p>Hairpinned packets (RFC 7596 §6.2) take a second pass through the pipeline; one that misses
 * the binding table, expires, or is too large there is punted still encapsulated, as it arrived
 * from its lwB4. The slow path decapsulates it and handles it as downstream, except that an
 * ICMPv4 error goes back through the softwire it came by (from its BR address to its lwB4):
 * its sender sits behind that lwB4, not on the Internet (Snabb does the same).
 */
public final class SlowPath {

    private final SlowPathConfig cfg;
    private final SlowPathCounters counters = new SlowPathCounters();
    private final IcmpErrors errors;
    private final MtuHandler mtu;
    private final Echo echo;
    private final Icmpv6Relay relay;
    private final ArpNdpResponder resolver;
    private final Reassemblers reassemblers;
    private final NextHopResolver nextHops;

    /**
     * @param cfg      configuration
     * @param table    the binding table (read only)
     * @param nanoTime clock for rate limiting and reassembly timeouts
     * @param ids      identifications of the IPv4 packets and IPv6 fragments the AFTR originates
     */
    public SlowPath(SlowPathConfig cfg, BindingTable table, LongSupplier nanoTime, IntSupplier ids) {
        this(cfg, table, nanoTime, ids, new NextHopResolver(nanoTime, (l, i) -> { }));
    }

    /**
     * @param cfg      configuration
     * @param table    the binding table (read only)
     * @param nanoTime clock for rate limiting and reassembly timeouts
     * @param ids      identifications of the IPv4 packets and IPv6 fragments the AFTR originates
     * @param nextHops resolves the next hops given by address; configured here with {@code cfg}
     *                 (one resolver per AFTR, kept across slow paths so that what it learned stays)
     */
    public SlowPath(SlowPathConfig cfg, BindingTable table, LongSupplier nanoTime, IntSupplier ids,
                    NextHopResolver nextHops) {
        this.cfg = cfg;
        this.nextHops = nextHops;
        nextHops.configure(cfg);
        Egress egress = new Egress(cfg, counters, nextHops);
        Fragmenter fragmenter = new Fragmenter(ids);
        this.errors = new IcmpErrors(cfg, egress, counters, nanoTime, ids);
        this.mtu = new MtuHandler(cfg, table, egress, fragmenter, errors, counters);
        this.echo = new Echo(cfg, table, egress, fragmenter, counters);
        this.relay = new Icmpv6Relay(cfg, table, errors, counters);
        this.resolver = new ArpNdpResponder(cfg, cfg.neighborTargets()::contains, nextHops, counters);
        this.reassemblers = new Reassemblers(cfg, nanoTime, counters,
                new Reassembled(cfg, table, mtu, errors, counters, this::asPunted));
    }

    /**
     * A slow path on the system clock, with identifications counting from a random start.
     *
     * @param cfg   configuration
     * @param table the binding table
     */
    public SlowPath(SlowPathConfig cfg, BindingTable table) {
        this(cfg, table, System::nanoTime, new AtomicInteger(new SecureRandom().nextInt())::incrementAndGet);
    }

    /**
     * A slow path on the system clock, with identifications counting from a random start.
     *
     * @param cfg      configuration
     * @param table    the binding table
     * @param nextHops resolves the next hops given by address (kept across slow paths)
     */
    public SlowPath(SlowPathConfig cfg, BindingTable table, NextHopResolver nextHops) {
        this(cfg, table, System::nanoTime, new AtomicInteger(new SecureRandom().nextInt())::incrementAndGet, nextHops);
    }

    /**
     * Handles one punted frame.
     *
     * @param frame       the frame as the switch received it (VLAN tag included); not modified
     * @param ingressPort the port it arrived on (packet_in.ingress_port)
     * @param reasonCode  packet_in.reason (pipeline.p4 PuntReason_t)
     * @return the packets to send, possibly none; never null
     */
    public List<OutboundPacket> handle(byte[] frame, int ingressPort, int reasonCode) {
        counters.punted(reasonCode);
        try {
            PuntReason reason = reasonOf(reasonCode);
            if (reason == null || reason == PuntReason.NONE) {
                counters.inc(Counter.DROP_UNKNOWN_REASON);
                return Collections.emptyList();
            }
            return EgressFilters.apply(cfg, dispatch(Frame.parse(frame, ingressPort), reason), counters);
        } catch (Malformed e) {
            counters.inc(e.counter());
        } catch (DeserializationException e) {
            counters.inc(Counter.DROP_MALFORMED);
        } catch (RuntimeException e) {
            counters.inc(Counter.DROP_INTERNAL_ERROR);
        }
        return Collections.emptyList();
    }

    /** Abandons reassemblies past their timeout; call now and then (they also expire as fragments arrive). */
    public void expireReassemblies() {
        reassemblers.expire();
    }

    /** @return reassemblies waiting for fragments */
    public int reassembliesInFlight() {
        return reassemblers.inFlight();
    }

    /** @return a snapshot of every counter by name (the next-hop resolver's included) */
    public Map<String, Long> counters() {
        Map<String, Long> out = counters.snapshot();
        nextHops.counters().forEach((k, v) -> out.merge(k, v, Long::sum));
        return out;
    }

    /** @return the resolver of next hops given by address */
    public NextHopResolver nextHops() {
        return nextHops;
    }

    /** @return the live counters */
    public SlowPathCounters counterSet() {
        return counters;
    }

    /** @return the configuration */
    public SlowPathConfig config() {
        return cfg;
    }

    /**
     * THE place that maps packet_in.reason to a reason: switch to
     * {@code org.lwaftr.pipeconf.gen.PuntReason.fromCode(code)} once that class is generated.
     */
    private static PuntReason reasonOf(int code) {
        return PuntReason.fromCode(code);
    }

    /** @return the P4 name of a reason code, in lower case with dashes ("downstream-mtu"), or its number */
    static String reasonName(int code) {
        PuntReason r = reasonOf(code);
        return r == null ? Integer.toString(code) : r.name().toLowerCase().replace('_', '-');
    }

    private List<OutboundPacket> dispatch(Frame f, PuntReason reason) throws DeserializationException {
        switch (reason) {
            case ARP:
                expect(f, Ethernet.TYPE_ARP);
                return resolver.arp(f);
            case NDP:
                expect(f, Ethernet.TYPE_IPV6);
                return resolver.ndp(f);
            case ICMPV4_TO_AFTR:
                expect(f, Ethernet.TYPE_IPV4);
                return echo.ipv4(f);
            case ICMPV6_TO_BR:
                expect(f, Ethernet.TYPE_IPV6);
                return Icmpv6Relay.isError(f) ? relay.relay(f) : echo.ipv6(f);
            case IPV4_FRAGMENT:
                expect(f, Ethernet.TYPE_IPV4);
                return reassemblers.ipv4(f);
            case IPV6_FRAGMENT:
                expect(f, Ethernet.TYPE_IPV6);
                return reassemblers.ipv6(f);
            case INNER_IPV4_FRAGMENT:
                expect(f, Ethernet.TYPE_IPV6);
                return reassemblers.innerIpv4(f);
            case UPSTREAM_NO_BINDING:
                expect(f, Ethernet.TYPE_IPV6);
                return errors.icmpv6PolicyFailure(Ipv6View.parse(f.bytes, f.l3Offset, f.l3Length()), f);
            case UPSTREAM_MTU:
                return upstreamMtu(f);
            case DOWNSTREAM_NO_BINDING:
            case TTL_EXPIRED:
            case DOWNSTREAM_MTU:
                return downstream(f, reason);
            default:
                counters.inc(Counter.DROP_UNKNOWN_REASON);
                return Collections.emptyList();
        }
    }

    /** A packet the data plane would punt for {@code reason} but cannot (it came from the controller). */
    private List<OutboundPacket> asPunted(Frame f, PuntReason reason) {
        try {
            return dispatch(f, reason);
        } catch (DeserializationException e) {
            throw new Malformed(Counter.DROP_MALFORMED, e.getMessage());
        }
    }

    private List<OutboundPacket> upstreamMtu(Frame f) {
        expect(f, Ethernet.TYPE_IPV6);
        Ipv6View outer = Ipv6View.parse(f.bytes, f.l3Offset, f.l3Length());
        Ipv4View inner = outer.innerIpv4();
        Malformed.check(inner != null, "no encapsulated IPv4 packet");
        return mtu.upstream(f, outer, inner);
    }

    /** Downstream reasons, for a packet from the Internet or (encapsulated) a hairpinned one. */
    private List<OutboundPacket> downstream(Frame f, PuntReason reason) {
        Ipv6View tunnel = null;
        Ipv4View p;
        if (f.etherType == (Ethernet.TYPE_IPV6 & 0xffff)) {
            if (!cfg.hairpinning()) {
                counters.inc(Counter.DROP_HAIRPIN_OFF);
                return Collections.emptyList();
            }
            tunnel = Ipv6View.parse(f.bytes, f.l3Offset, f.l3Length());
            p = tunnel.innerIpv4();
            Malformed.check(p != null, "hairpinned packet without an encapsulated IPv4 packet");
        } else {
            expect(f, Ethernet.TYPE_IPV4);
            p = Ipv4View.parse(f.bytes, f.l3Offset, f.l3Length());
        }
        switch (reason) {
            case TTL_EXPIRED:
                Malformed.check(p.ttl() <= 1, "TTL_EXPIRED punt with TTL " + p.ttl());
                return errors.icmpv4(11, 0, 0, p, f, tunnel, Counter.OUT_ICMPV4_11_0);
            case DOWNSTREAM_MTU:
                return mtu.downstream(f, p, tunnel);
            default:
                return mtu.noBinding(f, p, tunnel);
        }
    }

    private static void expect(Frame f, short etherType) {
        Malformed.check(f.etherType == (etherType & 0xffff),
                "ethertype 0x" + Integer.toHexString(f.etherType) + " does not fit the punt reason");
    }
}
