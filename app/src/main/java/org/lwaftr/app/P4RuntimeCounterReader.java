package org.lwaftr.app;

import org.onosproject.net.DeviceId;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiCounterCellHandle;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import org.onosproject.p4runtime.api.P4RuntimeReadClient;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@link CounterReader} over ONOS 2.7's P4Runtime client (onos-protocols-p4runtime-api): ONOS has
 * no core service for indexed counters, so the cells are read with a P4Runtime Read of their
 * handles, on this instance's client to the device (reads are allowed to non-primary clients).
 */
@Component(immediate = true, service = CounterReader.class)
public class P4RuntimeCounterReader extends P4RuntimeAccess implements CounterReader {

    private static final Logger log = LoggerFactory.getLogger(P4RuntimeCounterReader.class);

    @Override
    public Collection<PiCounterCell> read(DeviceId device, Collection<PiCounterCellId> cells) {
        Target t = target(device);
        if (t == null) {
            return List.of();
        }
        List<PiCounterCellHandle> handles = new ArrayList<>(cells.size());
        cells.forEach(c -> handles.add(PiCounterCellHandle.of(device, c)));
        P4RuntimeReadClient.ReadResponse r = t.client.read(t.p4DeviceId, t.pipeconf).handles(handles).submitSync();
        if (!r.isSuccess()) {
            log.warn("counter read from {} failed: {}", device, r.explanation());
            return List.of();
        }
        return r.all(PiCounterCell.class);
    }
}
