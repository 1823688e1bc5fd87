package org.lwaftr.app;

import org.onlab.packet.ChassisId;
import org.onosproject.cluster.NodeId;
import org.onosproject.core.ApplicationId;
import org.onosproject.core.CoreServiceAdapter;
import org.onosproject.core.DefaultApplicationId;
import org.onosproject.event.ListenerRegistry;
import org.onosproject.mastership.MastershipEvent;
import org.onosproject.mastership.MastershipInfo;
import org.onosproject.mastership.MastershipListener;
import org.onosproject.mastership.MastershipServiceAdapter;
import org.onosproject.net.DefaultDevice;
import org.onosproject.net.Device;
import org.onosproject.net.DeviceId;
import org.onosproject.net.MastershipRole;
import org.onosproject.net.device.DeviceEvent;
import org.onosproject.net.device.DeviceListener;
import org.onosproject.net.device.DeviceServiceAdapter;
import org.onosproject.net.pi.PiPipeconfServiceAdapter;
import org.onosproject.net.pi.model.PiPipeconfId;
import org.onosproject.net.pi.service.PiPipeconfWatchdogEvent;
import org.onosproject.net.pi.service.PiPipeconfWatchdogListener;
import org.onosproject.net.pi.service.PiPipeconfWatchdogService;
import org.onosproject.net.provider.ProviderId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Devices, their availability, mastership and pipeconf: ONOS adapters with state and events.
 */
public final class TestTopology {

    static final ApplicationId APP_ID = new DefaultApplicationId(7, AppConfigRoot.APP_NAME);

    final Map<DeviceId, Device> devices = new ConcurrentHashMap<>();
    final Set<DeviceId> available = ConcurrentHashMap.newKeySet();
    final Set<DeviceId> mastered = ConcurrentHashMap.newKeySet();
    final Map<DeviceId, PiPipeconfId> pipeconfs = new ConcurrentHashMap<>();
    /** Records the meter cells the programmer writes. */
    final FakeMeterWriter meters = new FakeMeterWriter();
    /** The programmer's delayed tasks (meter retries), run by the tests. */
    final ManualTimer timer = new ManualTimer();
    final FakeCounterWriter counters = new FakeCounterWriter();
    /** Next-hop MACs learned by the slow path, shared with the programmer. */
    final LearnedNextHops nextHops = new LearnedNextHops();

    final ListenerRegistry<DeviceEvent, DeviceListener> deviceListeners = new ListenerRegistry<>();
    final ListenerRegistry<MastershipEvent, MastershipListener> mastershipListeners = new ListenerRegistry<>();
    final ListenerRegistry<PiPipeconfWatchdogEvent, PiPipeconfWatchdogListener> watchdogListeners =
            new ListenerRegistry<>();

    final CoreServiceAdapter core = new CoreServiceAdapter() {
        @Override
        public ApplicationId registerApplication(String name) {
            return APP_ID;
        }
    };

    final DeviceServiceAdapter deviceService = new DeviceServiceAdapter() {
        @Override
        public Iterable<Device> getDevices() {
            return new ArrayList<>(devices.values());
        }

        @Override
        public Iterable<Device> getAvailableDevices() {
            List<Device> out = new ArrayList<>();
            devices.values().forEach(d -> {
                if (available.contains(d.id())) {
                    out.add(d);
                }
            });
            return out;
        }

        @Override
        public Device getDevice(DeviceId id) {
            return devices.get(id);
        }

        @Override
        public boolean isAvailable(DeviceId id) {
            return available.contains(id);
        }

        @Override
        public void addListener(DeviceListener l) {
            deviceListeners.addListener(l);
        }

        @Override
        public void removeListener(DeviceListener l) {
            deviceListeners.removeListener(l);
        }
    };

    final MastershipServiceAdapter mastership = new MastershipServiceAdapter() {
        @Override
        public MastershipRole getLocalRole(DeviceId id) {
            return mastered.contains(id) ? MastershipRole.MASTER : MastershipRole.STANDBY;
        }

        @Override
        public boolean isLocalMaster(DeviceId id) {
            return mastered.contains(id);
        }

        @Override
        public void addListener(MastershipListener l) {
            mastershipListeners.addListener(l);
        }

        @Override
        public void removeListener(MastershipListener l) {
            mastershipListeners.removeListener(l);
        }
    };

    final PiPipeconfServiceAdapter pipeconfService = new PiPipeconfServiceAdapter() {
        @Override
        public Optional<PiPipeconfId> ofDevice(DeviceId id) {
            return Optional.ofNullable(pipeconfs.get(id));
        }
    };

    /** Devices whose pipeline the watchdog has not confirmed (all others: READY). */
    final java.util.Set<DeviceId> pipelineUnknown = new java.util.HashSet<>();

    final PiPipeconfWatchdogService watchdog = new PiPipeconfWatchdogService() {
        @Override
        public void triggerProbe(DeviceId deviceId) {
        }

        @Override
        public PipelineStatus getStatus(DeviceId deviceId) {
            return pipelineUnknown.contains(deviceId) ? PipelineStatus.UNKNOWN : PipelineStatus.READY;
        }

        @Override
        public void addListener(PiPipeconfWatchdogListener l) {
            watchdogListeners.addListener(l);
        }

        @Override
        public void removeListener(PiPipeconfWatchdogListener l) {
            watchdogListeners.removeListener(l);
        }
    };

    /**
     * @param store    the softwire store
     * @param netcfg   netcfg
     * @param flows    the flow rule service
     * @param executor the programmer's lane (Runnable::run in tests)
     * @return an activated programmer on this topology
     */
    private final java.util.Map<Object, AppConfigRoot> roots = new java.util.IdentityHashMap<>();

    /**
     * @param netcfg the netcfg registry (a {@link TestNetworkConfig})
     * @return the root component over it, activated once (as ONOS activates it before the others)
     */
    AppConfigRoot root(org.onosproject.net.config.NetworkConfigService netcfg) {
        return roots.computeIfAbsent(netcfg, n -> {
            AppConfigRoot r = new AppConfigRoot();
            r.coreService = core;
            r.netcfgRegistry = (org.onosproject.net.config.NetworkConfigRegistry) n;
            r.activate();
            return r;
        });
    }

    /** Deactivates the root over {@code netcfg} (its config classes unregister); the next {@link #root} starts a new one. */
    void stopRoot(org.onosproject.net.config.NetworkConfigService netcfg) {
        AppConfigRoot r = roots.remove(netcfg);
        if (r != null) {
            r.deactivate();
        }
    }

    DeviceProgrammer programmer(org.lwaftr.store.SoftwireStore store,
                                org.onosproject.net.config.NetworkConfigService netcfg,
                                org.onosproject.net.flow.FlowRuleService flows, java.util.concurrent.Executor executor) {
        DeviceProgrammer p = new DeviceProgrammer();
        p.root = root(netcfg);
        p.deviceService = deviceService;
        p.mastershipService = mastership;
        p.pipeconfService = pipeconfService;
        p.watchdogService = watchdog;
        p.flowRuleService = flows;
        p.netcfgService = netcfg;
        p.store = store;
        p.meterWriter = meters;
        p.counterWriter = counters;
        p.nextHops = nextHops;
        p.executor = executor;
        p.timer = timer;
        p.activate();
        return p;
    }

    /**
     * Adds an available lwAFTR device mastered here (no event: as found at startup).
     *
     * @param id the device
     * @return the device
     */
    Device addAftr(String id) {
        DeviceId d = DeviceId.deviceId(id);
        Device dev = new DefaultDevice(ProviderId.NONE, d, Device.Type.SWITCH, "lwaftr", "1", "1", "1",
                new ChassisId());
        devices.put(d, dev);
        available.add(d);
        mastered.add(d);
        pipeconfs.put(d, org.lwaftr.pipeconf.LwaftrPipeconf.ID);
        return dev;
    }

    void post(DeviceEvent.Type type, Device dev) {
        deviceListeners.process(new DeviceEvent(type, dev));
    }

    void setAvailable(DeviceId id, boolean up) {
        if (up) {
            available.add(id);
        } else {
            available.remove(id);
        }
        post(DeviceEvent.Type.DEVICE_AVAILABILITY_CHANGED, devices.get(id));
    }

    void setMaster(DeviceId id, boolean local) {
        if (local) {
            mastered.add(id);
        } else {
            mastered.remove(id);
        }
        mastershipListeners.process(new MastershipEvent(MastershipEvent.Type.MASTER_CHANGED, id,
                new MastershipInfo(1, Optional.of(NodeId.nodeId(local ? "local" : "other")),
                        com.google.common.collect.ImmutableMap.of())));
    }

    void pipelineReady(DeviceId id) {
        pipelineUnknown.remove(id);
        watchdogListeners.process(new PiPipeconfWatchdogEvent(PiPipeconfWatchdogEvent.Type.PIPELINE_READY, id));
    }
}
