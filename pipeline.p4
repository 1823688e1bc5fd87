/*
 * lwAFTR data plane: Lightweight 4over6 AFTR (RFC 7596) for v1model (bmv2 simple_switch_grpc).
 *
 * One binding-table lookup per pass serves both directions: exact match on (IPv4 address, PSID).
 *   downstream (Internet → lwB4, RFC 7596 §6.2): key = (IPv4 dst, PSID of the dst port); encapsulate
 *     in IPv6 from the softwire's BR address to its lwB4 (RFC 2473, RFC 6333 §6).
 *   upstream (lwB4 → Internet, RFC 7596 §6.2): key = (inner IPv4 src, PSID of the src port); the outer
 *     IPv6 src must be the softwire's lwB4 and the outer dst its BR; then decapsulate.
 *   hairpinning (§6.2, lwB4 → lwB4): the upstream pass validates the source softwire, then the packet
 *     is resubmitted and its second pass looks up the destination softwire (a table is applied at
 *     most once per pass) and rewrites the outer IPv6 header in place.
 * Whatever cannot be done at line rate is punted to the controller with a reason (packet_in header),
 * exactly as received; punts go through a meter per reason (RFC 7596 §9).
 *
 * Names shared with the controller (tables, actions, parameters, counters, meters, the CPU port,
 * punt and drop reasons, widths) are read from the P4Info this program compiles to: the Java
 * constants in pipeconf/ are generated from it. Change them here only. docs/pipeline.md explains the
 * tables and what the controller writes into each.
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
    REINJECT_PUNT         = 13,  /* a packet from the controller would be punted again */
    FILTERED              = 14   /* refused by the side's ingress or egress filter (ACL) */
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
/* filter_stats: cell 4·side + 2·stage + verdict (stage 0 ingress, 1 egress; verdict 1 = denied). */
const bit<32> FILTER_CELLS = 16;
const bit<1>  FILTER_INGRESS = 0;
const bit<1>  FILTER_EGRESS  = 1;

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

/* ---------------------------------------------------------------- headers */

@controller_header("packet_in")
header packet_in_t {
    Port_t       ingress_port;
    PuntReason_t reason;
    bit<7>       _pad;
}

@controller_header("packet_out")
header packet_out_t {
    Port_t  egress_port;     /* used when do_forwarding == 0 */
    bit<1>  do_forwarding;   /* 1: process the packet through the pipeline (re-injection) */
    bit<6>  _pad;
}

header ethernet_t {
    bit<48> dst_addr;
    bit<48> src_addr;
    bit<16> ether_type;
}

header vlan_t {
    bit<3>  pcp;
    bit<1>  dei;
    bit<12> vid;
    bit<16> ether_type;
}

/* ARP for IPv4 over Ethernet (RFC 826): only the target address is looked at. */
header arp_t {
    bit<16> hw_type;
    bit<16> proto_type;
    bit<8>  hw_len;
    bit<8>  proto_len;
    bit<16> opcode;
    bit<48> sender_mac;
    bit<32> sender_ip;
    bit<48> target_mac;
    bit<32> target_ip;
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

/* A Destination Options header of 8 bytes, as Linux ip6tnl sends it with the RFC 2473 Tunnel
 * Encapsulation Limit option (type 4, length 1) and a PadN. */
header ipv6_dstopts_t {
    bit<8>  next_hdr;
    bit<8>  hdr_ext_len;
    bit<48> options;
}

header ipv6_fragment_t {
    bit<8>  next_hdr;
    bit<8>  reserved;
    bit<13> offset;
    bit<2>  res;
    bit<1>  more;
    bit<32> ident;
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

header ipv4_options_t {
    varbit<320> options;
}

/* The first 4 bytes of TCP and UDP. */
header l4_ports_t {
    bit<16> src_port;
    bit<16> dst_port;
}

header icmp_t {
    bit<8>  icmp_type;
    bit<8>  code;
    bit<16> checksum;
    bit<16> identifier;      /* echo: identifier; errors: unused/MTU */
    bit<16> sequence;
}

header icmpv6_t {
    bit<8>  icmp_type;
    bit<8>  code;
    bit<16> checksum;
}

/* The IPv4 header quoted in an ICMPv4 error (RFC 792), without options. */
header inner_ipv4_t {
    bit<4>  version;
    bit<4>  ihl;
    bit<8>  diffserv;
    bit<16> total_len;
    bit<16> identification;
    bit<3>  flags;
    bit<13> frag_offset;
    bit<8>  ttl;
    bit<8>  protocol;
    bit<16> hdr_checksum;
    bit<32> src_addr;
    bit<32> dst_addr;
}

/* The first 8 bytes of the quoted datagram: ports of TCP/UDP, or type/code/checksum/id of ICMP. */
header inner_l4_t {
    bit<16> word0;
    bit<16> word1;
    bit<16> word2;
    bit<16> word3;
}

struct headers_t {
    packet_out_t    packet_out;
    packet_in_t     packet_in;
    ethernet_t      ethernet;
    vlan_t          vlan;
    arp_t           arp;
    ipv6_t          ipv6;
    ipv6_dstopts_t  ipv6_dstopts;
    ipv6_fragment_t ipv6_fragment;
    icmpv6_t        icmpv6;
    ipv4_t          ipv4;
    ipv4_options_t  ipv4_options;
    l4_ports_t      l4_ports;
    icmp_t          icmp;
    inner_ipv4_t    inner_ipv4;
    inner_l4_t      inner_l4;
}

struct metadata_t {
    @field_list(1)
    bit<9>       ingress_port;     /* standard_metadata.ingress_port of the first pass */
    Side_t       side;             /* of the ingress port/VLAN */
    bit<12>      vlan_id;          /* ingress VLAN, 0 when untagged */
    bit<48>      aftr_mac;
    bit<1>       from_cpu;
    /* lwAFTR configuration (aftr_config) */
    bit<8>       hop_limit;
    bit<20>      flow_label;
    bit<1>       hairpinning;
    bit<1>       icmpv4_errors;    /* generate ICMPv4 errors toward the Internet */
    bit<1>       icmpv6_errors;    /* generate ICMPv6 errors toward lwB4s */
    bit<1>       allow_incoming_icmp;
    bit<1>       allow_outgoing_icmp;
    bit<16>      lwb4_mtu;         /* largest IPv6 packet toward lwB4s */
    bit<16>      internet_mtu;     /* largest IPv4 packet toward the Internet */
    /* where this pass is going (PATH_*): few and narrow fields, because bmv2 zeroes every
     * metadata field for every packet */
    bit<2>       path;
    bit<1>       to_aftr;          /* aftr_ipv4 hit: the ARP target or plain IPv4 dst is the AFTR's */
    bit<1>       dst_bound;        /* bound_ipv4 hit */
    bit<1>       found;            /* binding hit */
    /* binding lookup (lookup_addr is also the aftr_ipv4 key) */
    bit<32>      lookup_addr;
    bit<16>      lookup_port;
    bit<1>       has_port;
    bit<1>       shared;           /* the address is shared by port sets (psid_shift_N) */
    bit<16>      psid;
    bit<1>       psid_ok;
    bit<128>     lwb4;
    bit<8>       sw_br;
    bit<32>      sw_counter;
    bit<8>       pkt_br;           /* index of the BR address an upstream packet is sent to */
    /* outcome */
    Direction_t  direction;        /* of a forwarded packet */
    bit<12>      egress_vid;
    @field_list(1)
    bit<1>       hairpin_pass;     /* second pass of a hairpinned packet (resubmitted) */
    PuntReason_t punt_reason;
    DropReason_t drop_reason;
    /* filters (ingress_filter, egress_filter): the key fields that are not plain header fields */
    Side_t       filter_side;      /* whose filter: LWB4 or INTERNET */
    bit<32>      filter_cell;      /* filter_stats cell of the verdict */
    bit<16>      filter_ether_type;   /* of the frame's payload (behind a VLAN tag) */
    bit<8>       filter_proto;     /* IPv4 protocol or IPv6 next header of the frame's IP header */
    bit<16>      filter_len;       /* the frame's length without a VLAN tag (pcap 'len') */
}

/* ---------------------------------------------------------------- parser */

parser LwaftrParser(packet_in packet, out headers_t hdr, inout metadata_t meta,
                    inout standard_metadata_t standard_metadata) {
    state start {
        /* bmv2 resets all standard metadata when it resubmits a packet (ingress_port becomes 0), so
         * the first pass records the port in meta.ingress_port, which the resubmit preserves. */
        transition select(meta.hairpin_pass) {
            0: record_ingress_port;
            default: dispatch;
        }
    }
    state record_ingress_port {
        meta.ingress_port = standard_metadata.ingress_port;
        /* Selects on its own copy: one parser state less per packet than going through dispatch. */
        transition select(meta.ingress_port) {
            (bit<9>) Port_t.CPU: parse_packet_out;
            default: parse_ethernet;
        }
    }
    state dispatch {    /* second pass of a hairpin */
        transition select(meta.ingress_port) {
            (bit<9>) Port_t.CPU: parse_packet_out;
            default: parse_ethernet;
        }
    }
    state parse_packet_out {
        packet.extract(hdr.packet_out);
        transition parse_ethernet;
    }
    state parse_ethernet {
        packet.extract(hdr.ethernet);
        transition select(hdr.ethernet.ether_type) {
            ETHERTYPE_VLAN: parse_vlan;
            ETHERTYPE_ARP: parse_arp;
            ETHERTYPE_IPV4: parse_ipv4;
            ETHERTYPE_IPV6: parse_ipv6;
            default: accept;
        }
    }
    state parse_vlan {
        packet.extract(hdr.vlan);
        transition select(hdr.vlan.ether_type) {
            ETHERTYPE_ARP: parse_arp;
            ETHERTYPE_IPV4: parse_ipv4;
            ETHERTYPE_IPV6: parse_ipv6;
            default: accept;
        }
    }
    state parse_arp {
        packet.extract(hdr.arp);
        transition accept;
    }
    state parse_ipv6 {
        packet.extract(hdr.ipv6);
        transition select(hdr.ipv6.next_hdr) {
            PROTO_IPV4: parse_ipv4;
            PROTO_DSTOPTS: parse_ipv6_dstopts;
            PROTO_FRAGMENT: parse_ipv6_fragment;
            PROTO_ICMPV6: parse_icmpv6;
            PROTO_TCP: parse_l4_ports;    /* only filters look at them: such packets are not forwarded */
            PROTO_UDP: parse_l4_ports;
            default: accept;
        }
    }
    state parse_ipv6_dstopts {
        packet.extract(hdr.ipv6_dstopts);
        transition select(hdr.ipv6_dstopts.hdr_ext_len, hdr.ipv6_dstopts.next_hdr) {
            (0, PROTO_IPV4): parse_ipv4;
            default: accept;
        }
    }
    state parse_ipv6_fragment {
        packet.extract(hdr.ipv6_fragment);
        transition accept;
    }
    state parse_icmpv6 {
        packet.extract(hdr.icmpv6);
        transition accept;
    }
    state parse_ipv4 {
        packet.extract(hdr.ipv4);
        /* An explicit reject would leave parser_error at NoError; verify() records the error and
         * the ingress drops the packet as BAD_HEADER. */
        verify(hdr.ipv4.ihl >= 5, error.Ipv4HeaderTooShort);
        /* Without options (the common case) the payload is selected here, one state less. */
        transition select(hdr.ipv4.ihl, hdr.ipv4.frag_offset, hdr.ipv4.protocol) {
            (5, 0, PROTO_TCP): parse_l4_ports;
            (5, 0, PROTO_UDP): parse_l4_ports;
            (5, 0, PROTO_ICMP): parse_icmp;
            (5, _, _): accept;
            default: parse_ipv4_options;
        }
    }
    state parse_ipv4_options {
        packet.extract(hdr.ipv4_options, (bit<32>) (((bit<16>) hdr.ipv4.ihl - 5) * 32));
        transition parse_ipv4_payload;
    }
    state parse_ipv4_payload {
        /* Non-first fragments carry no L4 header (the same choice as parse_ipv4's). */
        transition select(hdr.ipv4.frag_offset, hdr.ipv4.protocol) {
            (0, PROTO_TCP): parse_l4_ports;
            (0, PROTO_UDP): parse_l4_ports;
            (0, PROTO_ICMP): parse_icmp;
            default: accept;
        }
    }
    state parse_l4_ports {
        packet.extract(hdr.l4_ports);
        transition accept;
    }
    state parse_icmp {
        packet.extract(hdr.icmp);
        transition select(hdr.icmp.icmp_type) {
            3: parse_inner_ipv4;    /* destination unreachable */
            4: parse_inner_ipv4;    /* source quench */
            5: parse_inner_ipv4;    /* redirect */
            11: parse_inner_ipv4;   /* time exceeded */
            12: parse_inner_ipv4;   /* parameter problem */
            default: accept;
        }
    }
    state parse_inner_ipv4 {
        packet.extract(hdr.inner_ipv4);
        transition select(hdr.inner_ipv4.ihl) {
            5: parse_inner_l4;
            default: accept;        /* quoted options: ports not found, treated as portless */
        }
    }
    state parse_inner_l4 {
        packet.extract(hdr.inner_l4);
        transition accept;
    }
}

control LwaftrVerifyChecksum(inout headers_t hdr, inout metadata_t meta) {
    apply { }
}

/* ---------------------------------------------------------------- ingress */

control LwaftrIngress(inout headers_t hdr, inout metadata_t meta,
                      inout standard_metadata_t standard_metadata) {

    counter<bit<32>>(SOFTWIRE_COUNTER_CELLS, CounterType.packets_and_bytes) softwire_stats;
    counter<PuntReason_t>(REASON_CELLS, CounterType.packets_and_bytes) punt_stats;
    counter<DropReason_t>(REASON_CELLS, CounterType.packets_and_bytes) drop_stats;
    meter<PuntReason_t>(REASON_CELLS, MeterType.packets) punt_meter;
    counter<bit<32>>(FILTER_CELLS, CounterType.packets_and_bytes) filter_stats;

    /* Actions marked @hidden are the pipeline's own steps, not in any table: the P4Info omits them. */

    /* Also the miss action of port_side and next_hop: listed in tables, it brings DropReason_t
     * into the P4Info, and the controller may drop a port/VLAN explicitly with a reason. */
    action drop(DropReason_t reason) {
        meta.drop_reason = reason;
        meta.path = PATH_NONE;
        mark_to_drop(standard_metadata);
        drop_stats.count(reason);    /* a packet is dropped at most once: counted here */
    }

    @hidden action punt(PuntReason_t reason) {
        meta.punt_reason = reason;
        meta.path = PATH_NONE;
        standard_metadata.egress_spec = (bit<9>) Port_t.CPU;
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
        mark_to_drop(standard_metadata);
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
        meta.filter_len = (bit<16>) standard_metadata.packet_length - (hdr.vlan.isValid() ? 16w4 : 16w0);
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
        resubmit_preserving_field_list(1);
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
                standard_metadata.egress_spec = (bit<9>) hdr.packet_out.egress_port;
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
        if (meta.drop_reason == DropReason_t.NONE && standard_metadata.parser_error == error.NoError
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
            if (standard_metadata.parser_error != error.NoError) {
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
                bit<2> color;
                punt_meter.execute_meter(meta.punt_reason, color);
                if (color == V1MODEL_METER_COLOR_RED) {
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

control LwaftrEgress(inout headers_t hdr, inout metadata_t meta,
                     inout standard_metadata_t standard_metadata) {
    apply { }
}

control LwaftrComputeChecksum(inout headers_t hdr, inout metadata_t meta) {
    apply { }
}

control LwaftrDeparser(packet_out packet, in headers_t hdr) {
    apply {
        packet.emit(hdr.packet_in);
        packet.emit(hdr.ethernet);
        packet.emit(hdr.vlan);
        packet.emit(hdr.arp);
        packet.emit(hdr.ipv6);
        packet.emit(hdr.ipv6_dstopts);
        packet.emit(hdr.ipv6_fragment);
        packet.emit(hdr.icmpv6);
        packet.emit(hdr.ipv4);
        packet.emit(hdr.ipv4_options);
        packet.emit(hdr.l4_ports);
        packet.emit(hdr.icmp);
        packet.emit(hdr.inner_ipv4);
        packet.emit(hdr.inner_l4);
    }
}

V1Switch(LwaftrParser(), LwaftrVerifyChecksum(), LwaftrIngress(), LwaftrEgress(),
         LwaftrComputeChecksum(), LwaftrDeparser()) main;
