package org.lwaftr.app;

import org.lwaftr.api.BindingRecord;
import org.lwaftr.api.LwaftrEvent;
import org.lwaftr.api.LwaftrListener;
import org.lwaftr.api.LwaftrService;
import org.lwaftr.api.SoftwireStats;
import org.lwaftr.api.TableBackedService;
import org.lwaftr.config.BindInstances;
import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.core.BindingChange;
import org.lwaftr.core.BindingDiff;
import org.lwaftr.core.BindingTable;
import org.lwaftr.core.CounterValue;
import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.SoftwireKey;
import org.lwaftr.core.io.BindingSource;
import org.lwaftr.core.io.ImportedBindings;
import org.lwaftr.pipeconf.DataPlaneLimits;
import org.lwaftr.programming.SoftwireDelta;
import org.lwaftr.store.SoftwireStore;
import org.lwaftr.store.SoftwireStoreListener;
import org.lwaftr.translate.CounterCells;
import org.lwaftr.translate.FilterEntries;
import org.lwaftr.translate.P4Names;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onosproject.event.ListenerRegistry;
import org.onosproject.net.Device;
import org.onosproject.net.DeviceId;
import org.onosproject.net.config.NetworkConfigListener;
import org.onosproject.net.config.NetworkConfigService;
import org.onosproject.net.device.DeviceService;
import org.onosproject.net.pi.model.PiCounterId;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.service.PiPipeconfService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.onlab.util.Tools.groupedThreads;

/**
 * {@link LwaftrService}: softwire batches go to the distributed store (the device programmer
 * follows its changes on every instance), queries read the local mirror, statistics are read from
 * the devices' counters.
 */
@Component(immediate = true, service = LwaftrService.class)
public class LwaftrManager extends TableBackedService {

    private static final Logger log = LoggerFactory.getLogger(LwaftrManager.class);

    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected AppConfigRoot root;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected NetworkConfigService netcfgService;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected SoftwireStore store;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected DeviceProgrammer programmer;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected SlowPathPacketProcessor slowPath;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected CounterReader counterReader;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected DeviceService deviceService;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected PiPipeconfService pipeconfService;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected LearnedNextHops nextHops;

    private final ListenerRegistry<LwaftrEvent, LwaftrListener> listeners = new ListenerRegistry<>();
    private ConfigReader config;
    private final BindingSource tableSource = new BindingSource();
    /** Runs binding-table loads off the event thread (tests run them inline). */
    java.util.concurrent.Executor loader;
    private final NetworkConfigListener netcfgListener = e -> {
        if (e.configClass() == LwaftrAppConfig.class) {
            loader.execute(this::loadBindingTable);
        }
    };
    private ScheduledExecutorService ownLoader;
    /** How often the policy's binding-table file is checked for changes (modification time, size). */
    static final long FILE_POLL_SECONDS = 2;

    private final SoftwireStoreListener storeListener = new SoftwireStoreListener() {
        @Override
        public void softwiresChanged(List<SoftwireDelta> deltas) {
            for (SoftwireDelta d : deltas) {
                listeners.process(event(d));
            }
        }

        @Override
        public void brIndexesChanged(Map<Ip6Address, Integer> brIndexes) {
        }
    };

    @Activate
    protected void activate() {
        config = root.config();
        store.addListener(storeListener);
        if (loader == null) {
            ownLoader = Executors.newSingleThreadScheduledExecutor(groupedThreads("lwaftr", "binding-loader", log));
            loader = ownLoader;
            // A binding-table file edited in place is applied as the standalone controller's --watch does.
            ownLoader.scheduleWithFixedDelay(this::loadBindingTable, FILE_POLL_SECONDS, FILE_POLL_SECONDS,
                    TimeUnit.SECONDS);
        }
        netcfgService.addListener(netcfgListener);
        loader.execute(this::loadBindingTable);
        log.info("Started with {} softwires", store.table().size());
    }

    @Deactivate
    protected void deactivate() {
        netcfgService.removeListener(netcfgListener);
        if (ownLoader != null) {
            ownLoader.shutdownNow();
        }
        store.removeListener(storeListener);
        log.info("Stopped");
    }

    /**
     * Makes the table equal to the binding table the policy names, when that source changed (another
     * inline table or file, or the file edited: {@link BindingSource}); on netcfg changes and every
     * {@link #FILE_POLL_SECONDS}. Every instance does it; the store orders them and the later ones
     * find nothing left to change.
     */
    void loadBindingTable() {
        LwaftrPolicy policy = config.policy();
        Path file = policy.bindingTableFile() == null ? null : Path.of(policy.bindingTableFile());
        String source = policy.bindingTable() != null ? "binding-table" : "binding-table-file " + file;
        Optional<ImportedBindings> in;
        try {
            in = tableSource.readIfChanged(policy.bindingTable(), file);
        } catch (IOException | RuntimeException e) {
            log.error("{} not applied (nothing changed): {}", source, e.getMessage());
            return;
        }
        if (in.isEmpty()) {
            return;
        }
        BindInstances.notApplied(source, in.get().instance(), policy).forEach(log::warn);
        try {
            BindingDiff d = replaceAll(in.get().softwires());
            log.info("{}: {} softwires, applied {}", source, in.get().softwires().size(), d);
        } catch (InvalidBindingException e) {
            log.error("{} not applied (nothing changed): {}", source,
                    BindingSource.located(in.get(), e, DataPlaneLimits.BR_ADDRESSES).getMessage());
        } catch (RuntimeException e) {
            log.error("{} not applied (nothing changed): {}", source, e.getMessage());
        }
    }

    private static LwaftrEvent event(SoftwireDelta d) {
        if (d.oldSoftwire() == null) {
            return new LwaftrEvent(LwaftrEvent.Type.SOFTWIRE_ADDED, d.newSoftwire(), null);
        }
        if (d.newSoftwire() == null) {
            return new LwaftrEvent(LwaftrEvent.Type.SOFTWIRE_REMOVED, d.oldSoftwire(), null);
        }
        return new LwaftrEvent(LwaftrEvent.Type.SOFTWIRE_UPDATED, d.newSoftwire(), d.oldSoftwire());
    }

    @Override
    public void addListener(LwaftrListener listener) {
        listeners.addListener(listener);
    }

    @Override
    public void removeListener(LwaftrListener listener) {
        listeners.removeListener(listener);
    }

    // ---------------------------------------------------------------- softwires

    @Override
    public BindingDiff apply(List<BindingChange> changes) {
        LwaftrPolicy p = config.policy();
        return store.apply(changes, p.allowSystemPorts(), p.softwireNumMax());
    }

    @Override
    public BindingDiff replaceAll(Collection<Softwire> target) {
        return apply(store.table().changesTo(target));
    }

    // ---------------------------------------------------------------- queries

    @Override
    protected BindingTable table() {
        return store.table();
    }

    @Override
    public long tableVersion() {
        return store.version();
    }

    @Override
    public Optional<BindingRecord> whoHad(Ip4Address ipv4, int port, long epochMillis) {
        return store.whoHad(ipv4.toInt(), port, epochMillis);
    }

    @Override
    public long historyCompleteSince() {
        return store.historyCompleteSince();
    }

    // ---------------------------------------------------------------- configuration

    @Override
    public LwaftrPolicy policy() {
        return config.policy();
    }

    @Override
    public Map<DeviceId, DeviceSettings> deviceSettings() {
        return config.devices();
    }

    @Override
    public Set<DeviceId> programmedDevices() {
        return programmer.programmedDevices();
    }

    @Override
    public Optional<DeviceSettings> resolvedSettings(DeviceId device) {
        return Optional.ofNullable(nextHops.resolve(device, config.device(device)));
    }

    // ---------------------------------------------------------------- statistics

    /** Every available device running the lwAFTR pipeconf (mastered here or elsewhere). */
    private List<DeviceId> aftrDevices() {
        List<DeviceId> out = new ArrayList<>();
        for (Device d : deviceService.getAvailableDevices()) {
            if (LwaftrDevices.isLwaftr(pipeconfService, d.id())) {
                out.add(d.id());
            }
        }
        return out;
    }

    @Override
    public Optional<SoftwireStats> stats(SoftwireKey key) {
        Softwire s = store.table().get(key);
        int index = store.counterIndex(key);
        if (s == null || index < 0) {
            return Optional.empty();
        }
        CounterValue down = CounterValue.ZERO;
        CounterValue up = CounterValue.ZERO;
        for (DeviceId d : aftrDevices()) {
            CounterValue[] v = CounterCells.softwireTraffic(counterReader.read(d, CounterCells.softwireCells(index)))
                    .get(index);
            if (v != null) {
                down = down.plus(v[P4Names.DIRECTION_DOWNSTREAM]);
                up = up.plus(v[P4Names.DIRECTION_UPSTREAM]);
            }
        }
        return Optional.of(new SoftwireStats(s, index, down, up));
    }

    private Map<String, CounterValue> reasons(DeviceId device, PiCounterId counter) {
        Collection<PiCounterCell> cells = counterReader.read(device, CounterCells.reasonCells(counter));
        return CounterCells.byReason(cells);
    }

    @Override
    public Map<String, CounterValue> puntCounters(DeviceId device) {
        return reasons(device, P4Names.COUNTER_PUNT_STATS);
    }

    @Override
    public Map<String, CounterValue> dropCounters(DeviceId device) {
        return reasons(device, P4Names.COUNTER_DROP_STATS);
    }

    @Override
    public Map<String, CounterValue> filterCounters(DeviceId device) {
        return FilterEntries.byFilter(counterReader.read(device, FilterEntries.cells()));
    }

    @Override
    public Map<String, Long> slowPathCounters() {
        return slowPath.counters();
    }
}
