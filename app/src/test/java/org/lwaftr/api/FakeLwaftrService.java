package org.lwaftr.api;

import org.lwaftr.core.CounterValue;

import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.core.BindingChange;
import org.lwaftr.core.BindingDiff;
import org.lwaftr.core.BindingTable;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.SoftwireKey;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onosproject.net.DeviceId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An {@link LwaftrService} over a real {@link BindingTable} (so batches are atomic exactly as in
 * the product), with counters, history and configuration a test sets. Shared with the CLI and GUI
 * tests through this module's tests jar.
 */
public class FakeLwaftrService implements LwaftrService {

    /** The table; tests may fill it directly. */
    public final BindingTable table = new BindingTable();
    /** Traffic per softwire, by key. */
    public final Map<SoftwireKey, CounterValue[]> traffic = new HashMap<>();
    /** Punt counters per device. */
    public final Map<DeviceId, Map<String, CounterValue>> punts = new HashMap<>();
    /** Drop counters per device. */
    public final Map<DeviceId, Map<String, CounterValue>> drops = new HashMap<>();
    /** Slow-path counters. */
    public final Map<String, Long> slowPath = new HashMap<>();
    /** Who-had answers. */
    public final List<BindingRecord> history = new ArrayList<>();
    /** Configured devices. */
    public final Map<DeviceId, DeviceSettings> devices = new HashMap<>();
    /** Devices programmed by this instance. */
    public final Set<DeviceId> programmed = new HashSet<>();
    /** The policy. */
    public LwaftrPolicy policy = LwaftrPolicy.DEFAULT;
    /** History completeness. */
    public long historySince;
    /** Batches that were applied (each a list of changes). */
    public final List<List<BindingChange>> applied = new ArrayList<>();

    private long version;

    /**
     * @param softwires softwires to add
     * @return this
     */
    public FakeLwaftrService with(Softwire... softwires) {
        table.addAll(List.of(softwires));
        return this;
    }

    @Override
    public synchronized BindingDiff apply(List<BindingChange> changes) {
        BindingDiff diff = table.apply(changes);
        applied.add(List.copyOf(changes));
        version++;
        return diff;
    }

    @Override
    public synchronized BindingDiff replaceAll(Collection<Softwire> target) {
        BindingDiff diff = table.replaceAll(target);
        applied.add(List.of());
        version++;
        return diff;
    }

    @Override
    public Optional<Softwire> lookup(Ip4Address ipv4, int port) {
        return Optional.ofNullable(table.lookup(ipv4.toInt(), port));
    }

    @Override
    public Optional<Softwire> get(SoftwireKey key) {
        return Optional.ofNullable(table.get(key));
    }

    @Override
    public List<Softwire> byLwb4(Ip6Address lwb4) {
        return table.byLwb4(lwb4);
    }

    @Override
    public List<Softwire> byBr(Ip6Address br) {
        return table.byBr(br);
    }

    @Override
    public List<Softwire> softwires(int offset, int limit) {
        List<Softwire> all = new ArrayList<>(table.softwires());
        all.sort(Comparator.comparing(Softwire::key));
        int from = Math.min(offset, all.size());
        return List.copyOf(all.subList(from, (int) Math.min(all.size(), (long) from + limit)));
    }

    @Override
    public int count() {
        return table.size();
    }

    @Override
    public long tableVersion() {
        return version;
    }

    @Override
    public Optional<BindingRecord> whoHad(Ip4Address ipv4, int port, long epochMillis) {
        return history.stream()
                .filter(r -> r.softwire().ipv4Int() == ipv4.toInt() && r.softwire().portSet().contains(port)
                        && r.since() <= epochMillis && epochMillis < r.until())
                .findFirst();
    }

    @Override
    public long historyCompleteSince() {
        return historySince;
    }

    @Override
    public LwaftrPolicy policy() {
        return policy;
    }

    @Override
    public Map<DeviceId, DeviceSettings> deviceSettings() {
        return devices;
    }

    @Override
    public Set<DeviceId> programmedDevices() {
        return programmed;
    }

    /** Next-hop MACs "resolved" per device: lwB4 side, Internet side (null: not resolved). */
    public final Map<DeviceId, org.onlab.packet.MacAddress[]> learned = new HashMap<>();

    @Override
    public Optional<DeviceSettings> resolvedSettings(DeviceId device) {
        DeviceSettings d = devices.get(device);
        org.onlab.packet.MacAddress[] m = learned.getOrDefault(device, new org.onlab.packet.MacAddress[2]);
        return d == null ? Optional.empty() : Optional.of(d.withLearnedNextHops(m[0], m[1]));
    }

    @Override
    public Optional<SoftwireStats> stats(SoftwireKey key) {
        Softwire s = table.get(key);
        if (s == null) {
            return Optional.empty();
        }
        CounterValue[] v = traffic.getOrDefault(key, new CounterValue[] {CounterValue.ZERO, CounterValue.ZERO});
        return Optional.of(new SoftwireStats(s, Math.abs(key.hashCode()) % 1000, v[0], v[1]));
    }

    @Override
    public Map<String, CounterValue> puntCounters(DeviceId device) {
        return punts.getOrDefault(device, Map.of());
    }

    @Override
    public Map<String, CounterValue> dropCounters(DeviceId device) {
        return drops.getOrDefault(device, Map.of());
    }

    @Override
    public Map<String, Long> slowPathCounters() {
        return slowPath;
    }

    @Override
    public void addListener(LwaftrListener listener) {
    }

    @Override
    public void removeListener(LwaftrListener listener) {
    }
}
