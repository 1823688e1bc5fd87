package org.lwaftr.programming;

import org.junit.Test;
import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.PortBinding;
import org.lwaftr.config.PortRole;
import org.lwaftr.config.SideSettings;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.IpAddress;
import org.onlab.packet.MacAddress;

import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

/** Next hops given by IP (RFC 826, RFC 4861): learned MACs per device fill in its settings. */
public class NextHopMacsTest {
    private static final MacAddress AFTR = MacAddress.valueOf("02:aa:00:00:00:01");
    private static final MacAddress LEARNED = MacAddress.valueOf("02:bb:00:00:00:09");
    private static final MacAddress FIXED = MacAddress.valueOf("02:bb:00:00:00:02");

    private static final DeviceSettings BY_IP = new DeviceSettings(
            new SideSettings(1, 0, AFTR, IpAddress.valueOf("2001:db8::fe")), new SideSettings(2, 0, AFTR, FIXED),
            List.of(new PortBinding(1, 0, PortRole.LWB4, AFTR), new PortBinding(2, 0, PortRole.INTERNET, AFTR)),
            List.of(Ip4Address.valueOf("192.0.2.254")), List.of(), List.of());

    private final NextHopMacs<String> macs = new NextHopMacs<>();

    @Test
    public void aLearnedMacFillsInTheSideGivenByIpOnlyOnItsDevice() {
        assertNull("unresolved: no next_hop entry yet", macs.resolve("s1", BY_IP).lwb4Side().nextHopMac());
        assertTrue("first report", macs.update("s1", LEARNED, null));
        assertEquals(LEARNED, macs.resolve("s1", BY_IP).lwb4Side().nextHopMac());
        assertEquals("a side given by MAC keeps it", FIXED, macs.resolve("s1", BY_IP).internetSide().nextHopMac());
        assertNull("other devices learn their own", macs.resolve("s2", BY_IP).lwb4Side().nextHopMac());
        assertFalse("the same MACs again: nothing to rewrite", macs.update("s1", LEARNED, null));
        assertTrue(macs.update("s1", FIXED, null));
        assertNull(macs.resolve("s1", null));
    }

    @Test
    public void forgettingMakesTheNextReportNew() {
        macs.update("s1", LEARNED, null);
        macs.forget("s1");
        assertSame(BY_IP, macs.resolve("s1", BY_IP));
        assertTrue(macs.update("s1", LEARNED, null));
    }
}
