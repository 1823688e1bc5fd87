package org.lwaftr.app;

import com.google.common.collect.Iterables;
import org.onosproject.net.DeviceId;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import org.onosproject.p4runtime.api.P4RuntimeWriteClient;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@link CounterWriter} over ONOS 2.7's P4Runtime client, like {@link P4RuntimeMeterWriter}: Writes
 * (MODIFY) of zeroed cells, a bounded number per request. Needs the primary client (master only).
 */
@Component(immediate = true, service = CounterWriter.class)
public class P4RuntimeCounterWriter extends P4RuntimeAccess implements CounterWriter {

    private static final Logger log = LoggerFactory.getLogger(P4RuntimeCounterWriter.class);
    /** Cells per Write request (keeps each request well under gRPC's default message size). */
    static final int CELLS_PER_WRITE = 5_000;

    @Override
    public boolean zero(DeviceId device, Collection<PiCounterCellId> cells) {
        Target t = target(device);
        if (t == null) {
            log.warn("counters of {} not zeroed: no P4Runtime client or pipeconf", device);
            return false;
        }
        boolean ok = true;
        for (List<PiCounterCellId> chunk : Iterables.partition(cells, CELLS_PER_WRITE)) {
            List<PiCounterCell> zeros = new ArrayList<>(chunk.size());
            chunk.forEach(id -> zeros.add(new PiCounterCell(id, 0, 0)));
            P4RuntimeWriteClient.WriteResponse r;
            try {
                r = t.client.write(t.p4DeviceId, t.pipeconf).modify(zeros).submitSync();
            } catch (RuntimeException e) { // keep the programmer's lane alive
                log.warn("counters of {} not zeroed", device, e);
                return false;
            }
            if (!r.isSuccess()) {
                r.failed().forEach(f -> log.warn("counter cell {} of {} not zeroed: {} {}", f.handle(), device,
                        f.status(), f.explanation()));
                ok = false;
            }
        }
        return ok;
    }
}
