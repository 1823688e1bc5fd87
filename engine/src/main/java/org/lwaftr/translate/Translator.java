package org.lwaftr.translate;

import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.IcmpPolicy;
import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.config.PortBinding;
import org.lwaftr.config.PuntMeterPolicy;
import org.lwaftr.config.SideSettings;
import org.lwaftr.core.PortSetShape;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.SoftwireKey;
import org.lwaftr.pipeconf.gen.PuntReason;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onosproject.net.pi.model.PiActionId;
import org.onosproject.net.pi.model.PiMatchFieldId;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiActionParam;
import org.onosproject.net.pi.runtime.PiExactFieldMatch;
import org.onosproject.net.pi.runtime.PiMatchKey;
import org.onosproject.net.pi.runtime.PiMeterCellConfig;
import org.onosproject.net.pi.runtime.PiMeterCellId;
import org.onosproject.net.pi.runtime.PiTableEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.lwaftr.translate.P4Names.*;

/**
 * Domain → P4 table entries ({@code pipeline.p4}), as ONOS PI model objects: the one currency of
 * the ONOS app (inside flow rules) and the lab controller (encoded to P4Runtime). Stateless; every
 * method is a pure function of its arguments.
 */
public final class Translator {

    // ---------------------------------------------------------------- per softwire

    /**
     * The softwire's {@code binding} entry: (ipv4_addr, psid) → softwire(lwb4, br_index, counter_index).
     * One entry serves both directions (design: one lookup per packet).
     *
     * @param s            the softwire
     * @param brIndex      index of its BR address
     * @param counterIndex its counter index (cells 2·index and 2·index + 1)
     * @return the entry
     */
    public PiTableEntry binding(Softwire s, int brIndex, int counterIndex) {
        if (counterIndex < 0 || counterIndex >= MAX_SOFTWIRES) {
            throw new IllegalArgumentException("counter index " + counterIndex + " is outside 0.."
                    + (MAX_SOFTWIRES - 1));
        }
        PiAction action = PiAction.builder().withId(ACTION_SOFTWIRE)
                .withParameter(new PiActionParam(PARAM_LWB4, Bits.of128(s.lwb4High(), s.lwb4Low())))
                .withParameter(new PiActionParam(PARAM_BR_INDEX, Bits.of(brIndex, BR_INDEX_BITS)))
                .withParameter(new PiActionParam(PARAM_COUNTER_INDEX, Bits.of(counterIndex, COUNTER_INDEX_BITS)))
                .build();
        return entry(TABLE_BINDING, bindingKey(s.key()), action);
    }

    /**
     * @param key (IPv4, PSID)
     * @return the match key of its {@code binding} entry (what deleting it needs)
     */
    public PiMatchKey bindingKey(SoftwireKey key) {
        return PiMatchKey.builder()
                .addFieldMatch(exact(FIELD_IPV4_ADDR, key.ipv4Int() & 0xffffffffL, IPV4_BITS))
                .addFieldMatch(exact(FIELD_PSID, key.psid(), PSID_BITS))
                .build();
    }

    // ---------------------------------------------------------------- per bound IPv4 address

    /**
     * The address's {@code psid_shape} entry (RFC 7597 §5.1): {@code whole_address} for k = 0, else
     * {@code psid_shift_<16−a−k>(mask = 2^k − 1, first_port = 2^(16−a) or 0)}.
     *
     * @param ipv4  the address as an int
     * @param shape the shape of its port sets
     * @return the entry
     */
    public PiTableEntry psidShape(int ipv4, PortSetShape shape) {
        PiAction action;
        if (shape.length() == 0) {
            action = PiAction.builder().withId(ACTION_WHOLE_ADDRESS).build();
        } else {
            action = PiAction.builder().withId(actionPsidShift(shape.shift()))
                    .withParameter(new PiActionParam(PARAM_MASK, Bits.of(shape.mask(), MASK_BITS)))
                    .withParameter(new PiActionParam(PARAM_FIRST_PORT, Bits.of(shape.firstUsablePort(), MASK_BITS)))
                    .build();
        }
        return entry(TABLE_PSID_SHAPE, key1(FIELD_IPV4_ADDR, ipv4 & 0xffffffffL, IPV4_BITS), action);
    }

    /**
     * The address's {@code bound_ipv4} entry: it has softwires (RFC 7596 §6.2 hairpinning candidate;
     * where re-injected IPv4 is looked up).
     *
     * @param ipv4 the address as an int
     * @return the entry
     */
    public PiTableEntry boundIpv4(int ipv4) {
        return entry(TABLE_BOUND_IPV4, key1(FIELD_IPV4_DST, ipv4 & 0xffffffffL, IPV4_BITS),
                PiAction.builder().withId(ACTION_BOUND).build());
    }

    /**
     * @param ipv4  a bound address
     * @param shape its shape
     * @return its psid_shape and bound_ipv4 entries
     */
    public List<PiTableEntry> address(int ipv4, PortSetShape shape) {
        return List.of(psidShape(ipv4, shape), boundIpv4(ipv4));
    }

    // ---------------------------------------------------------------- per device

    /**
     * The {@code aftr_config} default action {@code set_config(...)}: a keyless table, so the entry
     * has an empty match key (ONOS and P4Runtime both treat that as the default entry).
     *
     * @param p the policy
     * @return the default entry
     */
    public PiTableEntry aftrConfig(LwaftrPolicy p) {
        IcmpPolicy i = p.icmp();
        PiAction action = PiAction.builder().withId(ACTION_SET_CONFIG)
                .withParameter(param(PARAM_HOP_LIMIT, p.hopLimit(), HOP_LIMIT_BITS))
                .withParameter(param(PARAM_FLOW_LABEL, p.flowLabel(), FLOW_LABEL_BITS))
                .withParameter(flag(PARAM_HAIRPINNING, p.hairpinning()))
                .withParameter(flag(PARAM_ICMPV4_ERRORS, i.generateIcmpv4Errors()))
                .withParameter(flag(PARAM_ICMPV6_ERRORS, i.generateIcmpv6Errors()))
                .withParameter(flag(PARAM_ALLOW_INCOMING_ICMP, i.allowIncomingIcmpv4()))
                .withParameter(flag(PARAM_ALLOW_OUTGOING_ICMP, i.allowOutgoingIcmpv4()))
                .withParameter(param(PARAM_LWB4_MTU, p.lwb4SideMtu(), MTU_BITS))
                .withParameter(param(PARAM_INTERNET_MTU, p.internetMtu(), MTU_BITS))
                .build();
        return PiTableEntry.builder().forTable(TABLE_AFTR_CONFIG).withMatchKey(PiMatchKey.EMPTY)
                .withAction(action).build();
    }

    /**
     * @param d device settings
     * @return one {@code port_side} entry per (port, VLAN)
     */
    public List<PiTableEntry> portSides(DeviceSettings d) {
        List<PiTableEntry> out = new ArrayList<>();
        for (PortBinding p : d.ports()) {
            PiMatchKey key = PiMatchKey.builder()
                    .addFieldMatch(exact(FIELD_INGRESS_PORT, p.port(), PORT_BITS))
                    .addFieldMatch(exact(FIELD_VLAN_ID, p.vlan(), VLAN_BITS))
                    .build();
            PiAction action = PiAction.builder().withId(ACTION_SET_SIDE)
                    .withParameter(param(PARAM_SIDE, sideCode(p), SIDE_BITS))
                    .withParameter(param(PARAM_AFTR_MAC, p.aftrMac().toLong(), MAC_BITS))
                    .build();
            out.add(entry(TABLE_PORT_SIDE, key, action));
        }
        return out;
    }

    private static int sideCode(PortBinding p) {
        switch (p.role()) {
            case LWB4:
                return SIDE_LWB4;
            case INTERNET:
                return SIDE_INTERNET;
            default:
                return SIDE_BOTH;
        }
    }

    /**
     * @param d device settings
     * @return the {@code next_hop} entries: DOWNSTREAM leaves toward the lwB4s, UPSTREAM toward
     *         the Internet; none for a side whose next hop (given by IP) is not resolved yet, so
     *         that its packets drop as NO_NEXT_HOP
     */
    public List<PiTableEntry> nextHops(DeviceSettings d) {
        List<PiTableEntry> out = new ArrayList<>(2);
        if (d.lwb4Side().nextHopMac() != null) {
            out.add(nextHop(DIRECTION_DOWNSTREAM, d.lwb4Side()));
        }
        if (d.internetSide().nextHopMac() != null) {
            out.add(nextHop(DIRECTION_UPSTREAM, d.internetSide()));
        }
        return out;
    }

    private PiTableEntry nextHop(int direction, SideSettings s) {
        PiAction action = PiAction.builder().withId(ACTION_SET_NEXT_HOP)
                .withParameter(param(PARAM_PORT, s.port(), PORT_BITS))
                .withParameter(param(PARAM_SRC_MAC, s.aftrMac().toLong(), MAC_BITS))
                .withParameter(param(PARAM_DST_MAC, s.nextHopMac().toLong(), MAC_BITS))
                .withParameter(param(PARAM_VLAN_ID, s.vlan(), VLAN_BITS))
                .build();
        return entry(TABLE_NEXT_HOP, key1(FIELD_DIRECTION, direction, DIRECTION_BITS), action);
    }

    /**
     * @param brs the device's BR indexes
     * @return per BR address: its {@code br_address} (upstream: address → index) and
     *         {@code br_source} (downstream: index → address) entries
     */
    public List<PiTableEntry> brEntries(BrIndexPlan brs) {
        List<PiTableEntry> out = new ArrayList<>();
        for (Map.Entry<Ip6Address, Integer> e : brs.indexes().entrySet()) {
            byte[] addr = e.getKey().toOctets();
            int index = e.getValue();
            out.add(entry(TABLE_BR_ADDRESS,
                    PiMatchKey.builder().addFieldMatch(new PiExactFieldMatch(FIELD_IPV6_DST, Bits.of(addr))).build(),
                    PiAction.builder().withId(ACTION_SET_BR).withParameter(param(PARAM_BR_INDEX, index,
                            BR_INDEX_BITS)).build()));
            out.add(entry(TABLE_BR_SOURCE, key1(FIELD_BR_INDEX, index, BR_INDEX_BITS),
                    PiAction.builder().withId(ACTION_SET_BR_SOURCE)
                            .withParameter(new PiActionParam(PARAM_BR_ADDR, Bits.of(addr))).build()));
        }
        return out;
    }

    /**
     * @param d device settings
     * @return one {@code aftr_ipv4} entry per AFTR IPv4 address
     */
    public List<PiTableEntry> aftrIpv4(DeviceSettings d) {
        List<PiTableEntry> out = new ArrayList<>();
        for (Ip4Address a : d.aftrIpv4()) {
            out.add(entry(TABLE_AFTR_IPV4, key1(FIELD_IPV4_ADDR, a.toInt() & 0xffffffffL, IPV4_BITS),
                    PiAction.builder().withId(ACTION_AFTR_ADDRESS).build()));
        }
        return out;
    }

    /**
     * Everything that depends on the device and the policy, not on single softwires.
     *
     * @param d      device settings (null: only the policy and BR entries)
     * @param policy the policy
     * @param brs    the device's BR indexes
     * @return port_side, next_hop, aftr_ipv4, the filters' entries, br_address, br_source and
     *         aftr_config entries
     */
    public List<PiTableEntry> deviceEntries(DeviceSettings d, LwaftrPolicy policy, BrIndexPlan brs) {
        List<PiTableEntry> out = new ArrayList<>();
        if (d != null) {
            out.addAll(portSides(d));
            out.addAll(nextHops(d));
            out.addAll(aftrIpv4(d));
            out.addAll(FilterEntries.of(d));
        }
        out.addAll(brEntries(brs));
        out.add(aftrConfig(policy));
        return out;
    }

    // ---------------------------------------------------------------- meters

    /**
     * The {@code punt_meter} cells: one per punt reason (index = PuntReason code; NONE is never
     * metered), RFC 7596 §9's protection of the control plane. bmv2's meters are two-rate
     * three-colour meters that colour a packet RED above the peak rate, so both bands get the
     * policy's rate and burst (packets: the meter is {@code MeterType.packets}).
     *
     * @param policy the policy
     * @return the cells, in reason order
     */
    public List<PiMeterCellConfig> puntMeters(LwaftrPolicy policy) {
        PuntMeterPolicy m = policy.puntMeter();
        List<PiMeterCellConfig> out = new ArrayList<>();
        for (PuntReason r : PuntReason.values()) {
            if (r == PuntReason.NONE) {
                continue;
            }
            out.add(PiMeterCellConfig.builder()
                    .withMeterCellId(PiMeterCellId.ofIndirect(METER_PUNT_METER, r.code()))
                    .withCommittedBand(m.ratePps(), m.burstPackets())
                    .withPeakBand(m.ratePps(), m.burstPackets())
                    .build());
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    private static PiTableEntry entry(PiTableId table, PiMatchKey key, PiAction action) {
        return PiTableEntry.builder().forTable(table).withMatchKey(key).withAction(action).build();
    }

    private static PiExactFieldMatch exact(PiMatchFieldId field, long value, int bits) {
        return new PiExactFieldMatch(field, Bits.of(value, bits));
    }

    private static PiMatchKey key1(PiMatchFieldId field, long value, int bits) {
        return PiMatchKey.builder().addFieldMatch(exact(field, value, bits)).build();
    }

    private static PiActionParam param(org.onosproject.net.pi.model.PiActionParamId id, long value, int bits) {
        return new PiActionParam(id, Bits.of(value, bits));
    }

    private static PiActionParam flag(org.onosproject.net.pi.model.PiActionParamId id, boolean on) {
        return param(id, on ? 1 : 0, FLAG_BITS);
    }

    /** @return the action id of an entry (tests and logs) */
    static PiActionId actionOf(PiTableEntry e) {
        return ((PiAction) e.action()).id();
    }
}
