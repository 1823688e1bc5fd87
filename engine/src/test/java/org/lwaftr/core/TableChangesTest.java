package org.lwaftr.core;

import org.junit.Test;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;

import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;
import static org.junit.Assert.assertTrue;

/** The smallest batch from a table to a target table (replaceAll, REST PUT, binding-table reloads). */
public class TableChangesTest {
    private static final Ip6Address BR = Ip6Address.valueOf("2001:db8:ffff::1");
    private static final Ip6Address BR2 = Ip6Address.valueOf("2001:db8:ffff::2");

    private static Softwire softwire(String v4, int psid, String b4, Ip6Address br) {
        return Softwire.of(Ip4Address.valueOf(v4), PortSet.of(6, 6, psid), Ip6Address.valueOf(b4), br);
    }

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
        Softwire a = softwire("192.0.2.1", 1, "2001:db8::1", BR);
        Softwire moved = softwire("192.0.2.1", 1, "2001:db8::99", BR);
        assertEquals(text(BindingChange.replace(moved)), text(table(a).changesTo(List.of(moved))));
    }

    @Test
    public void aNewBrOfTheSameSoftwireIsAReplace() {
        Softwire a = softwire("192.0.2.1", 1, "2001:db8::1", BR);
        Softwire moved = softwire("192.0.2.1", 1, "2001:db8::1", BR2);
        assertEquals(text(BindingChange.replace(moved)), text(table(a).changesTo(List.of(moved))));
    }

    @Test
    public void unchangedSoftwiresGiveNoChange() {
        Softwire a = softwire("192.0.2.1", 1, "2001:db8::1", BR);
        assertTrue(table(a).changesTo(List.of(a)).isEmpty());
    }

    @Test
    public void removalsComeFirstSoFreedPortSetsCanBeReused() {
        Softwire a = softwire("192.0.2.1", 1, "2001:db8::1", BR);
        Softwire b = softwire("192.0.2.1", 2, "2001:db8::2", BR);
        Softwire c = softwire("192.0.2.1", 3, "2001:db8::3", BR);
        List<BindingChange> changes = table(a, b).changesTo(List.of(c, b));
        assertEquals(text(BindingChange.remove(a.key()), BindingChange.add(c)), text(changes));
    }

    @Test
    public void aKeyTwiceInTheTargetIsRefusedNamingIt() {
        Softwire a = softwire("192.0.2.1", 1, "2001:db8::1", BR);
        Softwire a2 = softwire("192.0.2.1", 1, "2001:db8::2", BR);
        try {
            table().changesTo(List.of(a, a2));
            fail("a key twice accepted");
        } catch (InvalidBindingException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("entry 1"));
        }
    }
}
