package org.lwaftr.translate;

import org.lwaftr.pipeconf.gen.Direction;
import org.lwaftr.pipeconf.gen.DropReason;
import org.lwaftr.pipeconf.gen.LwaftrP4;
import org.lwaftr.pipeconf.gen.PuntReason;
import org.lwaftr.pipeconf.gen.Side;
import org.onosproject.net.pi.model.PiActionId;
import org.onosproject.net.pi.model.PiActionParamId;
import org.onosproject.net.pi.model.PiCounterId;
import org.onosproject.net.pi.model.PiMatchFieldId;
import org.onosproject.net.pi.model.PiMeterId;
import org.onosproject.net.pi.model.PiTableId;

/**
 * The P4 names, widths and codes the translator uses, all taken from the constants generated from
 * the pipeline's P4Info ({@link LwaftrP4} and the enums of {@code org.lwaftr.pipeconf.gen}): the
 * translator's view of the data-plane contract in one place.
 */
public final class P4Names {

    private P4Names() {
    }

    // ---- tables
    public static final PiTableId TABLE_PORT_SIDE = LwaftrP4.INGRESS_PORT_SIDE;
    public static final PiTableId TABLE_AFTR_CONFIG = LwaftrP4.INGRESS_AFTR_CONFIG;
    public static final PiTableId TABLE_NEXT_HOP = LwaftrP4.INGRESS_NEXT_HOP;
    public static final PiTableId TABLE_BR_ADDRESS = LwaftrP4.INGRESS_BR_ADDRESS;
    public static final PiTableId TABLE_BR_SOURCE = LwaftrP4.INGRESS_BR_SOURCE;
    public static final PiTableId TABLE_AFTR_IPV4 = LwaftrP4.INGRESS_AFTR_IPV4;
    public static final PiTableId TABLE_PSID_SHAPE = LwaftrP4.INGRESS_PSID_SHAPE;
    public static final PiTableId TABLE_BINDING = LwaftrP4.INGRESS_BINDING;
    public static final PiTableId TABLE_BOUND_IPV4 = LwaftrP4.INGRESS_BOUND_IPV4;
    public static final PiTableId TABLE_INGRESS_FILTER = LwaftrP4.INGRESS_INGRESS_FILTER;
    public static final PiTableId TABLE_EGRESS_FILTER = LwaftrP4.INGRESS_EGRESS_FILTER;

    // ---- match fields
    public static final PiMatchFieldId FIELD_INGRESS_PORT = LwaftrP4.FIELD_INGRESS_PORT;
    public static final PiMatchFieldId FIELD_VLAN_ID = LwaftrP4.FIELD_VLAN_ID;
    public static final PiMatchFieldId FIELD_DIRECTION = LwaftrP4.FIELD_DIRECTION;
    public static final PiMatchFieldId FIELD_IPV6_DST = LwaftrP4.FIELD_IPV6_DST;
    public static final PiMatchFieldId FIELD_BR_INDEX = LwaftrP4.FIELD_BR_INDEX;
    public static final PiMatchFieldId FIELD_IPV4_DST = LwaftrP4.FIELD_IPV4_DST;
    public static final PiMatchFieldId FIELD_IPV4_ADDR = LwaftrP4.FIELD_IPV4_ADDR;
    public static final PiMatchFieldId FIELD_PSID = LwaftrP4.FIELD_PSID;
    // the filter tables' key (besides FIELD_SIDE, the fields of org.lwaftr.filter.FilterField)
    public static final PiMatchFieldId FIELD_SIDE = LwaftrP4.FIELD_SIDE;
    public static final PiMatchFieldId FIELD_ETHER_TYPE = LwaftrP4.FIELD_ETHER_TYPE;
    public static final PiMatchFieldId FIELD_IP_PROTO = LwaftrP4.FIELD_IP_PROTO;
    public static final PiMatchFieldId FIELD_IPV6_FRAG_NEXT = LwaftrP4.FIELD_IPV6_FRAG_NEXT;
    public static final PiMatchFieldId FIELD_IPV4_SRC = LwaftrP4.FIELD_IPV4_SRC;
    public static final PiMatchFieldId FIELD_IPV6_SRC = LwaftrP4.FIELD_IPV6_SRC;
    public static final PiMatchFieldId FIELD_HAS_PORTS = LwaftrP4.FIELD_HAS_PORTS;
    public static final PiMatchFieldId FIELD_L4_SRC_PORT = LwaftrP4.FIELD_L4_SRC_PORT;
    public static final PiMatchFieldId FIELD_L4_DST_PORT = LwaftrP4.FIELD_L4_DST_PORT;
    public static final PiMatchFieldId FIELD_LENGTH = LwaftrP4.FIELD_LENGTH;

    // ---- actions
    public static final PiActionId ACTION_SET_SIDE = LwaftrP4.ACTION_SET_SIDE;
    public static final PiActionId ACTION_SET_CONFIG = LwaftrP4.ACTION_SET_CONFIG;
    public static final PiActionId ACTION_SET_NEXT_HOP = LwaftrP4.ACTION_SET_NEXT_HOP;
    public static final PiActionId ACTION_SET_BR = LwaftrP4.ACTION_SET_BR;
    public static final PiActionId ACTION_SET_BR_SOURCE = LwaftrP4.ACTION_SET_BR_SOURCE;
    public static final PiActionId ACTION_AFTR_ADDRESS = LwaftrP4.ACTION_AFTR_ADDRESS;
    public static final PiActionId ACTION_WHOLE_ADDRESS = LwaftrP4.ACTION_WHOLE_ADDRESS;
    public static final PiActionId ACTION_SOFTWIRE = LwaftrP4.ACTION_SOFTWIRE;
    public static final PiActionId ACTION_BOUND = LwaftrP4.ACTION_BOUND;
    public static final PiActionId ACTION_FILTER_ALLOW = LwaftrP4.ACTION_FILTER_ALLOW;
    public static final PiActionId ACTION_FILTER_DENY = LwaftrP4.ACTION_FILTER_DENY;

    private static final PiActionId[] PSID_SHIFT = {
        LwaftrP4.ACTION_PSID_SHIFT_0, LwaftrP4.ACTION_PSID_SHIFT_1, LwaftrP4.ACTION_PSID_SHIFT_2,
        LwaftrP4.ACTION_PSID_SHIFT_3, LwaftrP4.ACTION_PSID_SHIFT_4, LwaftrP4.ACTION_PSID_SHIFT_5,
        LwaftrP4.ACTION_PSID_SHIFT_6, LwaftrP4.ACTION_PSID_SHIFT_7, LwaftrP4.ACTION_PSID_SHIFT_8,
        LwaftrP4.ACTION_PSID_SHIFT_9, LwaftrP4.ACTION_PSID_SHIFT_10, LwaftrP4.ACTION_PSID_SHIFT_11,
        LwaftrP4.ACTION_PSID_SHIFT_12, LwaftrP4.ACTION_PSID_SHIFT_13, LwaftrP4.ACTION_PSID_SHIFT_14,
        LwaftrP4.ACTION_PSID_SHIFT_15,
    };

    /**
     * @param shift 0–15: the constant right shift of {@code psid_shift_N}
     * @return the action {@code psid_shift_<shift>}
     */
    public static PiActionId actionPsidShift(int shift) {
        if (shift < 0 || shift > 15) {
            throw new IllegalArgumentException("psid shift " + shift + " is outside 0..15");
        }
        return PSID_SHIFT[shift];
    }

    // ---- action parameters
    public static final PiActionParamId PARAM_SIDE = LwaftrP4.PARAM_SIDE;
    public static final PiActionParamId PARAM_AFTR_MAC = LwaftrP4.PARAM_AFTR_MAC;
    public static final PiActionParamId PARAM_HOP_LIMIT = LwaftrP4.PARAM_HOP_LIMIT;
    public static final PiActionParamId PARAM_FLOW_LABEL = LwaftrP4.PARAM_FLOW_LABEL;
    public static final PiActionParamId PARAM_HAIRPINNING = LwaftrP4.PARAM_HAIRPINNING;
    public static final PiActionParamId PARAM_ICMPV4_ERRORS = LwaftrP4.PARAM_ICMPV4_ERRORS;
    public static final PiActionParamId PARAM_ICMPV6_ERRORS = LwaftrP4.PARAM_ICMPV6_ERRORS;
    public static final PiActionParamId PARAM_ALLOW_INCOMING_ICMP = LwaftrP4.PARAM_ALLOW_INCOMING_ICMP;
    public static final PiActionParamId PARAM_ALLOW_OUTGOING_ICMP = LwaftrP4.PARAM_ALLOW_OUTGOING_ICMP;
    public static final PiActionParamId PARAM_LWB4_MTU = LwaftrP4.PARAM_LWB4_MTU;
    public static final PiActionParamId PARAM_INTERNET_MTU = LwaftrP4.PARAM_INTERNET_MTU;
    public static final PiActionParamId PARAM_PORT = LwaftrP4.PARAM_PORT;
    public static final PiActionParamId PARAM_SRC_MAC = LwaftrP4.PARAM_SRC_MAC;
    public static final PiActionParamId PARAM_DST_MAC = LwaftrP4.PARAM_DST_MAC;
    public static final PiActionParamId PARAM_VLAN_ID = LwaftrP4.PARAM_VLAN_ID;
    public static final PiActionParamId PARAM_BR_INDEX = LwaftrP4.PARAM_BR_INDEX;
    public static final PiActionParamId PARAM_BR_ADDR = LwaftrP4.PARAM_BR_ADDR;
    public static final PiActionParamId PARAM_MASK = LwaftrP4.PARAM_MASK;
    public static final PiActionParamId PARAM_FIRST_PORT = LwaftrP4.PARAM_FIRST_PORT;
    public static final PiActionParamId PARAM_LWB4 = LwaftrP4.PARAM_LWB4;
    public static final PiActionParamId PARAM_COUNTER_INDEX = LwaftrP4.PARAM_COUNTER_INDEX;

    // ---- counters and meters
    public static final PiCounterId COUNTER_SOFTWIRE_STATS = LwaftrP4.COUNTER_SOFTWIRE_STATS;
    public static final PiCounterId COUNTER_PUNT_STATS = LwaftrP4.COUNTER_PUNT_STATS;
    public static final PiCounterId COUNTER_DROP_STATS = LwaftrP4.COUNTER_DROP_STATS;
    public static final PiMeterId METER_PUNT_METER = LwaftrP4.METER_PUNT_METER;
    public static final PiCounterId COUNTER_FILTER_STATS = LwaftrP4.COUNTER_FILTER_STATS;
    public static final int FILTER_CELLS = LwaftrP4.COUNTER_FILTER_STATS_SIZE;
    public static final int FILTER_TABLE_SIZE = LwaftrP4.INGRESS_INGRESS_FILTER_SIZE;

    // ---- widths (bits)
    public static final int PORT_BITS = LwaftrP4.FIELD_INGRESS_PORT_BITWIDTH;
    public static final int VLAN_BITS = LwaftrP4.FIELD_VLAN_ID_BITWIDTH;
    public static final int DIRECTION_BITS = LwaftrP4.FIELD_DIRECTION_BITWIDTH;
    public static final int SIDE_BITS = LwaftrP4.PARAM_SIDE_BITWIDTH;
    public static final int MAC_BITS = LwaftrP4.PARAM_AFTR_MAC_BITWIDTH;
    public static final int IPV4_BITS = LwaftrP4.FIELD_IPV4_ADDR_BITWIDTH;
    public static final int PSID_BITS = LwaftrP4.FIELD_PSID_BITWIDTH;
    public static final int MASK_BITS = LwaftrP4.PARAM_MASK_BITWIDTH;
    public static final int BR_INDEX_BITS = LwaftrP4.PARAM_BR_INDEX_BITWIDTH;
    public static final int COUNTER_INDEX_BITS = LwaftrP4.PARAM_COUNTER_INDEX_BITWIDTH;
    public static final int HOP_LIMIT_BITS = LwaftrP4.PARAM_HOP_LIMIT_BITWIDTH;
    public static final int FLOW_LABEL_BITS = LwaftrP4.PARAM_FLOW_LABEL_BITWIDTH;
    public static final int FLAG_BITS = LwaftrP4.PARAM_HAIRPINNING_BITWIDTH;
    public static final int MTU_BITS = LwaftrP4.PARAM_LWB4_MTU_BITWIDTH;
    public static final int FILTER_SIDE_BITS = LwaftrP4.FIELD_SIDE_BITWIDTH;

    // ---- sizes and enum codes
    /** Softwires the data plane holds (binding table size; softwire_stats has two cells each). */
    public static final int MAX_SOFTWIRES = LwaftrP4.INGRESS_BINDING_SIZE;
    public static final int REASON_CELLS = LwaftrP4.COUNTER_PUNT_STATS_SIZE;
    public static final int BR_TABLE_SIZE = LwaftrP4.INGRESS_BR_ADDRESS_SIZE;
    public static final int CPU_PORT = LwaftrP4.CPU_PORT;
    public static final int SIDE_LWB4 = Side.LWB4.code();
    public static final int SIDE_INTERNET = Side.INTERNET.code();
    public static final int SIDE_BOTH = Side.BOTH.code();
    public static final int DIRECTION_DOWNSTREAM = Direction.DOWNSTREAM.code();
    public static final int DIRECTION_UPSTREAM = Direction.UPSTREAM.code();

    /**
     * @param code a PuntReason_t code
     * @return its name, or null if unknown
     */
    public static String puntReasonName(int code) {
        PuntReason r = PuntReason.fromCode(code);
        return r == null ? null : r.name();
    }

    /**
     * @param code a DropReason_t code
     * @return its name, or null if unknown
     */
    public static String dropReasonName(int code) {
        DropReason r = DropReason.fromCode(code);
        return r == null ? null : r.name();
    }
}
