package org.lwaftr.cli;

import org.junit.Test;
import org.lwaftr.api.FakeLwaftrService;
import org.lwaftr.api.Samples;
import org.lwaftr.core.BindingChange;
import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.SoftwireKey;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;

import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * lwaftr-softwire-add / -remove arguments → binding changes.
 */
public class SoftwireArgsTest {

    @Test
    public void addBuildsTheSoftwire() {
        BindingChange c = SoftwireArgs.add(false, "192.0.2.9", "6", "6", "3", "2001:db8::9", Samples.BR);
        assertEquals(BindingChange.Kind.ADD, c.kind());
        assertEquals(3, c.softwire().psid());
        assertEquals(new SoftwireKey(Ip4Address.valueOf("192.0.2.9").toInt(), 3), c.key());
        assertEquals(BindingChange.Kind.REPLACE,
                SoftwireArgs.add(true, "192.0.2.9", "6", "6", "3", "2001:db8::9", Samples.BR).kind());
    }

    @Test
    public void rfc7596Sec51AddTakesABindingPrefixAsImportsDo() {
        // the lwB4 address is prefix | 0x0000 | IPv4 | PSID (RFC 7597 §6)
        BindingChange c = SoftwireArgs.add(false, "192.0.2.9", "6", "6", "3", "2001:db8:7::/48", Samples.BR);
        assertEquals(Ip6Address.valueOf("2001:db8:7:0:0:c000:209:3"), c.softwire().lwb4());
        assertEquals("binding-ipv6info", Samples.refusedField(() -> SoftwireArgs.add(false, "192.0.2.9", "6", "6",
                "3", "2001:db8:7::/80", Samples.BR)));
    }

    @Test
    public void removeBuildsTheKey() {
        BindingChange c = SoftwireArgs.remove("192.0.2.9", "3");
        assertEquals(BindingChange.Kind.REMOVE, c.kind());
        assertEquals(3, c.key().psid());
    }

    @Test
    public void errorsNameTheArgument() {
        assertEquals("binding-ipv4-addr", Samples.refusedField(() -> SoftwireArgs.add(false, "192.0.2", "6", "6", "3",
                "2001:db8::9", Samples.BR)));
        assertEquals("psid-offset", Samples.refusedField(() -> SoftwireArgs.add(false, "192.0.2.9", "six", "6", "3",
                "2001:db8::9", Samples.BR)));
        // RFC 7597 §5.1: a + k ≤ 16
        assertEquals("psid-offset", Samples.refusedField(() -> SoftwireArgs.add(false, "192.0.2.9", "10", "8", "3",
                "2001:db8::9", Samples.BR)));
        assertEquals("psid", Samples.refusedField(() -> SoftwireArgs.add(false, "192.0.2.9", "6", "6", "64",
                "2001:db8::9", Samples.BR)));
        assertEquals("binding-ipv6info", Samples.refusedField(() -> SoftwireArgs.add(false, "192.0.2.9", "6", "6", "3",
                "2001:db8::zz", Samples.BR)));
        assertEquals("br-ipv6-addr", Samples.refusedField(() -> SoftwireArgs.add(false, "192.0.2.9", "6", "6", "3",
                "2001:db8::9", "::")));
        assertEquals("psid", Samples.refusedField(() -> SoftwireArgs.remove("192.0.2.9", "-1")));
    }

    @Test
    public void aRefusedAddAppliesNothing() {
        FakeLwaftrService service = Samples.service();
        try {
            // overlaps the (6, 6, psid 1) softwire of 192.0.2.1: same IPv4, other shape
            service.apply(List.of(SoftwireArgs.add(false, "192.0.2.1", "6", "5", "0", "2001:db8::9", Samples.BR)));
            fail("accepted");
        } catch (InvalidBindingException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("entry 0"));
        }
        assertEquals(3, service.count());
        assertTrue(service.applied.isEmpty());
    }
}
