package org.lwaftr.app;

import org.lwaftr.pipeconf.LwaftrCells;
import org.onlab.util.ItemNotFoundException;
import org.onosproject.net.DeviceId;
import org.onosproject.net.driver.DriverHandler;
import org.onosproject.net.driver.DriverService;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import org.onosproject.net.pi.runtime.PiMeterCellConfig;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;

/**
 * Counter reads, counter zeroing and punt-meter writes through the pipeconf's {@link LwaftrCells}
 * driver behaviour (fabric-tna's pattern): the app holds no P4Runtime client of its own. A device
 * whose driver lacks the behaviour (not running the lwAFTR pipeconf yet) is answered with nothing.
 *
 * <p>The driver is looked up in ONOS's DriverService at each use, as ONOS's GeneralDeviceProvider
 * does, not taken from the Device object: a Device keeps the driver it first bound, which after the
 * app was deactivated and activated again is the one merged with the old pipeconf bundle's classes.
 */
@Component(immediate = true, service = {CounterReader.class, CounterWriter.class, MeterWriter.class})
public class DeviceCells implements CounterReader, CounterWriter, MeterWriter {

    private static final Logger log = LoggerFactory.getLogger(DeviceCells.class);

    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected DriverService driverService;

    private LwaftrCells cells(DeviceId id, String what) {
        DriverHandler h;
        try {
            h = driverService.createHandler(id);
        } catch (ItemNotFoundException e) { // unknown device, or its pipeconf not (yet) registered
            h = null;
        }
        if (h == null || h.driver() == null || !h.hasBehaviour(LwaftrCells.class)) {
            log.warn("{} of {}: the device does not run the lwAFTR pipeconf's driver", what, id);
            return null;
        }
        return h.behaviour(LwaftrCells.class);
    }

    @Override
    public Collection<PiCounterCell> read(DeviceId device, Collection<PiCounterCellId> cells) {
        LwaftrCells c = cells(device, "counter read");
        return c == null ? List.of() : c.readCounters(cells);
    }

    @Override
    public boolean zero(DeviceId device, Collection<PiCounterCellId> cells) {
        LwaftrCells c = cells(device, "counter zeroing");
        return c != null && c.zeroCounters(cells);
    }

    @Override
    public boolean write(DeviceId device, Collection<PiMeterCellConfig> cells) {
        LwaftrCells c = cells(device, "punt meters");
        return c != null && c.configureMeters(cells);
    }
}
