package org.lwaftr.tests.bmv2;

import org.lwaftr.pipeconf.gen.Direction;
import org.lwaftr.pipeconf.gen.DropReason;
import org.lwaftr.pipeconf.gen.Side;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.MacAddress;
import org.onlab.util.ImmutableByteSequence;
import org.onosproject.net.pi.model.PiActionId;
import org.onosproject.net.pi.model.PiActionParamId;
import org.onosproject.net.pi.model.PiMatchFieldId;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiActionParam;
import org.onosproject.net.pi.runtime.PiExactFieldMatch;
import org.onosproject.net.pi.runtime.PiMatchKey;
import org.onosproject.net.pi.runtime.PiTableEntry;

import static org.lwaftr.pipeconf.gen.LwaftrP4.*;

/**
 * TEST-ONLY builders of the lwAFTR pipeline's table entries as ONOS PI objects, for the packet
 * tests and the benchmark. The control plane's translator is the real producer of these entries;
 * this class is deliberately minimal and does no validation beyond what the P4Runtime encoder does.
 * Names and widths come from the generated {@code LwaftrP4} constants; docs/pipeline.md says what
 * each table holds.
 */
public final class LwaftrTestEntries {
    private LwaftrTestEntries() {
    }

    /** port_side: frames on (port, VLAN; 0 = untagged) face {@code side}; the AFTR's MAC there. */
    public static PiTableEntry portSide(int port, int vlan, Side side, MacAddress aftrMac) {
        return entry(INGRESS_PORT_SIDE, key2(FIELD_INGRESS_PORT, u16(port), FIELD_VLAN_ID, u16(vlan)),
                action(ACTION_SET_SIDE).withParameter(param(PARAM_SIDE, u8(side.code())))
                        .withParameter(param(PARAM_AFTR_MAC, mac(aftrMac))).build());
    }

    /** port_side: frames on (port, VLAN) are dropped with {@code reason}. */
    public static PiTableEntry portDrop(int port, int vlan, DropReason reason) {
        return entry(INGRESS_PORT_SIDE, key2(FIELD_INGRESS_PORT, u16(port), FIELD_VLAN_ID, u16(vlan)),
                action(ACTION_DROP).withParameter(param(PARAM_REASON, u8(reason.code()))).build());
    }

    /** aftr_config's default action carrying {@code s} (write with modify). */
    public static PiTableEntry config(AftrSettings s) {
        PiAction a = action(ACTION_SET_CONFIG)
                .withParameter(param(PARAM_HOP_LIMIT, u8(s.hopLimit)))
                .withParameter(param(PARAM_FLOW_LABEL, u32(s.flowLabel)))
                .withParameter(param(PARAM_HAIRPINNING, bit(s.hairpinning)))
                .withParameter(param(PARAM_ICMPV4_ERRORS, bit(s.icmpv4Errors)))
                .withParameter(param(PARAM_ICMPV6_ERRORS, bit(s.icmpv6Errors)))
                .withParameter(param(PARAM_ALLOW_INCOMING_ICMP, bit(s.allowIncomingIcmp)))
                .withParameter(param(PARAM_ALLOW_OUTGOING_ICMP, bit(s.allowOutgoingIcmp)))
                .withParameter(param(PARAM_LWB4_MTU, u16(s.lwb4Mtu)))
                .withParameter(param(PARAM_INTERNET_MTU, u16(s.internetMtu)))
                .build();
        return PiTableEntry.builder().forTable(INGRESS_AFTR_CONFIG).withAction(a).build();
    }

    /** next_hop: packets going {@code direction} leave on {@code port} with these MACs and VLAN (0 = none). */
    public static PiTableEntry nextHop(Direction direction, int port, MacAddress src, MacAddress dst, int vlan) {
        return entry(INGRESS_NEXT_HOP, key(FIELD_DIRECTION, u8(direction.code())),
                action(ACTION_SET_NEXT_HOP).withParameter(param(PARAM_PORT, u16(port)))
                        .withParameter(param(PARAM_SRC_MAC, mac(src)))
                        .withParameter(param(PARAM_DST_MAC, mac(dst)))
                        .withParameter(param(PARAM_VLAN_ID, u16(vlan))).build());
    }

    /** br_address: {@code br} is a BR (tunnel endpoint) address with index {@code index}. */
    public static PiTableEntry brAddress(Ip6Address br, int index) {
        return entry(INGRESS_BR_ADDRESS, key(FIELD_IPV6_DST, ip6(br)),
                action(ACTION_SET_BR).withParameter(param(PARAM_BR_INDEX, u8(index))).build());
    }

    /** br_source: BR index {@code index} encapsulates from {@code br}. */
    public static PiTableEntry brSource(int index, Ip6Address br) {
        return entry(INGRESS_BR_SOURCE, key(FIELD_BR_INDEX, u8(index)),
                action(ACTION_SET_BR_SOURCE).withParameter(param(PARAM_BR_ADDR, ip6(br))).build());
    }

    /** aftr_ipv4: {@code addr} is the AFTR's own. */
    public static PiTableEntry aftrIpv4(Ip4Address addr) {
        return entry(INGRESS_AFTR_IPV4, key(FIELD_IPV4_ADDR, ip4(addr)), action(ACTION_AFTR_ADDRESS).build());
    }

    /** bound_ipv4: {@code addr} has softwires. */
    public static PiTableEntry boundIpv4(Ip4Address addr) {
        return entry(INGRESS_BOUND_IPV4, key(FIELD_IPV4_DST, ip4(addr)), action(ACTION_BOUND).build());
    }

    /**
     * psid_shape of {@code addr} for RFC 7597 §5.1 port sets with {@code a} offset and {@code k}
     * PSID bits: whole_address for k = 0, else psid_shift_(16 − a − k) with mask 2^k − 1 and first
     * port 2^(16 − a) (0 when a = 0).
     */
    public static PiTableEntry psidShape(Ip4Address addr, int a, int k) {
        PiMatchKey key = key(FIELD_IPV4_ADDR, ip4(addr));
        if (k == 0) {
            return entry(INGRESS_PSID_SHAPE, key, action(ACTION_WHOLE_ADDRESS).build());
        }
        int shift = 16 - a - k;
        PiActionId id = PiActionId.of("LwaftrIngress.psid_shift_" + shift);
        int firstPort = a == 0 ? 0 : 1 << (16 - a);
        return entry(INGRESS_PSID_SHAPE, key, action(id).withParameter(param(PARAM_MASK, u16((1 << k) - 1)))
                .withParameter(param(PARAM_FIRST_PORT, u32(firstPort))).build());
    }

    /** binding: the softwire (addr, psid) → lwB4, BR index, counter index. */
    public static PiTableEntry softwire(Ip4Address addr, int psid, Ip6Address lwb4, int brIndex, int counterIndex) {
        return entry(INGRESS_BINDING, key2(FIELD_IPV4_ADDR, ip4(addr), FIELD_PSID, u16(psid)),
                action(ACTION_SOFTWIRE).withParameter(param(PARAM_LWB4, ip6(lwb4)))
                        .withParameter(param(PARAM_BR_INDEX, u8(brIndex)))
                        .withParameter(param(PARAM_COUNTER_INDEX, u32(counterIndex))).build());
    }

    private static PiTableEntry entry(PiTableId table, PiMatchKey key, PiAction action) {
        return PiTableEntry.builder().forTable(table).withMatchKey(key).withAction(action).build();
    }

    private static PiAction.Builder action(PiActionId id) {
        return PiAction.builder().withId(id);
    }

    private static PiActionParam param(PiActionParamId id, ImmutableByteSequence v) {
        return new PiActionParam(id, v);
    }

    private static PiMatchKey key(PiMatchFieldId f, ImmutableByteSequence v) {
        return PiMatchKey.builder().addFieldMatch(new PiExactFieldMatch(f, v)).build();
    }

    private static PiMatchKey key2(PiMatchFieldId f1, ImmutableByteSequence v1,
                                   PiMatchFieldId f2, ImmutableByteSequence v2) {
        return PiMatchKey.builder().addFieldMatch(new PiExactFieldMatch(f1, v1))
                .addFieldMatch(new PiExactFieldMatch(f2, v2)).build();
    }

    private static ImmutableByteSequence bit(boolean b) {
        return u8(b ? 1 : 0);
    }

    private static ImmutableByteSequence u8(int v) {
        return ImmutableByteSequence.copyFrom((byte) v);
    }

    private static ImmutableByteSequence u16(int v) {
        return ImmutableByteSequence.copyFrom((short) v);
    }

    private static ImmutableByteSequence u32(int v) {
        return ImmutableByteSequence.copyFrom(v);
    }

    private static ImmutableByteSequence ip4(Ip4Address a) {
        return ImmutableByteSequence.copyFrom(a.toOctets());
    }

    private static ImmutableByteSequence ip6(Ip6Address a) {
        return ImmutableByteSequence.copyFrom(a.toOctets());
    }

    private static ImmutableByteSequence mac(MacAddress m) {
        return ImmutableByteSequence.copyFrom(m.toBytes());
    }
}
