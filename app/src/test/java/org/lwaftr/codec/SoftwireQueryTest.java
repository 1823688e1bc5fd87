package org.lwaftr.codec;

import org.junit.Test;
import org.lwaftr.api.FakeLwaftrService;
import org.lwaftr.api.Samples;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;

import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * Filtering and paging through the service.
 */
public class SoftwireQueryTest {

    private final FakeLwaftrService service = Samples.service();

    private static List<Softwire> run(FakeLwaftrService s, String ipv4, String lwb4, String br, String off,
                                      String lim) {
        return SoftwireQuery.parse(ipv4, lwb4, br, off, lim).run(s).softwires();
    }

    @Test
    public void pagesInKeyOrder() {
        SoftwireQuery.Page p = SoftwireQuery.parse(null, null, null, "1", "1").run(service);
        assertEquals(3, p.total());
        assertEquals(1, p.softwires().size());
        assertEquals(2, p.softwires().get(0).psid());
        assertTrue(run(service, null, null, null, "5", null).isEmpty());
        assertEquals(0, run(service, null, null, null, null, "0").size());
    }

    @Test
    public void sortsByLwb4OrBrThenKeyAndRefusesOtherOrders() {
        FakeLwaftrService s = new FakeLwaftrService();
        // lwB4 order differs from key order; an upper half with the top bit set sorts last (unsigned)
        s.with(Samples.softwire("192.0.2.1", 1, "fd00::1", "2001:db8:ffff::2"),
                Samples.softwire("192.0.2.1", 2, "2001:db8::9", "2001:db8:ffff::1"),
                Samples.softwire("192.0.2.2", 1, "2001:db8::1", "2001:db8:ffff::2"));
        List<String> byLwb4 = new java.util.ArrayList<>();
        SoftwireQuery.parse(null, null, null, null, null, "lwb4").run(s).softwires()
                .forEach(x -> byLwb4.add(x.lwb4().toString()));
        assertEquals(List.of("2001:db8::1", "2001:db8::9", "fd00::1"), byLwb4);
        SoftwireQuery.Page byBr = SoftwireQuery.parse(null, null, null, "1", "1", "br").run(s);
        assertEquals(3, byBr.total());
        assertEquals("second by BR: the first of BR ::2 in key order", 1, byBr.softwires().get(0).psid());
        assertEquals("192.0.2.1", byBr.softwires().get(0).ipv4().toString());
        assertEquals(2, SoftwireQuery.parse(null, null, null, null, null, " ipv4 ").run(s).softwires().get(1).psid());
        try {
            SoftwireQuery.parse(null, null, null, null, null, "psid");
            org.junit.Assert.fail("an unknown order is refused");
        } catch (InvalidInputException e) {
            assertEquals("sort 'psid' is not one of ipv4, lwb4, br", e.getMessage());
        }
    }

    @Test
    public void filtersCombine() {
        assertEquals(2, run(service, "192.0.2.1", null, null, null, null).size());
        assertEquals(2, run(service, null, "2001:db8::1", null, null, null).size());
        assertEquals(1, run(service, "192.0.2.1", "2001:db8::1", null, null, null).size());
        assertEquals(0, run(service, "192.0.2.2", null, Samples.BR, null, null).size());
        assertEquals(2, run(service, null, null, Samples.BR, null, null).size());
        SoftwireQuery.Page p = SoftwireQuery.parse(null, null, Samples.BR, "1", "5").run(service);
        assertEquals(2, p.total());
        assertEquals(1, p.softwires().size());
    }

    @Test
    public void rfc7597Sec51ByIpv4FindsEveryPsidOfTheAddressShape() {
        FakeLwaftrService s = new FakeLwaftrService();
        // a = 0, k = 10: 1024 PSIDs of 64 ports; bind PSID 16 (ports 1024-1087, the first without
        // system ports) and the last
        for (int psid : new int[] {16, 1023}) {
            s.with(Softwire.of(Ip4Address.valueOf("198.51.100.7"), PortSet.of(0, 10, psid),
                    Ip6Address.valueOf("2001:db8::" + (psid + 1)), Ip6Address.valueOf(Samples.BR)));
        }
        List<Softwire> found = SoftwireQuery.byIpv4(s, Ip4Address.valueOf("198.51.100.7"));
        assertEquals(2, found.size());
        assertEquals(1023, found.get(1).psid());
        assertTrue(SoftwireQuery.byIpv4(s, Ip4Address.valueOf("198.51.100.8")).isEmpty());
    }

    @Test(expected = InvalidInputException.class)
    public void limitIsBounded() {
        SoftwireQuery.parse(null, null, null, null, String.valueOf(SoftwireQuery.MAX_LIMIT + 1));
    }
}
