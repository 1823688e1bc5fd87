package org.lwaftr.slowpath;

import org.lwaftr.core.BindingTable;
import org.lwaftr.core.Softwire;
import org.onlab.packet.Ip6Address;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * ICMPv6 errors from inside the softwires (RFC 7596 §8: "ICMPv6 MUST be handled as described in
 * RFC 2473"; RFC 2473 §8, RFC 6333 §6). A router between the AFTR and a lwB4 that cannot deliver an
 * IPv4-in-IPv6 packet the AFTR sent returns an ICMPv6 error to the BR address the packet came from;
 * the AFTR relays it, as an ICMPv4 error, to the sender of the encapsulated IPv4 packet:
 * <ul>
 *   <li>destination unreachable (any code), time exceeded code 0 (hop limit), parameter problem
 *       (any code) → 3/1 host unreachable;</li>
 *   <li>packet too big code 0 → 3/4 with next-hop MTU = the reported MTU less the 40-byte tunnel
 *       header (RFC 2473 §7.2 / §8, RFC 1191); a reported MTU below 1280 counts as 1280
 *       (RFC 8201 §4: the IPv6 path MTU is never below the minimum link MTU);</li>
 *   <li>time exceeded code 1 and packet too big with another code: not relayed (as Snabb).</li>
 * </ul>
 * The quote must be a packet the AFTR sent through a softwire it has (from that softwire's BR to
 * its lwB4, holding an IPv4 packet of its address and port set); anything else could make the AFTR
 * send errors about packets it never saw. The error is the AFTR's own ICMPv4 error
 * ({@link IcmpErrors#icmpv4}: generate-icmpv4-errors, RFC 1812 §4.3.2.7 rules, the ICMPv4 rate of
 * RFC 7596 §9). If the IPv4 sender's address is bound (the quoted packet was hairpinned, or came
 * from the Internet back into a softwire), the error goes through the sender's softwire (RFC 5508
 * REQ-3 key: its address and the quoted packet's source port), from its BR to its lwB4; else to the
 * Internet.
 */
final class Icmpv6Relay {

    static final int DEST_UNREACHABLE = 1;
    static final int PACKET_TOO_BIG = 2;
    static final int TIME_EXCEEDED = 3;
    static final int PARAMETER_PROBLEM = 4;
    /** RFC 8200 §5: the IPv6 minimum link MTU. */
    static final int IPV6_MIN_MTU = 1280;
    /** RFC 4443 §2.1: types 0-127 are error messages. */
    private static final int FIRST_INFORMATIONAL = 128;

    private final SlowPathConfig cfg;
    private final BindingTable table;
    private final IcmpErrors errors;
    private final SlowPathCounters counters;

    Icmpv6Relay(SlowPathConfig cfg, BindingTable table, IcmpErrors errors, SlowPathCounters counters) {
        this.cfg = cfg;
        this.table = table;
        this.errors = errors;
        this.counters = counters;
    }

    /** @return true if an ICMPV6_TO_BR punt carries an ICMPv6 error message (else: echo and others) */
    static boolean isError(Frame f) {
        Ipv6View p = Ipv6View.parse(f.bytes, f.l3Offset, f.l3Length());
        return p.nextHeader() == Ipv6View.NH_ICMPV6 && p.payloadLength >= 1
                && (p.b[p.payloadOffset()] & 0xff) < FIRST_INFORMATIONAL;
    }

    /**
     * An ICMPv6 error punted as ICMPV6_TO_BR.
     *
     * @param f the punted frame
     * @return the ICMPv4 error to send, or nothing
     */
    List<OutboundPacket> relay(Frame f) {
        Ipv6View icmp6 = Echo.icmpv6(f);
        // Snabb: internal-interface allow-incoming-icmp, mapped to allow-outgoing-icmpv4.
        if (!cfg.allowOutgoingIcmp()) {
            return drop(Counter.DROP_POLICY_IN_ICMPV6);
        }
        byte[] b = icmp6.b;
        int m = icmp6.payloadOffset();
        int type = b[m] & 0xff;
        int code = b[m + 1] & 0xff;
        int v4Code = 1;
        int mtu = 0;
        Counter sent = Counter.OUT_RELAYED_ICMPV4_3_1;
        switch (type) {
            case DEST_UNREACHABLE:
            case PARAMETER_PROBLEM:
                break;
            case TIME_EXCEEDED:
                if (code != 0) {
                    return drop(Counter.DROP_TIME_EXCEEDED_CODE);
                }
                break;
            case PACKET_TOO_BIG:
                if (code != 0) {
                    return drop(Counter.DROP_TOO_BIG_CODE);
                }
                v4Code = 4;
                mtu = ipv4Mtu(((long) Checksums.getShort(b, m + 4) << 16) | Checksums.getShort(b, m + 6));
                sent = Counter.OUT_RELAYED_ICMPV4_3_4;
                break;
            default:
                return drop(Counter.DROP_IGNORED);
        }
        int q = m + 8;                              // the quoted tunnel packet
        int quoted = icmp6.payloadLength - 8;
        Ipv4View orig = quoted >= Ipv6View.HEADER
                ? Ipv4View.quoted(b, q + Ipv6View.HEADER, quoted - Ipv6View.HEADER) : null;
        if (orig == null || !holdsPorts(orig)) {
            return drop(Counter.DROP_RELAY_SHORT_QUOTE);
        }
        if (!sentByUs(icmp6, q, orig)) {
            return drop(Counter.DROP_RELAY_NOT_OURS);
        }
        Ipv6View back = null;
        if (table.shape(orig.src()) != null) {
            Softwire sender = MtuHandler.lookup(table, orig.src(), orig.upstreamPort());
            if (sender == null) {
                return drop(Counter.DROP_RELAY_NO_SOFTWIRE);
            }
            back = tunnelOf(sender);
        }
        return errors.icmpv4(3, v4Code, mtu, orig, f, back, sent);
    }

    /**
     * RFC 2473 §7.2, §8: the tunnel MTU is the path MTU less the tunnel header.
     *
     * @param reported the 32-bit MTU of an ICMPv6 packet too big
     * @return the next-hop MTU of the ICMPv4 3/4 (16 bits, RFC 1191)
     */
    static int ipv4Mtu(long reported) {
        long ipv6 = Math.max(reported, IPV6_MIN_MTU);
        return (int) Math.min(ipv6 - Ipv6View.HEADER, 0xffff);
    }

    /**
     * RFC 792 / RFC 1812 §4.3.2.3: an error quotes at least the IPv4 header and 64 bits of data (or the
     * whole packet if shorter), which hold the ports.
     */
    private static boolean holdsPorts(Ipv4View orig) {
        int declared = Checksums.getShort(orig.b, orig.off + 2) - orig.headerLength;
        return orig.payloadLength() >= Math.min(8, declared);
    }

    /**
     * @return true if the quote is an IPv4-in-IPv6 packet from a BR to a lwB4 whose softwire holds the
     *         IPv4 packet's destination (RFC 7596 §6.2 key), and the error went to that BR (RFC 4443 §2.2)
     */
    private boolean sentByUs(Ipv6View icmp6, int q, Ipv4View orig) {
        byte[] b = icmp6.b;
        if ((b[q] & 0xf0) != 0x60 || (b[q + 6] & 0xff) != Ipv6View.NH_IPV4) {
            return false;
        }
        Ip6Address src = Ip6Address.valueOf(Arrays.copyOfRange(b, q + 8, q + 24));
        Ip6Address dst = Ip6Address.valueOf(Arrays.copyOfRange(b, q + 24, q + 40));
        Softwire via = MtuHandler.lookup(table, orig.dst(), orig.downstreamPort());
        return via != null && via.br().equals(src) && via.lwb4().equals(dst) && icmp6.dst().equals(src);
    }

    /**
     * The softwire an error goes back through, as the tunnel view {@link IcmpErrors#icmpv4} takes: a
     * packet from its lwB4 to its BR (the error then goes from the BR to the lwB4).
     */
    static Ipv6View tunnelOf(Softwire sw) {
        byte[] h = new byte[Ipv6View.HEADER];
        h[0] = 0x60;
        h[6] = (byte) Ipv6View.NH_IPV4;
        System.arraycopy(sw.lwb4().toOctets(), 0, h, 8, 16);
        System.arraycopy(sw.br().toOctets(), 0, h, 24, 16);
        return Ipv6View.parse(h, 0, h.length);
    }

    private List<OutboundPacket> drop(Counter c) {
        counters.inc(c);
        return Collections.emptyList();
    }
}
