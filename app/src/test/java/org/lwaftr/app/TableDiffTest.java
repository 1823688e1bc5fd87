package org.lwaftr.app;

import org.junit.Test;
import org.lwaftr.api.Samples;
import org.lwaftr.core.BindingChange;
import org.lwaftr.core.BindingTable;
import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.Softwire;

import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;
import static org.junit.Assert.assertTrue;

/** The smallest batch from a table to a target table (replaceAll / binding-table reloads). */
public class TableDiffTest {
    private static BindingTable table(Softwire... softwires) {
        BindingTable t = new BindingTable(false);
        for (Softwire s : softwires) {
            t.apply(List.of(BindingChange.add(s)));
        }
        return t;
    }

    /** BindingChange has no equals: compared by what it says. */
    private static String text(BindingChange... changes) {
        return text(List.of(changes));
    }

    private static String text(List<BindingChange> changes) {
        return changes.toString();
    }

    @Test
    public void aNewLwb4OfTheSameSoftwireIsAReplace() {
        Softwire a = Samples.softwire("192.0.2.1", 1, "2001:db8::1", Samples.BR);
        Softwire moved = Samples.softwire("192.0.2.1", 1, "2001:db8::99", Samples.BR);
        assertEquals(text(BindingChange.replace(moved)), text(TableDiff.changes(table(a), List.of(moved))));
    }

    @Test
    public void aNewBrOfTheSameSoftwireIsAReplace() {
        Softwire a = Samples.softwire("192.0.2.1", 1, "2001:db8::1", Samples.BR);
        Softwire moved = Samples.softwire("192.0.2.1", 1, "2001:db8::1", Samples.BR2);
        assertEquals(text(BindingChange.replace(moved)), text(TableDiff.changes(table(a), List.of(moved))));
    }

    @Test
    public void unchangedSoftwiresGiveNoChange() {
        Softwire a = Samples.softwire("192.0.2.1", 1, "2001:db8::1", Samples.BR);
        assertTrue(TableDiff.changes(table(a), List.of(a)).isEmpty());
    }

    @Test
    public void removalsComeFirstSoFreedPortSetsCanBeReused() {
        Softwire a = Samples.softwire("192.0.2.1", 1, "2001:db8::1", Samples.BR);
        Softwire b = Samples.softwire("192.0.2.1", 2, "2001:db8::2", Samples.BR);
        Softwire c = Samples.softwire("192.0.2.1", 3, "2001:db8::3", Samples.BR);
        List<BindingChange> changes = TableDiff.changes(table(a, b), List.of(c, b));
        assertEquals(text(BindingChange.remove(a.key()), BindingChange.add(c)), text(changes));
    }

    @Test
    public void aKeyTwiceInTheTargetIsRefusedNamingIt() {
        Softwire a = Samples.softwire("192.0.2.1", 1, "2001:db8::1", Samples.BR);
        Softwire a2 = Samples.softwire("192.0.2.1", 1, "2001:db8::2", Samples.BR);
        try {
            TableDiff.changes(table(), List.of(a, a2));
            fail("a key twice accepted");
        } catch (InvalidBindingException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("entry 1"));
        }
    }
}
