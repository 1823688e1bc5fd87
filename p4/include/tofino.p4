/*
 * Tofino glue (TNA and T2NA): the shared lwAFTR logic of p4/include/ wrapped in Tofino's pipeline,
 * with the same table, action, counter and meter names as bmv2's (LwaftrIngress.*). Included by
 * p4/tna/lwaftr_tna.p4 and p4/t2na/lwaftr_t2na.p4 after <tna.p4> or <t2na.p4> and LWAFTR_CPU_PORT.
 *
 * Where Tofino differs from bmv2 (docs/pipeline.md, "Tofino"):
 * - Metadata is not zeroed by the hardware; the shared ingress relies on zeroed metadata, hence
 *   @pa_auto_init_metadata (the compiler initializes what is read before it is written).
 * - Resubmission (the hairpin's second pass) carries 64 bits of metadata: the first pass's port and
 *   the second-pass marker travel in lwaftr_resubmit_t (v1model preserves them by field list).
 * - The ingress knows no frame length: the filters' `length` of a received frame is computed from
 *   its IP header (IPv6: payload + 54, IPv4: total length + 14), which misses Ethernet padding of
 *   frames under 60 bytes; ARP and other non-IP frames count as 60 bytes.
 */
@pa_auto_init_metadata

/* 64 bits: Tofino's resubmit data. */
header lwaftr_resubmit_t {
    bit<7> _pad0;
    bit<9> ingress_port;
    bit<7> _pad1;
    bit<1> hairpin_pass;
    bit<40> _pad2;
}
#define LWAFTR_RESUBMIT_BITS 64
#define LWAFTR_RESUBMIT_TYPE 3w1

#define LWAFTR_PRESERVED
#define LWAFTR_ARCH_METADATA lwaftr_resubmit_t resubmit_data;

#define LWAFTR_INGRESS_PARAMS \
        in ingress_intrinsic_metadata_t ig_intr_md, \
        in ingress_intrinsic_metadata_from_parser_t ig_prsr_md, \
        inout ingress_intrinsic_metadata_for_deparser_t ig_dprsr_md, \
        inout ingress_intrinsic_metadata_for_tm_t ig_tm_md
#define LWAFTR_COUNTER(I, N) Counter<bit<64>, I>(N, CounterType_t.PACKETS_AND_BYTES)
#define LWAFTR_PACKET_METER(I, N) Meter<I>(N, MeterType_t.PACKETS)
#define LWAFTR_METER_COLOR_T bit<8>
#define LWAFTR_METER_EXECUTE(m, i, c) c = m.execute(i)
#define LWAFTR_METER_RED ((bit<8>) MeterColor_t.RED)
#define LWAFTR_MARK_TO_DROP() ig_dprsr_md.drop_ctl = 1
#define LWAFTR_EGRESS_PORT ig_tm_md.ucast_egress_port
#define LWAFTR_PARSER_OK ig_prsr_md.parser_err == 0
#define LWAFTR_PARSER_FAILED ig_prsr_md.parser_err != 0
#define LWAFTR_FRAME_LENGTH_UNTAGGED \
        (hdr.ipv6.isValid() ? hdr.ipv6.payload_len + 54 \
                            : (hdr.ipv4.isValid() ? hdr.ipv4.total_len + 14 : 16w60))
/* The first pass's port and the marker go into the resubmit data (emitted by the deparser). */
#define LWAFTR_RESUBMIT_HAIRPIN() \
        meta.resubmit_data.setValid(); \
        meta.resubmit_data.ingress_port = meta.ingress_port; \
        meta.resubmit_data.hairpin_pass = 1; \
        ig_dprsr_md.resubmit_type = LWAFTR_RESUBMIT_TYPE

#include "headers.p4"

parser LwaftrIngressParser(packet_in packet, out headers_t hdr, out metadata_t meta,
                           out ingress_intrinsic_metadata_t ig_intr_md) {
    state start {
        packet.extract(ig_intr_md);
        transition select(ig_intr_md.resubmit_flag) {
            1: parse_resubmit;
            default: parse_port_metadata;
        }
    }
    state parse_port_metadata {
        packet.advance(PORT_METADATA_SIZE);
        meta.ingress_port = ig_intr_md.ingress_port;
        transition select(ig_intr_md.ingress_port) {
            (bit<9>) Port_t.CPU: parse_packet_out;
            default: parse_ethernet;
        }
    }
    /* Second pass of a hairpin: the resubmit data takes the place of the port metadata. */
    state parse_resubmit {
        packet.extract(meta.resubmit_data);
        meta.ingress_port = meta.resubmit_data.ingress_port;
        meta.hairpin_pass = meta.resubmit_data.hairpin_pass;
#if PORT_METADATA_SIZE_BITS > LWAFTR_RESUBMIT_BITS
        packet.advance(PORT_METADATA_SIZE_BITS - LWAFTR_RESUBMIT_BITS);
#endif
        transition select(meta.resubmit_data.ingress_port) {
            (bit<9>) Port_t.CPU: parse_packet_out;
            default: parse_ethernet;
        }
    }
#include "parser.p4"
}

#include "ingress.p4"

control LwaftrIngressDeparser(packet_out packet, inout headers_t hdr, in metadata_t meta,
                              in ingress_intrinsic_metadata_for_deparser_t ig_dprsr_md) {
    Resubmit(LWAFTR_RESUBMIT_TYPE) resubmit;
    apply {
        if (ig_dprsr_md.resubmit_type == LWAFTR_RESUBMIT_TYPE) {
            resubmit.emit(meta.resubmit_data);
        }
#include "emit.p4"
    }
}

/* Egress does nothing: the ingress decides everything (as on bmv2), and the egress parser reads only
 * the intrinsic metadata, so the frame passes through untouched. */
struct lwaftr_egress_headers_t { }
struct lwaftr_egress_metadata_t { }

parser LwaftrEgressParser(packet_in packet, out lwaftr_egress_headers_t hdr,
                          out lwaftr_egress_metadata_t meta,
                          out egress_intrinsic_metadata_t eg_intr_md) {
    state start {
        packet.extract(eg_intr_md);
        transition accept;
    }
}

/* T2NA makes the intrinsic parameters mandatory that TNA leaves optional: all are listed. */
control LwaftrEgress(inout lwaftr_egress_headers_t hdr, inout lwaftr_egress_metadata_t meta,
                     in egress_intrinsic_metadata_t eg_intr_md,
                     in egress_intrinsic_metadata_from_parser_t eg_prsr_md,
                     inout egress_intrinsic_metadata_for_deparser_t eg_dprsr_md,
                     inout egress_intrinsic_metadata_for_output_port_t eg_oport_md) {
    apply { }
}

control LwaftrEgressDeparser(packet_out packet, inout lwaftr_egress_headers_t hdr,
                             in lwaftr_egress_metadata_t meta,
                             in egress_intrinsic_metadata_for_deparser_t eg_dprsr_md) {
    apply { }
}

Pipeline(LwaftrIngressParser(), LwaftrIngress(), LwaftrIngressDeparser(),
         LwaftrEgressParser(), LwaftrEgress(), LwaftrEgressDeparser()) pipe;

Switch(pipe) main;
