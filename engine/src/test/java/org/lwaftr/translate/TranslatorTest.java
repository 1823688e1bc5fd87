package org.lwaftr.translate;

import org.junit.Test;
import org.lwaftr.core.CounterValue;
import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.IcmpPolicy;
import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.config.PortBinding;
import org.lwaftr.config.PortRole;
import org.lwaftr.config.SideSettings;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.PortSetShape;
import org.lwaftr.core.Softwire;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.MacAddress;
import org.onlab.util.ImmutableByteSequence;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiActionParam;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import org.onosproject.net.pi.runtime.PiExactFieldMatch;
import org.onosproject.net.pi.runtime.PiMatchKey;
import org.onosproject.net.pi.runtime.PiTableEntry;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.lwaftr.translate.P4Names.*;

/**
 * Exact P4 entries for each domain object ({@code pipeline.p4} is the contract).
 */
public class TranslatorTest {

    private final Translator t = new Translator();

    private static ImmutableByteSequence bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return ImmutableByteSequence.copyFrom(out);
    }

    private static ImmutableByteSequence param(PiAction a, org.onosproject.net.pi.model.PiActionParamId id) {
        return a.parameters().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no parameter " + id)).value();
    }

    private static PiTableEntry entry(org.onosproject.net.pi.model.PiTableId table, PiMatchKey key, PiAction a) {
        return PiTableEntry.builder().forTable(table).withMatchKey(key).withAction(a).build();
    }

    @Test
    public void rfc7596Sec52OneBindingEntryPerSoftwire() {
        Softwire s = Softwire.of(Ip4Address.valueOf("192.0.2.1"), PortSet.of(6, 6, 5),
                Ip6Address.valueOf("2001:db8::5"), Ip6Address.valueOf("2001:db8:ffff::1"));
        PiTableEntry e = t.binding(s, 3, 7);
        PiTableEntry expected = entry(TABLE_BINDING,
                PiMatchKey.builder()
                        .addFieldMatch(new PiExactFieldMatch(FIELD_IPV4_ADDR, bytes(192, 0, 2, 1)))
                        .addFieldMatch(new PiExactFieldMatch(FIELD_PSID, bytes(0, 5)))
                        .build(),
                PiAction.builder().withId(ACTION_SOFTWIRE)
                        .withParameter(new PiActionParam(PARAM_LWB4, ImmutableByteSequence.copyFrom(
                                Ip6Address.valueOf("2001:db8::5").toOctets())))
                        .withParameter(new PiActionParam(PARAM_BR_INDEX, bytes(3)))
                        .withParameter(new PiActionParam(PARAM_COUNTER_INDEX, bytes(0, 0, 0, 7)))
                        .build());
        assertEquals(expected, e);
        assertEquals(e.matchKey(), t.bindingKey(s.key()));
    }

    @Test
    public void counterIndexBeyondTheCounterArrayIsRefused() {
        Softwire s = Softwire.of(Ip4Address.valueOf("192.0.2.1"), PortSet.WHOLE_ADDRESS,
                Ip6Address.valueOf("2001:db8::5"), Ip6Address.valueOf("2001:db8:ffff::1"));
        try {
            t.binding(s, 0, MAX_SOFTWIRES);
            fail("index beyond softwire_stats accepted");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("counter index"));
        }
        try {
            t.binding(s, 256, 0);
            fail("BR index beyond 8 bits accepted");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("8 bits"));
        }
    }

    @Test
    public void rfc7597Sec51PsidShapeUsesConstantShift() {
        // a = 6, k = 6: PSID = (port >> 4) & 0x3f, ports below 2^10 excluded.
        PiTableEntry e = t.psidShape(Ip4Address.valueOf("198.51.100.7").toInt(), PortSetShape.of(6, 6));
        assertEquals(entry(TABLE_PSID_SHAPE,
                PiMatchKey.builder().addFieldMatch(new PiExactFieldMatch(FIELD_IPV4_ADDR, bytes(198, 51, 100, 7)))
                        .build(),
                PiAction.builder().withId(actionPsidShift(4))
                        .withParameter(new PiActionParam(PARAM_MASK, bytes(0, 0x3f)))
                        .withParameter(new PiActionParam(PARAM_FIRST_PORT, bytes(0x04, 0x00)))
                        .build()), e);
        // a = 0, k = 8: contiguous ranges, no excluded block.
        PiAction a0 = (PiAction) t.psidShape(1, PortSetShape.of(0, 8)).action();
        assertEquals(actionPsidShift(8), a0.id());
        assertEquals(bytes(0, 0xff), param(a0, PARAM_MASK));
        assertEquals(bytes(0, 0), param(a0, PARAM_FIRST_PORT));
        // a = 10, k = 6: shift 0.
        assertEquals(actionPsidShift(0), ((PiAction) t.psidShape(1, PortSetShape.of(10, 6)).action()).id());
    }

    @Test
    public void rfc7596Sec51WholeAddressHasNoShift() {
        PiTableEntry e = t.psidShape(Ip4Address.valueOf("203.0.113.9").toInt(), PortSetShape.of(0, 0));
        assertEquals(PiAction.builder().withId(ACTION_WHOLE_ADDRESS).build(), e.action());
    }

    @Test
    public void rfc7596Sec62BoundIpv4EntryPerAddress() {
        List<PiTableEntry> es = t.address(Ip4Address.valueOf("192.0.2.1").toInt(), PortSetShape.of(6, 6));
        assertEquals(2, es.size());
        assertEquals(entry(TABLE_BOUND_IPV4,
                PiMatchKey.builder().addFieldMatch(new PiExactFieldMatch(FIELD_IPV4_DST, bytes(192, 0, 2, 1))).build(),
                PiAction.builder().withId(ACTION_BOUND).build()), es.get(1));
    }

    @Test
    public void aftrConfigIsTheKeylessDefaultEntry() {
        LwaftrPolicy p = LwaftrPolicy.builder().hopLimit(33).flowLabel(0xabcde).hairpinning(false)
                .softwirePayloadMtu(1400).internetMtu(1480)
                .icmp(new IcmpPolicy(false, true, true, false, 10, 10, 1)).build();
        PiTableEntry e = t.aftrConfig(p);
        assertEquals(TABLE_AFTR_CONFIG, e.table());
        assertEquals(PiMatchKey.EMPTY, e.matchKey());
        assertTrue(e.isDefaultAction());
        PiAction a = (PiAction) e.action();
        assertEquals(ACTION_SET_CONFIG, a.id());
        assertEquals(bytes(33), param(a, PARAM_HOP_LIMIT));
        assertEquals(bytes(0x0a, 0xbc, 0xde), param(a, PARAM_FLOW_LABEL));
        assertEquals(bytes(0), param(a, PARAM_HAIRPINNING));
        assertEquals(bytes(1), param(a, PARAM_ICMPV4_ERRORS));
        assertEquals(bytes(0), param(a, PARAM_ICMPV6_ERRORS));
        assertEquals(bytes(0), param(a, PARAM_ALLOW_INCOMING_ICMP));
        assertEquals(bytes(1), param(a, PARAM_ALLOW_OUTGOING_ICMP));
        // lwB4-side MTU = softwire-payload-mtu + 40 (the IPv6 header): 1440 = 0x05a0.
        assertEquals(bytes(0x05, 0xa0), param(a, PARAM_LWB4_MTU));
        assertEquals(bytes(0x05, 0xc8), param(a, PARAM_INTERNET_MTU));
        assertEquals(9, a.parameters().size());
    }

    private static DeviceSettings device() {
        MacAddress m1 = MacAddress.valueOf("02:00:00:00:00:01");
        MacAddress m2 = MacAddress.valueOf("02:00:00:00:00:02");
        return new DeviceSettings(
                new SideSettings(1, 0, m1, MacAddress.valueOf("02:00:00:00:01:01")),
                new SideSettings(2, 100, m2, MacAddress.valueOf("02:00:00:00:01:02")),
                List.of(new PortBinding(1, 0, PortRole.LWB4, m1), new PortBinding(2, 100, PortRole.INTERNET, m2)),
                List.of(Ip4Address.valueOf("192.0.2.254")), List.of(Ip6Address.valueOf("2001:db8:ffff::fe")),
                List.of(Ip6Address.valueOf("2001:db8:ffff::1")));
    }

    @Test
    public void portSideAndNextHopEntries() {
        List<PiTableEntry> sides = t.portSides(device());
        assertEquals(entry(TABLE_PORT_SIDE,
                PiMatchKey.builder()
                        .addFieldMatch(new PiExactFieldMatch(FIELD_INGRESS_PORT, bytes(0, 2)))
                        .addFieldMatch(new PiExactFieldMatch(FIELD_VLAN_ID, bytes(0, 100)))
                        .build(),
                PiAction.builder().withId(ACTION_SET_SIDE)
                        .withParameter(new PiActionParam(PARAM_SIDE, bytes(SIDE_INTERNET)))
                        .withParameter(new PiActionParam(PARAM_AFTR_MAC, bytes(2, 0, 0, 0, 0, 2)))
                        .build()), sides.get(1));
        List<PiTableEntry> egress = t.nextHops(device());
        assertEquals(entry(TABLE_NEXT_HOP,
                PiMatchKey.builder().addFieldMatch(new PiExactFieldMatch(FIELD_DIRECTION,
                        bytes(DIRECTION_DOWNSTREAM))).build(),
                PiAction.builder().withId(ACTION_SET_NEXT_HOP)
                        .withParameter(new PiActionParam(PARAM_PORT, bytes(0, 1)))
                        .withParameter(new PiActionParam(PARAM_SRC_MAC, bytes(2, 0, 0, 0, 0, 1)))
                        .withParameter(new PiActionParam(PARAM_DST_MAC, bytes(2, 0, 0, 0, 1, 1)))
                        .withParameter(new PiActionParam(PARAM_VLAN_ID, bytes(0, 0)))
                        .build()), egress.get(0));
        assertEquals(entry(TABLE_NEXT_HOP,
                PiMatchKey.builder().addFieldMatch(new PiExactFieldMatch(FIELD_DIRECTION,
                        bytes(DIRECTION_UPSTREAM))).build(),
                PiAction.builder().withId(ACTION_SET_NEXT_HOP)
                        .withParameter(new PiActionParam(PARAM_PORT, bytes(0, 2)))
                        .withParameter(new PiActionParam(PARAM_SRC_MAC, bytes(2, 0, 0, 0, 0, 2)))
                        .withParameter(new PiActionParam(PARAM_DST_MAC, bytes(2, 0, 0, 0, 1, 2)))
                        .withParameter(new PiActionParam(PARAM_VLAN_ID, bytes(0, 100)))
                        .build()), egress.get(1));
        assertEquals(List.of(entry(TABLE_AFTR_IPV4,
                PiMatchKey.builder().addFieldMatch(new PiExactFieldMatch(FIELD_IPV4_ADDR, bytes(192, 0, 2, 254)))
                        .build(), PiAction.builder().withId(ACTION_AFTR_ADDRESS).build())), t.aftrIpv4(device()));
    }

    @Test
    public void brEntriesBothWays() {
        Ip6Address br = Ip6Address.valueOf("2001:db8:ffff::1");
        Ip6Address extra = Ip6Address.valueOf("2001:db8:ffff::2");
        BrIndexPlan plan = BrIndexPlan.of(Map.of(br, 0), List.of(br, extra));
        assertEquals(0, plan.indexOf(br));
        assertEquals("device-only BR addresses take indexes from the top", 255, plan.indexOf(extra));
        List<PiTableEntry> es = t.brEntries(BrIndexPlan.of(Map.of(br, 0), List.of()));
        assertEquals(Set.of(
                entry(TABLE_BR_ADDRESS,
                        PiMatchKey.builder().addFieldMatch(new PiExactFieldMatch(FIELD_IPV6_DST,
                                ImmutableByteSequence.copyFrom(br.toOctets()))).build(),
                        PiAction.builder().withId(ACTION_SET_BR)
                                .withParameter(new PiActionParam(PARAM_BR_INDEX, bytes(0))).build()),
                entry(TABLE_BR_SOURCE,
                        PiMatchKey.builder().addFieldMatch(new PiExactFieldMatch(FIELD_BR_INDEX, bytes(0))).build(),
                        PiAction.builder().withId(ACTION_SET_BR_SOURCE)
                                .withParameter(new PiActionParam(PARAM_BR_ADDR,
                                        ImmutableByteSequence.copyFrom(br.toOctets()))).build())),
                Set.copyOf(es));
        // device entries: 2 port_side + 2 next_hop + 1 aftr_ipv4 + 2·2 BR + aftr_config
        assertEquals(10, t.deviceEntries(device(), LwaftrPolicy.DEFAULT, plan).size());
    }

    @Test
    public void softwireCountersAreTwoCellsPerIndex() {
        assertEquals(14, CounterCells.cellIndex(7, DIRECTION_DOWNSTREAM));
        assertEquals(15, CounterCells.cellIndex(7, DIRECTION_UPSTREAM));
        assertEquals(List.of(PiCounterCellId.ofIndirect(COUNTER_SOFTWIRE_STATS, 14),
                PiCounterCellId.ofIndirect(COUNTER_SOFTWIRE_STATS, 15)), CounterCells.softwireCells(7));
        Map<Integer, CounterValue[]> m = CounterCells.softwireTraffic(List.of(
                new PiCounterCell(PiCounterCellId.ofIndirect(COUNTER_SOFTWIRE_STATS, 14), 3, 300),
                new PiCounterCell(PiCounterCellId.ofIndirect(COUNTER_SOFTWIRE_STATS, 15), 5, 500),
                new PiCounterCell(PiCounterCellId.ofIndirect(COUNTER_SOFTWIRE_STATS, 1), 1, 10),
                new PiCounterCell(PiCounterCellId.ofIndirect(COUNTER_PUNT_STATS, 1), 99, 99)));
        assertArrayEquals(new CounterValue[] {new CounterValue(3, 300), new CounterValue(5, 500)}, m.get(7));
        assertArrayEquals(new CounterValue[] {CounterValue.ZERO, new CounterValue(1, 10)}, m.get(0));
        assertEquals(2, m.size());
    }

    @Test
    public void reasonCountersByName() {
        Map<String, CounterValue> m = CounterCells.byReason(List.of(
                new PiCounterCell(PiCounterCellId.ofIndirect(COUNTER_PUNT_STATS, 1), 4, 256),
                new PiCounterCell(PiCounterCellId.ofIndirect(COUNTER_PUNT_STATS, 0), 9, 9),
                new PiCounterCell(PiCounterCellId.ofIndirect(COUNTER_PUNT_STATS, 15), 1, 64)));
        assertEquals(Map.of("ARP", new CounterValue(4, 256), "reason-15", new CounterValue(1, 64)), m);
        assertEquals(REASON_CELLS, CounterCells.reasonCells(COUNTER_DROP_STATS).size());
    }
}
