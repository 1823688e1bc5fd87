package org.lwaftr.programming;

import org.junit.Test;
import org.lwaftr.core.BindingChange;
import org.lwaftr.core.BindingTable;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.lwaftr.pipeconf.DataPlaneLimits;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;

import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * Counter and BR indexes of the standalone controller's table: lowest free first, kept while the
 * softwire (or a softwire naming the BR) exists, reused indexes reported for zeroing.
 */
public class SoftwireIndexesTest {
    private static final Ip6Address BR_A = Ip6Address.valueOf("2001:db8::a");
    private static final Ip6Address BR_B = Ip6Address.valueOf("2001:db8::b");

    private final BindingTable table = new BindingTable(false, DataPlaneLimits.BR_ADDRESSES);
    private final SoftwireIndexes indexes = new SoftwireIndexes();

    private static Softwire sw(int n, Ip6Address br) {
        return Softwire.of(Ip4Address.valueOf("10.0.0." + n), PortSet.of(0, 0, 0),
                Ip6Address.valueOf("2001:db8:1::" + n), br);
    }

    private void apply(BindingChange... changes) {
        indexes.update(table, table.apply(List.of(changes)));
    }

    @Test
    public void lowestFreeCounterIndexFirstAndKeptWhenReplaced() {
        apply(BindingChange.add(sw(1, BR_A)), BindingChange.add(sw(2, BR_A)), BindingChange.add(sw(3, BR_A)));
        assertEquals(0, indexes.counter(sw(1, BR_A).key()));
        assertEquals(2, indexes.counter(sw(3, BR_A).key()));
        SoftwireIndexes.CounterChanges first = indexes.takeCounterChanges();
        assertEquals(List.of(), first.freed);
        assertEquals(List.of(0, 1, 2), first.taken);
        apply(BindingChange.remove(sw(2, BR_A).key()), BindingChange.replace(sw(3, BR_B)));
        assertEquals(-1, indexes.counter(sw(2, BR_A).key()));
        assertEquals("a replaced softwire keeps its counters", 2, indexes.counter(sw(3, BR_B).key()));
        apply(BindingChange.add(sw(4, BR_A)));
        assertEquals("the freed index is the lowest free one", 1, indexes.counter(sw(4, BR_A).key()));
        SoftwireIndexes.CounterChanges since = indexes.takeCounterChanges();
        assertEquals("softwire 2's index, freed", List.of(1), since.freed);
        assertEquals("and taken again: its cells hold softwire 2's counts", List.of(1), since.taken);
        assertTrue(indexes.takeCounterChanges().isEmpty());
    }

    @Test
    public void aBrIndexIsFreedWithItsLastSoftwireAndTheLowestIsReused() {
        apply(BindingChange.add(sw(1, BR_A)), BindingChange.add(sw(2, BR_B)));
        assertEquals(Map.of(BR_A, 0, BR_B, 1), indexes.brIndexes());
        apply(BindingChange.remove(sw(1, BR_A).key()));
        assertEquals(Map.of(BR_B, 1), indexes.brIndexes());
        Ip6Address brC = Ip6Address.valueOf("2001:db8::c");
        apply(BindingChange.add(sw(3, brC)));
        assertEquals(Map.of(BR_B, 1, brC, 0), indexes.brIndexes());
    }

    @Test
    public void everyBrIndexTheDataPlaneHasCanBeUsed() {
        BindingChange[] all = new BindingChange[DataPlaneLimits.BR_ADDRESSES];
        for (int i = 0; i < all.length; i++) {
            all[i] = BindingChange.add(sw(i + 1, Ip6Address.valueOf("2001:db8:eeee::" + (i + 1))));
        }
        apply(all);
        assertEquals(DataPlaneLimits.BR_ADDRESSES, indexes.brIndexes().size());
        assertTrue(indexes.brIndexes().values().stream().allMatch(i -> i >= 0 && i < DataPlaneLimits.BR_ADDRESSES));
    }
}
