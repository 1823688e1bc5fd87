package org.lwaftr.codec;

import org.lwaftr.api.BindingRecord;
import org.lwaftr.api.SoftwireStats;
import org.lwaftr.codec.SoftwireQuery;
import org.lwaftr.codec.SoftwireText;
import org.lwaftr.codec.StatsSummary;
import org.lwaftr.core.BindingDiff;
import org.lwaftr.core.CounterValue;
import org.lwaftr.core.Softwire;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the commands print, as lines (plain code, tested without a shell): the Karaf commands and
 * the standalone controller's {@code stats} report print the same text.
 */
public final class CliText {

    private CliText() {
    }

    /**
     * @param page a page of softwires
     * @return one line per softwire and a footer with the count
     */
    public static List<String> page(SoftwireQuery.Page page) {
        List<String> out = new ArrayList<>();
        page.softwires().forEach(s -> out.add(SoftwireText.line(s)));
        int first = page.softwires().isEmpty() ? 0 : page.offset() + 1;
        out.add(String.format("(%d-%d of %d softwires)", first, page.offset() + page.softwires().size(),
                page.total()));
        return out;
    }

    /**
     * @param diff         what a batch changed
     * @param tableVersion the table version afterwards
     * @return a one-line summary
     */
    public static String diff(BindingDiff diff, long tableVersion) {
        return String.format("added %d, removed %d, replaced %d; binding table version %d",
                diff.added().size(), diff.removed().size(), diff.replacedNew().size(), tableVersion);
    }

    /**
     * @param ipv4 the address looked up
     * @param port the port
     * @param s    the softwire holding them
     * @return the answer
     */
    public static String lookup(String ipv4, int port, Softwire s) {
        return ipv4 + " port " + port + " -> " + SoftwireText.line(s);
    }

    /**
     * @param r a who-had answer (RFC 7422)
     * @return the answer with its interval
     */
    public static String record(BindingRecord r) {
        return SoftwireText.line(r.softwire()) + " bound from " + Instant.ofEpochMilli(r.since())
                + (r.isCurrent() ? " (still bound)" : " until " + Instant.ofEpochMilli(r.until()));
    }

    /**
     * @param s one softwire's traffic
     * @return three lines: the softwire, downstream, upstream
     */
    public static List<String> stats(SoftwireStats s) {
        return List.of(SoftwireText.line(s.softwire()) + " counter-index=" + s.counterIndex(),
                "  downstream (to lwB4):    " + SoftwireText.counter(s.downstream()),
                "  upstream (from lwB4):    " + SoftwireText.counter(s.upstream()));
    }

    /**
     * @param withTraffic softwires and their traffic
     * @return a header with their number, then {@link #stats} of each
     */
    public static List<String> traffic(Collection<SoftwireStats> withTraffic) {
        List<String> out = new ArrayList<>();
        out.add("softwires with traffic: " + withTraffic.size());
        withTraffic.forEach(s -> out.addAll(stats(s)));
        return out;
    }

    /**
     * @param sum a counters snapshot
     * @return the table, then per device punts and drops by reason, then the slow path's counters
     */
    public static List<String> summary(StatsSummary sum) {
        List<String> out = new ArrayList<>();
        out.add(String.format("softwires=%d table-version=%d history-complete-since=%s programmed=%s",
                sum.softwires(), sum.tableVersion(), Instant.ofEpochMilli(sum.historyCompleteSince()),
                sum.programmedDevices()));
        for (String device : sum.punts().keySet()) {
            out.add("device " + device);
            reasons(out, "punt", sum.punts().get(device));
            reasons(out, "drop", sum.drops().get(device));
            Map<String, CounterValue> filters = sum.filters().getOrDefault(device, Map.of());
            if (!filters.isEmpty()) {
                reasons(out, "filter", filters);
            }
            sum.nextHops().getOrDefault(device, List.of()).forEach(h -> out.add("  next hop " + h));
        }
        out.add("slow path");
        if (sum.slowPath().isEmpty()) {
            out.add("  (no counters)");
        }
        sum.slowPath().forEach((name, v) -> out.add(String.format("  %-32s %d", name, v)));
        return out;
    }

    private static void reasons(List<String> out, String what, Map<String, CounterValue> byReason) {
        if (byReason.isEmpty()) {
            out.add("  " + what + ": (none)");
        }
        byReason.forEach((r, v) -> out.add(String.format("  %s %-27s %s", what, r, SoftwireText.counter(v))));
    }
}
