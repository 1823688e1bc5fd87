package org.lwaftr.app;

import org.onosproject.net.DeviceId;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiCounterCellId;

import java.util.Collection;

/**
 * Reads indexed counter cells of a device (softwire_stats, punt_stats, drop_stats). Behind an
 * interface so tests use a fake and the lab controller its own P4Runtime client.
 */
public interface CounterReader {

    /**
     * @param device the device
     * @param cells  the cells to read
     * @return the cells read (those the device could not return are absent)
     */
    Collection<PiCounterCell> read(DeviceId device, Collection<PiCounterCellId> cells);
}
