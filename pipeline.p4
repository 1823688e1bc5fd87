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
 * constants in pipeconf/ are generated from it. Change them in p4/include/ only. docs/pipeline.md
 * explains the tables and what the controller writes into each.
 *
 * This file is the v1model glue: the lwAFTR logic every target shares is in p4/include/ (defs,
 * headers, parser states, the ingress control); p4/tna/lwaftr_tna.p4 and p4/t2na/lwaftr_t2na.p4
 * wrap the same logic for Tofino and Tofino 2 with the same table, action, counter and meter names.
 * After a change: scripts/p4-regen.sh (bmv2 artifacts), and p4test on the Tofino programs
 * (docs/pipeline.md, "Tofino").
 */
#include <core.p4>
/* The 2020 v1model lets counters and meters take a typed index: drop_stats is indexed by
 * DropReason_t, punt_stats and punt_meter by PuntReason_t, and the P4Info records it. */
#define V1MODEL_VERSION 20200408
#include <v1model.p4>

/* ---------------------------------------------------------------- v1model glue */

/* simple_switch_grpc --cpu-port 255 */
#define LWAFTR_CPU_PORT 255
/* bmv2 resets standard and user metadata on resubmit except the fields of field list 1. */
#define LWAFTR_PRESERVED @field_list(1)
#define LWAFTR_ARCH_METADATA

#define LWAFTR_INGRESS_PARAMS inout standard_metadata_t standard_metadata
#define LWAFTR_COUNTER(I, N) counter<I>(N, CounterType.packets_and_bytes)
#define LWAFTR_PACKET_METER(I, N) meter<I>(N, MeterType.packets)
#define LWAFTR_METER_COLOR_T bit<2>
#define LWAFTR_METER_EXECUTE(m, i, c) m.execute_meter(i, c)
#define LWAFTR_METER_RED V1MODEL_METER_COLOR_RED
#define LWAFTR_MARK_TO_DROP() mark_to_drop(standard_metadata)
#define LWAFTR_EGRESS_PORT standard_metadata.egress_spec
#define LWAFTR_PARSER_OK standard_metadata.parser_error == error.NoError
#define LWAFTR_PARSER_FAILED standard_metadata.parser_error != error.NoError
#define LWAFTR_FRAME_LENGTH_UNTAGGED \
        (bit<16>) standard_metadata.packet_length - (hdr.vlan.isValid() ? 16w4 : 16w0)
#define LWAFTR_RESUBMIT_HAIRPIN() resubmit_preserving_field_list(1)

#include "p4/include/headers.p4"

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
#include "p4/include/parser.p4"
}

control LwaftrVerifyChecksum(inout headers_t hdr, inout metadata_t meta) {
    apply { }
}

#include "p4/include/ingress.p4"

control LwaftrEgress(inout headers_t hdr, inout metadata_t meta,
                     inout standard_metadata_t standard_metadata) {
    apply { }
}

control LwaftrComputeChecksum(inout headers_t hdr, inout metadata_t meta) {
    apply { }
}

control LwaftrDeparser(packet_out packet, in headers_t hdr) {
    apply {
#include "p4/include/emit.p4"
    }
}

V1Switch(LwaftrParser(), LwaftrVerifyChecksum(), LwaftrIngress(), LwaftrEgress(),
         LwaftrComputeChecksum(), LwaftrDeparser()) main;
