/*
 * Names and numbers every lwAFTR target shares: the enums and constants the controller sees through
 * the P4Info (generated Java constants in pipeconf/), and the pipeline's own constants.
 * Included by pipeline.p4 (v1model), p4/tna/lwaftr_tna.p4 and p4/t2na/lwaftr_t2na.p4; the including
 * program defines LWAFTR_CPU_PORT first.
 */
#ifndef LWAFTR_DEFS_P4
#define LWAFTR_DEFS_P4
#ifndef LWAFTR_CPU_PORT
#error "LWAFTR_CPU_PORT: define the controller port of the target before including defs.p4"
#endif

/* ---------------------------------------------------------------- shared constants */

/* Serializable enums reach the P4Info (type_info.serializable_enums) because each one types something
 * the controller sees (a controller-header field, a match field, an action parameter or a counter
 * index); the controller's constants are generated from there. */

/* Port numbers the controller exchanges with the switch (packet_in/packet_out, next_hop). Any 9-bit
 * port is a valid value; CPU names the controller port: LWAFTR_CPU_PORT, set by the architecture glue
 * (simple_switch_grpc's --cpu-port on bmv2, the PCIe CPU port on Tofino). */
enum bit<9> Port_t {
    CPU = LWAFTR_CPU_PORT
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

#endif  /* LWAFTR_DEFS_P4 */
