package org.lwaftr.translate;

import org.junit.Test;
import org.lwaftr.core.CounterValue;
import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.SideSettings;
import org.lwaftr.filter.PacketFilter;
import org.onlab.packet.MacAddress;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiCounterCellData;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import org.onosproject.net.pi.runtime.PiExactFieldMatch;
import org.onosproject.net.pi.runtime.PiFieldMatch;
import org.onosproject.net.pi.runtime.PiMatchKey;
import org.onosproject.net.pi.runtime.PiRangeFieldMatch;
import org.onosproject.net.pi.runtime.PiTableEntry;
import org.onosproject.net.pi.runtime.PiTernaryFieldMatch;

import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.lwaftr.translate.P4Names.*;

/** Filters → ingress_filter / egress_filter entries (priority order, wildcards left out), and back from filter_stats. */
public class FilterEntriesTest {
    private static final MacAddress M1 = MacAddress.valueOf("02:00:00:00:00:01");

    private static DeviceSettings device(String lwb4In, String lwb4Out, String inetIn, String inetOut) {
        SideSettings b4 = new SideSettings(1, 0, M1, M1).withFilters(compile(lwb4In), compile(lwb4Out));
        SideSettings inet = new SideSettings(2, 0, M1, M1).withFilters(compile(inetIn), compile(inetOut));
        return new DeviceSettings(b4, inet, List.of(), List.of(), List.of(), List.of());
    }

    private static PacketFilter compile(String e) {
        return e == null ? null : PacketFilter.compile(e);
    }

    private static PiFieldMatch field(PiTableEntry e, org.onosproject.net.pi.model.PiMatchFieldId id) {
        return e.matchKey().fieldMatch(id).orElse(null);
    }

    @Test
    public void anAllowListIsItsRulesThenADenyOfTheSide() {
        List<PiTableEntry> es = FilterEntries.of(device(null, null, "tcp dst port 80", null));
        assertEquals(2, es.size());   // IPv4/IPv6 TCP are one rule: has_ports implies an IP header
        es.forEach(e -> assertEquals(TABLE_INGRESS_FILTER, e.table()));
        PiTableEntry first = es.get(0);
        assertEquals(2, first.priority().getAsInt());
        assertEquals(ACTION_FILTER_ALLOW, ((PiAction) first.action()).id());
        assertEquals(Bits.of(SIDE_INTERNET, FILTER_SIDE_BITS), ((PiExactFieldMatch) field(first, FIELD_SIDE)).value());
        assertEquals(Bits.of(6, 8), ((PiTernaryFieldMatch) field(first, FIELD_IP_PROTO)).value());
        assertEquals(Bits.of(0xff, 8), ((PiTernaryFieldMatch) field(first, FIELD_IP_PROTO)).mask());
        PiRangeFieldMatch port = (PiRangeFieldMatch) field(first, FIELD_L4_DST_PORT);
        assertEquals(Bits.of(80, 16), port.lowValue());
        assertEquals(Bits.of(80, 16), port.highValue());
        // untested fields are absent, not zero-masked: P4Runtime requires don't-care fields omitted
        assertEquals(4, first.matchKey().fieldMatches().size());
        PiTableEntry last = es.get(1);
        assertEquals(1, last.priority().getAsInt());
        assertEquals(ACTION_FILTER_DENY, ((PiAction) last.action()).id());
        assertEquals(PiMatchKey.builder().addFieldMatch(new PiExactFieldMatch(FIELD_SIDE,
                Bits.of(SIDE_INTERNET, FILTER_SIDE_BITS))).build(), last.matchKey());
    }

    @Test
    public void aDenyListNeedsNoFinalEntryAndIpv6AddressesTake128Bits() {
        List<PiTableEntry> es = FilterEntries.of(device(null, "not src net 2001:db8::/32", null, null));
        assertEquals(1, es.size());
        PiTableEntry e = es.get(0);
        assertEquals(TABLE_EGRESS_FILTER, e.table());
        assertEquals(ACTION_FILTER_DENY, ((PiAction) e.action()).id());
        assertEquals(Bits.of(SIDE_LWB4, FILTER_SIDE_BITS), ((PiExactFieldMatch) field(e, FIELD_SIDE)).value());
        PiTernaryFieldMatch src = (PiTernaryFieldMatch) field(e, FIELD_IPV6_SRC);
        assertEquals(16, src.value().size());
        assertEquals("0x20010db8000000000000000000000000", src.value().toString());
        assertEquals("0xffffffff000000000000000000000000", src.mask().toString());
        assertEquals(Bits.of(0x86dd, 16), ((PiTernaryFieldMatch) field(e, FIELD_ETHER_TYPE)).value());
    }

    @Test
    public void everySideAndStageHasItsOwnEntriesAndNoFilterHasNone() {
        assertEquals(0, FilterEntries.of(device(null, null, null, null)).size());
        List<PiTableEntry> es = FilterEntries.of(device("ip6", "ip6", "ip", "ip"));
        assertEquals(8, es.size());
        assertEquals(4, es.stream().filter(e -> e.table().equals(TABLE_INGRESS_FILTER)).count());
        // the translator's device entries carry them (both hosts program device entries)
        List<PiTableEntry> all = new Translator().deviceEntries(device("ip6", null, null, null),
                org.lwaftr.config.LwaftrPolicy.DEFAULT, BrIndexPlan.of(Map.of(), List.of()));
        assertEquals(2, all.stream().filter(e -> e.table().equals(TABLE_INGRESS_FILTER)).count());
    }

    @Test
    public void countersAreReadPerFilterAndVerdict() {
        // pipeline.p4: cell 4·side + 2·stage + denied
        assertEquals(4 * SIDE_INTERNET + 2 + 1, FilterEntries.cell(SIDE_INTERNET, true, true));
        assertEquals(8, FilterEntries.cells().size());
        assertTrue(FilterEntries.cells().stream().allMatch(c -> c.index() < FILTER_CELLS));
        Map<String, CounterValue> m = FilterEntries.byFilter(List.of(
                new PiCounterCell(PiCounterCellId.ofIndirect(COUNTER_FILTER_STATS,
                        FilterEntries.cell(SIDE_LWB4, false, true)), new PiCounterCellData(3, 300)),
                new PiCounterCell(PiCounterCellId.ofIndirect(COUNTER_FILTER_STATS,
                        FilterEntries.cell(SIDE_INTERNET, true, false)), new PiCounterCellData(5, 500))));
        assertEquals(new CounterValue(3, 300), m.get("lwb4-side.ingress-filter.denied"));
        assertEquals(new CounterValue(5, 500), m.get("internet-side.egress-filter.passed"));
        assertEquals(2, m.size());
    }
}
