package org.lwaftr.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.Test;
import org.lwaftr.core.CounterValue;
import org.lwaftr.api.FakeLwaftrService;
import org.lwaftr.api.Samples;
import org.lwaftr.config.DeviceSettingsCodec;
import org.onlab.packet.MacAddress;
import org.onosproject.net.DeviceId;

import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The counters snapshot: per device, summed over devices, and as JSON.
 */
public class StatsSummaryTest {

    @Test
    public void sumsReasonsOverDevicesAndListsEachDevice() {
        FakeLwaftrService service = Samples.service();
        DeviceId s1 = DeviceId.deviceId("device:s1");
        DeviceId s2 = DeviceId.deviceId("device:s2");
        service.programmed.add(s1);
        service.punts.put(s1, Map.of("arp", new CounterValue(1, 60), "icmp-echo", new CounterValue(2, 200)));
        service.punts.put(s2, Map.of("arp", new CounterValue(3, 180)));
        service.drops.put(s2, Map.of("no-binding", new CounterValue(4, 400)));
        // s2 is neither configured nor programmed here: not read
        StatsSummary sum = StatsSummary.read(service);
        assertEquals(1, sum.punts().size());
        service.devices.put(s2, null);
        sum = StatsSummary.read(service);
        assertEquals(new CounterValue(4, 240), sum.puntTotals().get("arp"));
        assertEquals(new CounterValue(4, 400), sum.dropTotals().get("no-binding"));
        assertEquals(3, sum.softwires());
        JsonNode j = sum.toJson();
        assertEquals(3, j.get("devices").get("device:s2").get("punt").get("arp").get("packets").asLong());
        assertTrue(j.get("devices").get("device:s2").get("drop").has("no-binding"));
        assertEquals("device:s1", j.get("programmed-devices").get(0).asText());
    }

    @Test
    public void nextHopsShowConfiguredResolvedAndUnresolvedSides() throws Exception {
        FakeLwaftrService service = Samples.service();
        DeviceId d = DeviceId.deviceId("device:s1");
        service.devices.put(d, DeviceSettingsCodec.parse(new ObjectMapper().readTree(
                "{\"lwb4-side\": {\"port\": 1, \"aftr-mac\": \"02:aa:00:00:00:01\","
                + " \"next-hop-ip\": \"2001:db8:ffff::1:1\"},"
                + " \"internet-side\": {\"port\": 2, \"aftr-mac\": \"02:aa:00:00:00:02\","
                + " \"next-hop-mac\": \"02:bb:00:00:00:02\"},"
                + " \"aftr-ipv6-addrs\": [\"2001:db8:ffff::fe\"]}")));
        service.programmed.add(d);
        JsonNode hops = StatsSummary.read(service).toJson().get("devices").get("device:s1").get("next-hops");
        assertEquals("unresolved", hops.get("lwb4-side").get("state").asText());
        assertEquals("2001:db8:ffff::1:1", hops.get("lwb4-side").get("next-hop-ip").asText());
        assertTrue(hops.get("lwb4-side").get("next-hop-mac") == null);
        assertEquals("configured", hops.get("internet-side").get("state").asText());
        assertEquals("02:BB:00:00:00:02", hops.get("internet-side").get("next-hop-mac").asText());

        service.learned.put(d, new MacAddress[] {MacAddress.valueOf("02:cc:00:00:00:01"), null});
        StatsSummary sum = StatsSummary.read(service);
        hops = sum.toJson().get("devices").get("device:s1").get("next-hops");
        assertEquals("resolved", hops.get("lwb4-side").get("state").asText());
        assertEquals("02:CC:00:00:00:01", hops.get("lwb4-side").get("next-hop-mac").asText());
        assertEquals("lwb4-side 2001:db8:ffff::1:1 → 02:CC:00:00:00:01 (resolved)",
                sum.nextHops().get("device:s1").get(0).toString());
    }

    @Test
    public void nextHopsAreShownOnlyForDevicesThisInstanceProgramsAndResolves() throws Exception {
        // Another instance masters s1: it resolves s1's next hop, this one knows nothing of it, and
        // "unresolved" here would claim the device drops (no next_hop entry) when it may not.
        FakeLwaftrService service = Samples.service();
        DeviceId d = DeviceId.deviceId("device:s1");
        service.devices.put(d, DeviceSettingsCodec.parse(new ObjectMapper().readTree(
                "{\"lwb4-side\": {\"port\": 1, \"aftr-mac\": \"02:aa:00:00:00:01\","
                + " \"next-hop-mac\": \"02:bb:00:00:00:01\"},"
                + " \"internet-side\": {\"port\": 2, \"aftr-mac\": \"02:aa:00:00:00:02\","
                + " \"next-hop-ip\": \"192.0.2.1\"}, \"aftr-ipv4-addrs\": [\"192.0.2.254\"]}")));
        StatsSummary sum = StatsSummary.read(service);
        assertTrue("the device's counters are still read", sum.punts().containsKey("device:s1"));
        assertTrue(sum.nextHops().toString(), sum.nextHops().isEmpty());
        assertTrue(sum.toJson().get("devices").get("device:s1").get("next-hops") == null);

        service.programmed.add(d);
        sum = StatsSummary.read(service);
        assertEquals("unresolved", sum.nextHops().get("device:s1").get(1).state());
    }
}
