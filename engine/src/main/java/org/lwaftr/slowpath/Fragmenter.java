package org.lwaftr.slowpath;

import org.onlab.packet.Data;
import org.onlab.packet.IPv4;
import org.onlab.packet.IPv6;
import org.onlab.packet.ipv6.Fragment;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Splits packets that exceed a side's MTU: IPv4 fragmentation (RFC 791 §3.2) toward the Internet,
 * and fragmentation of the encapsulating IPv6 packet (RFC 2473 §7.2, RFC 8200 §4.5) toward lwB4s.
 * Every fragment but the last carries a multiple of 8 bytes, as large as the MTU allows.
 */
final class Fragmenter {

    private final IntSupplier ids;

    /** @param ids source of IPv6 fragment identifications */
    Fragmenter(IntSupplier ids) {
        this.ids = ids;
    }

    /**
     * RFC 791 §3.2: the first fragment keeps every option, the others only those whose copy flag
     * is set; identification and the other header fields are kept, offsets are relative to the
     * datagram's own offset (it may already be a fragment).
     *
     * @param p   the datagram (DF clear)
     * @param mtu the largest IPv4 packet allowed
     * @return the fragments as ONOS packets, in order (one if p already fits)
     */
    static List<IPv4> ipv4(Ipv4View p, int mtu) {
        byte[] payload = p.payload();
        byte[] copied = copiedOptions(p);
        List<IPv4> out = new ArrayList<>();
        int offset = 0;
        do {
            IPv4 frag = Egress.copyHeader(p);
            if (offset != 0) {
                frag.setOptions(copied.length == 0 ? null : copied);
            }
            int headerLength = 20 + (offset == 0 ? p.headerLength - 20 : copied.length);
            int room = (mtu - headerLength) & ~7;
            boolean last = payload.length - offset <= mtu - headerLength;
            int len = last ? payload.length - offset : room;
            frag.setFragmentOffset((short) ((p.fragmentOffset() + offset) / 8));
            frag.setFlags((byte) (last && !p.mf() ? 0 : 1));
            frag.setPayload(new Data(Arrays.copyOfRange(payload, offset, offset + len)));
            out.add(frag);
            offset += len;
        } while (offset < payload.length);
        return out;
    }

    /** @return the options with the copy flag (RFC 791 §3.1), padded to 4 bytes */
    static byte[] copiedOptions(Ipv4View p) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = p.off + 20;
        int end = p.off + p.headerLength;
        while (i < end) {
            int type = p.b[i] & 0xff;
            if (type == 0) {
                break;                                  // end of option list
            }
            int len = type == 1 ? 1 : (i + 1 < end ? p.b[i + 1] & 0xff : 0);
            if (len < 1 || (type != 1 && len < 2) || i + len > end) {
                break;                                  // malformed: copy nothing more
            }
            if ((type & 0x80) != 0) {
                out.write(p.b, i, len);
            }
            i += len;
        }
        while (out.size() % 4 != 0) {
            out.write(0);
        }
        return out.toByteArray();
    }

    /**
     * RFC 8200 §4.5: the payload of an IPv6 packet built around {@code header}, fragmented so that
     * every fragment (40-byte header, 8-byte fragment header, data) fits {@code mtu}.
     *
     * @param header     the IPv6 header fields (its payload is ignored)
     * @param nextHeader protocol of the payload
     * @param payload    the fragmentable part
     * @param mtu        the largest IPv6 packet allowed (at least 1280)
     * @return the fragments, in order
     */
    List<IPv6> ipv6(IPv6 header, int nextHeader, byte[] payload, int mtu) {
        if (Ipv6View.HEADER + payload.length <= mtu) {
            // Fits: no Fragment header at all (RFC 8021 deprecates atomic fragments).
            IPv6 ip6 = copy(header);
            ip6.setNextHeader((byte) nextHeader);
            ip6.setPayload(new Data(payload));
            return Collections.singletonList(ip6);
        }
        int id = ids.getAsInt();
        int max = mtu - Ipv6View.HEADER - Fragment.HEADER_LENGTH;
        int room = max & ~7;                            // only the last fragment may end off an 8-byte unit
        List<IPv6> out = new ArrayList<>();
        int offset = 0;
        do {
            boolean last = payload.length - offset <= max;
            int len = last ? payload.length - offset : room;
            Fragment fh = new Fragment();
            fh.setNextHeader((byte) nextHeader);
            fh.setFragmentOffset((short) (offset / 8));
            fh.setMoreFragment((byte) (last ? 0 : 1));
            fh.setIdentification(id);
            fh.setPayload(new Data(Arrays.copyOfRange(payload, offset, offset + len)));
            IPv6 ip6 = copy(header);
            ip6.setNextHeader(IPv6.PROTOCOL_FRAG);
            ip6.setPayload(fh);
            out.add(ip6);
            offset += len;
        } while (offset < payload.length);
        return out;
    }

    private static IPv6 copy(IPv6 header) {
        IPv6 ip6 = new IPv6();
        ip6.setTrafficClass(header.getTrafficClass());
        ip6.setFlowLabel(header.getFlowLabel());
        ip6.setHopLimit(header.getHopLimit());
        ip6.setSourceAddress(header.getSourceAddress());
        ip6.setDestinationAddress(header.getDestinationAddress());
        return ip6;
    }
}
