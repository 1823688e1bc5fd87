package org.lwaftr.app;

import org.lwaftr.app.LwaftrAppConfig;
import org.lwaftr.app.LwaftrDeviceConfig;
import org.lwaftr.programming.SoftwireDelta;
import org.lwaftr.store.SoftwireStore;
import org.lwaftr.store.SoftwireStoreListener;
import org.lwaftr.translate.Translator;
import org.onlab.packet.Ip6Address;
import org.onosproject.core.ApplicationId;
import org.onosproject.mastership.MastershipEvent;
import org.onosproject.mastership.MastershipListener;
import org.onosproject.mastership.MastershipService;
import org.onosproject.net.Device;
import org.onosproject.net.DeviceId;
import org.onosproject.net.config.NetworkConfigEvent;
import org.onosproject.net.config.NetworkConfigListener;
import org.onosproject.net.config.NetworkConfigService;
import org.onosproject.net.device.DeviceEvent;
import org.onosproject.net.device.DeviceListener;
import org.onosproject.net.device.DeviceService;
import org.onosproject.net.flow.FlowRuleService;
import org.onosproject.net.pi.service.PiPipeconfService;
import org.onosproject.net.pi.service.PiPipeconfWatchdogEvent;
import org.onosproject.net.pi.service.PiPipeconfWatchdogListener;
import org.onosproject.net.pi.service.PiPipeconfWatchdogService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.onlab.util.Tools.groupedThreads;

/**
 * Keeps every AFTR device this instance masters programmed: each available device running the
 * lwAFTR pipeconf gets flow rules for all softwires and its config. Softwire changes are written
 * incrementally and in batches; a device that appears, reconnects, gets its pipeline again or whose
 * mastership this instance gains is reconciled against the store; one whose mastership is lost is no
 * longer programmed (the new master takes over).
 */
@Component(immediate = true, service = DeviceProgrammer.class)
public class DeviceProgrammer {

    private static final Logger log = LoggerFactory.getLogger(DeviceProgrammer.class);

    /** Most deltas merged into one flow-rule batch. */
    static final int MAX_DELTA_BATCH = 10_000;
    /** Most rule operations per FlowRuleOperations. */
    static final int CHUNK = 5_000;

    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected AppConfigRoot root;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected DeviceService deviceService;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected MastershipService mastershipService;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected PiPipeconfService pipeconfService;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected PiPipeconfWatchdogService watchdogService;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected FlowRuleService flowRuleService;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected NetworkConfigService netcfgService;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected SoftwireStore store;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected MeterWriter meterWriter;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected CounterWriter counterWriter;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected LearnedNextHops nextHops;

    /** Tests run the lane inline; ONOS on one dedicated thread. */
    java.util.concurrent.Executor executor;
    private ExecutorService ownExecutor;
    /** Delays the meter retries (tests: by hand); their tasks then run on the lane. */
    PuntMeterProgrammer.Scheduler timer;
    private ScheduledExecutorService ownTimer;

    private final Set<DeviceId> managed = ConcurrentHashMap.newKeySet();
    private RuleWriter writer;
    private PuntMeterProgrammer meters;
    private WorkQueue queue;

    private final DeviceListener deviceListener = this::deviceEvent;
    private final MastershipListener mastershipListener = this::mastershipEvent;
    private final PiPipeconfWatchdogListener watchdogListener = this::watchdogEvent;
    private final NetworkConfigListener netcfgListener = this::netcfgEvent;
    /** A next hop given by IP resolved or changed: rewrite that device's next_hop entries. */
    private final java.util.function.Consumer<DeviceId> nextHopListener = id -> queue.task(() -> {
        if (managed.contains(id)) {
            writer.refreshConfig(List.of(id));
        }
    });
    private final SoftwireStoreListener storeListener = new SoftwireStoreListener() {
        @Override
        public void softwiresChanged(List<SoftwireDelta> deltas) {
            queue.deltas(deltas);
        }

        @Override
        public void brIndexesChanged(Map<Ip6Address, Integer> brIndexes) {
            queue.task(() -> {
                writer.refreshConfig(managed);
                writer.resolveAwaitingBr(managed);
            });
        }
    };

    @Activate
    protected void activate() {
        ApplicationId appId = root.appId();
        if (executor == null) {
            ownExecutor = Executors.newSingleThreadExecutor(groupedThreads("lwaftr", "programmer", log));
            executor = ownExecutor;
        }
        if (timer == null) {
            ownTimer = Executors.newSingleThreadScheduledExecutor(groupedThreads("lwaftr", "programmer-timer", log));
            timer = (ms, task) -> ownTimer.schedule(task, ms, TimeUnit.MILLISECONDS);
        }
        ConfigReader config = root.config();
        Translator translator = new Translator();
        writer = new RuleWriter(flowRuleService, new FlowRuleFactory(appId), translator, store, config, CHUNK,
                counterWriter, nextHops);
        meters = new PuntMeterProgrammer(meterWriter, translator, config,
                (ms, task) -> timer.after(ms, () -> queue.task(task)));
        queue = new WorkQueue(executor, deltas -> writer.applyDeltas(managed, deltas), MAX_DELTA_BATCH);
        store.addListener(storeListener);
        deviceService.addListener(deviceListener);
        mastershipService.addListener(mastershipListener);
        watchdogService.addListener(watchdogListener);
        netcfgService.addListener(netcfgListener);
        nextHops.addListener(nextHopListener);
        for (Device d : deviceService.getDevices()) {
            evaluate(d.id(), false);
        }
        log.info("Started");
    }

    @Deactivate
    protected void deactivate() {
        nextHops.removeListener(nextHopListener);
        netcfgService.removeListener(netcfgListener);
        watchdogService.removeListener(watchdogListener);
        mastershipService.removeListener(mastershipListener);
        deviceService.removeListener(deviceListener);
        store.removeListener(storeListener);
        if (ownTimer != null) {
            ownTimer.shutdownNow();
            timer = null;
        }
        if (ownExecutor != null) {
            ownExecutor.shutdown();
            try {
                ownExecutor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        managed.clear();
        log.info("Stopped");
    }

    /** @return the devices this instance programs */
    public Set<DeviceId> programmedDevices() {
        return Set.copyOf(managed);
    }

    /**
     * @param id a device
     * @return true if it runs the lwAFTR pipeconf
     */
    boolean isLwaftrDevice(DeviceId id) {
        return LwaftrDevices.isLwaftr(pipeconfService, id);
    }

    private boolean eligible(DeviceId id) {
        return usable(id) && mastershipService.isLocalMaster(id) && isLwaftrDevice(id);
    }

    /**
     * Available and its pipeline confirmed by ONOS's pipeconf watchdog. ONOS may mark a reconnected
     * switch available while the pipeline it pushes is still being set; bmv2 (PI 0.1.2) can crash on
     * a write that arrives then. The device is programmed on PIPELINE_READY instead.
     */
    private boolean usable(DeviceId id) {
        return deviceService.isAvailable(id)
                && watchdogService.getStatus(id) == PiPipeconfWatchdogService.PipelineStatus.READY;
    }

    /** Decides, on the lane, whether to program the device; reconciles when it becomes programmed. */
    private void evaluate(DeviceId id, boolean force) {
        queue.task(() -> {
            if (eligible(id)) {
                boolean fresh = managed.add(id);
                nextHops.programmed(id);
                if (fresh || force) {
                    writer.reconcile(id, force);
                    meters.program(id);
                }
            } else {
                boolean was = managed.remove(id);
                if (!usable(id) && mastershipService.isLocalMaster(id) && isLwaftrDevice(id)) {
                    // Away, still ours: its counter history stays (reused indexes zeroed on return).
                    if (was) {
                        nextHops.forget(id);
                        writer.away(id);
                        meters.forget(id);
                        log.info("{} unavailable; programming it again when it is back", id);
                    }
                } else {
                    // Not ours (another master may zero and count meanwhile): history dropped too.
                    forget(id);
                    if (was) {
                        log.info("No longer programming {}", id);
                    }
                }
            }
        });
    }

    private void deviceEvent(DeviceEvent e) {
        DeviceId id = e.subject().id();
        switch (e.type()) {
            case DEVICE_ADDED:
                evaluate(id, true);
                break;
            case DEVICE_AVAILABILITY_CHANGED:
                // Back after a disconnect: the device may have lost its entries.
                evaluate(id, deviceService.isAvailable(id));
                break;
            case DEVICE_UPDATED:
                evaluate(id, false);
                break;
            case DEVICE_REMOVED:
                queue.task(() -> {
                    if (managed.remove(id)) {
                        forget(id);
                    }
                });
                break;
            default:
                break;
        }
    }

    private void forget(DeviceId id) {
        nextHops.forget(id);
        writer.forget(id);
        meters.forget(id);
    }

    private void mastershipEvent(MastershipEvent e) {
        if (e.type() == MastershipEvent.Type.MASTER_CHANGED) {
            evaluate(e.subject(), false);
        }
    }

    private void watchdogEvent(PiPipeconfWatchdogEvent e) {
        if (e.type() == PiPipeconfWatchdogEvent.Type.PIPELINE_READY) {
            // A pipeline (re)pushed to the device starts with empty tables.
            evaluate(e.subject(), true);
        }
    }

    private void netcfgEvent(NetworkConfigEvent e) {
        if (e.configClass() == LwaftrAppConfig.class) {
            queue.task(() -> {
                writer.refreshConfig(managed);
                meters.refresh(managed);
            });
        } else if (e.configClass() == LwaftrDeviceConfig.class && e.subject() instanceof DeviceId) {
            DeviceId id = (DeviceId) e.subject();
            queue.task(() -> {
                if (managed.contains(id)) {
                    writer.refreshConfig(List.of(id));
                }
            });
        }
    }
}
