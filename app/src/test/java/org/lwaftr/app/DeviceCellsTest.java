package org.lwaftr.app;

import org.junit.Before;
import org.junit.Test;
import org.lwaftr.pipeconf.LwaftrCells;
import org.onlab.util.ItemNotFoundException;
import org.onosproject.net.DeviceId;
import org.onosproject.net.driver.AbstractHandlerBehaviour;
import org.onosproject.net.driver.Behaviour;
import org.onosproject.net.driver.DefaultDriver;
import org.onosproject.net.driver.DefaultDriverData;
import org.onosproject.net.driver.DefaultDriverHandler;
import org.onosproject.net.driver.Driver;
import org.onosproject.net.driver.DriverHandler;
import org.onosproject.net.driver.DriverServiceAdapter;
import org.onosproject.net.pi.model.PiCounterId;
import org.onosproject.net.pi.model.PiMeterId;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import org.onosproject.net.pi.runtime.PiMeterCellConfig;
import org.onosproject.net.pi.runtime.PiMeterCellId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The app reaches the device's cells only through the pipeconf's {@link LwaftrCells} behaviour of
 * the driver ONOS's DriverService gives for the device at that moment (ONOS's own driver classes
 * build the behaviour); a device whose driver lacks it (no lwAFTR pipeconf yet) gets no call and
 * an answer of nothing.
 */
public class DeviceCellsTest {
    private static final DeviceId AFTR = DeviceId.deviceId("device:aftr");
    private static final DeviceId OTHER = DeviceId.deviceId("device:other");
    private static final PiCounterCellId CELL = PiCounterCellId.ofIndirect(PiCounterId.of("ingress.softwire_stats"), 4);

    /** The calls made through any {@link FakeCells} (ONOS's driver makes a new instance per handler). */
    static final List<String> CALLS = new ArrayList<>();

    /** Records the calls the app makes through the behaviour. */
    public static final class FakeCells extends AbstractHandlerBehaviour implements LwaftrCells {
        @Override
        public Collection<PiCounterCell> readCounters(Collection<PiCounterCellId> cells) {
            CALLS.add("read " + cells.size() + " on " + data().deviceId());
            return List.of(new PiCounterCell(CELL, 7, 700));
        }

        @Override
        public boolean zeroCounters(Collection<PiCounterCellId> cells) {
            CALLS.add("zero " + cells.size());
            return true;
        }

        @Override
        public boolean configureMeters(Collection<PiMeterCellConfig> cells) {
            CALLS.add("meters " + cells.size());
            return true;
        }
    }

    private static Driver driver(String name, boolean withCells) {
        Map<Class<? extends Behaviour>, Class<? extends Behaviour>> b = new HashMap<>();
        if (withCells) {
            b.put(LwaftrCells.class, FakeCells.class);
        }
        return new DefaultDriver(name, List.of(), "m", "h", "s", b, Map.of());
    }

    /** What ONOS's DriverService answers for AFTR now (the pipeconf may be registered later). */
    private Driver aftrDriver = driver("bmv2:org.lwaftr.pipeconf", true);
    private final DeviceCells component = new DeviceCells();

    @Before
    public void setUp() {
        CALLS.clear();
        component.driverService = new DriverServiceAdapter() {
            @Override
            public DriverHandler createHandler(DeviceId id, String... credentials) {
                Driver d = id.equals(AFTR) ? aftrDriver : id.equals(OTHER) ? driver("bmv2", false) : null;
                if (d == null) {
                    throw new ItemNotFoundException("Driver not found"); // as DriverManager.getDriver(DeviceId)
                }
                return new DefaultDriverHandler(new DefaultDriverData(d, id));
            }
        };
    }

    @Test
    public void callsGoThroughThePipeconfsBehaviour() {
        assertEquals(List.of(new PiCounterCell(CELL, 7, 700)), List.copyOf(component.read(AFTR, List.of(CELL))));
        assertTrue(component.zero(AFTR, List.of(CELL, CELL)));
        PiMeterCellId meter = PiMeterCellId.ofIndirect(PiMeterId.of("ingress.punt_meter"), 1);
        assertTrue(component.write(AFTR, List.of(PiMeterCellConfig.reset(meter))));
        assertEquals(List.of("read 1 on " + AFTR, "zero 2", "meters 1"), CALLS);
    }

    @Test
    public void aDeviceWithoutTheLwaftrDriverOrUnknownGetsNothing() {
        for (DeviceId id : List.of(OTHER, DeviceId.deviceId("device:gone"))) {
            assertTrue(component.read(id, List.of(CELL)).isEmpty());
            assertFalse(component.zero(id, List.of(CELL)));
            assertFalse(component.write(id, List.of()));
        }
        assertTrue(CALLS.isEmpty());
    }

    /**
     * The driver is asked for at each use, never kept: after the app was deactivated and activated
     * again ONOS merges a new driver with the new pipeconf bundle's behaviours, and that one serves.
     */
    @Test
    public void theDriverIsLookedUpAtEachUse() {
        aftrDriver = driver("bmv2:org.lwaftr.pipeconf", false); // pipeconf not registered (yet)
        assertTrue(component.read(AFTR, List.of(CELL)).isEmpty());
        aftrDriver = driver("bmv2:org.lwaftr.pipeconf", true);
        assertEquals(1, component.read(AFTR, List.of(CELL)).size());
        assertEquals(List.of("read 1 on " + AFTR), CALLS);
    }
}
