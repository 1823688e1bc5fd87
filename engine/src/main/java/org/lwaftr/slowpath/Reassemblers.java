package org.lwaftr.slowpath;

import org.onlab.packet.Data;
import org.onlab.packet.IPv4;
import org.onlab.packet.IPv6;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Reassembly of punted fragments. Each complete packet, in the L2 header its first fragment
 * arrived in, goes to {@link Reassembled}: re-injected through the pipeline when the pipeline will
 * forward it whole, else translated (and fragmented if over the MTU) here.
 * <ul>
 *   <li>IPV4_FRAGMENT: downstream IPv4, keyed (src, dst, protocol, id) (RFC 791);</li>
 *   <li>IPV6_FRAGMENT: upstream IPv6, keyed (src, dst, id) (RFC 8200 §4.5); the Fragment header
 *       must follow the IPv6 header, as the data plane parses it;</li>
 *   <li>INNER_IPV4_FRAGMENT: IPv4 fragmented by the lwB4 before encapsulation, keyed by the IPv4
 *       tuple and the tunnel's two addresses (lwB4s sharing an IPv4 address pick identifications
 *       independently); the reassembled packet is encapsulated again like its first fragment.</li>
 * </ul>
 */
final class Reassemblers {

    private static final int MAX_IPV4_PAYLOAD = 65535 - 20;
    private static final int MAX_IPV6_PAYLOAD = 65535;

    private final ReassemblyTable<ByteBuffer> ipv4;
    private final ReassemblyTable<ByteBuffer> ipv6;
    private final ReassemblyTable<ByteBuffer> inner;
    private final SlowPathCounters counters;
    private final Reassembled after;

    /** What a packet's headers are rebuilt from: the frame of its fragment at offset 0. */
    private static final class First {
        final byte[] frame;
        final int l3;

        First(Frame f) {
            this.frame = f.bytes.clone();
            this.l3 = f.l3Offset;
        }

        Frame frame() {
            return Frame.parse(frame, 0);
        }
    }

    Reassemblers(SlowPathConfig cfg, LongSupplier clock, SlowPathCounters counters, Reassembled after) {
        this.ipv4 = new ReassemblyTable<>(cfg, clock, counters);
        this.ipv6 = new ReassemblyTable<>(cfg, clock, counters);
        this.inner = new ReassemblyTable<>(cfg, clock, counters);
        this.counters = counters;
        this.after = after;
    }

    /** Abandons reassemblies past their timeout. */
    void expire() {
        ipv4.expire();
        ipv6.expire();
        inner.expire();
    }

    /** @return reassemblies in flight, all kinds */
    int inFlight() {
        return ipv4.size() + ipv6.size() + inner.size();
    }

    /** IPV4_FRAGMENT. */
    List<OutboundPacket> ipv4(Frame f) {
        Ipv4View p = Ipv4View.parse(f.bytes, f.l3Offset, f.l3Length());
        Malformed.check(p.isFragment(), "IPv4 packet is not a fragment");
        FragmentBuffer done = addIpv4(ipv4, p, null, f);
        if (done == null) {
            return Collections.emptyList();
        }
        First first = (First) done.first();
        byte[] l3 = rebuildIpv4(first.frame, first.l3, done.payload());
        counters.inc(Counter.REASSEMBLED_IPV4);
        Frame whole = Frame.parse(first.frame().withL3(l3), f.ingressPort);
        return after.downstream(whole, Ipv4View.parse(whole.bytes, whole.l3Offset, whole.l3Length()));
    }

    /** INNER_IPV4_FRAGMENT. */
    List<OutboundPacket> innerIpv4(Frame f) {
        Ipv6View outer = Ipv6View.parse(f.bytes, f.l3Offset, f.l3Length());
        Ipv4View p = outer.innerIpv4();
        Malformed.check(p != null, "no encapsulated IPv4 packet");
        Malformed.check(p.isFragment(), "encapsulated IPv4 packet is not a fragment");
        FragmentBuffer done = addIpv4(inner, p, outer, f);
        if (done == null) {
            return Collections.emptyList();
        }
        First first = (First) done.first();
        Ipv6View o = Ipv6View.parse(first.frame, first.l3, first.frame.length - first.l3);
        byte[] ip4 = rebuildIpv4(first.frame, o.ipv4PayloadOffset(), done.payload());
        IPv6 ip6 = header(o);
        ip6.setNextHeader((byte) Ipv6View.NH_IPV4);      // any Destination Options header is left out
        ip6.setPayload(new Data(ip4));
        counters.inc(Counter.REASSEMBLED_INNER_IPV4);
        return upstream(Frame.parse(first.frame().withL3(ip6.serialize()), f.ingressPort));
    }

    /** IPV6_FRAGMENT. */
    List<OutboundPacket> ipv6(Frame f) {
        Ipv6View p = Ipv6View.parse(f.bytes, f.l3Offset, f.l3Length());
        Malformed.check(p.nextHeader() == Ipv6View.NH_FRAGMENT, "no Fragment header after the IPv6 header");
        Malformed.check(p.payloadLength >= 8, "Fragment header truncated");
        int fh = p.payloadOffset();
        int offsetAndFlags = Checksums.getShort(p.b, fh + 2);
        int offset = offsetAndFlags & 0xfff8;
        boolean more = (offsetAndFlags & 1) != 0;
        byte[] key = new byte[36];
        System.arraycopy(p.b, p.off + 8, key, 0, 32);
        System.arraycopy(p.b, fh + 4, key, 32, 4);
        FragmentBuffer done;
        if (offset == 0 && !more) {
            // RFC 6946: an atomic fragment is a whole packet, never mixed with others.
            done = new FragmentBuffer(0, 1, MAX_IPV6_PAYLOAD);
            done.add(0, p.b, fh + 8, p.payloadLength - 8, false);
            done.first(new First(f));
        } else {
            done = ipv6.add(ByteBuffer.wrap(key), MAX_IPV6_PAYLOAD, offset, p.b, fh + 8, p.payloadLength - 8,
                    more, new First(f));
        }
        if (done == null) {
            return Collections.emptyList();
        }
        First first = (First) done.first();
        Ipv6View o = Ipv6View.parse(first.frame, first.l3, first.frame.length - first.l3);
        IPv6 ip6 = header(o);
        ip6.setNextHeader(o.b[o.payloadOffset()]);           // from the first fragment's Fragment header
        ip6.setPayload(new Data(done.payload()));
        counters.inc(Counter.REASSEMBLED_IPV6);
        Frame whole = Frame.parse(first.frame().withL3(ip6.serialize()), f.ingressPort);
        Ipv6View w = Ipv6View.parse(whole.bytes, whole.l3Offset, whole.l3Length());
        if (w.ipv4PayloadOffset() < 0) {
            return after.notTunnelled(whole, w);
        }
        Ipv4View inner = w.innerIpv4();
        if (inner.isFragment()) {
            // Fragmented by the lwB4, then again by IPv6: the data plane would punt it again, and
            // drop it since it comes from the controller; it goes to the inner reassembly here.
            return innerIpv4(whole);
        }
        return after.upstream(whole, w, inner);
    }

    /** A reassembled tunnel packet carrying a whole IPv4 packet. */
    private List<OutboundPacket> upstream(Frame whole) {
        Ipv6View outer = Ipv6View.parse(whole.bytes, whole.l3Offset, whole.l3Length());
        return after.upstream(whole, outer, outer.innerIpv4());
    }

    private static FragmentBuffer addIpv4(ReassemblyTable<ByteBuffer> table, Ipv4View p, Ipv6View outer, Frame f) {
        return table.add(ipv4Key(p, outer), MAX_IPV4_PAYLOAD, p.fragmentOffset(), p.b, p.payloadOffset(),
                p.payloadLength(), p.mf(), new First(f));
    }

    private static ByteBuffer ipv4Key(Ipv4View p, Ipv6View outer) {
        byte[] k = new byte[outer == null ? 11 : 43];
        System.arraycopy(p.b, p.off + 12, k, 0, 8);          // src, dst
        k[8] = (byte) p.protocol();
        System.arraycopy(p.b, p.off + 4, k, 9, 2);           // identification
        if (outer != null) {
            System.arraycopy(outer.b, outer.off + 8, k, 11, 32);
        }
        return ByteBuffer.wrap(k);
    }

    /** RFC 791: the reassembled header is the first fragment's, with MF and offset cleared. */
    private static byte[] rebuildIpv4(byte[] b, int off, byte[] payload) {
        Ipv4View first = Ipv4View.parse(b, off, b.length - off);
        if (first.headerLength + payload.length > 65535) {
            throw new Malformed(Counter.REASSEMBLY_INVALID, "reassembled IPv4 packet exceeds 65535 bytes");
        }
        IPv4 ip = Egress.copyHeader(first);
        ip.setFlags((byte) (first.df() ? 2 : 0));
        ip.setFragmentOffset((short) 0);
        ip.setPayload(new Data(payload));
        byte[] out = ip.serialize();
        Checksums.setIpv4Header(out, 0);
        return out;
    }

    private static IPv6 header(Ipv6View o) {
        IPv6 ip6 = new IPv6();
        ip6.setTrafficClass((byte) o.trafficClass());
        ip6.setFlowLabel(o.flowLabel());
        ip6.setHopLimit((byte) o.hopLimit());
        ip6.setSourceAddress(o.srcBytes());
        ip6.setDestinationAddress(o.dstBytes());
        return ip6;
    }
}
