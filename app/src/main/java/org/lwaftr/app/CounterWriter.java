package org.lwaftr.app;

import org.onosproject.net.DeviceId;
import org.onosproject.net.pi.runtime.PiCounterCellId;

import java.util.Collection;

/**
 * Sets indexed counter cells of a device to zero. A softwire given a counter index that another
 * softwire used before must not start with that softwire's packets and bytes. Behind an interface
 * so tests use a fake.
 */
public interface CounterWriter {

    /**
     * @param device the device
     * @param cells  the cells to zero
     * @return true if every cell was written
     */
    boolean zero(DeviceId device, Collection<PiCounterCellId> cells);
}
