package org.lwaftr.programming;

import org.junit.Test;
import org.lwaftr.core.BindingChange;
import org.lwaftr.core.BindingTable;
import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.PortSetShape;
import org.lwaftr.core.Softwire;
import org.lwaftr.pipeconf.DataPlaneLimits;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;

import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.fail;

/** A standalone batch told per softwire, as the ONOS store's mirror tells its map events. */
public class TableDeltasTest {
    private static final Ip6Address BR = Ip6Address.valueOf("2001:db8::1");

    private final BindingTable table = new BindingTable(false, DataPlaneLimits.BR_ADDRESSES);
    private final SoftwireIndexes indexes = new SoftwireIndexes();

    private static Softwire sw(int psid, int psidLength, String lwb4) {
        return Softwire.of(Ip4Address.valueOf("192.0.2.1"), PortSet.of(6, psidLength, psid),
                Ip6Address.valueOf(lwb4), BR);
    }

    private List<SoftwireDelta> apply(BindingChange... changes) {
        return TableDeltas.apply(table, indexes, List.of(changes)).deltas;
    }

    @Test
    public void theAddressShapeChangeRidesOnTheFirstDeltaOfTheAddress() {
        List<SoftwireDelta> d = apply(BindingChange.add(sw(1, 4, "2001:db8:1::1")),
                BindingChange.add(sw(2, 4, "2001:db8:1::2")));
        assertEquals(2, d.size());
        assertNull(d.get(0).oldShape());
        assertSame(PortSetShape.of(6, 4), d.get(0).newShape());
        assertSame("second delta: address already told", d.get(1).newShape(), d.get(1).oldShape());
        assertEquals(List.of(0, 1), List.of(d.get(0).newCounter(), d.get(1).newCounter()));
    }

    @Test
    public void aPortSetChangeIsOneDeltaWithBothSidesAndAReplaceKeepsTheCounter() {
        apply(BindingChange.add(sw(1, 4, "2001:db8:1::1")));
        List<SoftwireDelta> d = apply(BindingChange.replace(sw(1, 4, "2001:db8:1::9")));
        assertEquals(1, d.size());
        assertEquals(d.get(0).oldCounter(), d.get(0).newCounter());
        assertEquals(Ip6Address.valueOf("2001:db8:1::9"), d.get(0).newSoftwire().lwb4());
        d = apply(BindingChange.remove(sw(1, 4, "2001:db8:1::9").key()), BindingChange.add(sw(1, 6, "2001:db8:1::1")));
        assertEquals(1, d.size());
        assertEquals(sw(1, 4, "2001:db8:1::9"), d.get(0).oldSoftwire());
        assertEquals(sw(1, 6, "2001:db8:1::1"), d.get(0).newSoftwire());
        assertSame(PortSetShape.of(6, 6), d.get(0).newShape());
    }

    @Test
    public void nothingToTellForAChangeThatUndoesItself() {
        assertEquals(List.of(), apply(BindingChange.add(sw(1, 4, "2001:db8:1::1")),
                BindingChange.remove(sw(1, 4, "2001:db8:1::1").key())));
        apply(BindingChange.add(sw(1, 4, "2001:db8:1::1")));
        assertEquals(0, apply(BindingChange.replace(sw(1, 4, "2001:db8:1::1"))).size());
    }

    @Test
    public void aRefusedBatchChangesNeitherTableNorIndexes() {
        apply(BindingChange.add(sw(1, 4, "2001:db8:1::1")));
        try {
            apply(BindingChange.add(sw(2, 4, "2001:db8:1::2")), BindingChange.add(sw(2, 4, "2001:db8:1::3")));
            fail("a key added twice is refused");
        } catch (InvalidBindingException expected) {
            assertEquals(1, table.size());
            assertEquals(-1, indexes.counter(sw(2, 4, "2001:db8:1::2").key()));
            assertEquals(1, indexes.takeCounterChanges().taken.size());
        }
    }
}
