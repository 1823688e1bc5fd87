/*
 * The lwAFTR's ingress control, shared by every target: port roles, filters, binding lookup,
 * encapsulation / decapsulation and their checks (RFC 7596 §6.2), hairpinning, punts and drops.
 * docs/pipeline.md explains it step by step.
 *
 * What differs per architecture is supplied by the including program (the "glue") as macros, so the
 * tables, actions, counters and meters keep one set of names (LwaftrIngress.*) on every target and
 * the controller works unchanged:
 *   LWAFTR_INGRESS_PARAMS          the control's intrinsic-metadata parameters
 *   LWAFTR_COUNTER(I, N)           an indexed packets-and-bytes counter of N cells, index type I
 *   LWAFTR_PACKET_METER(I, N)      an indexed packet-rate meter of N cells
 *   LWAFTR_METER_COLOR_T, LWAFTR_METER_EXECUTE(m, i, c), LWAFTR_METER_RED   meter colour
 *   LWAFTR_MARK_TO_DROP()          drop the packet
 *   LWAFTR_EGRESS_PORT             the unicast egress port (an l-value)
 *   LWAFTR_PARSER_OK, LWAFTR_PARSER_FAILED   the parser found no error / an error
 *   LWAFTR_FRAME_LENGTH_UNTAGGED   the received frame's length without a VLAN tag (bit<16>)
 *   LWAFTR_RESUBMIT_HAIRPIN()      send the packet through ingress again (second pass of a hairpin)
 * Macros rather than extern parameters: P4 has no extern type common to v1model and TNA, and a
 * control inlined into another would rename every table (and so change the P4Info ids).
 */
/* ---------------------------------------------------------------- ingress */

control LwaftrIngress(inout headers_t hdr, inout metadata_t meta, LWAFTR_INGRESS_PARAMS) {

    LWAFTR_COUNTER(bit<32>, SOFTWIRE_COUNTER_CELLS) softwire_stats;
    LWAFTR_COUNTER(PuntReason_t, REASON_CELLS) punt_stats;
    LWAFTR_COUNTER(DropReason_t, REASON_CELLS) drop_stats;
    LWAFTR_PACKET_METER(PuntReason_t, REASON_CELLS) punt_meter;
    LWAFTR_COUNTER(bit<32>, FILTER_CELLS) filter_stats;

    /* Actions marked @hidden are the pipeline's own steps, not in any table: the P4Info omits them. */

    /* Also the miss action of port_side and next_hop: listed in tables, it brings DropReason_t
     * into the P4Info, and the controller may drop a port/VLAN explicitly with a reason. */
    action drop(DropReason_t reason) {
        meta.drop_reason = reason;
        meta.path = PATH_NONE;
        LWAFTR_MARK_TO_DROP();
        drop_stats.count(reason);    /* a packet is dropped at most once: counted here */
    }

    @hidden action punt(PuntReason_t reason) {
        meta.punt_reason = reason;
        meta.path = PATH_NONE;
        LWAFTR_EGRESS_PORT = (bit<9>) Port_t.CPU;
    }

    /* ---- ports: role and AFTR MAC of each (port, VLAN); VLAN 0 = untagged */
    action set_side(Side_t side, bit<48> aftr_mac) {
        meta.side = side;
        meta.aftr_mac = aftr_mac;
    }
    table port_side {
        key = {
            meta.ingress_port              : exact @name("ingress_port");
            meta.vlan_id                   : exact @name("vlan_id");
        }
        actions = { set_side; drop; }
        const default_action = drop(DropReason_t.UNKNOWN_PORT);
        size = 1024;
    }

    /* ---- lwAFTR configuration: one default entry written by the controller */
    action set_config(bit<8> hop_limit, bit<20> flow_label, bit<1> hairpinning,
                      bit<1> icmpv4_errors, bit<1> icmpv6_errors,
                      bit<1> allow_incoming_icmp, bit<1> allow_outgoing_icmp,
                      bit<16> lwb4_mtu, bit<16> internet_mtu) {
        meta.lwb4_mtu = lwb4_mtu;
        meta.internet_mtu = internet_mtu;
        meta.hop_limit = hop_limit;
        meta.flow_label = flow_label;
        meta.hairpinning = hairpinning;
        meta.icmpv4_errors = icmpv4_errors;
        meta.icmpv6_errors = icmpv6_errors;
        meta.allow_incoming_icmp = allow_incoming_icmp;
        meta.allow_outgoing_icmp = allow_outgoing_icmp;
    }
    table aftr_config {
        key = { }
        actions = { set_config; }
        /* RFC 7596 §6.2 hairpinning MUST be supported: on by default; errors on, ICMP allowed,
         * MTUs of 1500 on both sides (RFC 8676 softwire-payload-mtu / Snabb's default). */
        default_action = set_config(64, 0, 1, 1, 1, 1, 1, 1500, 1500);
        size = 1;
    }

    /* ---- next hop of each direction: port, MACs and VLAN (0 = untagged) */
    action set_next_hop(Port_t port, bit<48> src_mac, bit<48> dst_mac, bit<12> vlan_id) {
        LWAFTR_EGRESS_PORT = (bit<9>) port;
        hdr.ethernet.src_addr = src_mac;
        hdr.ethernet.dst_addr = dst_mac;
        meta.egress_vid = vlan_id;
    }
    table next_hop {
        key = { meta.direction : exact @name("direction"); }
        actions = { set_next_hop; @defaultonly drop; }
        const default_action = drop(DropReason_t.NO_NEXT_HOP);
        size = 2;
    }

    /* ---- filters: the operators' ACLs (Snabb's ingress-filter / egress-filter, pcap-filter
     * expressions compiled by the controller into ordered entries). One table per stage (a table is
     * applied at most once per pass), keyed by the side whose filter it is. A packet passes when
     * the highest-priority matching entry allows it; no entry = no filter = pass. The fields are
     * those of the frame as it crosses that side: on the lwB4 side the (outer) IPv6 header, whose
     * next header is 4 for softwire traffic; on the Internet side IPv4. Address fields of the other
     * family are not meaningful: the controller pairs every address, protocol and port with the
     * EtherType (and ports with has_ports), as pcap-filter does; pcap-filter's "ip6 proto N" also
     * matches a fragment header followed by N (ipv6_frag_next, with ip_proto 44). */
    action filter_allow() {
        filter_stats.count(meta.filter_cell);
    }
    /* drop(FILTERED) written out: p4c 1.2.4.8 fails ("write set already set") on drop() called
     * with an argument from a table action. */
    action filter_deny() {
        meta.filter_cell = meta.filter_cell | 1;
        filter_stats.count(meta.filter_cell);
        meta.drop_reason = DropReason_t.FILTERED;
        meta.path = PATH_NONE;
        LWAFTR_MARK_TO_DROP();
        drop_stats.count(DropReason_t.FILTERED);
    }
#define FILTER_KEY \
        meta.filter_side          : exact   @name("side"); \
        meta.filter_ether_type    : ternary @name("ether_type"); \
        meta.filter_proto         : ternary @name("ip_proto"); \
        hdr.ipv6_fragment.next_hdr : ternary @name("ipv6_frag_next"); \
        hdr.ipv4.src_addr         : ternary @name("ipv4_src"); \
        hdr.ipv4.dst_addr         : ternary @name("ipv4_dst"); \
        hdr.ipv6.src_addr         : ternary @name("ipv6_src"); \
        hdr.ipv6.dst_addr         : ternary @name("ipv6_dst"); \
        hdr.l4_ports.isValid()    : ternary @name("has_ports"); \
        hdr.l4_ports.src_port     : range   @name("l4_src_port"); \
        hdr.l4_ports.dst_port     : range   @name("l4_dst_port"); \
        meta.filter_len           : range   @name("length");
    /* Frames received on a port (not the controller's, not the second pass of a hairpin). */
    table ingress_filter {
        key = { FILTER_KEY }
        actions = { filter_allow; filter_deny; }
        default_action = filter_allow();
        size = 1024;
    }
    /* Packets forwarded to a next hop (after encapsulation / decapsulation; the controller's
     * re-injected packets included), before the next hop's VLAN tag. */
    table egress_filter {
        key = { FILTER_KEY }
        actions = { filter_allow; filter_deny; }
        default_action = filter_allow();
        size = 1024;
    }

    /* Key fields of the ingress filter. On a port of both sides (on-a-stick) IPv4 and ARP are the
     * Internet side's, everything else the lwB4 side's (as Snabb splits them). */
    @hidden action ingress_filter_keys() {
        meta.filter_ether_type = hdr.vlan.isValid() ? hdr.vlan.ether_type : hdr.ethernet.ether_type;
        meta.filter_side = meta.side != Side_t.BOTH ? meta.side
                : (meta.filter_ether_type == ETHERTYPE_IPV4 || meta.filter_ether_type == ETHERTYPE_ARP
                   ? Side_t.INTERNET : Side_t.LWB4);
        meta.filter_cell = (bit<32>) ((bit<2>) meta.filter_side ++ FILTER_INGRESS ++ 1w0);
        meta.filter_proto = hdr.ipv6.isValid() ? hdr.ipv6.next_hdr : hdr.ipv4.protocol;
        meta.filter_len = LWAFTR_FRAME_LENGTH_UNTAGGED;
    }
    /* Key fields of the egress filter: the packet as it will leave (Ethernet header + IP packet,
     * without the VLAN tag the next hop adds). */
    @hidden action egress_filter_keys() {
        meta.filter_ether_type = hdr.ethernet.ether_type;
        meta.filter_side = meta.direction == Direction_t.DOWNSTREAM ? Side_t.LWB4 : Side_t.INTERNET;
        meta.filter_cell = (bit<32>) ((bit<2>) meta.filter_side ++ FILTER_EGRESS ++ 1w0);
        meta.filter_proto = hdr.ipv6.isValid() ? hdr.ipv6.next_hdr : hdr.ipv4.protocol;
        meta.filter_len = hdr.ipv6.isValid() ? hdr.ipv6.payload_len + 54 : hdr.ipv4.total_len + 14;
    }

    /* ---- BR addresses: upstream tunnel endpoints, by index (few per AFTR) */
    action set_br(bit<8> br_index) {
        meta.pkt_br = br_index;
    }
    table br_address {
        key = { hdr.ipv6.dst_addr : exact @name("ipv6_dst"); }
        actions = { set_br; @defaultonly NoAction; }
        const default_action = NoAction;
        size = 64;
    }
    /* Applied right after encapsulate(), so the BR address goes straight into the new header
     * (no 128-bit metadata copy); a miss leaves the source 0 as encapsulate() set it. */
    action set_br_source(bit<128> br_addr) {
        hdr.ipv6.src_addr = br_addr;
    }
    table br_source {
        key = { meta.sw_br : exact @name("br_index"); }
        actions = { set_br_source; @defaultonly NoAction; }
        const default_action = NoAction;
        size = 64;
    }

    /* ---- the AFTR's own IPv4 addresses (ICMP echo, ARP targets) */
    action aftr_address() {
        meta.to_aftr = 1;
    }
    table aftr_ipv4 {
        key = { meta.lookup_addr : exact @name("ipv4_addr"); }   /* ARP target or IPv4 dst */
        actions = { aftr_address; @defaultonly NoAction; }
        const default_action = NoAction;
        size = 64;
    }

    /* ---- IPv4 addresses bound to softwires (one entry per address): hairpinning candidates, and
     * where the controller's re-injected IPv4 packets go (bound: encapsulated, else the Internet) */
    action bound() {
        meta.dst_bound = 1;
    }
    table bound_ipv4 {
        key = { hdr.ipv4.dst_addr : exact @name("ipv4_dst"); }
        actions = { bound; @defaultonly NoAction; }
        const default_action = NoAction;
        size = MAX_SOFTWIRES;
    }

    /* ---- PSID shape per IPv4 address (RFC 7597 §5.1): psid = (port >> (16 − a − k)) & mask.
     * One action per shift so the shift is a constant (Tofino shifts by constants only).
     * Ports below first_port (2^(16−a), the excluded i = 0 block) are unbound. */
    action whole_address() {
        meta.psid = 0;
        meta.psid_ok = 1;
    }
#define PSID_SHIFT(N) \
    action psid_shift_##N(bit<16> mask, bit<16> first_port) { \
        meta.shared = 1; \
        meta.psid = (meta.lookup_port >> N) & mask; \
        meta.psid_ok = (meta.has_port == 1 && meta.lookup_port >= first_port) ? 1w1 : 1w0; \
    }
    PSID_SHIFT(0)  PSID_SHIFT(1)  PSID_SHIFT(2)  PSID_SHIFT(3)
    PSID_SHIFT(4)  PSID_SHIFT(5)  PSID_SHIFT(6)  PSID_SHIFT(7)
    PSID_SHIFT(8)  PSID_SHIFT(9)  PSID_SHIFT(10) PSID_SHIFT(11)
    PSID_SHIFT(12) PSID_SHIFT(13) PSID_SHIFT(14) PSID_SHIFT(15)
    table psid_shape {
        key = { meta.lookup_addr : exact @name("ipv4_addr"); }
        actions = {
            whole_address;
            psid_shift_0;  psid_shift_1;  psid_shift_2;  psid_shift_3;
            psid_shift_4;  psid_shift_5;  psid_shift_6;  psid_shift_7;
            psid_shift_8;  psid_shift_9;  psid_shift_10; psid_shift_11;
            psid_shift_12; psid_shift_13; psid_shift_14; psid_shift_15;
            @defaultonly NoAction;
        }
        const default_action = NoAction;
        size = MAX_SOFTWIRES;
    }

    /* ---- the binding table: one entry per softwire, both directions */
    action softwire(bit<128> lwb4, bit<8> br_index, bit<32> counter_index) {
        meta.lwb4 = lwb4;
        meta.sw_br = br_index;
        meta.sw_counter = counter_index;
        meta.found = 1;
    }
    table binding {
        key = {
            meta.lookup_addr : exact @name("ipv4_addr");
            meta.psid        : exact @name("psid");
        }
        actions = { softwire; @defaultonly NoAction; }
        const default_action = NoAction;
        size = MAX_SOFTWIRES;
    }

    /* Each straight-line block below is one action: p4c's bmv2 backend turns every block of
     * assignments in apply{} into an action plus a keyless table, and each table, conditional and
     * metadata field costs bmv2 time per packet (docs/pipeline.md, "Performance"). */

    /* RFC 1624 eqn. 3 incremental checksum update for the TTL decrement (no full recomputation, so
     * a target without a checksum unit over the whole header can do it too). With m' = m − 0x0100
     * (TTL ≥ 2 here), ~m + m' is the constant 0xfeff, and ~HC + 0xfeff ≤ 0x1fefe needs one fold. */
    @hidden action decrement_ttl() {
        hdr.ipv4.hdr_checksum = ~((~hdr.ipv4.hdr_checksum + 16w0xfeff)
                                  + (bit<16>) (((bit<17>) (~hdr.ipv4.hdr_checksum) + 17w0xfeff) >> 16));
        hdr.ipv4.ttl = hdr.ipv4.ttl - 1;
    }

    /* RFC 2473 / RFC 6333 §6: traffic class from the IPv4 TOS, configured hop limit and flow label;
     * br_source then writes the source. On the second pass of a hairpin the outer header of the
     * lwB4's packet is rewritten in place. */
    @hidden action encapsulate() {
        meta.sw_counter = meta.sw_counter << 1;    /* cell 2·index + DOWNSTREAM; no temporary */
        softwire_stats.count(meta.sw_counter);
        decrement_ttl();
        hdr.ipv6.setValid();
        hdr.ipv6.version = 6;
        hdr.ipv6.traffic_class = hdr.ipv4.diffserv;
        hdr.ipv6.flow_label = meta.flow_label;
        hdr.ipv6.payload_len = hdr.ipv4.total_len;
        hdr.ipv6.next_hdr = PROTO_IPV4;
        hdr.ipv6.hop_limit = meta.hop_limit;
        hdr.ipv6.src_addr = 0;
        hdr.ipv6.dst_addr = meta.lwb4;
        hdr.ipv6_dstopts.setInvalid();
        hdr.ethernet.ether_type = ETHERTYPE_IPV6;    /* tag_vlan moves it behind a tag */
        meta.direction = Direction_t.DOWNSTREAM;
        meta.path = PATH_FORWARD;
    }

    @hidden action decapsulate() {
        meta.sw_counter = meta.sw_counter << 1 | 1;    /* cell 2·index + UPSTREAM */
        softwire_stats.count(meta.sw_counter);
        hdr.ipv6.setInvalid();
        hdr.ipv6_dstopts.setInvalid();
        hdr.ethernet.ether_type = ETHERTYPE_IPV4;
        meta.direction = Direction_t.UPSTREAM;
        meta.path = PATH_FORWARD;
    }

    /* §6.2 hairpinning: the destination softwire is looked up by the second pass of this packet
     * (resubmit re-parses the packet as received). */
    @hidden action resubmit_hairpin() {
        meta.sw_counter = meta.sw_counter << 1 | 1;    /* cell 2·index + UPSTREAM */
        softwire_stats.count(meta.sw_counter);
        meta.hairpin_pass = 1;
        LWAFTR_RESUBMIT_HAIRPIN();
    }

    /* The controller's own packets that are not for a softwire go straight to a next hop. */
    @hidden action forward_to(Direction_t direction) {
        meta.direction = direction;
        meta.path = PATH_FORWARD;
        hdr.ethernet.ether_type = hdr.ipv6.isValid() ? ETHERTYPE_IPV6 : ETHERTYPE_IPV4;
    }

    /* Binding key address; the port comes from select_port_* (ICMP) or, for TCP and UDP, with the
     * address in one action (RFC 7596 §6.2: downstream the destination port, upstream the source
     * port). */
    @hidden action start_downstream() {
        meta.path = PATH_DOWN;
        meta.lookup_addr = hdr.ipv4.dst_addr;
    }
    @hidden action start_downstream_l4() {
        start_downstream();
        meta.lookup_port = hdr.l4_ports.dst_port;
        meta.has_port = 1;
    }
    @hidden action start_upstream() {
        meta.path = PATH_UP;
        meta.lookup_addr = hdr.ipv4.src_addr;
    }
    @hidden action start_upstream_l4() {
        start_upstream();
        meta.lookup_port = hdr.l4_ports.src_port;
        meta.has_port = 1;
    }
    @hidden action arp_target() {
        meta.lookup_addr = hdr.arp.target_ip;
    }

    /* The ICMP identifier or quoted port that selects the PSID (RFC 7596 §8.1, RFC 5508 REQ-3). */
    @hidden action select_port_echo() {
        meta.lookup_port = hdr.icmp.identifier;                       /* RFC 7596 §8.1 */
        meta.has_port = 1;
    }
    /* RFC 5508 REQ-3: downstream, the quoted packet was sent by the subscriber (its source port);
     * upstream, the lwB4 reports a packet it received (its destination port). A quoted ICMP
     * packet is selected by its identifier. */
    @hidden action select_port_quoted() {
        meta.lookup_port = meta.path == PATH_DOWN ? hdr.inner_l4.word0 : hdr.inner_l4.word1;
        meta.lookup_port = hdr.inner_ipv4.protocol == PROTO_ICMP ? hdr.inner_l4.word2 : meta.lookup_port;
        meta.has_port = 1;
    }

    @hidden action tag_vlan() {
        hdr.vlan.vid = meta.egress_vid;
        hdr.vlan.ether_type = hdr.ethernet.ether_type;
        hdr.ethernet.ether_type = ETHERTYPE_VLAN;
    }
    @hidden action add_vlan() {
        hdr.vlan.setValid();
        hdr.vlan.pcp = 0;
        hdr.vlan.dei = 0;
    }

    apply {
        /* bmv2 zeroes metadata for every packet and on resubmit (except field list 1), so
         * path, punt_reason, drop_reason, to_aftr, dst_bound, found and has_port start at 0. */

        /* ---- 1. where from: controller packet-out, or a port (and VLAN) with a role */
        if (hdr.packet_out.isValid()) {
            if (hdr.packet_out.do_forwarding == 0) {
                /* Straight out of a port, untouched. */
                LWAFTR_EGRESS_PORT = (bit<9>) hdr.packet_out.egress_port;
                hdr.packet_out.setInvalid();
                exit;
            }
            /* Re-injection: processed as if received on a port of both sides. */
            hdr.packet_out.setInvalid();
            meta.from_cpu = 1;
            meta.side = Side_t.BOTH;
        } else {
            if (hdr.vlan.isValid()) {
                meta.vlan_id = hdr.vlan.vid;
            }
            port_side.apply();
            /* Snabb filters what arrives before anything else looks at it (ARP and NDP included). */
            if (meta.drop_reason == DropReason_t.NONE && meta.hairpin_pass == 0) {
                ingress_filter_keys();
                ingress_filter.apply();
            }
        }

        /* ---- 2. sanity: parser errors; frames for another MAC are not ours; broadcast and
         * multicast are only for ARP and NDP (checked in 3). */
        if (meta.drop_reason == DropReason_t.NONE && LWAFTR_PARSER_OK
                && (meta.from_cpu == 1 || hdr.ethernet.dst_addr[40:40] == 1
                    || hdr.ethernet.dst_addr == meta.aftr_mac)) {
            aftr_config.apply();

            /* ---- 3. classify; set the binding key. The common cases are tested first; they
             * exclude the rarer ones (ARP, NDP, group-addressed frames) as the original order
             * would. */
            if (hdr.ipv4.isValid() && (hdr.ethernet.dst_addr[40:40] == 0 || meta.from_cpu == 1)
                    && (meta.hairpin_pass == 1 || (!hdr.ipv6.isValid()
                                    && (meta.side == Side_t.INTERNET || meta.side == Side_t.BOTH)))) {
                /* ---------------- downstream: Internet → lwB4, or the second pass of a hairpin */
                if (hdr.l4_ports.isValid()) {
                    start_downstream_l4();
                } else {
                    start_downstream();
                }
            } else if (hdr.ipv6.isValid() && meta.hairpin_pass == 0 && (hdr.ethernet.dst_addr[40:40] == 0 || meta.from_cpu == 1) && !(hdr.icmpv6.isValid() && hdr.icmpv6.icmp_type >= 133 && hdr.icmpv6.icmp_type <= 137)
                       && (meta.side == Side_t.LWB4 || meta.side == Side_t.BOTH)) {
                /* ---------------- upstream: lwB4 → Internet */
                if (!br_address.apply().hit) {
                    if (meta.from_cpu == 1) {
                        /* The controller's own IPv6 (ICMPv6 errors to lwB4s): toward the lwB4s. */
                        forward_to(Direction_t.DOWNSTREAM);
                    } else {
                        drop(DropReason_t.NOT_FOR_AFTR);
                    }
                } else if (!hdr.ipv6_fragment.isValid() && !hdr.icmpv6.isValid() && hdr.ipv4.isValid()
                           && hdr.ipv4.more_fragments == 0 && hdr.ipv4.frag_offset == 0
                           && (!hdr.icmp.isValid() || meta.allow_outgoing_icmp == 1 || meta.from_cpu == 1)) {
                    if (hdr.l4_ports.isValid()) {
                        start_upstream_l4();
                    } else {
                        start_upstream();
                    }
                } else if (hdr.ipv6_fragment.isValid()) {
                    punt(PuntReason_t.IPV6_FRAGMENT);
                } else if (hdr.icmpv6.isValid()) {
                    punt(PuntReason_t.ICMPV6_TO_BR);
                } else if (!hdr.ipv4.isValid()) {
                    drop(DropReason_t.UNSUPPORTED);
                } else if (hdr.ipv4.more_fragments == 1 || hdr.ipv4.frag_offset != 0) {
                    punt(PuntReason_t.INNER_IPV4_FRAGMENT);
                } else {
                    drop(DropReason_t.ICMP_POLICY);
                }
            } else if (hdr.arp.isValid()) {
                arp_target();
            } else if (hdr.icmpv6.isValid() && hdr.icmpv6.icmp_type >= 133 && hdr.icmpv6.icmp_type <= 137) {
                if (meta.side == Side_t.LWB4 || meta.side == Side_t.BOTH) {
                    punt(PuntReason_t.NDP);
                } else {
                    drop(DropReason_t.NOT_FOR_AFTR);
                }
            } else {
                drop(DropReason_t.NOT_FOR_AFTR);
            }

            /* ---- 4. is the ARP target or the plain IPv4 destination an AFTR address? ARP is
             * decided inside the test below, which a common downstream packet fails at once. */
            if (hdr.arp.isValid() || (meta.path == PATH_DOWN && !hdr.ipv6.isValid())) {
                aftr_ipv4.apply();
            }
            if (hdr.arp.isValid()
                    || (meta.path == PATH_DOWN
                        && (meta.to_aftr == 1 || meta.from_cpu == 1
                            || (meta.hairpin_pass == 0 && (hdr.ipv4.more_fragments == 1 || hdr.ipv4.frag_offset != 0))
                            || (hdr.icmp.isValid() && meta.allow_incoming_icmp == 0 && meta.hairpin_pass == 0)))) {
                if (hdr.arp.isValid()) {
                    if (meta.to_aftr == 1) {
                        punt(PuntReason_t.ARP);
                    } else {
                        drop(DropReason_t.NOT_FOR_AFTR);
                    }
                } else if (meta.hairpin_pass == 0 && (hdr.ipv4.more_fragments == 1 || hdr.ipv4.frag_offset != 0)) {
                    punt(PuntReason_t.IPV4_FRAGMENT);
                } else if (meta.to_aftr == 1) {
                    if (hdr.icmp.isValid()) {
                        punt(PuntReason_t.ICMPV4_TO_AFTR);
                    } else {
                        drop(DropReason_t.AFTR_OTHER);
                    }
                } else if (meta.from_cpu == 0) {
                    drop(DropReason_t.ICMP_POLICY);
                }
                /* The controller's packets stay downstream if their destination is bound (5). */
            }

            /* ---- 5. the one binding lookup of this pass: (IPv4 address, PSID) */
            if (meta.path[1:1] == 1) {
                /* TCP and UDP ports were taken in 3 (l4_ports and icmp exclude each other). */
                if (hdr.icmp.isValid()) {
                    if (hdr.icmp.icmp_type == 0 || hdr.icmp.icmp_type == 8) {
                        select_port_echo();
                    } else if (hdr.inner_l4.isValid()) {
                        select_port_quoted();
                    }
                }
                psid_shape.apply();
                if (meta.psid_ok == 1) {
                    binding.apply();
                }
                /* Hairpinning candidates; where the controller's re-injected IPv4 goes. */
                if ((meta.path == PATH_UP && meta.hairpinning == 1)
                        || (meta.path == PATH_DOWN && meta.from_cpu == 1)) {
                    bound_ipv4.apply();
                    if (meta.path == PATH_DOWN && meta.from_cpu == 1 && meta.dst_bound == 0) {
                        /* The controller's own IPv4 (ICMPv4 errors, echo replies): the Internet. */
                        forward_to(Direction_t.UPSTREAM);
                    }
                }
            }

            /* ---- 6. act on the result */
            if (meta.path == PATH_DOWN) {
                if (meta.found == 1 && hdr.ipv4.ttl > 1
                        && hdr.ipv4.total_len + IPV6_HEADER_BYTES <= meta.lwb4_mtu) {
                    encapsulate();
                    br_source.apply();
                } else if (meta.found == 1) {
                    if (hdr.ipv4.ttl <= 1) {
                        if (meta.icmpv4_errors == 1) {
                            punt(PuntReason_t.TTL_EXPIRED);
                        } else {
                            drop(DropReason_t.TTL_EXPIRED);
                        }
                    } else {
                        punt(PuntReason_t.DOWNSTREAM_MTU);
                    }
                } else if (meta.shared == 1 && meta.has_port == 0 && !hdr.icmp.isValid()) {
                    drop(DropReason_t.NO_PORT);
                } else if (hdr.icmp.isValid()) {
                    /* §8.1: unmatched inbound ICMP is discarded, never answered. */
                    drop(DropReason_t.DOWNSTREAM_NO_BINDING);
                } else if (meta.icmpv4_errors == 1) {
                    punt(PuntReason_t.DOWNSTREAM_NO_BINDING);
                } else {
                    drop(DropReason_t.DOWNSTREAM_NO_BINDING);
                }
            } else if (meta.path == PATH_UP) {
                /* §6.2: IPv4 source, port and IPv6 source must match one entry, sent to its BR. */
                if (meta.found == 0 || meta.lwb4 != hdr.ipv6.src_addr || meta.sw_br != meta.pkt_br) {
                    if (meta.icmpv6_errors == 1) {
                        punt(PuntReason_t.UPSTREAM_NO_BINDING);
                    } else {
                        drop(DropReason_t.UPSTREAM_NO_BINDING);
                    }
                } else if (meta.hairpinning == 1 && meta.dst_bound == 1) {
                    resubmit_hairpin();
                } else if (hdr.ipv4.total_len > meta.internet_mtu) {
                    punt(PuntReason_t.UPSTREAM_MTU);
                } else {
                    decapsulate();
                }
            }
        } else if (meta.drop_reason == DropReason_t.NONE) {
            if (LWAFTR_PARSER_FAILED) {
                drop(DropReason_t.BAD_HEADER);
            } else {
                drop(DropReason_t.NOT_FOR_AFTR);
            }
        }

        /* ---- 7. forwarded: port, MACs and VLAN tag of the next hop */
        if (meta.path == PATH_FORWARD) {
            /* encapsulate(), decapsulate() and forward_to() set the EtherType of the payload. */
            egress_filter_keys();
            egress_filter.apply();
            if (meta.path == PATH_FORWARD) {    /* filter_deny() drops */
                if (next_hop.apply().hit) {
                    if (meta.egress_vid == 0) {
                        if (hdr.vlan.isValid()) {    /* a test, not a table, for untagged frames */
                            hdr.vlan.setInvalid();
                        }
                    } else {
                        if (!hdr.vlan.isValid()) {
                            add_vlan();
                        }
                        tag_vlan();
                    }
                }
            }
        } else if (meta.punt_reason != PuntReason_t.NONE) {
            /* ---- punts: never for the controller's own packets (no loops), metered per reason
             * (RFC 7596 §9), counted, tagged for the controller; the frame leaves as received. */
            if (meta.from_cpu == 1) {
                meta.punt_reason = PuntReason_t.NONE;
                drop(DropReason_t.REINJECT_PUNT);
            } else {
                LWAFTR_METER_COLOR_T color;
                LWAFTR_METER_EXECUTE(punt_meter, meta.punt_reason, color);
                if (color == LWAFTR_METER_RED) {
                    meta.punt_reason = PuntReason_t.NONE;
                    drop(DropReason_t.PUNT_METER);
                } else {
                    punt_stats.count(meta.punt_reason);
                    hdr.packet_in.setValid();
                    hdr.packet_in.ingress_port = (Port_t) meta.ingress_port;
                    hdr.packet_in.reason = meta.punt_reason;
                    hdr.packet_in._pad = 0;
                }
            }
        }
    }
}
