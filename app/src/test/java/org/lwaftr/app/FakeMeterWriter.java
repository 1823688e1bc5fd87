package org.lwaftr.app;

import org.onosproject.net.DeviceId;
import org.onosproject.net.pi.runtime.PiMeterCellConfig;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A {@link MeterWriter} that records every write; it can be told to fail. */
final class FakeMeterWriter implements MeterWriter {

    /** One write call. */
    static final class Write {
        final DeviceId device;
        final List<PiMeterCellConfig> cells;

        Write(DeviceId device, Collection<PiMeterCellConfig> cells) {
            this.device = device;
            this.cells = List.copyOf(cells);
        }

        @Override
        public String toString() {
            return device + " " + cells;
        }
    }

    private final List<Write> writes = new ArrayList<>();
    volatile boolean fail;

    @Override
    public synchronized boolean write(DeviceId device, Collection<PiMeterCellConfig> cells) {
        writes.add(new Write(device, cells));
        return !fail;
    }

    /** @return the writes so far */
    synchronized List<Write> writes() {
        return List.copyOf(writes);
    }

    synchronized void clear() {
        writes.clear();
    }
}
