package org.lwaftr.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.Test;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.MacAddress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The netcfg JSON: defaults, the documented examples, errors naming the field's path.
 */
public class ConfigCodecTest {

    private static final ObjectMapper M = new ObjectMapper();

    private static JsonNode json(String s) throws IOException {
        return M.readTree(s);
    }

    @Test
    public void emptyPolicyIsRfc8676Defaults() throws IOException {
        LwaftrPolicy p = PolicyCodec.parse(json("{}"));
        assertEquals(LwaftrPolicy.DEFAULT, p);
        assertTrue("RFC 7596 §6.2 / RFC 8676 enable-hairpinning default", p.hairpinning());
        assertFalse("RFC 7596 §5.1 system ports refused by default", p.allowSystemPorts());
        assertTrue(p.icmp().generateIcmpv4Errors());
        assertTrue(p.icmp().allowIncomingIcmpv4());
        assertEquals(1500, p.lwb4SideMtu());
        assertEquals(LwaftrPolicy.DEFAULT, PolicyCodec.parse(null));
    }

    @Test
    public void policyErrorsNameEveryBadField() throws IOException {
        try {
            PolicyCodec.parse(json("{\"hop-limit\": 0, \"enable-hairpining\": true,"
                    + " \"icmp-policy\": {\"icmpv4-errors\": {\"icmpv4-rate\": \"fast\"}},"
                    + " \"softwire-payload-mtu\": 1000}"));
            fail("bad policy accepted");
        } catch (ConfigException e) {
            List<String> errs = e.errors();
            assertEquals(errs.toString(), 4, errs.size());
            assertTrue(errs.toString(), errs.stream().anyMatch(s -> s.startsWith("hop-limit: 0 is outside 1..255")));
            assertTrue(errs.toString(), errs.stream().anyMatch(s -> s.startsWith("enable-hairpining: unknown field")));
            assertTrue(errs.toString(), errs.stream().anyMatch(
                    s -> s.startsWith("icmp-policy.icmpv4-errors.icmpv4-rate: must be an integer")));
            assertTrue(errs.toString(), errs.stream().anyMatch(s -> s.startsWith("softwire-payload-mtu: 1000")));
        }
        assertEquals(List.of("binding-table-file: give either binding-table or binding-table-file, not both"),
                PolicyCodec.validate(json("{\"binding-table\": {}, \"binding-table-file\": \"/x\"}")));
    }

    @Test
    public void policyRoundTrips() throws IOException {
        LwaftrPolicy p = LwaftrPolicy.builder().hairpinning(false).hopLimit(10).flowLabel(5).internetMtu(1400)
                .allowSystemPorts(true).icmp(new IcmpPolicy(false, false, false, true, 7, 8, 2))
                .bindingTableFile("/tmp/bt.json").build();
        assertEquals(p, PolicyCodec.parse(PolicyCodec.encode(p)));
    }

    private static final String DEVICE = "{\"lwb4-side\": {\"port\": 1, \"aftr-mac\": \"02:00:00:00:00:01\","
            + " \"next-hop-mac\": \"02:00:00:00:01:01\"},"
            + " \"internet-side\": {\"port\": 2, \"vlan\": 7, \"aftr-mac\": \"02:00:00:00:00:02\","
            + " \"next-hop-mac\": \"02:00:00:00:01:02\"}, \"aftr-ipv4-addrs\": [\"192.0.2.254\"]}";

    @Test
    public void devicePortRolesDefaultToTheSides() throws IOException {
        DeviceSettings d = DeviceSettingsCodec.parse(json(DEVICE));
        assertEquals(List.of(new PortBinding(1, 0, PortRole.LWB4, MacAddress.valueOf("02:00:00:00:00:01")),
                new PortBinding(2, 7, PortRole.INTERNET, MacAddress.valueOf("02:00:00:00:00:02"))), d.ports());
        assertEquals(List.of(Ip4Address.valueOf("192.0.2.254")), d.aftrIpv4());
        assertEquals(d, DeviceSettingsCodec.parse(DeviceSettingsCodec.encode(d)));
    }

    @Test
    public void onAStickSharesOnePortAsBoth() throws IOException {
        DeviceSettings d = DeviceSettingsCodec.parse(json("{\"lwb4-side\": {\"port\": 3, \"aftr-mac\":"
                + " \"02:00:00:00:00:01\", \"next-hop-mac\": \"02:00:00:00:01:01\"}, \"internet-side\":"
                + " {\"port\": 3, \"aftr-mac\": \"02:00:00:00:00:01\", \"next-hop-mac\": \"02:00:00:00:01:02\"}}"));
        assertEquals(1, d.ports().size());
        assertEquals(PortRole.BOTH, d.ports().get(0).role());
    }

    @Test
    public void deviceErrorsNameTheField() throws IOException {
        List<String> errs = DeviceSettingsCodec.validate(json("{\"lwb4-side\": {\"port\": 255, \"aftr-mac\":"
                + " \"ff:ff:ff:ff:ff:ff\", \"next-hop-mac\": \"zz\"}, \"ports\": [{\"port\": 1, \"role\": \"up\"},"
                + " {\"port\": 1, \"role\": \"lwb4\"}], \"br-ipv6-addrs\": [\"ff02::1\"]}"));
        assertTrue(errs.toString(), errs.contains("internet-side: is required"));
        assertTrue(errs.toString(), errs.contains("lwb4-side.port: 255 is the CPU port"));
        assertTrue(errs.toString(), errs.stream().anyMatch(s -> s.startsWith("lwb4-side.aftr-mac: ")));
        assertTrue(errs.toString(), errs.contains("lwb4-side.next-hop-mac: 'zz' is not a MAC address"));
        assertTrue(errs.toString(), errs.contains("ports[0].role: 'up' is not lwb4, internet or both"));
        assertTrue(errs.toString(), errs.contains("ports[1].port: port 1 VLAN 0 appears twice"));
        assertTrue(errs.toString(), errs.stream().anyMatch(s -> s.startsWith("br-ipv6-addrs[0]: ff02::1 is not unicast")));
        try {
            DeviceSettingsCodec.parse(json("{}"));
            fail("empty device config accepted");
        } catch (ConfigException e) {
            assertEquals("lwb4-side", e.field());
        }
    }

    @Test
    public void bothRoleWithDifferentMacsNeedsAnExplicitMac() throws IOException {
        String base = DEVICE.substring(0, DEVICE.length() - 1);
        List<String> errs = DeviceSettingsCodec.validate(json(base + ", \"ports\": [{\"port\": 4, \"role\": \"both\"}]}"));
        assertEquals(List.of("ports[0].aftr-mac: role both: the sides' aftr-macs differ, give this port's aftr-mac"),
                errs);
        DeviceSettings d = DeviceSettingsCodec.parse(json(base
                + ", \"ports\": [{\"port\": 4, \"role\": \"both\", \"aftr-mac\": \"02:00:00:00:00:09\"}]}"));
        assertEquals(MacAddress.valueOf("02:00:00:00:00:09"), d.ports().get(0).aftrMac());
    }

    /** The examples of docs/netcfg.md parse: the documentation cannot drift from the code. */
    @Test
    public void documentedExamplesAreValid() throws IOException {
        Path doc = Path.of("..", "docs", "netcfg.md");
        String md = Files.readString(doc);
        Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(md);
        List<JsonNode> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(json(m.group(1)));
        }
        assertEquals(5, blocks.size());
        LwaftrPolicy p = PolicyCodec.parse(blocks.get(0).path("apps").path("org.lwaftr.app").path("lwaftr"));
        assertEquals("/opt/lwaftr/binding-table.json", p.bindingTableFile());
        assertNull(p.bindingTable());
        assertEquals(new PuntMeterPolicy(1000, 100), p.puntMeter());
        DeviceSettings d = DeviceSettingsCodec.parse(blocks.get(1).path("devices").path("device:bmv2:lwaftr1")
                .path("lwaftr"));
        assertEquals(2, d.ports().size());
        DeviceSettings stick = DeviceSettingsCodec.parse(blocks.get(2));
        assertEquals(2, stick.ports().size());
        DeviceSettings byIp = DeviceSettingsCodec.parse(blocks.get(3));
        assertEquals(org.onlab.packet.IpAddress.valueOf("2001:db8:ffff::1:1"), byIp.lwb4Side().nextHopIp());
        assertEquals(org.onlab.packet.IpAddress.valueOf("192.0.2.1"), byIp.internetSide().nextHopIp());
        assertNull(byIp.internetSide().nextHopMac());
        DeviceSettings filtered = DeviceSettingsCodec.parse(blocks.get(4));
        assertEquals("not dst port 25", filtered.internetSide().egressFilter().expression());
    }

    private static final String SIDES_BY_IP = "{\"lwb4-side\": {\"port\": 1, \"aftr-mac\": \"02:00:00:00:00:01\","
            + " \"next-hop-ip\": \"%s\"}, \"internet-side\": {\"port\": 2, \"aftr-mac\": \"02:00:00:00:00:02\","
            + " \"next-hop-ip\": \"%s\"%s}%s}";

    @Test
    public void nextHopIpResolvesOnceLearnedAndRoundTrips() throws IOException {
        DeviceSettings d = DeviceSettingsCodec.parse(json(String.format(SIDES_BY_IP, "fe80::1", "192.0.2.1", "",
                ", \"aftr-ipv4-addrs\": [\"192.0.2.254\"], \"aftr-ipv6-addrs\": [\"2001:db8::a\"]")));
        assertNull("unresolved", d.lwb4Side().nextHopMac());
        MacAddress learned = MacAddress.valueOf("02:00:00:00:00:99");
        DeviceSettings r = d.withLearnedNextHops(learned, null);
        assertEquals(learned, r.lwb4Side().nextHopMac());
        assertNull(r.internetSide().nextHopMac());
        assertEquals("the learned MAC is not configuration", d, DeviceSettingsCodec.parse(DeviceSettingsCodec.encode(r)));
    }

    @Test
    public void nextHopIpErrorsNameTheirPath() throws IOException {
        String sources = ", \"aftr-ipv4-addrs\": [\"192.0.2.254\"], \"aftr-ipv6-addrs\": [\"2001:db8::a\"]";
        List<String> errs = DeviceSettingsCodec.validate(json(String.format(SIDES_BY_IP, "192.0.2.9", "2001:db8::9", "",
                sources)));
        assertTrue(errs.toString(), errs.contains("lwb4-side.next-hop-ip: '192.0.2.9' is not an IPv6 address"));
        assertTrue(errs.toString(), errs.contains("internet-side.next-hop-ip: '2001:db8::9' is not an IPv4 address"));
        errs = DeviceSettingsCodec.validate(json(String.format(SIDES_BY_IP, "ff02::1", "192.0.2.1",
                ", \"next-hop-mac\": \"02:00:00:00:00:03\"", sources)));
        assertTrue(errs.toString(), errs.stream().anyMatch(e -> e.startsWith("lwb4-side.next-hop-ip: ff02::1 is not unicast")));
        assertTrue(errs.toString(), errs.contains("internet-side.next-hop-ip: give next-hop-mac or next-hop-ip, not both"));
        errs = DeviceSettingsCodec.validate(json(String.format(SIDES_BY_IP, "2001:db8::1", "192.0.2.1", "", "")));
        assertTrue(errs.toString(), errs.contains("internet-side.next-hop-ip: needs an address in aftr-ipv4-addrs as the"
                + " source of its ARP requests"));
        assertTrue(errs.toString(), errs.contains("lwb4-side.next-hop-ip: needs an address in aftr-ipv6-addrs as the"
                + " source of its neighbour solicitations"));
        errs = DeviceSettingsCodec.validate(json("{\"lwb4-side\": {\"port\": 1, \"aftr-mac\": \"02:00:00:00:00:01\"},"
                + " \"internet-side\": {\"port\": 2, \"aftr-mac\": \"02:00:00:00:00:02\", \"next-hop-mac\": \"02:00:00:00:00:03\"}}"));
        assertTrue(errs.toString(), errs.contains("lwb4-side.next-hop-mac: is required (or next-hop-ip, resolved by the AFTR)"));
    }
}
