package org.lwaftr.codec;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.lwaftr.api.CounterValue;
import org.lwaftr.api.FakeLwaftrService;
import org.lwaftr.api.Samples;
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
}
