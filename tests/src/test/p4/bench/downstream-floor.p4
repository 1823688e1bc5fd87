/*
 * FLOOR EXPERIMENT, not a product pipeline: how fast can ANY lwAFTR downstream path be on bmv2?
 *
 * The data-plane benchmark compares pipeline.p4 with a one-table forwarder (target ratio >= 0.7).
 * This file keeps only what a downstream packet of LwaftrWorkload needs -- no validation, no
 * punts, no upstream, no hairpinning, no VLANs, 6 headers and a small metadata struct -- with
 * pipeline.p4's table, action and parameter names, so LwaftrWorkload's entries install unchanged.
 *
 *   default:        the downstream hot path as a table sequence: port_side, psid_shape, binding,
 *                   br_source, next_hop (plus p4c's keyless tables for the two action blocks)
 *   -DONE_TABLE:    binding only, the PSID shape fixed at the workload's (a = 6, k = 2), the BR
 *                   address and egress port constant: a toy that cannot serve two shapes or BRs
 *
 * Run: scripts/bench-bmv2.sh --workload org.lwaftr.tests.bmv2.LwaftrWorkload \
 *          --p4 tests/src/test/p4/bench/downstream-floor.p4 [--p4-define ONE_TABLE]
 * Figures and what they mean: tests/README.md, "Data-plane benchmark".
 */
#include <core.p4>
/* The 2020 v1model lets counters and meters take a typed index: drop_stats is indexed by
 * DropReason_t, punt_stats and punt_meter by PuntReason_t, and the P4Info records it. */
#define V1MODEL_VERSION 20200408
#include <v1model.p4>

/* ---------------------------------------------------------------- shared constants */

/* Serializable enums reach the P4Info (type_info.serializable_enums) because each one types something
 * the controller sees (a controller-header field, a match field, an action parameter or a counter
 * index); the controller's constants are generated from there. */

/* Port numbers the controller exchanges with the switch (packet_in/packet_out, next_hop). Any 9-bit
 * port is a valid value; CPU names the controller port of simple_switch_grpc (--cpu-port). */
enum bit<9> Port_t {
    CPU = 255
}

/* Why a packet was sent to the controller (packet_in.reason, index of punt_stats and punt_meter). */
enum bit<8> PuntReason_t {
    NONE                  = 0,
    ARP                   = 1,   /* ARP for an AFTR IPv4 address */
    NDP                   = 2,   /* ICMPv6 neighbour discovery (types 133-137) on the lwB4 side */
    ICMPV4_TO_AFTR        = 3,   /* ICMPv4 to an AFTR IPv4 address (echo) */
    ICMPV6_TO_BR          = 4,   /* ICMPv6 to a BR address: echo, or errors about tunnel packets */
    IPV4_FRAGMENT         = 5,   /* downstream IPv4 fragment: reassembled by the controller */
    IPV6_FRAGMENT         = 6,   /* upstream IPv6 fragment: reassembled by the controller */
    INNER_IPV4_FRAGMENT   = 7,   /* upstream: the encapsulated IPv4 packet is a fragment */
    DOWNSTREAM_NO_BINDING = 8,   /* §6.2 policy: ICMPv4 3/1 to the sender */
    UPSTREAM_NO_BINDING   = 9,   /* §6.2 policy: ICMPv6 1/5 to the lwB4 */
    TTL_EXPIRED           = 10,  /* downstream TTL <= 1: ICMPv4 11/0 */
    DOWNSTREAM_MTU        = 11,  /* encapsulated packet exceeds the lwB4-side MTU (§5.3) */
    UPSTREAM_MTU          = 12   /* decapsulated packet exceeds the Internet-side MTU */
}

/* Why a packet was dropped (index of drop_stats). */
enum bit<8> DropReason_t {
    NONE                  = 0,
    UNKNOWN_PORT          = 1,   /* ingress port/VLAN has no role */
    NOT_FOR_AFTR          = 2,   /* wrong MAC, IPv6 dst not a BR, wrong family for the side, ARP for others */
    BAD_HEADER            = 3,   /* parser error (truncated header, IPv4 IHL < 5) */
    UNSUPPORTED           = 4,   /* IPv6 extension headers other than one DSTOPT, non-IPv4 payload */
    DOWNSTREAM_NO_BINDING = 5,   /* no softwire for (dst, PSID) (§6.2, §8.1) */
    UPSTREAM_NO_BINDING   = 6,   /* no softwire for (src, PSID), or lwB4/BR mismatch (§6.2) */
    ICMP_POLICY           = 7,   /* ICMP refused by policy (§8.1) */
    NO_PORT               = 8,   /* protocol without ports to a shared address */
    TTL_EXPIRED           = 9,   /* TTL expired and ICMP errors are off */
    PUNT_METER            = 10,  /* punt over the meter's rate (§9) */
    AFTR_OTHER            = 11,  /* to the AFTR itself but not ICMP */
    NO_NEXT_HOP           = 12,  /* no next_hop entry for the packet's direction */
    REINJECT_PUNT         = 13   /* a packet from the controller would be punted again */
}

/* Which side an ingress port (and VLAN) faces. */
enum bit<2> Side_t {
    NONE     = 0,
    LWB4     = 1,   /* IPv6 access network of the lwB4s */
    INTERNET = 2,   /* IPv4 Internet */
    BOTH     = 3    /* on-a-stick */
}

/* Which way a packet travels: the next_hop key, and the softwire counter cell 2·index + direction. */
enum bit<1> Direction_t {
    DOWNSTREAM = 0,   /* toward the lwB4s */
    UPSTREAM   = 1    /* toward the Internet */
}

const bit<32> MAX_SOFTWIRES = 1048576;
const bit<32> SOFTWIRE_COUNTER_CELLS = 2097152;   /* 2 × MAX_SOFTWIRES */
const bit<32> REASON_CELLS = 16;

const bit<16> ETHERTYPE_IPV4 = 0x0800;
const bit<16> ETHERTYPE_IPV6 = 0x86dd;
const bit<16> ETHERTYPE_ARP  = 0x0806;
const bit<16> ETHERTYPE_VLAN = 0x8100;
const bit<8>  PROTO_ICMP     = 1;
const bit<8>  PROTO_IPV4     = 4;
const bit<8>  PROTO_TCP      = 6;
const bit<8>  PROTO_UDP      = 17;
const bit<8>  PROTO_FRAGMENT = 44;
const bit<8>  PROTO_ICMPV6   = 58;
const bit<8>  PROTO_DSTOPTS  = 60;
const bit<16> IPV6_HEADER_BYTES = 40;

/* meta.path: what the rest of this pass does (punt() and drop() reset it to PATH_NONE). Bit 1 set
 * = a binding lookup in that direction. */
const bit<2> PATH_NONE    = 0;   /* punted, dropped, or not decided */
const bit<2> PATH_FORWARD = 1;   /* to next_hop(meta.direction) */
const bit<2> PATH_DOWN    = 2;   /* Internet → lwB4, or the second pass of a hairpin: encapsulate */
const bit<2> PATH_UP      = 3;   /* lwB4 → Internet: decapsulate (first pass only) */

error { Ipv4HeaderTooShort }

/* ---------------------------------------------------------------- headers (downstream only) */

@controller_header("packet_in")
header packet_in_t {
    Port_t       ingress_port;
    PuntReason_t reason;
    bit<7>       _pad;
}

@controller_header("packet_out")
header packet_out_t {
    Port_t  egress_port;
    bit<1>  do_forwarding;
    bit<6>  _pad;
}

header ethernet_t {
    bit<48> dst_addr;
    bit<48> src_addr;
    bit<16> ether_type;
}

header ipv6_t {
    bit<4>   version;
    bit<8>   traffic_class;
    bit<20>  flow_label;
    bit<16>  payload_len;
    bit<8>   next_hdr;
    bit<8>   hop_limit;
    bit<128> src_addr;
    bit<128> dst_addr;
}

header ipv4_t {
    bit<4>  version;
    bit<4>  ihl;
    bit<8>  diffserv;
    bit<16> total_len;
    bit<16> identification;
    bit<1>  reserved;
    bit<1>  dont_fragment;
    bit<1>  more_fragments;
    bit<13> frag_offset;
    bit<8>  ttl;
    bit<8>  protocol;
    bit<16> hdr_checksum;
    bit<32> src_addr;
    bit<32> dst_addr;
}

header l4_ports_t {
    bit<16> src_port;
    bit<16> dst_port;
}

struct headers_t {
    packet_out_t packet_out;
    packet_in_t  packet_in;
    ethernet_t   ethernet;
    ipv6_t       ipv6;
    ipv4_t       ipv4;
    l4_ports_t   l4_ports;
}

struct metadata_t {
    Side_t      side;
    bit<12>     vlan_id;
    bit<48>     aftr_mac;
    bit<32>     lookup_addr;
    bit<16>     lookup_port;
    bit<1>      has_port;
    bit<1>      shared;
    bit<16>     psid;
    bit<1>      psid_ok;
    bit<128>    lwb4;
    bit<8>      sw_br;
    bit<32>     sw_counter;
    bit<1>      found;
    bit<8>      pkt_br;
    bit<1>      dst_bound;
    Direction_t direction;
    bit<12>     egress_vid;
}

parser FloorParser(packet_in packet, out headers_t hdr, inout metadata_t meta,
                   inout standard_metadata_t standard_metadata) {
    state start {
        packet.extract(hdr.ethernet);
        transition select(hdr.ethernet.ether_type) {
            ETHERTYPE_IPV4: parse_ipv4;
            default: accept;
        }
    }
    state parse_ipv4 {
        packet.extract(hdr.ipv4);
        transition select(hdr.ipv4.protocol) {
            PROTO_UDP: parse_l4_ports;
            PROTO_TCP: parse_l4_ports;
            default: accept;
        }
    }
    state parse_l4_ports {
        packet.extract(hdr.l4_ports);
        transition accept;
    }
}

control FloorVerifyChecksum(inout headers_t hdr, inout metadata_t meta) {
    apply { }
}

/* Tables and actions as in pipeline.p4 (same names, keys and parameters). */
control LwaftrIngress(inout headers_t hdr, inout metadata_t meta,
                      inout standard_metadata_t standard_metadata) {
    counter<bit<32>>(SOFTWIRE_COUNTER_CELLS, CounterType.packets_and_bytes) softwire_stats;
    counter<DropReason_t>(REASON_CELLS, CounterType.packets_and_bytes) drop_stats;

    action drop(DropReason_t reason) {
        mark_to_drop(standard_metadata);
        drop_stats.count(reason);
    }
    action set_side(Side_t side, bit<48> aftr_mac) {
        meta.side = side;
        meta.aftr_mac = aftr_mac;
    }
    table port_side {
        key = {
            standard_metadata.ingress_port : exact @name("ingress_port");
            meta.vlan_id                   : exact @name("vlan_id");
        }
        actions = { set_side; drop; }
        const default_action = drop(DropReason_t.UNKNOWN_PORT);
        size = 1024;
    }
    action set_next_hop(Port_t port, bit<48> src_mac, bit<48> dst_mac, bit<12> vlan_id) {
        standard_metadata.egress_spec = (bit<9>) port;
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
    action set_br(bit<8> br_index) {
        meta.pkt_br = br_index;
    }
    table br_address {
        key = { hdr.ipv6.dst_addr : exact @name("ipv6_dst"); }
        actions = { set_br; @defaultonly NoAction; }
        const default_action = NoAction;
        size = 64;
    }
    action set_br_source(bit<128> br_addr) {
        hdr.ipv6.src_addr = br_addr;
    }
    table br_source {
        key = { meta.sw_br : exact @name("br_index"); }
        actions = { set_br_source; @defaultonly NoAction; }
        const default_action = NoAction;
        size = 64;
    }
    action bound() {
        meta.dst_bound = 1;
    }
    table bound_ipv4 {
        key = { hdr.ipv4.dst_addr : exact @name("ipv4_dst"); }
        actions = { bound; @defaultonly NoAction; }
        const default_action = NoAction;
        size = MAX_SOFTWIRES;
    }
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

    action start_downstream_l4() {
        meta.lookup_addr = hdr.ipv4.dst_addr;
        meta.lookup_port = hdr.l4_ports.dst_port;
        meta.has_port = 1;
    }
    action encapsulate() {
        meta.sw_counter = meta.sw_counter << 1;
        softwire_stats.count(meta.sw_counter);
        hdr.ipv4.hdr_checksum = ~((~hdr.ipv4.hdr_checksum + 16w0xfeff)
                                  + (bit<16>) (((bit<17>) (~hdr.ipv4.hdr_checksum) + 17w0xfeff) >> 16));
        hdr.ipv4.ttl = hdr.ipv4.ttl - 1;
        hdr.ipv6.setValid();
        hdr.ipv6.version = 6;
        hdr.ipv6.traffic_class = hdr.ipv4.diffserv;
        hdr.ipv6.flow_label = 0;
        hdr.ipv6.payload_len = hdr.ipv4.total_len;
        hdr.ipv6.next_hdr = PROTO_IPV4;
        hdr.ipv6.hop_limit = 64;
        hdr.ipv6.src_addr = 0;
        hdr.ipv6.dst_addr = meta.lwb4;
        hdr.ethernet.ether_type = ETHERTYPE_IPV6;
        meta.direction = Direction_t.DOWNSTREAM;
    }

    apply {
#ifdef ONE_TABLE
        start_downstream_l4();
        meta.psid = (meta.lookup_port >> 8) & 3;    /* LwaftrWorkload's shape: a = 6, k = 2 */
        binding.apply();
        encapsulate();
        hdr.ipv6.src_addr = 0x20010db8ffff00000000000000000001;    /* LwaftrWorkload.BR */
        standard_metadata.egress_spec = 2;
        if (meta.egress_vid == 1) {    /* never: keeps the other tables (and their names) */
            port_side.apply();
            psid_shape.apply();
            br_source.apply();
            next_hop.apply();
            bound_ipv4.apply();
            br_address.apply();
        }
#else
        port_side.apply();
        start_downstream_l4();
        psid_shape.apply();
        binding.apply();
        encapsulate();
        br_source.apply();
        next_hop.apply();
        if (meta.egress_vid == 1) {    /* never: keeps the other tables (and their names) */
            bound_ipv4.apply();
            br_address.apply();
        }
#endif
    }
}

control FloorEgress(inout headers_t hdr, inout metadata_t meta,
                    inout standard_metadata_t standard_metadata) {
    apply { }
}

control FloorComputeChecksum(inout headers_t hdr, inout metadata_t meta) {
    apply { }
}

control FloorDeparser(packet_out packet, in headers_t hdr) {
    apply {
        packet.emit(hdr.packet_in);
        packet.emit(hdr.ethernet);
        packet.emit(hdr.ipv6);
        packet.emit(hdr.ipv4);
        packet.emit(hdr.l4_ports);
    }
}

V1Switch(FloorParser(), FloorVerifyChecksum(), LwaftrIngress(), FloorEgress(), FloorComputeChecksum(),
         FloorDeparser()) main;
