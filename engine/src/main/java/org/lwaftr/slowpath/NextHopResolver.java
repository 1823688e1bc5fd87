package org.lwaftr.slowpath;

import org.onlab.packet.ARP;
import org.onlab.packet.Ethernet;
import org.onlab.packet.ICMP6;
import org.onlab.packet.IPv6;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.IpAddress;
import org.onlab.packet.MacAddress;
import org.onlab.packet.ndp.NeighborDiscoveryOptions;
import org.onlab.packet.ndp.NeighborSolicitation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Resolves the next hops given by address: ARP (RFC 826) on the Internet side, neighbour
 * discovery (RFC 4861) on the lwB4 side, from the AFTR's first address of that side's family.
 *
 * <p>{@link #due()} returns the requests to send now: at once for an unresolved next hop, then
 * again after 1, 2, 4 … s (at most {@link #MAX_RETRY_NANOS} apart) until a reply comes; a
 * resolved next hop is asked again every {@link #REFRESH_NANOS} (its MAC is kept meanwhile: an
 * unanswered refresh only brings back the retries). Snabb's lwAFTR asks every 3 s until resolved
 * and then stops; the refresh here is what notices a replaced router.
 *
 * <p>The MAC is learned from ARP packets whose sender is the next hop (replies, and its own
 * requests: RFC 826's merge) and from neighbour advertisements for the next hop's address with a
 * target link-layer address (RFC 4861 §7.2.5: taken while unresolved, or when the override flag
 * is set or the MAC is the same). The {@link Listener} hears of every new or changed MAC.
 * Thread-safe; outlives the {@link SlowPath}s built on it ({@link #configure} keeps what it
 * learned for a next hop whose side and address are unchanged).
 */
public final class NextHopResolver {

    /** First retry after an unanswered request. */
    public static final long FIRST_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Largest gap between retries while unresolved. */
    public static final long MAX_RETRY_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** A resolved next hop is asked again after this. */
    public static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(60);

    /** Hears of next-hop MACs learned or changed. */
    public interface Listener {
        /**
         * @param lwb4     the lwB4 side's next-hop MAC now (null: unresolved or given by MAC)
         * @param internet the Internet side's next-hop MAC now (null: unresolved or given by MAC)
         */
        void nextHopsChanged(MacAddress lwb4, MacAddress internet);
    }

    private final LongSupplier nanoTime;
    private final Listener listener;
    private final SlowPathCounters counters = new SlowPathCounters();
    private Target lwb4;
    private Target internet;

    /**
     * @param nanoTime clock of retries and refreshes
     * @param listener told of every new or changed MAC (called outside this object's lock)
     */
    public NextHopResolver(LongSupplier nanoTime, Listener listener) {
        this.nanoTime = nanoTime;
        this.listener = Objects.requireNonNull(listener);
    }

    /** One next hop to resolve, and what is known of it. */
    private static final class Target {
        final SideConfig side;
        final IpAddress ip;
        final IpAddress source;
        MacAddress mac;
        long nextSend;
        long backoff = FIRST_RETRY_NANOS;

        Target(SideConfig side, IpAddress ip, IpAddress source, long now) {
            this.side = side;
            this.ip = ip;
            this.source = source;
            this.nextSend = now;
        }

        boolean sameAs(Target t) {
            return t != null && side.port() == t.side.port() && side.vlan() == t.side.vlan()
                    && side.aftrMac().equals(t.side.aftrMac()) && ip.equals(t.ip) && source.equals(t.source);
        }
    }

    /**
     * Takes the next hops of a configuration (called by {@link SlowPath}'s constructor).
     *
     * @param cfg the slow path's configuration
     */
    public void configure(SlowPathConfig cfg) {
        long now = nanoTime.getAsLong();
        SideConfig l = cfg.lwb4Side();
        SideConfig i = cfg.internetSide();
        Target newLwb4 = l.nextHopIp() == null ? null
                : new Target(l, l.nextHopIp(), cfg.aftrIpv6().get(0), now);
        Target newInet = i.nextHopIp() == null ? null
                : new Target(i, i.nextHopIp(), cfg.aftrIpv4().get(0), now);
        boolean changed;
        MacAddress[] macs;
        synchronized (this) {
            MacAddress before = macOf(lwb4);
            MacAddress beforeInet = macOf(internet);
            lwb4 = newLwb4 != null && newLwb4.sameAs(lwb4) ? lwb4 : newLwb4;
            internet = newInet != null && newInet.sameAs(internet) ? internet : newInet;
            macs = new MacAddress[] {macOf(lwb4), macOf(internet)};
            changed = !Objects.equals(before, macs[0]) || !Objects.equals(beforeInet, macs[1]);
        }
        if (changed) {
            listener.nextHopsChanged(macs[0], macs[1]);
        }
    }

    private static MacAddress macOf(Target t) {
        return t == null ? null : t.mac;
    }

    /** @return the requests due now (ARP requests, neighbour solicitations), possibly none */
    public List<OutboundPacket> due() {
        long now = nanoTime.getAsLong();
        List<OutboundPacket> out = new ArrayList<>(2);
        synchronized (this) {
            for (Target t : new Target[] {lwb4, internet}) {
                if (t != null && now - t.nextSend >= 0) {
                    out.add(t == internet ? arpRequest(t) : neighborSolicitation(t));
                    t.nextSend = now + t.backoff;
                    t.backoff = Math.min(2 * t.backoff, MAX_RETRY_NANOS);
                }
            }
        }
        return out;
    }

    /** @return the lwB4 side's learned next-hop MAC, or null */
    public synchronized MacAddress lwb4Mac() {
        return macOf(lwb4);
    }

    /** @return the Internet side's learned next-hop MAC, or null */
    public synchronized MacAddress internetMac() {
        return macOf(internet);
    }

    /** @return a snapshot of the resolver's counters (requests sent, replies learned) */
    public java.util.Map<String, Long> counters() {
        return counters.snapshot();
    }

    /** @return requests sent and replies learned, by {@link Counter} */
    long count(Counter c) {
        return counters.get(c);
    }

    /**
     * @param side a side of the configuration in force
     * @return its next hop's MAC, configured or learned; null while unresolved
     */
    MacAddress mac(SideConfig side) {
        if (side.nextHopMac() != null) {
            return side.nextHopMac();
        }
        synchronized (this) {
            for (Target t : new Target[] {lwb4, internet}) {
                if (t != null && t.side.name().equals(side.name())) {
                    return t.mac;
                }
            }
            return null;
        }
    }

    /** RFC 826 request: broadcast, "who has next hop? tell AFTR", target hardware address zero. */
    private OutboundPacket arpRequest(Target t) {
        ARP a = NdpArp.arp(ARP.OP_REQUEST, t.side.aftrMac(), t.source.toOctets(), MacAddress.ZERO.toBytes(),
                t.ip.toOctets());
        counters.inc(Counter.OUT_ARP_REQUEST);
        return Egress.send(t.side, MacAddress.BROADCAST, Ethernet.TYPE_ARP, a, false);
    }

    /**
     * RFC 4861 §7.2.2 solicitation: to the target's solicited-node group (RFC 4291 §2.7.1) and its
     * MAC (RFC 2464 §7), hop limit 255, with the AFTR's source link-layer address (§4.3).
     */
    private OutboundPacket neighborSolicitation(Target t) {
        byte[] group = IPv6.getSolicitNodeAddress(t.ip.toOctets());
        NeighborSolicitation ns = new NeighborSolicitation();
        ns.setTargetAddress(t.ip.toOctets());
        ns.addOption(NeighborDiscoveryOptions.TYPE_SOURCE_LL_ADDRESS, t.side.aftrMac().toBytes());
        IPv6 ip6 = NdpArp.ndp(ICMP6.NEIGHBOR_SOLICITATION, ns, t.source.toOctets(), group);
        counters.inc(Counter.OUT_NDP_NS);
        return Egress.send(t.side, MacAddress.valueOf(IPv6.getMCastMacAddress(group)), Ethernet.TYPE_IPV6, ip6, true);
    }

    /**
     * An ARP packet received on the Internet side (ARP reply, or the next hop's own request).
     *
     * @return true if it came from the next hop (its MAC was taken)
     */
    boolean arp(ARP a) {
        Ip4Address sender = Ip4Address.valueOf(a.getSenderProtocolAddress());
        MacAddress mac;
        Target t;
        synchronized (this) {
            t = internet; // the target the reply matched, even if reconfigured before learn()
            if (t == null || !t.ip.equals(sender)) {
                return false;
            }
            mac = MacAddress.valueOf(a.getSenderHardwareAddress());
            Malformed.check(unicast(mac), "ARP sender hardware address is not unicast");
        }
        learn(t, mac);
        return true;
    }

    /**
     * A neighbour advertisement received on the lwB4 side, ICMPv6 checksum already verified;
     * validated as RFC 4861 §7.1.2 asks.
     *
     * @param p the IPv6 packet
     * @return true if it advertised the next hop's address with a usable link-layer address
     */
    boolean neighborAdvertisement(Ipv6View p) {
        byte[] b = p.b;
        int o = p.payloadOffset();
        Malformed.check(p.hopLimit() == NdpArp.NDP_HOP_LIMIT, "NA hop limit is not 255");
        Malformed.check(b[o + 1] == 0, "NA code is not 0");
        Malformed.check(p.payloadLength >= 24, "NA truncated");
        boolean solicited = (b[o + 4] & 0x40) != 0;
        boolean override = (b[o + 4] & 0x20) != 0;
        byte[] target = Arrays.copyOfRange(b, o + 8, o + 24);
        Malformed.check((target[0] & 0xff) != 0xff, "NA target is multicast");
        Malformed.check(!(solicited && (p.dstBytes()[0] & 0xff) == 0xff), "solicited NA sent to a multicast group");
        MacAddress tlla = targetLinkLayer(b, o + 24, o + p.payloadLength);
        Target t;
        synchronized (this) {
            t = lwb4;
            if (t == null || !Arrays.equals(t.ip.toOctets(), target)) {
                return false;
            }
            // §7.2.5: without a target link-layer address an unresolved entry learns nothing.
            if (tlla == null || (t.mac != null && !override && !tlla.equals(t.mac))) {
                return false;
            }
        }
        learn(t, tlla);
        return true;
    }

    /** @return the target link-layer address option's MAC (RFC 4861 §4.6.1), or null */
    private static MacAddress targetLinkLayer(byte[] b, int from, int end) {
        MacAddress mac = null;
        for (int i = from; i < end;) {
            Malformed.check(end - i >= 2, "NDP option truncated");
            int len = (b[i + 1] & 0xff) * 8;
            Malformed.check(len > 0 && i + len <= end, "NDP option length " + len + " is invalid"); // §7.1.2
            if (b[i] == NeighborDiscoveryOptions.TYPE_TARGET_LL_ADDRESS && len == 8) {
                mac = MacAddress.valueOf(Arrays.copyOfRange(b, i + 2, i + 8));
            }
            i += len;
        }
        Malformed.check(mac == null || unicast(mac), "NA target link-layer address is not unicast");
        return mac;
    }

    /** @return false for group (multicast, broadcast) and all-zero MACs */
    private static boolean unicast(MacAddress mac) {
        return (mac.toBytes()[0] & 1) == 0 && !mac.equals(MacAddress.ZERO);
    }

    private void learn(Target t, MacAddress mac) {
        counters.inc(Counter.NEXT_HOP_LEARNED);
        MacAddress[] macs;
        synchronized (this) {
            if (t != lwb4 && t != internet) {
                return; // reconfigured meanwhile
            }
            t.nextSend = nanoTime.getAsLong() + REFRESH_NANOS;
            t.backoff = FIRST_RETRY_NANOS;
            if (mac.equals(t.mac)) {
                return;
            }
            t.mac = mac;
            macs = new MacAddress[] {macOf(lwb4), macOf(internet)};
        }
        counters.inc(Counter.NEXT_HOP_CHANGED);
        listener.nextHopsChanged(macs[0], macs[1]);
    }
}
