package org.lwaftr.pipeconf;

import com.google.common.collect.Iterables;
import org.onosproject.drivers.p4runtime.AbstractP4RuntimeHandlerBehaviour;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiCounterCellHandle;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import org.onosproject.net.pi.runtime.PiEntity;
import org.onosproject.net.pi.runtime.PiMeterCellConfig;
import org.onosproject.p4runtime.api.P4RuntimeReadClient;
import org.onosproject.p4runtime.api.P4RuntimeWriteClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@link LwaftrCells} over the device's P4Runtime client (ONOS's p4runtime driver base: client,
 * P4Runtime device id and pipeconf of the handler's device). Writes go in bounded chunks so each
 * request stays well under gRPC's default message size; they need the primary client (master).
 */
public class LwaftrCellsImpl extends AbstractP4RuntimeHandlerBehaviour implements LwaftrCells {

    private static final Logger log = LoggerFactory.getLogger(LwaftrCellsImpl.class);
    /** Cells per Write request. */
    static final int CELLS_PER_WRITE = 5_000;

    @Override
    public Collection<PiCounterCell> readCounters(Collection<PiCounterCellId> cells) {
        if (!setupBehaviour("readCounters()")) {
            return List.of();
        }
        List<PiCounterCellHandle> handles = new ArrayList<>(cells.size());
        cells.forEach(c -> handles.add(PiCounterCellHandle.of(deviceId, c)));
        P4RuntimeReadClient.ReadResponse r = client.read(p4DeviceId, pipeconf).handles(handles).submitSync();
        if (!r.isSuccess()) {
            log.warn("counter read from {} failed: {}", deviceId, r.explanation());
            return List.of();
        }
        return r.all(PiCounterCell.class);
    }

    @Override
    public boolean zeroCounters(Collection<PiCounterCellId> cells) {
        List<PiCounterCell> zeros = new ArrayList<>(cells.size());
        cells.forEach(id -> zeros.add(new PiCounterCell(id, 0, 0)));
        return modify("zeroCounters()", zeros);
    }

    @Override
    public boolean configureMeters(Collection<PiMeterCellConfig> cells) {
        return modify("configureMeters()", cells);
    }

    private boolean modify(String op, Collection<? extends PiEntity> cells) {
        if (!setupBehaviour(op)) {
            return false;
        }
        boolean ok = true;
        for (List<? extends PiEntity> chunk : Iterables.partition(cells, CELLS_PER_WRITE)) {
            P4RuntimeWriteClient.WriteResponse r;
            try {
                r = client.write(p4DeviceId, pipeconf).modify(chunk).submitSync();
            } catch (RuntimeException e) { // a cell the pipeconf cannot translate: keep the caller alive
                log.warn("{} on {} failed", op, deviceId, e);
                return false;
            }
            if (!r.isSuccess()) {
                r.failed().forEach(f -> log.warn("{} on {}: cell {} not written: {} {}", op, deviceId, f.handle(),
                        f.status(), f.explanation()));
                ok = false;
            }
        }
        return ok;
    }
}
