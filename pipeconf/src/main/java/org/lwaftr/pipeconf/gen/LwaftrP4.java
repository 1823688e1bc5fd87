// Generated from pipeconf/src/main/resources/lwaftr.p4info.txt (pipeline.p4) by
// org.lwaftr.pipeconf.codegen.P4InfoJavaGenerator. Do not edit: change pipeline.p4 and run
// scripts/p4-regen.sh.
package org.lwaftr.pipeconf.gen;

import org.onosproject.net.pi.model.PiActionId;
import org.onosproject.net.pi.model.PiActionParamId;
import org.onosproject.net.pi.model.PiCounterId;
import org.onosproject.net.pi.model.PiMatchFieldId;
import org.onosproject.net.pi.model.PiMeterId;
import org.onosproject.net.pi.model.PiPacketMetadataId;
import org.onosproject.net.pi.model.PiTableId;

/**
 * Names, widths and sizes of the lwAFTR pipeline's P4Info (pipeline.p4), for the controller.
 */
public final class LwaftrP4 {

    private LwaftrP4() {
    }

    // ---- tables (PiTableId) and their sizes

    /** Table {@code LwaftrIngress.aftr_config}. */
    public static final PiTableId INGRESS_AFTR_CONFIG = PiTableId.of("LwaftrIngress.aftr_config");

    /** Capacity of {@code LwaftrIngress.aftr_config}. */
    public static final int INGRESS_AFTR_CONFIG_SIZE = 1;

    /** Table {@code LwaftrIngress.aftr_ipv4}. */
    public static final PiTableId INGRESS_AFTR_IPV4 = PiTableId.of("LwaftrIngress.aftr_ipv4");

    /** Capacity of {@code LwaftrIngress.aftr_ipv4}. */
    public static final int INGRESS_AFTR_IPV4_SIZE = 64;

    /** Table {@code LwaftrIngress.binding}. */
    public static final PiTableId INGRESS_BINDING = PiTableId.of("LwaftrIngress.binding");

    /** Capacity of {@code LwaftrIngress.binding}. */
    public static final int INGRESS_BINDING_SIZE = 1048576;

    /** Table {@code LwaftrIngress.bound_ipv4}. */
    public static final PiTableId INGRESS_BOUND_IPV4 = PiTableId.of("LwaftrIngress.bound_ipv4");

    /** Capacity of {@code LwaftrIngress.bound_ipv4}. */
    public static final int INGRESS_BOUND_IPV4_SIZE = 1048576;

    /** Table {@code LwaftrIngress.br_address}. */
    public static final PiTableId INGRESS_BR_ADDRESS = PiTableId.of("LwaftrIngress.br_address");

    /** Capacity of {@code LwaftrIngress.br_address}. */
    public static final int INGRESS_BR_ADDRESS_SIZE = 64;

    /** Table {@code LwaftrIngress.br_source}. */
    public static final PiTableId INGRESS_BR_SOURCE = PiTableId.of("LwaftrIngress.br_source");

    /** Capacity of {@code LwaftrIngress.br_source}. */
    public static final int INGRESS_BR_SOURCE_SIZE = 64;

    /** Table {@code LwaftrIngress.egress_filter}. */
    public static final PiTableId INGRESS_EGRESS_FILTER = PiTableId.of("LwaftrIngress.egress_filter");

    /** Capacity of {@code LwaftrIngress.egress_filter}. */
    public static final int INGRESS_EGRESS_FILTER_SIZE = 1024;

    /** Table {@code LwaftrIngress.ingress_filter}. */
    public static final PiTableId INGRESS_INGRESS_FILTER = PiTableId.of("LwaftrIngress.ingress_filter");

    /** Capacity of {@code LwaftrIngress.ingress_filter}. */
    public static final int INGRESS_INGRESS_FILTER_SIZE = 1024;

    /** Table {@code LwaftrIngress.next_hop}. */
    public static final PiTableId INGRESS_NEXT_HOP = PiTableId.of("LwaftrIngress.next_hop");

    /** Capacity of {@code LwaftrIngress.next_hop}. */
    public static final int INGRESS_NEXT_HOP_SIZE = 2;

    /** Table {@code LwaftrIngress.port_side}. */
    public static final PiTableId INGRESS_PORT_SIDE = PiTableId.of("LwaftrIngress.port_side");

    /** Capacity of {@code LwaftrIngress.port_side}. */
    public static final int INGRESS_PORT_SIDE_SIZE = 1024;

    /** Table {@code LwaftrIngress.psid_shape}. */
    public static final PiTableId INGRESS_PSID_SHAPE = PiTableId.of("LwaftrIngress.psid_shape");

    /** Capacity of {@code LwaftrIngress.psid_shape}. */
    public static final int INGRESS_PSID_SHAPE_SIZE = 1048576;

    // ---- match fields (PiMatchFieldId) and their widths

    /** Match field {@code br_index}, in br_source. */
    public static final PiMatchFieldId FIELD_BR_INDEX = PiMatchFieldId.of("br_index");

    /** Width in bits of {@code br_index}, in br_source. */
    public static final int FIELD_BR_INDEX_BITWIDTH = 8;

    /** Match field {@code direction}, in next_hop. */
    public static final PiMatchFieldId FIELD_DIRECTION = PiMatchFieldId.of("direction");

    /** Width in bits of {@code direction}, in next_hop. */
    public static final int FIELD_DIRECTION_BITWIDTH = 1;

    /** Match field {@code ether_type}, in egress_filter, ingress_filter. */
    public static final PiMatchFieldId FIELD_ETHER_TYPE = PiMatchFieldId.of("ether_type");

    /** Width in bits of {@code ether_type}, in egress_filter, ingress_filter. */
    public static final int FIELD_ETHER_TYPE_BITWIDTH = 16;

    /** Match field {@code has_ports}, in egress_filter, ingress_filter. */
    public static final PiMatchFieldId FIELD_HAS_PORTS = PiMatchFieldId.of("has_ports");

    /** Width in bits of {@code has_ports}, in egress_filter, ingress_filter. */
    public static final int FIELD_HAS_PORTS_BITWIDTH = 1;

    /** Match field {@code ingress_port}, in port_side. */
    public static final PiMatchFieldId FIELD_INGRESS_PORT = PiMatchFieldId.of("ingress_port");

    /** Width in bits of {@code ingress_port}, in port_side. */
    public static final int FIELD_INGRESS_PORT_BITWIDTH = 9;

    /** Match field {@code ipv4_addr}, in aftr_ipv4, binding, psid_shape. */
    public static final PiMatchFieldId FIELD_IPV4_ADDR = PiMatchFieldId.of("ipv4_addr");

    /** Width in bits of {@code ipv4_addr}, in aftr_ipv4, binding, psid_shape. */
    public static final int FIELD_IPV4_ADDR_BITWIDTH = 32;

    /** Match field {@code ipv4_dst}, in bound_ipv4, egress_filter, ingress_filter. */
    public static final PiMatchFieldId FIELD_IPV4_DST = PiMatchFieldId.of("ipv4_dst");

    /** Width in bits of {@code ipv4_dst}, in bound_ipv4, egress_filter, ingress_filter. */
    public static final int FIELD_IPV4_DST_BITWIDTH = 32;

    /** Match field {@code ipv4_src}, in egress_filter, ingress_filter. */
    public static final PiMatchFieldId FIELD_IPV4_SRC = PiMatchFieldId.of("ipv4_src");

    /** Width in bits of {@code ipv4_src}, in egress_filter, ingress_filter. */
    public static final int FIELD_IPV4_SRC_BITWIDTH = 32;

    /** Match field {@code ipv6_dst}, in br_address, egress_filter, ingress_filter. */
    public static final PiMatchFieldId FIELD_IPV6_DST = PiMatchFieldId.of("ipv6_dst");

    /** Width in bits of {@code ipv6_dst}, in br_address, egress_filter, ingress_filter. */
    public static final int FIELD_IPV6_DST_BITWIDTH = 128;

    /** Match field {@code ipv6_frag_next}, in egress_filter, ingress_filter. */
    public static final PiMatchFieldId FIELD_IPV6_FRAG_NEXT = PiMatchFieldId.of("ipv6_frag_next");

    /** Width in bits of {@code ipv6_frag_next}, in egress_filter, ingress_filter. */
    public static final int FIELD_IPV6_FRAG_NEXT_BITWIDTH = 8;

    /** Match field {@code ipv6_src}, in egress_filter, ingress_filter. */
    public static final PiMatchFieldId FIELD_IPV6_SRC = PiMatchFieldId.of("ipv6_src");

    /** Width in bits of {@code ipv6_src}, in egress_filter, ingress_filter. */
    public static final int FIELD_IPV6_SRC_BITWIDTH = 128;

    /** Match field {@code ip_proto}, in egress_filter, ingress_filter. */
    public static final PiMatchFieldId FIELD_IP_PROTO = PiMatchFieldId.of("ip_proto");

    /** Width in bits of {@code ip_proto}, in egress_filter, ingress_filter. */
    public static final int FIELD_IP_PROTO_BITWIDTH = 8;

    /** Match field {@code l4_dst_port}, in egress_filter, ingress_filter. */
    public static final PiMatchFieldId FIELD_L4_DST_PORT = PiMatchFieldId.of("l4_dst_port");

    /** Width in bits of {@code l4_dst_port}, in egress_filter, ingress_filter. */
    public static final int FIELD_L4_DST_PORT_BITWIDTH = 16;

    /** Match field {@code l4_src_port}, in egress_filter, ingress_filter. */
    public static final PiMatchFieldId FIELD_L4_SRC_PORT = PiMatchFieldId.of("l4_src_port");

    /** Width in bits of {@code l4_src_port}, in egress_filter, ingress_filter. */
    public static final int FIELD_L4_SRC_PORT_BITWIDTH = 16;

    /** Match field {@code length}, in egress_filter, ingress_filter. */
    public static final PiMatchFieldId FIELD_LENGTH = PiMatchFieldId.of("length");

    /** Width in bits of {@code length}, in egress_filter, ingress_filter. */
    public static final int FIELD_LENGTH_BITWIDTH = 16;

    /** Match field {@code psid}, in binding. */
    public static final PiMatchFieldId FIELD_PSID = PiMatchFieldId.of("psid");

    /** Width in bits of {@code psid}, in binding. */
    public static final int FIELD_PSID_BITWIDTH = 16;

    /** Match field {@code side}, in egress_filter, ingress_filter. */
    public static final PiMatchFieldId FIELD_SIDE = PiMatchFieldId.of("side");

    /** Width in bits of {@code side}, in egress_filter, ingress_filter. */
    public static final int FIELD_SIDE_BITWIDTH = 2;

    /** Match field {@code vlan_id}, in port_side. */
    public static final PiMatchFieldId FIELD_VLAN_ID = PiMatchFieldId.of("vlan_id");

    /** Width in bits of {@code vlan_id}, in port_side. */
    public static final int FIELD_VLAN_ID_BITWIDTH = 12;

    // ---- actions (PiActionId); an action may serve several tables

    /** Action {@code LwaftrIngress.aftr_address}. */
    public static final PiActionId ACTION_AFTR_ADDRESS = PiActionId.of("LwaftrIngress.aftr_address");

    /** Action {@code LwaftrIngress.bound}. */
    public static final PiActionId ACTION_BOUND = PiActionId.of("LwaftrIngress.bound");

    /** Action {@code LwaftrIngress.drop}. */
    public static final PiActionId ACTION_DROP = PiActionId.of("LwaftrIngress.drop");

    /** Action {@code LwaftrIngress.filter_allow}. */
    public static final PiActionId ACTION_FILTER_ALLOW = PiActionId.of("LwaftrIngress.filter_allow");

    /** Action {@code LwaftrIngress.filter_deny}. */
    public static final PiActionId ACTION_FILTER_DENY = PiActionId.of("LwaftrIngress.filter_deny");

    /** Action {@code NoAction}. */
    public static final PiActionId ACTION_NO_ACTION = PiActionId.of("NoAction");

    /** Action {@code LwaftrIngress.psid_shift_0}. */
    public static final PiActionId ACTION_PSID_SHIFT_0 = PiActionId.of("LwaftrIngress.psid_shift_0");

    /** Action {@code LwaftrIngress.psid_shift_1}. */
    public static final PiActionId ACTION_PSID_SHIFT_1 = PiActionId.of("LwaftrIngress.psid_shift_1");

    /** Action {@code LwaftrIngress.psid_shift_2}. */
    public static final PiActionId ACTION_PSID_SHIFT_2 = PiActionId.of("LwaftrIngress.psid_shift_2");

    /** Action {@code LwaftrIngress.psid_shift_3}. */
    public static final PiActionId ACTION_PSID_SHIFT_3 = PiActionId.of("LwaftrIngress.psid_shift_3");

    /** Action {@code LwaftrIngress.psid_shift_4}. */
    public static final PiActionId ACTION_PSID_SHIFT_4 = PiActionId.of("LwaftrIngress.psid_shift_4");

    /** Action {@code LwaftrIngress.psid_shift_5}. */
    public static final PiActionId ACTION_PSID_SHIFT_5 = PiActionId.of("LwaftrIngress.psid_shift_5");

    /** Action {@code LwaftrIngress.psid_shift_6}. */
    public static final PiActionId ACTION_PSID_SHIFT_6 = PiActionId.of("LwaftrIngress.psid_shift_6");

    /** Action {@code LwaftrIngress.psid_shift_7}. */
    public static final PiActionId ACTION_PSID_SHIFT_7 = PiActionId.of("LwaftrIngress.psid_shift_7");

    /** Action {@code LwaftrIngress.psid_shift_8}. */
    public static final PiActionId ACTION_PSID_SHIFT_8 = PiActionId.of("LwaftrIngress.psid_shift_8");

    /** Action {@code LwaftrIngress.psid_shift_9}. */
    public static final PiActionId ACTION_PSID_SHIFT_9 = PiActionId.of("LwaftrIngress.psid_shift_9");

    /** Action {@code LwaftrIngress.psid_shift_10}. */
    public static final PiActionId ACTION_PSID_SHIFT_10 = PiActionId.of("LwaftrIngress.psid_shift_10");

    /** Action {@code LwaftrIngress.psid_shift_11}. */
    public static final PiActionId ACTION_PSID_SHIFT_11 = PiActionId.of("LwaftrIngress.psid_shift_11");

    /** Action {@code LwaftrIngress.psid_shift_12}. */
    public static final PiActionId ACTION_PSID_SHIFT_12 = PiActionId.of("LwaftrIngress.psid_shift_12");

    /** Action {@code LwaftrIngress.psid_shift_13}. */
    public static final PiActionId ACTION_PSID_SHIFT_13 = PiActionId.of("LwaftrIngress.psid_shift_13");

    /** Action {@code LwaftrIngress.psid_shift_14}. */
    public static final PiActionId ACTION_PSID_SHIFT_14 = PiActionId.of("LwaftrIngress.psid_shift_14");

    /** Action {@code LwaftrIngress.psid_shift_15}. */
    public static final PiActionId ACTION_PSID_SHIFT_15 = PiActionId.of("LwaftrIngress.psid_shift_15");

    /** Action {@code LwaftrIngress.set_br}. */
    public static final PiActionId ACTION_SET_BR = PiActionId.of("LwaftrIngress.set_br");

    /** Action {@code LwaftrIngress.set_br_source}. */
    public static final PiActionId ACTION_SET_BR_SOURCE = PiActionId.of("LwaftrIngress.set_br_source");

    /** Action {@code LwaftrIngress.set_config}. */
    public static final PiActionId ACTION_SET_CONFIG = PiActionId.of("LwaftrIngress.set_config");

    /** Action {@code LwaftrIngress.set_next_hop}. */
    public static final PiActionId ACTION_SET_NEXT_HOP = PiActionId.of("LwaftrIngress.set_next_hop");

    /** Action {@code LwaftrIngress.set_side}. */
    public static final PiActionId ACTION_SET_SIDE = PiActionId.of("LwaftrIngress.set_side");

    /** Action {@code LwaftrIngress.softwire}. */
    public static final PiActionId ACTION_SOFTWIRE = PiActionId.of("LwaftrIngress.softwire");

    /** Action {@code LwaftrIngress.whole_address}. */
    public static final PiActionId ACTION_WHOLE_ADDRESS = PiActionId.of("LwaftrIngress.whole_address");

    // ---- action parameters (PiActionParamId) and their widths

    /** Action parameter {@code aftr_mac}, in set_side. */
    public static final PiActionParamId PARAM_AFTR_MAC = PiActionParamId.of("aftr_mac");

    /** Width in bits of {@code aftr_mac}, in set_side. */
    public static final int PARAM_AFTR_MAC_BITWIDTH = 48;

    /** Action parameter {@code allow_incoming_icmp}, in set_config. */
    public static final PiActionParamId PARAM_ALLOW_INCOMING_ICMP = PiActionParamId.of("allow_incoming_icmp");

    /** Width in bits of {@code allow_incoming_icmp}, in set_config. */
    public static final int PARAM_ALLOW_INCOMING_ICMP_BITWIDTH = 1;

    /** Action parameter {@code allow_outgoing_icmp}, in set_config. */
    public static final PiActionParamId PARAM_ALLOW_OUTGOING_ICMP = PiActionParamId.of("allow_outgoing_icmp");

    /** Width in bits of {@code allow_outgoing_icmp}, in set_config. */
    public static final int PARAM_ALLOW_OUTGOING_ICMP_BITWIDTH = 1;

    /** Action parameter {@code br_addr}, in set_br_source. */
    public static final PiActionParamId PARAM_BR_ADDR = PiActionParamId.of("br_addr");

    /** Width in bits of {@code br_addr}, in set_br_source. */
    public static final int PARAM_BR_ADDR_BITWIDTH = 128;

    /** Action parameter {@code br_index}, in set_br, softwire. */
    public static final PiActionParamId PARAM_BR_INDEX = PiActionParamId.of("br_index");

    /** Width in bits of {@code br_index}, in set_br, softwire. */
    public static final int PARAM_BR_INDEX_BITWIDTH = 8;

    /** Action parameter {@code counter_index}, in softwire. */
    public static final PiActionParamId PARAM_COUNTER_INDEX = PiActionParamId.of("counter_index");

    /** Width in bits of {@code counter_index}, in softwire. */
    public static final int PARAM_COUNTER_INDEX_BITWIDTH = 32;

    /** Action parameter {@code dst_mac}, in set_next_hop. */
    public static final PiActionParamId PARAM_DST_MAC = PiActionParamId.of("dst_mac");

    /** Width in bits of {@code dst_mac}, in set_next_hop. */
    public static final int PARAM_DST_MAC_BITWIDTH = 48;

    /** Action parameter {@code first_port}, in psid_shift_0, psid_shift_1, psid_shift_10, psid_shift_11, psid_shift_12, psid_shift_13, psid_shift_14, psid_shift_15, psid_shift_2, psid_shift_3, psid_shift_4, psid_shift_5, psid_shift_6, psid_shift_7, psid_shift_8, psid_shift_9. */
    public static final PiActionParamId PARAM_FIRST_PORT = PiActionParamId.of("first_port");

    /** Width in bits of {@code first_port}, in psid_shift_0, psid_shift_1, psid_shift_10, psid_shift_11, psid_shift_12, psid_shift_13, psid_shift_14, psid_shift_15, psid_shift_2, psid_shift_3, psid_shift_4, psid_shift_5, psid_shift_6, psid_shift_7, psid_shift_8, psid_shift_9. */
    public static final int PARAM_FIRST_PORT_BITWIDTH = 16;

    /** Action parameter {@code flow_label}, in set_config. */
    public static final PiActionParamId PARAM_FLOW_LABEL = PiActionParamId.of("flow_label");

    /** Width in bits of {@code flow_label}, in set_config. */
    public static final int PARAM_FLOW_LABEL_BITWIDTH = 20;

    /** Action parameter {@code hairpinning}, in set_config. */
    public static final PiActionParamId PARAM_HAIRPINNING = PiActionParamId.of("hairpinning");

    /** Width in bits of {@code hairpinning}, in set_config. */
    public static final int PARAM_HAIRPINNING_BITWIDTH = 1;

    /** Action parameter {@code hop_limit}, in set_config. */
    public static final PiActionParamId PARAM_HOP_LIMIT = PiActionParamId.of("hop_limit");

    /** Width in bits of {@code hop_limit}, in set_config. */
    public static final int PARAM_HOP_LIMIT_BITWIDTH = 8;

    /** Action parameter {@code icmpv4_errors}, in set_config. */
    public static final PiActionParamId PARAM_ICMPV4_ERRORS = PiActionParamId.of("icmpv4_errors");

    /** Width in bits of {@code icmpv4_errors}, in set_config. */
    public static final int PARAM_ICMPV4_ERRORS_BITWIDTH = 1;

    /** Action parameter {@code icmpv6_errors}, in set_config. */
    public static final PiActionParamId PARAM_ICMPV6_ERRORS = PiActionParamId.of("icmpv6_errors");

    /** Width in bits of {@code icmpv6_errors}, in set_config. */
    public static final int PARAM_ICMPV6_ERRORS_BITWIDTH = 1;

    /** Action parameter {@code internet_mtu}, in set_config. */
    public static final PiActionParamId PARAM_INTERNET_MTU = PiActionParamId.of("internet_mtu");

    /** Width in bits of {@code internet_mtu}, in set_config. */
    public static final int PARAM_INTERNET_MTU_BITWIDTH = 16;

    /** Action parameter {@code lwb4}, in softwire. */
    public static final PiActionParamId PARAM_LWB4 = PiActionParamId.of("lwb4");

    /** Width in bits of {@code lwb4}, in softwire. */
    public static final int PARAM_LWB4_BITWIDTH = 128;

    /** Action parameter {@code lwb4_mtu}, in set_config. */
    public static final PiActionParamId PARAM_LWB4_MTU = PiActionParamId.of("lwb4_mtu");

    /** Width in bits of {@code lwb4_mtu}, in set_config. */
    public static final int PARAM_LWB4_MTU_BITWIDTH = 16;

    /** Action parameter {@code mask}, in psid_shift_0, psid_shift_1, psid_shift_10, psid_shift_11, psid_shift_12, psid_shift_13, psid_shift_14, psid_shift_15, psid_shift_2, psid_shift_3, psid_shift_4, psid_shift_5, psid_shift_6, psid_shift_7, psid_shift_8, psid_shift_9. */
    public static final PiActionParamId PARAM_MASK = PiActionParamId.of("mask");

    /** Width in bits of {@code mask}, in psid_shift_0, psid_shift_1, psid_shift_10, psid_shift_11, psid_shift_12, psid_shift_13, psid_shift_14, psid_shift_15, psid_shift_2, psid_shift_3, psid_shift_4, psid_shift_5, psid_shift_6, psid_shift_7, psid_shift_8, psid_shift_9. */
    public static final int PARAM_MASK_BITWIDTH = 16;

    /** Action parameter {@code port}, in set_next_hop. */
    public static final PiActionParamId PARAM_PORT = PiActionParamId.of("port");

    /** Width in bits of {@code port}, in set_next_hop. */
    public static final int PARAM_PORT_BITWIDTH = 9;

    /** Action parameter {@code reason}, in drop. */
    public static final PiActionParamId PARAM_REASON = PiActionParamId.of("reason");

    /** Width in bits of {@code reason}, in drop. */
    public static final int PARAM_REASON_BITWIDTH = 8;

    /** Action parameter {@code side}, in set_side. */
    public static final PiActionParamId PARAM_SIDE = PiActionParamId.of("side");

    /** Width in bits of {@code side}, in set_side. */
    public static final int PARAM_SIDE_BITWIDTH = 2;

    /** Action parameter {@code src_mac}, in set_next_hop. */
    public static final PiActionParamId PARAM_SRC_MAC = PiActionParamId.of("src_mac");

    /** Width in bits of {@code src_mac}, in set_next_hop. */
    public static final int PARAM_SRC_MAC_BITWIDTH = 48;

    /** Action parameter {@code vlan_id}, in set_next_hop. */
    public static final PiActionParamId PARAM_VLAN_ID = PiActionParamId.of("vlan_id");

    /** Width in bits of {@code vlan_id}, in set_next_hop. */
    public static final int PARAM_VLAN_ID_BITWIDTH = 12;

    // ---- indexed counters (PiCounterId) and their sizes

    /** Counter {@code LwaftrIngress.drop_stats}. */
    public static final PiCounterId COUNTER_DROP_STATS = PiCounterId.of("LwaftrIngress.drop_stats");

    /** Cells of {@code LwaftrIngress.drop_stats}. */
    public static final int COUNTER_DROP_STATS_SIZE = 16;

    /** Counter {@code LwaftrIngress.filter_stats}. */
    public static final PiCounterId COUNTER_FILTER_STATS = PiCounterId.of("LwaftrIngress.filter_stats");

    /** Cells of {@code LwaftrIngress.filter_stats}. */
    public static final int COUNTER_FILTER_STATS_SIZE = 16;

    /** Counter {@code LwaftrIngress.punt_stats}. */
    public static final PiCounterId COUNTER_PUNT_STATS = PiCounterId.of("LwaftrIngress.punt_stats");

    /** Cells of {@code LwaftrIngress.punt_stats}. */
    public static final int COUNTER_PUNT_STATS_SIZE = 16;

    /** Counter {@code LwaftrIngress.softwire_stats}. */
    public static final PiCounterId COUNTER_SOFTWIRE_STATS = PiCounterId.of("LwaftrIngress.softwire_stats");

    /** Cells of {@code LwaftrIngress.softwire_stats}. */
    public static final int COUNTER_SOFTWIRE_STATS_SIZE = 2097152;

    // ---- indexed meters (PiMeterId) and their sizes

    /** Meter {@code LwaftrIngress.punt_meter}. */
    public static final PiMeterId METER_PUNT_METER = PiMeterId.of("LwaftrIngress.punt_meter");

    /** Cells of {@code LwaftrIngress.punt_meter}. */
    public static final int METER_PUNT_METER_SIZE = 16;

    // ---- controller packet metadata (PiPacketMetadataId) and widths

    /** Metadata {@code ingress_port} of {@code packet_in}. */
    public static final PiPacketMetadataId PACKET_IN_INGRESS_PORT = PiPacketMetadataId.of("ingress_port");

    /** Width in bits of {@code packet_in.ingress_port}. */
    public static final int PACKET_IN_INGRESS_PORT_BITWIDTH = 9;

    /** Metadata {@code _pad} of {@code packet_in}. */
    public static final PiPacketMetadataId PACKET_IN_PAD = PiPacketMetadataId.of("_pad");

    /** Width in bits of {@code packet_in._pad}. */
    public static final int PACKET_IN_PAD_BITWIDTH = 7;

    /** Metadata {@code reason} of {@code packet_in}. */
    public static final PiPacketMetadataId PACKET_IN_REASON = PiPacketMetadataId.of("reason");

    /** Width in bits of {@code packet_in.reason}. */
    public static final int PACKET_IN_REASON_BITWIDTH = 8;

    /** Metadata {@code do_forwarding} of {@code packet_out}. */
    public static final PiPacketMetadataId PACKET_OUT_DO_FORWARDING = PiPacketMetadataId.of("do_forwarding");

    /** Width in bits of {@code packet_out.do_forwarding}. */
    public static final int PACKET_OUT_DO_FORWARDING_BITWIDTH = 1;

    /** Metadata {@code egress_port} of {@code packet_out}. */
    public static final PiPacketMetadataId PACKET_OUT_EGRESS_PORT = PiPacketMetadataId.of("egress_port");

    /** Width in bits of {@code packet_out.egress_port}. */
    public static final int PACKET_OUT_EGRESS_PORT_BITWIDTH = 9;

    /** Metadata {@code _pad} of {@code packet_out}. */
    public static final PiPacketMetadataId PACKET_OUT_PAD = PiPacketMetadataId.of("_pad");

    /** Width in bits of {@code packet_out._pad}. */
    public static final int PACKET_OUT_PAD_BITWIDTH = 6;

    // ---- port numbers (P4 enum Port_t)

    /** Port {@code Port_t.CPU}. */
    public static final int CPU_PORT = 255;
}
