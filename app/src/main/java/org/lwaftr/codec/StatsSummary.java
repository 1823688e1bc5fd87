package org.lwaftr.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lwaftr.core.CounterValue;
import org.lwaftr.api.LwaftrService;
import org.onosproject.net.DeviceId;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A snapshot of the lwAFTR's counters: the table size and version, and for each AFTR device the
 * packets it punted and dropped by reason, plus the slow path's counters. Read once, then shown as
 * JSON (REST, CLI {@code -j}, GUI summary panel) or text (CLI).
 */
public final class StatsSummary {

    private final int softwires;
    private final long tableVersion;
    private final long historyCompleteSince;
    private final Set<String> programmedDevices;
    private final Map<String, Map<String, CounterValue>> punts;
    private final Map<String, Map<String, CounterValue>> drops;
    private final Map<String, Map<String, CounterValue>> filters;
    private final Map<String, Long> slowPath;
    private final Map<String, List<NextHopState>> nextHops;

    private StatsSummary(int softwires, long tableVersion, long historyCompleteSince, Set<String> programmedDevices,
                         Map<String, Map<String, CounterValue>> punts, Map<String, Map<String, CounterValue>> drops,
                         Map<String, Map<String, CounterValue>> filters, Map<String, Long> slowPath,
                         Map<String, List<NextHopState>> nextHops) {
        this.filters = filters;
        this.nextHops = nextHops;
        this.softwires = softwires;
        this.tableVersion = tableVersion;
        this.historyCompleteSince = historyCompleteSince;
        this.programmedDevices = programmedDevices;
        this.punts = punts;
        this.drops = drops;
        this.slowPath = slowPath;
    }

    /**
     * Reads the counters of every configured or programmed AFTR device.
     *
     * @param service the lwAFTR service
     * @return the snapshot
     */
    public static StatsSummary read(LwaftrService service) {
        Set<DeviceId> devices = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
        devices.addAll(service.deviceSettings().keySet());
        devices.addAll(service.programmedDevices());
        Set<String> programmed = new TreeSet<>();
        service.programmedDevices().forEach(d -> programmed.add(d.toString()));
        Map<String, Map<String, CounterValue>> punts = new TreeMap<>();
        Map<String, Map<String, CounterValue>> drops = new TreeMap<>();
        Map<String, Map<String, CounterValue>> filters = new TreeMap<>();
        Map<String, List<NextHopState>> nextHops = new TreeMap<>();
        for (DeviceId d : devices) {
            punts.put(d.toString(), new TreeMap<>(service.puntCounters(d)));
            drops.put(d.toString(), new TreeMap<>(service.dropCounters(d)));
            filters.put(d.toString(), new TreeMap<>(service.filterCounters(d)));
            // Next hops are resolved by the instance that programs the device: another one's
            // "unresolved" would be a guess (and would claim NO_NEXT_HOP drops).
            if (programmed.contains(d.toString())) {
                service.resolvedSettings(d).ifPresent(s -> nextHops.put(d.toString(), NextHopState.of(s)));
            }
        }
        return new StatsSummary(service.count(), service.tableVersion(), service.historyCompleteSince(),
                Collections.unmodifiableSet(programmed), punts, drops, filters, new TreeMap<>(service.slowPathCounters()),
                nextHops);
    }

    /** @return number of softwires */
    public int softwires() {
        return softwires;
    }

    /** @return RFC 8676 binding-table version */
    public long tableVersion() {
        return tableVersion;
    }

    /** @return the time since which who-had answers are complete (ms since the epoch) */
    public long historyCompleteSince() {
        return historyCompleteSince;
    }

    /** @return the devices this instance programs */
    public Set<String> programmedDevices() {
        return programmedDevices;
    }

    /** @return device → punt reason → counter, sorted */
    public Map<String, Map<String, CounterValue>> punts() {
        return punts;
    }

    /** @return device → drop reason → counter, sorted */
    public Map<String, Map<String, CounterValue>> drops() {
        return drops;
    }

    /** @return device → filter verdict ({@code lwb4-side.ingress-filter.denied}, ...) → counter, sorted */
    public Map<String, Map<String, CounterValue>> filters() {
        return filters;
    }

    /** @return the slow path's counters, sorted by name */
    public Map<String, Long> slowPath() {
        return slowPath;
    }

    /** @return device → its two next hops (lwB4 side, Internet side); configured devices this instance programs */
    public Map<String, List<NextHopState>> nextHops() {
        return nextHops;
    }

    /** @return the punt counters summed over the devices, by reason */
    public Map<String, CounterValue> puntTotals() {
        return totals(punts);
    }

    /** @return the drop counters summed over the devices, by reason */
    public Map<String, CounterValue> dropTotals() {
        return totals(drops);
    }

    private static Map<String, CounterValue> totals(Map<String, Map<String, CounterValue>> byDevice) {
        Map<String, CounterValue> out = new TreeMap<>();
        byDevice.values().forEach(m -> m.forEach((r, v) -> out.merge(r, v, CounterValue::plus)));
        return out;
    }

    /** @return the snapshot as JSON */
    public ObjectNode toJson() {
        ObjectNode o = SoftwireCodec.MAPPER.createObjectNode();
        o.put("softwires", softwires);
        o.put("table-version", tableVersion);
        o.put("history-complete-since", Instant.ofEpochMilli(historyCompleteSince).toString());
        programmedDevices.forEach(o.putArray("programmed-devices")::add);
        ObjectNode devices = o.putObject("devices");
        for (String d : punts.keySet()) {
            ObjectNode dev = devices.putObject(d);
            dev.set("punt", StatsCodec.reasons(punts.get(d)));
            dev.set("drop", StatsCodec.reasons(drops.get(d)));
            Map<String, CounterValue> f = filters.get(d);
            if (f != null && !f.isEmpty()) {
                dev.set("filter", StatsCodec.reasons(f));
            }
            List<NextHopState> hops = nextHops.get(d);
            if (hops != null) {
                ObjectNode nh = dev.putObject("next-hops");
                hops.forEach(h -> nh.set(h.side(), h.toJson()));
            }
        }
        ObjectNode sp = o.putObject("slow-path");
        slowPath.forEach(sp::put);
        return o;
    }
}
