/*
 * The lwAFTR's headers and metadata, shared by every target. The architecture glue defines:
 *   LWAFTR_PRESERVED      what marks a metadata field kept across the hairpin's second pass
 *                         (v1model: @field_list(1) for resubmit_preserving_field_list; empty where
 *                         the glue carries the fields itself, as TNA's resubmit header does)
 *   LWAFTR_ARCH_METADATA  the target's own metadata fields, at the end of metadata_t (empty on v1model)
 */
#ifndef LWAFTR_HEADERS_P4
#define LWAFTR_HEADERS_P4
#include "defs.p4"

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
    LWAFTR_PRESERVED
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
    LWAFTR_PRESERVED
    bit<1>       hairpin_pass;     /* second pass of a hairpinned packet (resubmitted) */
    PuntReason_t punt_reason;
    DropReason_t drop_reason;
    /* filters (ingress_filter, egress_filter): the key fields that are not plain header fields */
    Side_t       filter_side;      /* whose filter: LWB4 or INTERNET */
    bit<32>      filter_cell;      /* filter_stats cell of the verdict */
    bit<16>      filter_ether_type;   /* of the frame's payload (behind a VLAN tag) */
    bit<8>       filter_proto;     /* IPv4 protocol or IPv6 next header of the frame's IP header */
    bit<16>      filter_len;       /* the frame's length without a VLAN tag (pcap 'len') */
    LWAFTR_ARCH_METADATA
}

#endif  /* LWAFTR_HEADERS_P4 */
