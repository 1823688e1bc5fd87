package org.lwaftr.pipeconf;

import org.onosproject.net.driver.HandlerBehaviour;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import org.onosproject.net.pi.runtime.PiMeterCellConfig;

import java.util.Collection;

/**
 * The lwAFTR's indexed P4 cells on one device, as a driver behaviour of the pipeconf (the way
 * fabric-tna gives its apps UpfProgrammable): per-softwire and per-reason counters read and zeroed,
 * punt meters (RFC 7596 §9) configured. ONOS 2.7 has no core service for indexed counters, and its
 * MeterService allocates meter cells itself where the lwAFTR needs one fixed cell per punt reason;
 * so the P4Runtime calls live here, behind the driver, and the app reaches them through
 * {@code device.as(LwaftrCells.class)}.
 */
public interface LwaftrCells extends HandlerBehaviour {

    /**
     * @param cells the cells to read
     * @return the cells read; empty if the device could not be asked (the reason is logged)
     */
    Collection<PiCounterCell> readCounters(Collection<PiCounterCellId> cells);

    /**
     * @param cells the cells to set to zero packets and bytes
     * @return true if every cell was written
     */
    boolean zeroCounters(Collection<PiCounterCellId> cells);

    /**
     * @param cells the meter cells to configure (modify: a P4 meter cell always exists)
     * @return true if every cell was written
     */
    boolean configureMeters(Collection<PiMeterCellConfig> cells);
}
