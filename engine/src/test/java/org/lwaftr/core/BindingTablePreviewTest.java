package org.lwaftr.core;

import org.junit.Test;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;

import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

/**
 * {@link BindingTable#preview}: the dry run the distributed store validates with before it commits.
 */
public class BindingTablePreviewTest {

    private static final Ip6Address BR = Ip6Address.valueOf("2001:db8::1");

    private static Softwire sw(String v4, int psid, String b4) {
        return Softwire.of(Ip4Address.valueOf(v4), PortSet.of(6, 6, psid), Ip6Address.valueOf(b4), BR);
    }

    @Test
    public void previewReportsTheDiffAndAppliesNothing() {
        BindingTable t = new BindingTable();
        Softwire a = sw("192.0.2.1", 1, "2001:db8:1::1");
        Softwire b = sw("192.0.2.1", 2, "2001:db8:1::2");
        t.addAll(List.of(a));
        Softwire a2 = sw("192.0.2.1", 1, "2001:db8:1::99");
        BindingDiff d = t.preview(List.of(BindingChange.add(b), BindingChange.replace(a2),
                BindingChange.remove(b.key())));
        assertEquals(List.of(b), d.added());
        assertEquals(List.of(b), d.removed());
        assertEquals(List.of(a), d.replacedOld());
        assertEquals(List.of(a2), d.replacedNew());
        assertEquals(1, t.size());
        assertEquals(a, t.get(a.key()));
        assertNull(t.get(b.key()));
    }

    @Test
    public void previewNamesTheBadEntryLikeApply() {
        BindingTable t = new BindingTable();
        Softwire a = sw("192.0.2.1", 1, "2001:db8:1::1");
        try {
            t.preview(List.of(BindingChange.add(a), BindingChange.add(a)));
            fail("duplicate key accepted");
        } catch (InvalidBindingException e) {
            assertEquals(1, e.entry());
            assertEquals(Softwire.F_PSID, e.field());
        }
        assertEquals(0, t.size());
    }
}
