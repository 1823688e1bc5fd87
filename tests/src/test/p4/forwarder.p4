/*
 * Trivial forwarder for the bmv2 test harness and the baseline of the data-plane benchmark.
 * One exact table on the ingress port: forward to a port, punt to the controller, or drop.
 * Packet-out frames carry a packet_out header naming the egress port; punted frames get a
 * packet_in header with the ingress port. An indexed counter counts frames per ingress port.
 *
 * CPU_PORT must equal the --cpu-port the harness gives simple_switch_grpc
 * (Bmv2Switch.CPU_PORT, taken from the lwAFTR pipeline's generated constants).
 *
 * Compile: p4c-bm2-ss --arch v1model -o forwarder.json --p4runtime-files forwarder.p4info.txt forwarder.p4
 */
#include <core.p4>
#include <v1model.p4>

const bit<9> CPU_PORT = 255;

@controller_header("packet_in")
header packet_in_t {
    bit<9> ingress_port;
    bit<7> _pad;
}

@controller_header("packet_out")
header packet_out_t {
    bit<9> egress_port;
    bit<7> _pad;
}

header ethernet_t {
    bit<48> dst_addr;
    bit<48> src_addr;
    bit<16> ether_type;
}

struct headers_t {
    packet_in_t  packet_in;
    packet_out_t packet_out;
    ethernet_t   ethernet;
}

struct metadata_t {
}

parser FwdParser(packet_in pkt, out headers_t hdr, inout metadata_t meta,
                 inout standard_metadata_t std) {
    state start {
        transition select(std.ingress_port) {
            CPU_PORT: parse_packet_out;
            default: parse_ethernet;
        }
    }
    state parse_packet_out {
        pkt.extract(hdr.packet_out);
        transition parse_ethernet;
    }
    state parse_ethernet {
        pkt.extract(hdr.ethernet);
        transition accept;
    }
}

control FwdVerifyChecksum(inout headers_t hdr, inout metadata_t meta) {
    apply { }
}

control FwdIngress(inout headers_t hdr, inout metadata_t meta, inout standard_metadata_t std) {
    counter(512, CounterType.packets_and_bytes) rx_port_counter;

    action set_egress_port(bit<9> port) {
        std.egress_spec = port;
    }
    action punt() {
        std.egress_spec = CPU_PORT;
    }
    action drop() {
        mark_to_drop(std);
    }

    table port_fwd {
        key = {
            std.ingress_port: exact @name("ingress_port");
        }
        actions = {
            set_egress_port;
            punt;
            drop;
        }
        default_action = drop();
        size = 512;
    }

    apply {
        if (hdr.packet_out.isValid()) {
            std.egress_spec = hdr.packet_out.egress_port;
            hdr.packet_out.setInvalid();
            exit;
        }
        rx_port_counter.count((bit<32>) std.ingress_port);
        port_fwd.apply();
    }
}

control FwdEgress(inout headers_t hdr, inout metadata_t meta, inout standard_metadata_t std) {
    apply {
        if (std.egress_port == CPU_PORT) {
            hdr.packet_in.setValid();
            hdr.packet_in.ingress_port = std.ingress_port;
            hdr.packet_in._pad = 0;
        }
    }
}

control FwdComputeChecksum(inout headers_t hdr, inout metadata_t meta) {
    apply { }
}

control FwdDeparser(packet_out pkt, in headers_t hdr) {
    apply {
        pkt.emit(hdr.packet_in);
        pkt.emit(hdr.ethernet);
    }
}

V1Switch(FwdParser(), FwdVerifyChecksum(), FwdIngress(), FwdEgress(), FwdComputeChecksum(),
         FwdDeparser()) main;
