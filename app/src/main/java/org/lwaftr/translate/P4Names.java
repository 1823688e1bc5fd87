package org.lwaftr.translate;

import org.onosproject.net.pi.model.PiActionId;
import org.onosproject.net.pi.model.PiActionParamId;
import org.onosproject.net.pi.model.PiCounterId;
import org.onosproject.net.pi.model.PiMatchFieldId;
import org.onosproject.net.pi.model.PiMeterId;
import org.onosproject.net.pi.model.PiTableId;

/**
 * The P4 names and widths the translator uses, in ONE place.
 *
 * <p>They mirror {@code pipeline.p4} (the data-plane contract). The generated constants
 * ({@code org.lwaftr.pipeconf.gen.LwaftrP4}, from the P4Info) are the source of truth; until that
 * class is on main this holder spells the same names. Switching is local: replace each initializer
 * by the generated constant (e.g. {@code TABLE_BINDING = LwaftrP4.INGRESS_BINDING}).
 */
public final class P4Names {

    private P4Names() {
    }

    private static final String INGRESS = "LwaftrIngress.";

    // ---- tables
    public static final PiTableId TABLE_PORT_SIDE = PiTableId.of(INGRESS + "port_side");
    public static final PiTableId TABLE_AFTR_CONFIG = PiTableId.of(INGRESS + "aftr_config");
    public static final PiTableId TABLE_SIDE_EGRESS = PiTableId.of(INGRESS + "side_egress");
    public static final PiTableId TABLE_BR_ADDRESS = PiTableId.of(INGRESS + "br_address");
    public static final PiTableId TABLE_BR_SOURCE = PiTableId.of(INGRESS + "br_source");
    public static final PiTableId TABLE_AFTR_IPV4 = PiTableId.of(INGRESS + "aftr_ipv4");
    public static final PiTableId TABLE_PSID_SHAPE = PiTableId.of(INGRESS + "psid_shape");
    public static final PiTableId TABLE_BINDING = PiTableId.of(INGRESS + "binding");
    public static final PiTableId TABLE_HAIRPIN_ADDRESS = PiTableId.of(INGRESS + "hairpin_address");

    // ---- match fields (the @name of each key)
    public static final PiMatchFieldId FIELD_INGRESS_PORT = PiMatchFieldId.of("ingress_port");
    public static final PiMatchFieldId FIELD_VLAN_ID = PiMatchFieldId.of("vlan_id");
    public static final PiMatchFieldId FIELD_SIDE = PiMatchFieldId.of("side");
    public static final PiMatchFieldId FIELD_IPV6_DST = PiMatchFieldId.of("ipv6_dst");
    public static final PiMatchFieldId FIELD_BR_INDEX = PiMatchFieldId.of("br_index");
    public static final PiMatchFieldId FIELD_IPV4_DST = PiMatchFieldId.of("ipv4_dst");
    public static final PiMatchFieldId FIELD_IPV4_ADDR = PiMatchFieldId.of("ipv4_addr");
    public static final PiMatchFieldId FIELD_PSID = PiMatchFieldId.of("psid");

    // ---- actions
    public static final PiActionId ACTION_SET_SIDE = PiActionId.of(INGRESS + "set_side");
    public static final PiActionId ACTION_SET_CONFIG = PiActionId.of(INGRESS + "set_config");
    public static final PiActionId ACTION_SET_EGRESS = PiActionId.of(INGRESS + "set_egress");
    public static final PiActionId ACTION_SET_BR = PiActionId.of(INGRESS + "set_br");
    public static final PiActionId ACTION_SET_BR_SOURCE = PiActionId.of(INGRESS + "set_br_source");
    public static final PiActionId ACTION_AFTR_ADDRESS = PiActionId.of(INGRESS + "aftr_address");
    public static final PiActionId ACTION_WHOLE_ADDRESS = PiActionId.of(INGRESS + "whole_address");
    public static final PiActionId ACTION_SOFTWIRE = PiActionId.of(INGRESS + "softwire");
    public static final PiActionId ACTION_BOUND_ADDRESS = PiActionId.of(INGRESS + "bound_address");

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

    private static final PiActionId[] PSID_SHIFT = new PiActionId[16];

    static {
        for (int i = 0; i < 16; i++) {
            PSID_SHIFT[i] = PiActionId.of(INGRESS + "psid_shift_" + i);
        }
    }

    // ---- action parameters
    public static final PiActionParamId PARAM_SIDE = PiActionParamId.of("side");
    public static final PiActionParamId PARAM_AFTR_MAC = PiActionParamId.of("aftr_mac");
    public static final PiActionParamId PARAM_HOP_LIMIT = PiActionParamId.of("hop_limit");
    public static final PiActionParamId PARAM_FLOW_LABEL = PiActionParamId.of("flow_label");
    public static final PiActionParamId PARAM_HAIRPINNING = PiActionParamId.of("hairpinning");
    public static final PiActionParamId PARAM_ICMPV4_ERRORS = PiActionParamId.of("icmpv4_errors");
    public static final PiActionParamId PARAM_ICMPV6_ERRORS = PiActionParamId.of("icmpv6_errors");
    public static final PiActionParamId PARAM_ALLOW_INCOMING_ICMP = PiActionParamId.of("allow_incoming_icmp");
    public static final PiActionParamId PARAM_ALLOW_OUTGOING_ICMP = PiActionParamId.of("allow_outgoing_icmp");
    public static final PiActionParamId PARAM_LWB4_MTU = PiActionParamId.of("lwb4_mtu");
    public static final PiActionParamId PARAM_INTERNET_MTU = PiActionParamId.of("internet_mtu");
    public static final PiActionParamId PARAM_PORT = PiActionParamId.of("port");
    public static final PiActionParamId PARAM_SRC_MAC = PiActionParamId.of("src_mac");
    public static final PiActionParamId PARAM_DST_MAC = PiActionParamId.of("dst_mac");
    public static final PiActionParamId PARAM_VLAN_ID = PiActionParamId.of("vlan_id");
    public static final PiActionParamId PARAM_BR_INDEX = PiActionParamId.of("br_index");
    public static final PiActionParamId PARAM_BR_ADDR = PiActionParamId.of("br_addr");
    public static final PiActionParamId PARAM_MASK = PiActionParamId.of("mask");
    public static final PiActionParamId PARAM_FIRST_PORT = PiActionParamId.of("first_port");
    public static final PiActionParamId PARAM_LWB4 = PiActionParamId.of("lwb4");
    public static final PiActionParamId PARAM_COUNTER_INDEX = PiActionParamId.of("counter_index");

    // ---- counters and meters
    public static final PiCounterId COUNTER_SOFTWIRE_STATS = PiCounterId.of(INGRESS + "softwire_stats");
    public static final PiCounterId COUNTER_PUNT_STATS = PiCounterId.of(INGRESS + "punt_stats");
    public static final PiCounterId COUNTER_DROP_STATS = PiCounterId.of(INGRESS + "drop_stats");
    public static final PiMeterId METER_PUNT_METER = PiMeterId.of(INGRESS + "punt_meter");

    // ---- widths (bits)
    public static final int PORT_BITS = 9;
    public static final int VLAN_BITS = 12;
    public static final int SIDE_BITS = 2;
    public static final int MAC_BITS = 48;
    public static final int IPV4_BITS = 32;
    public static final int IPV6_BITS = 128;
    public static final int PSID_BITS = 16;
    public static final int BR_INDEX_BITS = 8;
    public static final int COUNTER_INDEX_BITS = 32;
    public static final int HOP_LIMIT_BITS = 8;
    public static final int FLOW_LABEL_BITS = 20;
    public static final int FLAG_BITS = 1;
    public static final int MTU_BITS = 16;

    // ---- sizes and enum codes (pipeline.p4 constants / Side_t / Direction_t / CpuPort_t)
    public static final int MAX_SOFTWIRES = 1 << 20;
    public static final int REASON_CELLS = 16;
    public static final int BR_TABLE_SIZE = 64;
    public static final int CPU_PORT = 255;
    public static final int SIDE_LWB4 = 1;
    public static final int SIDE_INTERNET = 2;
    public static final int SIDE_BOTH = 3;
    public static final int DIRECTION_DOWNSTREAM = 0;
    public static final int DIRECTION_UPSTREAM = 1;

    private static final String[] PUNT_REASONS = {"NONE", "ARP", "NDP", "ICMPV4_TO_AFTR", "ICMPV6_TO_BR",
        "IPV4_FRAGMENT", "IPV6_FRAGMENT", "INNER_IPV4_FRAGMENT", "DOWNSTREAM_NO_BINDING",
        "UPSTREAM_NO_BINDING", "TTL_EXPIRED", "DOWNSTREAM_MTU", "UPSTREAM_MTU"};
    private static final String[] DROP_REASONS = {"NONE", "UNKNOWN_PORT", "NOT_FOR_AFTR", "BAD_HEADER",
        "UNSUPPORTED", "DOWNSTREAM_NO_BINDING", "UPSTREAM_NO_BINDING", "ICMP_POLICY", "NO_PORT",
        "TTL_EXPIRED", "PUNT_METER", "AFTR_OTHER"};

    /**
     * @param code a PuntReason_t code
     * @return its name, or null if unknown (later: {@code PuntReason.fromCode(code)})
     */
    public static String puntReasonName(int code) {
        return code >= 0 && code < PUNT_REASONS.length ? PUNT_REASONS[code] : null;
    }

    /**
     * @param code a DropReason_t code
     * @return its name, or null if unknown (later: {@code DropReason.fromCode(code)})
     */
    public static String dropReasonName(int code) {
        return code >= 0 && code < DROP_REASONS.length ? DROP_REASONS[code] : null;
    }
}
