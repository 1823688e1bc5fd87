package org.lwaftr.app;

import org.lwaftr.pipeconf.LwaftrCells;
import org.lwaftr.pipeconf.LwaftrPipeconf;
import org.onlab.util.ItemNotFoundException;
import org.onosproject.mastership.MastershipEvent;
import org.onosproject.mastership.MastershipListener;
import org.onosproject.mastership.MastershipService;
import org.onosproject.net.Device;
import org.onosproject.net.DeviceId;
import org.onosproject.net.config.NetworkConfigService;
import org.onosproject.net.config.basics.DeviceAnnotationConfig;
import org.onosproject.net.device.DeviceEvent;
import org.onosproject.net.device.DeviceListener;
import org.onosproject.net.device.DeviceService;
import org.onosproject.net.driver.Driver;
import org.onosproject.net.driver.DriverService;
import org.onosproject.net.pi.service.PiPipeconfEvent;
import org.onosproject.net.pi.service.PiPipeconfListener;
import org.onosproject.net.pi.service.PiPipeconfService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.onlab.util.Tools.groupedThreads;

/**
 * Makes ONOS bind this bundle's pipeconf behaviours to devices that still hold the driver merged
 * with an earlier pipeconf bundle (the app deactivated and activated again, or upgraded).
 *
 * <p>ONOS 2.7 binds a driver to a Device object once, and keeps that object until the device's
 * description or annotations change; the packet provider takes the pipeline interpreter from it
 * (packet-in: {@code device.as(PiPipelineInterpreter.class)}). Such a device would hand the slow
 * path packets decoded by the old bundle's classes until it reconnects. ONOS has no call to rebind
 * (its FlowObjectiveManager leaves it to the operator to reconnect the device); an annotation
 * change through ONOS's own {@link DeviceAnnotationConfig} makes the device store build a new Device
 * object without touching the connection, and that one binds the driver ONOS merges now.
 * Only the device's master writes it (ONOS applies it there and gossips the new object).
 */
@Component(immediate = true)
public class DriverRebinder {

    private static final Logger log = LoggerFactory.getLogger(DriverRebinder.class);

    /** The annotation set to rebind: when this app's pipeconf behaviours were bound to the device. */
    static final String ANNOTATION = "lwaftrPipeconfBound";

    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected DeviceService deviceService;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected DriverService driverService;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected MastershipService mastershipService;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected PiPipeconfService pipeconfService;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected NetworkConfigService netcfgService;

    /** Tests run the checks inline; ONOS on one thread of its own (netcfg writes block). */
    Executor executor;
    private ExecutorService ownExecutor;
    /** Devices rebound by this activation: at most once each, whatever ONOS does next. */
    private final Set<DeviceId> rebound = ConcurrentHashMap.newKeySet();

    private final DeviceListener deviceListener = e -> {
        if (e.type() == DeviceEvent.Type.DEVICE_ADDED || e.type() == DeviceEvent.Type.DEVICE_UPDATED
                || e.type() == DeviceEvent.Type.DEVICE_AVAILABILITY_CHANGED) {
            check(e.subject().id());
        }
    };
    private final MastershipListener mastershipListener = e -> {
        if (e.type() == MastershipEvent.Type.MASTER_CHANGED) {
            check(e.subject());
        }
    };
    private final PiPipeconfListener pipeconfListener = e -> {
        if (e.type() == PiPipeconfEvent.Type.REGISTERED && LwaftrPipeconf.ID.equals(e.subject())) {
            checkAll();
        }
    };

    @Activate
    protected void activate() {
        if (executor == null) {
            ownExecutor = Executors.newSingleThreadExecutor(groupedThreads("lwaftr", "driver-rebinder", log));
            executor = ownExecutor;
        }
        deviceService.addListener(deviceListener);
        mastershipService.addListener(mastershipListener);
        pipeconfService.addListener(pipeconfListener);
        checkAll();
        log.info("Started");
    }

    @Deactivate
    protected void deactivate() {
        pipeconfService.removeListener(pipeconfListener);
        mastershipService.removeListener(mastershipListener);
        deviceService.removeListener(deviceListener);
        if (ownExecutor != null) {
            ownExecutor.shutdownNow();
            executor = null;
        }
        log.info("Stopped");
    }

    private void checkAll() {
        for (Device d : deviceService.getDevices()) {
            check(d.id());
        }
    }

    private void check(DeviceId id) {
        executor.execute(() -> {
            try {
                rebindIfStale(id);
            } catch (RuntimeException e) {
                log.warn("driver check of {} failed", id, e);
            }
        });
    }

    /** @return true if the device held a stale driver and the annotation was written */
    boolean rebindIfStale(DeviceId id) {
        if (!LwaftrDevices.isLwaftr(pipeconfService, id) || !mastershipService.isLocalMaster(id)) {
            return false;
        }
        Device device = deviceService.getDevice(id);
        if (device == null || device.is(LwaftrCells.class)) {
            return false; // unknown, or bound to this bundle's behaviours (or to nothing yet: binds on use)
        }
        Driver current;
        try {
            current = driverService.getDriver(id);
        } catch (ItemNotFoundException e) {
            return false; // this bundle's pipeconf not registered yet: checked again when it is
        }
        if (current == null || !current.hasBehaviour(LwaftrCells.class) || !rebound.add(id)) {
            return false;
        }
        DeviceAnnotationConfig cfg = netcfgService.addConfig(id, DeviceAnnotationConfig.class);
        Map<String, String> annotations = new HashMap<>(cfg.annotations());
        annotations.put(ANNOTATION, Instant.now().toString());
        cfg.annotations(annotations).apply();
        log.info("{} held a driver merged with an earlier lwAFTR pipeconf bundle; annotated {} so that ONOS "
                + "binds {} to it", id, ANNOTATION, current.name());
        return true;
    }
}
