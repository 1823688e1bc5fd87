package org.lwaftr.filter;

/**
 * The packet fields a filter can test: the key of the data plane's {@code ingress_filter} and
 * {@code egress_filter} tables (pipeline.p4) besides the side. Each is matched ternary (value and
 * mask) or by range; a field a rule does not test is a wildcard.
 */
public enum FilterField {
    /** EtherType of the frame's payload (behind a VLAN tag): IPv4, IPv6, ARP. */
    ETHER_TYPE(16, false),
    /** IPv4 protocol, or the next header of the IPv6 fixed header (4 for softwire traffic). */
    IP_PROTO(8, false),
    /** The next header of an IPv6 fragment header right behind the fixed header (IP_PROTO 44). */
    IPV6_FRAG_NEXT(8, false),
    IPV4_SRC(32, false),
    IPV4_DST(32, false),
    IPV6_SRC(128, false),
    IPV6_DST(128, false),
    /** 1 when a TCP or UDP header follows the frame's IP header (not for non-first fragments). */
    HAS_PORTS(1, false),
    L4_SRC_PORT(16, true),
    L4_DST_PORT(16, true),
    /** The frame's length without a VLAN tag (pcap-filter {@code len}). */
    LENGTH(16, true);

    private final int bits;
    private final boolean range;

    FilterField(int bits, boolean range) {
        this.bits = bits;
        this.range = range;
    }

    /** @return width in bits */
    public int bits() {
        return bits;
    }

    /** @return true for a range match, false for ternary */
    public boolean isRange() {
        return range;
    }
}
