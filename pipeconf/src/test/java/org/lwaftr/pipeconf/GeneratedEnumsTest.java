package org.lwaftr.pipeconf;

import org.junit.Test;
import org.lwaftr.pipeconf.gen.Direction;
import org.lwaftr.pipeconf.gen.DropReason;
import org.lwaftr.pipeconf.gen.PuntReason;
import org.lwaftr.pipeconf.gen.Side;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

/** The generated enums carry the P4 values (pipeline.p4 is the source). */
public class GeneratedEnumsTest {

    @Test
    public void codesRoundTrip() {
        for (PuntReason r : PuntReason.values()) {
            assertEquals(r, PuntReason.fromCode(r.code()));
        }
        for (DropReason r : DropReason.values()) {
            assertEquals(r, DropReason.fromCode(r.code()));
        }
        assertEquals(Side.BOTH, Side.fromCode(3));
        assertEquals(1, Direction.UPSTREAM.code());
    }

    @Test
    public void unknownCodesAreNull() {
        assertNull(PuntReason.fromCode(255));
        assertNull(DropReason.fromCode(-1));
        assertNull(Direction.fromCode(2));
    }

    @Test
    public void reasonsFitTheirCounters() {
        // punt_stats, punt_meter and drop_stats have 16 cells, indexed by the reason code.
        for (PuntReason r : PuntReason.values()) {
            assertEquals(true, r.code() < org.lwaftr.pipeconf.gen.LwaftrP4.COUNTER_PUNT_STATS_SIZE);
            assertEquals(true, r.code() < org.lwaftr.pipeconf.gen.LwaftrP4.METER_PUNT_METER_SIZE);
        }
        for (DropReason r : DropReason.values()) {
            assertEquals(true, r.code() < org.lwaftr.pipeconf.gen.LwaftrP4.COUNTER_DROP_STATS_SIZE);
        }
    }
}
