package org.lwaftr.lab;

import org.lwaftr.api.BindingRecord;
import org.lwaftr.api.LwaftrEvent;
import org.lwaftr.api.LwaftrListener;
import org.lwaftr.api.SoftwireStats;
import org.lwaftr.api.TableBackedService;
import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.core.BindingChange;
import org.lwaftr.core.BindingDiff;
import org.lwaftr.core.BindingTable;
import org.lwaftr.core.CounterValue;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.SoftwireKey;
import org.lwaftr.lab.p4rt.PiDevice;
import org.lwaftr.store.BindingHistory;
import org.lwaftr.store.EndedBinding;
import org.lwaftr.store.SoftwireRecord;
import org.onlab.packet.Ip4Address;
import org.onosproject.event.ListenerRegistry;
import org.onosproject.net.DeviceId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The lwAFTR service of the standalone controller: what the REST resources (the ONOS app's own
 * classes) call, over {@link LabController}. Its binding table is the controller's; it keeps the
 * binding history itself (RFC 7422 who-had, bounded like the app's) and posts the same events.
 * Devices are named {@code p4rt:HOST:PORT/DEVICE_ID}, one per target.
 */
public final class StandaloneLwaftrService extends TableBackedService {
    static final int MAX_HISTORY = 1_000_000;

    private final LabController controller;
    private final LwaftrPolicy policy;
    private final DeviceSettings settings;
    private final LongSupplier clock;
    private final ListenerRegistry<LwaftrEvent, LwaftrListener> listeners = new ListenerRegistry<>();
    private final Map<Long, Long> since = new ConcurrentHashMap<>(); // packed key → since (ms)
    private final BindingHistory history = new BindingHistory();
    private final AtomicLong historySeq = new AtomicLong();
    private final AtomicLong version = new AtomicLong();

    /**
     * @param controller the running controller
     * @param config     what it was started with
     * @param clock      ms since the epoch (binding history)
     */
    public StandaloneLwaftrService(LabController controller, LabConfig config, LongSupplier clock) {
        this.controller = controller;
        this.policy = config.policy();
        this.settings = config.settings();
        this.clock = clock;
        long now = clock.getAsLong();
        controller.softwires().forEach(s -> since.put(s.key().packed(), now));
    }

    @Override
    public synchronized BindingDiff apply(List<BindingChange> changes) {
        return record(controller.apply(changes));
    }

    @Override
    public synchronized BindingDiff replaceAll(Collection<Softwire> target) {
        return record(controller.replaceAll(target));
    }

    /** History and events of a change the controller made. */
    private BindingDiff record(BindingDiff diff) {
        if (diff.isEmpty()) {
            return diff;
        }
        long now = clock.getAsLong();
        version.incrementAndGet();
        List<LwaftrEvent> events = new ArrayList<>();
        for (Softwire s : diff.removed()) {
            ended(s, now);
            events.add(new LwaftrEvent(LwaftrEvent.Type.SOFTWIRE_REMOVED, s, null));
        }
        for (int i = 0; i < diff.replacedOld().size(); i++) {
            Softwire old = diff.replacedOld().get(i);
            ended(old, now);
            since.put(old.key().packed(), now);
            events.add(new LwaftrEvent(LwaftrEvent.Type.SOFTWIRE_UPDATED, diff.replacedNew().get(i), old));
        }
        for (Softwire s : diff.added()) {
            since.put(s.key().packed(), now);
            events.add(new LwaftrEvent(LwaftrEvent.Type.SOFTWIRE_ADDED, s, null));
        }
        int excess = history.size() - MAX_HISTORY;
        if (excess > 0) {
            history.oldest(excess).forEach(history::removed);
        }
        events.forEach(listeners::process);
        return diff;
    }

    private void ended(Softwire s, long now) {
        Long from = since.remove(s.key().packed());
        history.added(historySeq.incrementAndGet(),
                new EndedBinding(SoftwireRecord.of(s, -1, from == null ? now : from), now, version.get()));
    }

    @Override
    protected BindingTable table() {
        return controller.table();
    }

    @Override
    public long tableVersion() {
        return version.get();
    }

    @Override
    public Optional<BindingRecord> whoHad(Ip4Address ipv4, int port, long epochMillis) {
        return history.whoHad(controller.table(), k -> since.getOrDefault(k.packed(), -1L), ipv4.toInt(), port,
                epochMillis);
    }

    @Override
    public long historyCompleteSince() {
        return history.completeSince();
    }

    @Override
    public LwaftrPolicy policy() {
        return policy;
    }

    @Override
    public Map<DeviceId, DeviceSettings> deviceSettings() {
        Map<DeviceId, DeviceSettings> out = new LinkedHashMap<>();
        if (settings != null) { // null: a Snabb configuration without an instance (no interfaces)
            controller.targets().forEach(t -> out.put(deviceId(t.spec()), settings));
        }
        return out;
    }

    @Override
    public Set<DeviceId> programmedDevices() {
        Set<DeviceId> out = new java.util.LinkedHashSet<>();
        controller.targets().stream().filter(LabTarget::isReady).forEach(t -> out.add(deviceId(t.spec())));
        return out;
    }

    @Override
    public Optional<DeviceSettings> resolvedSettings(DeviceId device) {
        return target(device).map(t -> controller.resolvedSettings());  // empty if there are no interfaces
    }

    @Override
    public Optional<SoftwireStats> stats(SoftwireKey key) {
        Softwire s = controller.table().get(key);
        if (s == null) {
            return Optional.empty();
        }
        CounterValue down = new CounterValue(0, 0);
        CounterValue up = new CounterValue(0, 0);
        for (CounterValue[] v : controller.softwireCounters(key)) { // summed over the targets
            if (v != null) {
                down = down.plus(v[0]);
                up = up.plus(v[1]);
            }
        }
        return Optional.of(new SoftwireStats(s, controller.counterIndex(key), down, up));
    }

    @Override
    public Map<String, CounterValue> puntCounters(DeviceId device) {
        return readyCounters(device, LabStats::punts);
    }

    @Override
    public Map<String, CounterValue> dropCounters(DeviceId device) {
        return readyCounters(device, LabStats::drops);
    }

    @Override
    public Map<String, CounterValue> filterCounters(DeviceId device) {
        return readyCounters(device, LabStats::filters);
    }

    /** @return what {@code read} gives of the device's switch, or nothing while it is down */
    private Map<String, CounterValue> readyCounters(DeviceId device,
                                                    Function<PiDevice, Map<String, CounterValue>> read) {
        return target(device).filter(LabTarget::isReady).map(t -> read.apply(t.device())).orElse(Map.of());
    }

    @Override
    public Map<String, Long> slowPathCounters() {
        return controller.slowPathCounters();
    }

    @Override
    public void addListener(LwaftrListener listener) {
        listeners.addListener(listener);
    }

    @Override
    public void removeListener(LwaftrListener listener) {
        listeners.removeListener(listener);
    }

    /** @return the device id the REST API and UI show for a target */
    static DeviceId deviceId(TargetSpec t) {
        return DeviceId.deviceId("p4rt:" + t.host() + ":" + t.port() + "/" + t.deviceId());
    }

    private Optional<LabTarget> target(DeviceId device) {
        return controller.targets().stream().filter(t -> deviceId(t.spec()).equals(device)).findFirst();
    }
}
