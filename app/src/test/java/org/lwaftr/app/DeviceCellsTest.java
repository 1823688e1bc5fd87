package org.lwaftr.app;

import org.junit.Test;
import org.lwaftr.pipeconf.LwaftrCells;
import org.onlab.packet.ChassisId;
import org.onosproject.net.DefaultDevice;
import org.onosproject.net.Device;
import org.onosproject.net.DeviceId;
import org.onosproject.net.device.DeviceServiceAdapter;
import org.onosproject.net.driver.AbstractHandlerBehaviour;
import org.onosproject.net.driver.Behaviour;
import org.onosproject.net.pi.model.PiCounterId;
import org.onosproject.net.pi.model.PiMeterId;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import org.onosproject.net.pi.runtime.PiMeterCellConfig;
import org.onosproject.net.pi.runtime.PiMeterCellId;
import org.onosproject.net.provider.ProviderId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The app reaches the device's cells only through the pipeconf's {@link LwaftrCells} behaviour;
 * a device whose driver lacks it (no lwAFTR pipeconf yet) gets no call and an answer of nothing.
 */
public class DeviceCellsTest {
    private static final DeviceId AFTR = DeviceId.deviceId("device:aftr");
    private static final DeviceId OTHER = DeviceId.deviceId("device:other");
    private static final PiCounterCellId CELL = PiCounterCellId.ofIndirect(PiCounterId.of("ingress.softwire_stats"), 4);

    /** Records the calls the app makes through the behaviour. */
    static final class FakeCells extends AbstractHandlerBehaviour implements LwaftrCells {
        final List<String> calls = new ArrayList<>();

        @Override
        public Collection<PiCounterCell> readCounters(Collection<PiCounterCellId> cells) {
            calls.add("read " + cells.size());
            return List.of(new PiCounterCell(CELL, 7, 700));
        }

        @Override
        public boolean zeroCounters(Collection<PiCounterCellId> cells) {
            calls.add("zero " + cells.size());
            return true;
        }

        @Override
        public boolean configureMeters(Collection<PiMeterCellConfig> cells) {
            calls.add("meters " + cells.size());
            return true;
        }
    }

    private static Device device(DeviceId id, LwaftrCells cells) {
        return new DefaultDevice(ProviderId.NONE, id, Device.Type.SWITCH, "m", "h", "s", "n", new ChassisId()) {
            @Override
            public <B extends Behaviour> boolean is(Class<B> c) {
                return cells != null && c == LwaftrCells.class;
            }

            @Override
            @SuppressWarnings("unchecked")
            public <B extends Behaviour> B as(Class<B> c) {
                return (B) cells;
            }
        };
    }

    private final FakeCells fake = new FakeCells();
    private final DeviceCells component = new DeviceCells();

    {
        component.deviceService = new DeviceServiceAdapter() {
            @Override
            public Device getDevice(DeviceId id) {
                return id.equals(AFTR) ? device(AFTR, fake) : id.equals(OTHER) ? device(OTHER, null) : null;
            }
        };
    }

    @Test
    public void callsGoThroughThePipeconfsBehaviour() {
        assertEquals(List.of(new PiCounterCell(CELL, 7, 700)), List.copyOf(component.read(AFTR, List.of(CELL))));
        assertTrue(component.zero(AFTR, List.of(CELL, CELL)));
        PiMeterCellId meter = PiMeterCellId.ofIndirect(PiMeterId.of("ingress.punt_meter"), 1);
        assertTrue(component.write(AFTR, List.of(PiMeterCellConfig.reset(meter))));
        assertEquals(List.of("read 1", "zero 2", "meters 1"), fake.calls);
    }

    @Test
    public void aDeviceWithoutTheLwaftrDriverOrUnknownGetsNothing() {
        for (DeviceId id : List.of(OTHER, DeviceId.deviceId("device:gone"))) {
            assertTrue(component.read(id, List.of(CELL)).isEmpty());
            assertFalse(component.zero(id, List.of(CELL)));
            assertFalse(component.write(id, List.of()));
        }
        assertTrue(fake.calls.isEmpty());
    }
}
