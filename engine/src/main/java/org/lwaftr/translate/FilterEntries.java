package org.lwaftr.translate;

import org.lwaftr.core.CounterValue;
import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.SideSettings;
import org.lwaftr.filter.Constraint;
import org.lwaftr.filter.FilterField;
import org.lwaftr.filter.FilterRule;
import org.lwaftr.filter.PacketFilter;
import org.onlab.util.ImmutableByteSequence;
import org.onosproject.net.pi.model.PiMatchFieldId;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import org.onosproject.net.pi.runtime.PiExactFieldMatch;
import org.onosproject.net.pi.runtime.PiMatchKey;
import org.onosproject.net.pi.runtime.PiRangeFieldMatch;
import org.onosproject.net.pi.runtime.PiTableEntry;
import org.onosproject.net.pi.runtime.PiTernaryFieldMatch;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.lwaftr.translate.P4Names.*;

/**
 * The sides' filters ({@link PacketFilter}) → entries of {@code ingress_filter} and
 * {@code egress_filter}, and {@code filter_stats} back to counts per filter. A filter's rules keep
 * their order as priorities (first rule highest); a filter whose unmatched packets are dropped ends
 * with one lowest-priority entry that matches only its side and denies. A wildcard field is left
 * out of the key (P4Runtime: a don't-care ternary or range field is omitted).
 */
public final class FilterEntries {
    /** Names of the filters, as in netcfg: side.field. */
    static final String[] SIDE_NAMES = {null, "lwb4-side", "internet-side", null};

    private static final Map<FilterField, PiMatchFieldId> FIELDS = new EnumMap<>(FilterField.class);

    static {
        FIELDS.put(FilterField.ETHER_TYPE, FIELD_ETHER_TYPE);
        FIELDS.put(FilterField.IP_PROTO, FIELD_IP_PROTO);
        FIELDS.put(FilterField.IPV6_FRAG_NEXT, FIELD_IPV6_FRAG_NEXT);
        FIELDS.put(FilterField.IPV4_SRC, FIELD_IPV4_SRC);
        FIELDS.put(FilterField.IPV4_DST, FIELD_IPV4_DST);
        FIELDS.put(FilterField.IPV6_SRC, FIELD_IPV6_SRC);
        FIELDS.put(FilterField.IPV6_DST, FIELD_IPV6_DST);
        FIELDS.put(FilterField.HAS_PORTS, FIELD_HAS_PORTS);
        FIELDS.put(FilterField.L4_SRC_PORT, FIELD_L4_SRC_PORT);
        FIELDS.put(FilterField.L4_DST_PORT, FIELD_L4_DST_PORT);
        FIELDS.put(FilterField.LENGTH, FIELD_LENGTH);
    }

    private FilterEntries() {
    }

    /**
     * @param d device settings
     * @return the entries of both sides' ingress and egress filters
     */
    public static List<PiTableEntry> of(DeviceSettings d) {
        List<PiTableEntry> out = new ArrayList<>();
        side(out, d.lwb4Side(), SIDE_LWB4);
        side(out, d.internetSide(), SIDE_INTERNET);
        return out;
    }

    private static void side(List<PiTableEntry> out, SideSettings s, int side) {
        if (s.ingressFilter() != null) {
            out.addAll(entries(TABLE_INGRESS_FILTER, side, s.ingressFilter()));
        }
        if (s.egressFilter() != null) {
            out.addAll(entries(TABLE_EGRESS_FILTER, side, s.egressFilter()));
        }
    }

    /**
     * @param table {@link P4Names#TABLE_INGRESS_FILTER} or {@link P4Names#TABLE_EGRESS_FILTER}
     * @param side  the side code (Side_t)
     * @param f     the filter
     * @return its entries, highest priority first
     */
    public static List<PiTableEntry> entries(PiTableId table, int side, PacketFilter f) {
        List<PiTableEntry> out = new ArrayList<>();
        List<FilterRule> rules = f.rules();
        int lowest = f.otherwise() ? 1 : 2;   // priority 1 is the final deny
        for (int i = 0; i < rules.size(); i++) {
            FilterRule r = rules.get(i);
            PiMatchKey.Builder key = PiMatchKey.builder().addFieldMatch(sideMatch(side));
            for (Constraint c : r.match().constraints()) {
                key.addFieldMatch(match(c));
            }
            out.add(entry(table, key.build(), r.allow(), lowest + rules.size() - 1 - i));
        }
        if (!f.otherwise()) {
            out.add(entry(table, PiMatchKey.builder().addFieldMatch(sideMatch(side)).build(), false, 1));
        }
        return out;
    }

    private static PiExactFieldMatch sideMatch(int side) {
        return new PiExactFieldMatch(FIELD_SIDE, Bits.of(side, FILTER_SIDE_BITS));
    }

    private static PiTableEntry entry(PiTableId table, PiMatchKey key, boolean allow, int priority) {
        return PiTableEntry.builder().forTable(table).withMatchKey(key).withPriority(priority)
                .withAction(PiAction.builder().withId(allow ? ACTION_FILTER_ALLOW : ACTION_FILTER_DENY).build())
                .build();
    }

    private static org.onosproject.net.pi.runtime.PiFieldMatch match(Constraint c) {
        FilterField f = c.field();
        PiMatchFieldId id = FIELDS.get(f);
        if (f.isRange()) {
            return new PiRangeFieldMatch(id, Bits.of(c.low(), f.bits()), Bits.of(c.high(), f.bits()));
        }
        return new PiTernaryFieldMatch(id, bytes(c.value(), f.bits()), bytes(c.mask(), f.bits()));
    }

    private static ImmutableByteSequence bytes(BigInteger v, int bits) {
        if (bits <= 64) {
            return Bits.of(v.longValue(), bits);
        }
        byte[] raw = v.toByteArray();
        byte[] out = new byte[(bits + 7) / 8];
        int n = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - n, out, out.length - n, n);
        return Bits.of(out);
    }

    // ---------------------------------------------------------------- counters

    /**
     * The {@code filter_stats} cell of a verdict (pipeline.p4: 4·side + 2·stage + denied).
     *
     * @param side   LWB4 or INTERNET code
     * @param egress the egress filter (else ingress)
     * @param denied the denied cell (else passed)
     * @return the cell index
     */
    public static int cell(int side, boolean egress, boolean denied) {
        return 4 * side + (egress ? 2 : 0) + (denied ? 1 : 0);
    }

    /** @return every filter_stats cell of the two sides */
    public static List<PiCounterCellId> cells() {
        List<PiCounterCellId> out = new ArrayList<>();
        for (int side : new int[] {SIDE_LWB4, SIDE_INTERNET}) {
            for (int i = 0; i < 4; i++) {
                out.add(PiCounterCellId.ofIndirect(COUNTER_FILTER_STATS, 4L * side + i));
            }
        }
        return out;
    }

    /**
     * @param cells filter_stats cells
     * @return "lwb4-side.ingress-filter.passed" (…denied, egress-filter, internet-side) → count
     */
    public static Map<String, CounterValue> byFilter(Collection<PiCounterCell> cells) {
        Map<String, CounterValue> out = new TreeMap<>();
        for (PiCounterCell c : cells) {
            if (!c.cellId().counterId().equals(COUNTER_FILTER_STATS)) {
                continue;
            }
            int i = (int) c.cellId().index();
            String side = i / 4 < SIDE_NAMES.length ? SIDE_NAMES[i / 4] : null;
            if (side == null) {
                continue;
            }
            String name = side + ((i & 2) != 0 ? ".egress-filter" : ".ingress-filter")
                    + ((i & 1) != 0 ? ".denied" : ".passed");
            out.merge(name, new CounterValue(c.data().packets(), c.data().bytes()), CounterValue::plus);
        }
        return out;
    }
}
