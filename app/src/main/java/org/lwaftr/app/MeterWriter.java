package org.lwaftr.app;

import org.onosproject.net.DeviceId;
import org.onosproject.net.pi.runtime.PiMeterCellConfig;

import java.util.Collection;

/**
 * Writes indexed meter cells of a device (the data plane's {@code punt_meter}). ONOS 2.7's
 * MeterService handles indexed PI meters only in {@code userDefinedIndex} mode, so the cells are
 * written directly; behind an interface so tests use a fake and the lab controller its own client.
 */
public interface MeterWriter {

    /**
     * @param device the device
     * @param cells  the cells to write (modify: a P4 meter cell always exists)
     * @return true if every cell was written (failures are logged by the implementation)
     */
    boolean write(DeviceId device, Collection<PiMeterCellConfig> cells);
}
