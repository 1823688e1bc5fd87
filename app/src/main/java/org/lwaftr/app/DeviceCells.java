package org.lwaftr.app;

import org.lwaftr.pipeconf.LwaftrCells;
import org.onosproject.net.Device;
import org.onosproject.net.DeviceId;
import org.onosproject.net.device.DeviceService;
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
 */
@Component(immediate = true, service = {CounterReader.class, CounterWriter.class, MeterWriter.class})
public class DeviceCells implements CounterReader, CounterWriter, MeterWriter {

    private static final Logger log = LoggerFactory.getLogger(DeviceCells.class);

    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected DeviceService deviceService;

    private LwaftrCells cells(DeviceId id, String what) {
        Device d = deviceService.getDevice(id);
        if (d == null || !d.is(LwaftrCells.class)) {
            log.warn("{} of {}: the device does not run the lwAFTR pipeconf's driver", what, id);
            return null;
        }
        return d.as(LwaftrCells.class);
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
