package org.lwaftr.core;

import org.junit.Test;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;

import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** Address sharing per IPv4 address and over the table; port counts checked against the port sets. */
public class SharingReportTest {
    private static final Ip6Address BR = Ip6Address.valueOf("2001:db8:ffff::1");

    private static Softwire sw(String ipv4, PortSet ps, String lwb4) {
        return Softwire.of(Ip4Address.valueOf(ipv4), ps, Ip6Address.valueOf(lwb4), BR);
    }

    @Test
    public void perAddressPortsAllocatedAndFreeAddUpToTheUsablePorts() {
        List<Softwire> t = new ArrayList<>();
        // 198.51.100.1: a = 6, k = 6 (RFC 7597 §5.1 example): 64 port sets of 63 × 16 = 1008 ports each
        t.add(sw("198.51.100.1", PortSet.of(6, 6, 1), "2001:db8::1"));
        t.add(sw("198.51.100.1", PortSet.of(6, 6, 2), "2001:db8::2"));
        t.add(sw("198.51.100.1", PortSet.of(6, 6, 3), "2001:db8::1"));
        SharingReport r = SharingReport.of(t);
        SharingReport.Address a = r.address(Ip4Address.valueOf("198.51.100.1")).orElseThrow();
        assertEquals(64, a.sharingRatio());
        assertEquals(3, a.softwires());
        int perSet = PortSet.of(6, 6, 1).size();
        assertEquals(1008, perSet);
        assertEquals(3 * perSet, a.portsAllocated());
        // every port of the shape's port sets: 65536 minus the i = 0 block (RFC 7597 §5.1, 1024 ports)
        assertEquals(65536 - 1024, a.portsAllocated() + a.portsFree());
        assertEquals(List.of(Ip6Address.valueOf("2001:db8::1"), Ip6Address.valueOf("2001:db8::2")), a.lwb4s());
        assertFalse(a.fullyUsed());
        assertFalse(r.address(Ip4Address.valueOf("198.51.100.2")).isPresent());
    }

    @Test
    public void tableTotalsAndSharingRatioHistogram() {
        List<Softwire> t = new ArrayList<>();
        t.add(sw("192.0.2.9", PortSet.WHOLE_ADDRESS, "2001:db8::9")); // ratio 1, full
        for (int psid = 0; psid < 4; psid++) { // a = 0, k = 2: full
            t.add(sw("192.0.2.1", PortSet.of(0, 2, psid), "2001:db8::1:" + psid));
        }
        t.add(sw("192.0.2.2", PortSet.of(0, 2, 0), "2001:db8::2:0")); // ratio 4, partly
        t.add(sw("10.0.0.1", PortSet.of(6, 6, 5), "2001:db8::5")); // below 2^31: before 192.0.2.x (unsigned order)
        SharingReport r = SharingReport.of(t);
        assertEquals(4, r.addresses().size());
        assertEquals("10.0.0.1", r.addresses().get(0).ipv4().toString());
        assertEquals("192.0.2.9", r.addresses().get(3).ipv4().toString());
        assertEquals(2, r.fullyUsed());
        assertEquals(2, r.partlyUsed());
        assertEquals(List.of(1, 4, 64), new ArrayList<>(r.sharingRatioHistogram().keySet()));
        assertArrayEquals(new int[] {1, 1}, r.sharingRatioHistogram().get(1));
        assertArrayEquals(new int[] {2, 5}, r.sharingRatioHistogram().get(4));
        assertArrayEquals(new int[] {1, 1}, r.sharingRatioHistogram().get(64));
        SharingReport.Address whole = r.address(Ip4Address.valueOf("192.0.2.9")).orElseThrow();
        assertEquals(65536, whole.portsAllocated());
        assertEquals(0, whole.portsFree());
        assertTrue(whole.fullyUsed());
    }
}
