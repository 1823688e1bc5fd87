package org.lwaftr.filter;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * The {@link FilterField}s of an Ethernet frame, read as the data plane's filter tables read them
 * (pipeline.p4): the EtherType behind a VLAN tag, the frame's own IPv4 or IPv6 header, TCP/UDP
 * ports right behind it (first fragments only), and the length without the tag. For the
 * controller's own packets, which the switch sends without passing its filters.
 */
public final class FrameFields {
    private static final int TPID = 0x8100;

    private FrameFields() {
    }

    /**
     * @param frame an Ethernet frame
     * @return its fields (those it does not have are left out: they read 0)
     */
    public static Map<FilterField, BigInteger> of(byte[] frame) {
        Map<FilterField, BigInteger> f = new EnumMap<>(FilterField.class);
        int off = 12;
        int len = frame.length;
        if (frame.length >= 16 && u16(frame, 12) == TPID) {
            off = 16;
            len -= 4;
        }
        f.put(FilterField.LENGTH, BigInteger.valueOf(Math.min(len, 0xffff)));
        if (frame.length < off + 2) {
            return f;
        }
        int type = u16(frame, off);
        int l3 = off + 2;
        f.put(FilterField.ETHER_TYPE, BigInteger.valueOf(type));
        int proto;
        int l4;
        if (type == Primitives.ETHERTYPE_IPV4 && frame.length >= l3 + 20) {
            proto = frame[l3 + 9] & 0xff;
            f.put(FilterField.IPV4_SRC, bytes(frame, l3 + 12, 4));
            f.put(FilterField.IPV4_DST, bytes(frame, l3 + 16, 4));
            boolean first = (u16(frame, l3 + 6) & 0x1fff) == 0;
            l4 = first ? l3 + (frame[l3] & 0x0f) * 4 : -1;
        } else if (type == Primitives.ETHERTYPE_IPV6 && frame.length >= l3 + 40) {
            proto = frame[l3 + 6] & 0xff;
            if (proto == Primitives.PROTO_FRAGMENT && frame.length >= l3 + 48) {
                f.put(FilterField.IPV6_FRAG_NEXT, BigInteger.valueOf(frame[l3 + 40] & 0xff));
            }
            f.put(FilterField.IPV6_SRC, bytes(frame, l3 + 8, 16));
            f.put(FilterField.IPV6_DST, bytes(frame, l3 + 24, 16));
            l4 = l3 + 40;
        } else {
            return f;
        }
        f.put(FilterField.IP_PROTO, BigInteger.valueOf(proto));
        if ((proto == Primitives.PROTO_TCP || proto == Primitives.PROTO_UDP) && l4 > 0 && frame.length >= l4 + 4) {
            f.put(FilterField.HAS_PORTS, BigInteger.ONE);
            f.put(FilterField.L4_SRC_PORT, BigInteger.valueOf(u16(frame, l4)));
            f.put(FilterField.L4_DST_PORT, BigInteger.valueOf(u16(frame, l4 + 2)));
        }
        return f;
    }

    private static int u16(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }

    private static BigInteger bytes(byte[] b, int off, int n) {
        return new BigInteger(1, Arrays.copyOfRange(b, off, off + n));
    }
}
