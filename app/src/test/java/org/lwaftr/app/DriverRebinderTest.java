package org.lwaftr.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.lwaftr.pipeconf.LwaftrCells;
import org.lwaftr.pipeconf.LwaftrPipeconf;
import org.onlab.packet.ChassisId;
import org.onlab.util.ItemNotFoundException;
import org.onosproject.net.DefaultDevice;
import org.onosproject.net.Device;
import org.onosproject.net.DeviceId;
import org.onosproject.net.config.Config;
import org.onosproject.net.config.NetworkConfigRegistryAdapter;
import org.onosproject.net.config.basics.DeviceAnnotationConfig;
import org.onosproject.net.device.DeviceEvent;
import org.onosproject.net.driver.Behaviour;
import org.onosproject.net.driver.DefaultDriver;
import org.onosproject.net.driver.Driver;
import org.onosproject.net.driver.DriverServiceAdapter;
import org.onosproject.net.pi.PiPipeconfServiceAdapter;
import org.onosproject.net.pi.service.PiPipeconfEvent;
import org.onosproject.net.pi.service.PiPipeconfListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * A device whose Device object holds a driver without this bundle's behaviours (merged with an
 * earlier pipeconf bundle) while ONOS would now bind one with them is annotated through ONOS's
 * DeviceAnnotationConfig, once, by its master: ONOS then builds a new Device object, which binds
 * the current driver (packet-in decoded by this bundle's interpreter, no reconnect).
 */
public class DriverRebinderTest {

    private final TestTopology topo = new TestTopology();
    /** Devices whose Device object is bound to a driver with this bundle's LwaftrCells. */
    private final Set<DeviceId> boundCurrent = ConcurrentHashMap.newKeySet();
    /** What ONOS's DriverService gives now; null: the pipeconf is not registered (ItemNotFoundException). */
    private Driver current = driver(true);
    private final List<DeviceAnnotationConfig> applied = new ArrayList<>();
    private final Map<DeviceId, ObjectNode> annotationJson = new ConcurrentHashMap<>();
    private PiPipeconfListener pipeconfListener;
    private final DriverRebinder rebinder = new DriverRebinder();
    private DeviceId aftr;

    private static Driver driver(boolean withCells) {
        Map<Class<? extends Behaviour>, Class<? extends Behaviour>> b = withCells
                ? Map.of(LwaftrCells.class, DeviceCellsTest.FakeCells.class) : Map.of();
        return new DefaultDriver("bmv2:" + LwaftrPipeconf.ID.id(), List.of(), "m", "h", "s", b, Map.of());
    }

    private Device device(String id) {
        DeviceId d = DeviceId.deviceId(id);
        Device dev = new DefaultDevice(org.onosproject.net.provider.ProviderId.NONE, d, Device.Type.SWITCH, "m",
                "h", "s", "n", new ChassisId()) {
            @Override
            public <B extends Behaviour> boolean is(Class<B> c) {
                return c == LwaftrCells.class && boundCurrent.contains(d);
            }
        };
        topo.devices.put(d, dev);
        topo.available.add(d);
        topo.mastered.add(d);
        topo.pipeconfs.put(d, LwaftrPipeconf.ID);
        return dev;
    }

    @Before
    public void setUp() {
        aftr = device("device:aftr1").id();
        rebinder.deviceService = topo.deviceService;
        rebinder.mastershipService = topo.mastership;
        rebinder.pipeconfService = new PiPipeconfServiceAdapter() {
            @Override
            public java.util.Optional<org.onosproject.net.pi.model.PiPipeconfId> ofDevice(DeviceId id) {
                return topo.pipeconfService.ofDevice(id);
            }

            @Override
            public void addListener(PiPipeconfListener l) {
                pipeconfListener = l;
            }
        };
        rebinder.driverService = new DriverServiceAdapter() {
            @Override
            public Driver getDriver(DeviceId id) {
                if (current == null) {
                    throw new ItemNotFoundException("Device is pipeconf-capable but a pipeconf-merged driver was not found");
                }
                return current;
            }
        };
        rebinder.netcfgService = new NetworkConfigRegistryAdapter() {
            @Override
            @SuppressWarnings("unchecked")
            public <S, C extends Config<S>> C addConfig(S subject, Class<C> configClass) {
                DeviceAnnotationConfig cfg = new DeviceAnnotationConfig();
                ObjectNode node = annotationJson.computeIfAbsent((DeviceId) subject,
                        s -> new ObjectMapper().createObjectNode());
                cfg.init((DeviceId) subject, DeviceAnnotationConfig.CONFIG_KEY, node, new ObjectMapper(),
                        c -> applied.add((DeviceAnnotationConfig) c));
                return (C) cfg;
            }
        };
        rebinder.executor = Runnable::run;
    }

    @After
    public void tearDown() {
        rebinder.deactivate();
    }

    @Test
    public void aDeviceHoldingTheEarlierBundlesDriverIsAnnotatedOnce() {
        ObjectNode mine = new ObjectMapper().createObjectNode();
        mine.putObject("entries").put("rack", "r1");
        annotationJson.put(aftr, mine);
        rebinder.activate();
        assertEquals(1, applied.size());
        Map<String, String> a = applied.get(0).annotations();
        assertEquals("the operator's annotations stay", "r1", a.get("rack"));
        assertTrue(a.toString(), a.get(DriverRebinder.ANNOTATION) != null);
        // ONOS rebuilt the Device (DEVICE_UPDATED); even if it still held the old driver: no second write.
        topo.post(DeviceEvent.Type.DEVICE_UPDATED, topo.devices.get(aftr));
        assertEquals(1, applied.size());
    }

    @Test
    public void aDeviceBoundToThisBundlesBehavioursOrNotMasteredHereIsLeftAlone() {
        boundCurrent.add(aftr);
        DeviceId standby = device("device:aftr2").id();
        topo.mastered.remove(standby);
        DeviceId other = device("device:other").id();
        topo.pipeconfs.remove(other);
        rebinder.activate();
        topo.post(DeviceEvent.Type.DEVICE_UPDATED, topo.devices.get(standby));
        assertEquals(List.of(), applied);
    }

    @Test
    public void checkedAgainWhenThisBundlesPipeconfRegisters() {
        current = null; // activated before the pipeconf bundle registered the pipeconf
        rebinder.activate();
        assertEquals(List.of(), applied);
        current = driver(true);
        pipeconfListener.event(new PiPipeconfEvent(PiPipeconfEvent.Type.REGISTERED, LwaftrPipeconf.ID));
        assertEquals(1, applied.size());
        assertEquals(aftr, applied.get(0).subject());
    }

    @Test
    public void aDriverWithoutTheBehavioursIsNoReasonToRebind() {
        current = driver(false);
        rebinder.activate();
        assertEquals(List.of(), applied);
    }
}
