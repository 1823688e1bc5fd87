package org.lwaftr.lab;

import com.google.common.io.Resources;
import org.junit.Test;
import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.LwaftrPolicy;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.IpAddress;
import org.onlab.packet.MacAddress;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * A realistic Snabb lwaftr.conf (snabb-softwire-v3) maps fully; unused keys are reported. More:
 * {@link SnabbConfigFilesTest} (Snabb's own test configurations and ours), errors in Snabb's terms.
 */
public class SnabbConfigMapperTest {

    private static String sample() throws Exception {
        return Resources.toString(Resources.getResource("lwaftr-sample.conf"), StandardCharsets.UTF_8);
    }

    @Test
    public void sampleMapsFully() throws Exception {
        LabConfig c = SnabbConfigMapper.map(sample(), 1, 2);
        assertEquals(2, c.softwires().size());
        LwaftrPolicy p = c.policy();
        assertEquals(1500, p.internetMtu());
        assertEquals(9460, p.softwirePayloadMtu()); // Snabb's internal mtu is the IPv6 MTU
        assertFalse(p.hairpinning());
        assertEquals(7, p.flowLabel());
        assertFalse(p.icmp().allowIncomingIcmpv4());
        assertTrue(p.icmp().allowOutgoingIcmpv4());
        assertTrue(p.icmp().generateIcmpv4Errors());
        assertFalse(p.icmp().generateIcmpv6Errors());
        assertEquals(600000, p.icmp().icmpv4Rate());
        assertEquals(2, p.icmp().ratePeriodSeconds());
        assertEquals(600000, p.icmp().icmpv6Rate()); // 300000 per 1 s scaled to the 2 s period
        DeviceSettings d = c.settings();
        assertEquals(1, d.lwb4Side().port());
        assertEquals(125, d.lwb4Side().vlan());
        assertEquals(MacAddress.valueOf("02:aa:00:00:00:01"), d.lwb4Side().aftrMac());
        assertEquals(MacAddress.valueOf("02:bb:00:00:00:01"), d.lwb4Side().nextHopMac());
        assertEquals(2, d.internetSide().port());
        assertEquals(164, d.internetSide().vlan());
        assertEquals(List.of(Ip4Address.valueOf("192.0.2.254")), d.aftrIpv4());
        assertEquals(List.of(Ip6Address.valueOf("2001:db8:ffff::fe")), d.aftrIpv6());
        assertEquals("Snabb encapsulates with hop limit 255 (constants.default_ttl)", 255, p.hopLimit());
        assertTrue("Snabb has no system-port check", p.allowSystemPorts());
    }

    @Test
    public void unusedKeysAreWarnedByName() throws Exception {
        List<String> w = SnabbConfigMapper.map(sample(), 1, 2).warnings();
        assertWarned(w, "softwire-config.name");
        assertWarned(w, "softwire-config.external-interface.mru");
        assertWarned(w, "softwire-config.instance.device");
        assertWarned(w, "softwire-config.frobnicate");
        assertWarned(w, "error-rate-limiting.period");
        assertEquals(w.toString(), 5, w.size());
    }

    private static void assertWarned(List<String> warnings, String key) {
        assertTrue(key + " in " + warnings, warnings.stream().anyMatch(s -> s.contains(key)));
    }

    @Test
    public void nextHopIpIsResolvedByTheAftrAndAGivenMacWins() throws Exception {
        LabConfig c = SnabbConfigMapper.map(sample()
                .replace("next-hop { mac 02:bb:00:00:00:02; }", "next-hop { ip 192.0.2.1; }")
                .replace("next-hop { mac 02:bb:00:00:00:01; }",
                        "next-hop { ip 2001:db8:ffff::1; mac 02:bb:00:00:00:01; }"), 1, 2);
        DeviceSettings d = c.settings();
        assertEquals(IpAddress.valueOf("192.0.2.1"), d.internetSide().nextHopIp());
        assertNull("resolved by ARP", d.internetSide().nextHopMac());
        assertNull("the mac is used, as in Snabb", d.lwb4Side().nextHopIp());
        assertEquals(MacAddress.valueOf("02:bb:00:00:00:01"), d.lwb4Side().nextHopMac());
        assertWarned(c.warnings(), "internal-interface.next-hop.ip");
        assertEquals(c.warnings().toString(), 6, c.warnings().size());
        assertTrue(c.warnings().stream().noneMatch(w -> w.contains("external-interface.next-hop")));
    }

    @Test
    public void nextHopWithoutMacOrIpIsAnError() throws Exception {
        try {
            SnabbConfigMapper.map(sample().replace("next-hop { mac 02:bb:00:00:00:02; }", "next-hop { }"), 1, 2);
            fail();
        } catch (LabConfigException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("external-interface.next-hop"));
            assertTrue(e.getMessage(), e.getMessage().contains("needs a mac or an ip"));
        }
    }

    @Test
    public void badValueNamesTheField() throws Exception {
        try {
            SnabbConfigMapper.map(sample().replace("vlan-tag 164", "vlan-tag high"), 1, 2);
            fail();
        } catch (LabConfigException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("external-interface.vlan-tag"));
            assertTrue(e.getMessage(), e.getMessage().contains("line"));
        }
    }

    @Test
    public void portsAreRequired() throws Exception {
        try {
            SnabbConfigMapper.map(sample(), null, 2);
            fail();
        } catch (LabConfigException e) {
            assertTrue(e.getMessage().contains("--lwb4-port"));
        }
    }
}
