package org.lwaftr.codec;

import org.junit.Test;
import org.lwaftr.api.BindingRecord;
import org.lwaftr.api.FakeLwaftrService;
import org.lwaftr.api.Samples;
import org.lwaftr.codec.SoftwireQuery;
import org.lwaftr.codec.StatsSummary;
import org.lwaftr.core.CounterValue;
import org.lwaftr.core.SoftwireKey;
import org.onlab.packet.Ip4Address;
import org.onosproject.net.DeviceId;

import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * What the commands print.
 */
public class CliTextTest {

    private final FakeLwaftrService service = Samples.service();

    @Test
    public void pageListsSoftwiresAndCounts() {
        List<String> lines = CliText.page(SoftwireQuery.parse("192.0.2.1", null, null, "1", "5").run(service));
        assertEquals(2, lines.size());
        assertTrue(lines.get(0), lines.get(0).startsWith("ipv4=192.0.2.1 psid=2 psid-offset=6 psid-len=6"
                + " lwb4=2001:db8::2 br=2001:db8:ffff::1 ports=1056-1071, 2080-2095, 3104-3119, … (63 ranges,"
                + " 1008 ports)"));
        assertEquals("(2-2 of 2 softwires)", lines.get(1));
        assertEquals("(0-0 of 0 softwires)",
                CliText.page(SoftwireQuery.parse("198.51.100.1", null, null, null, null).run(service)).get(0));
    }

    @Test
    public void statsShowBothDirections() {
        SoftwireKey k = new SoftwireKey(Ip4Address.valueOf("192.0.2.1").toInt(), 1);
        service.traffic.put(k, new CounterValue[] {new CounterValue(1, 100), new CounterValue(2, 200)});
        List<String> lines = CliText.stats(service.stats(k).get());
        assertTrue(lines.get(1), lines.get(1).endsWith("1 pkts / 100 B"));
        assertTrue(lines.get(2), lines.get(2).endsWith("2 pkts / 200 B"));
    }

    @Test
    public void trafficCountsItsSoftwiresThenShowsEach() {
        SoftwireKey k = new SoftwireKey(Ip4Address.valueOf("192.0.2.1").toInt(), 1);
        service.traffic.put(k, new CounterValue[] {new CounterValue(1, 100), new CounterValue(2, 200)});
        List<String> lines = CliText.traffic(List.of(service.stats(k).get()));
        assertEquals("softwires with traffic: 1", lines.get(0));
        assertEquals(CliText.stats(service.stats(k).get()), lines.subList(1, 4));
        assertEquals(List.of("softwires with traffic: 0"), CliText.traffic(List.of()));
    }

    @Test
    public void summaryListsReasonsPerDevice() {
        DeviceId d = DeviceId.deviceId("device:s1");
        service.programmed.add(d);
        service.drops.put(d, Map.of("no-binding", new CounterValue(4, 400)));
        service.slowPath.put("icmpv4-sent", 7L);
        List<String> lines = CliText.summary(StatsSummary.read(service));
        assertTrue(lines.get(0), lines.get(0).startsWith("softwires=3 table-version=0"));
        assertEquals("device device:s1", lines.get(1));
        assertEquals("  punt: (none)", lines.get(2));
        assertTrue(lines.get(3), lines.get(3).matches("  drop no-binding +4 pkts / 400 B"));
        assertTrue(lines.get(5), lines.get(5).matches("  icmpv4-sent +7"));
    }

    @Test
    public void summaryShowsEachSideNextHop() throws Exception {
        DeviceId d = DeviceId.deviceId("device:s1");
        service.devices.put(d, org.lwaftr.config.DeviceSettingsCodec.parse(new com.fasterxml.jackson.databind
                .ObjectMapper().readTree("{\"lwb4-side\": {\"port\": 1, \"aftr-mac\": \"02:aa:00:00:00:01\","
                + " \"next-hop-mac\": \"02:bb:00:00:00:01\"}, \"internet-side\": {\"port\": 2, \"aftr-mac\":"
                + " \"02:aa:00:00:00:02\", \"next-hop-ip\": \"192.0.2.1\"}, \"aftr-ipv4-addrs\": [\"192.0.2.254\"]}")));
        service.programmed.add(d); // next hops are shown for the devices this instance resolves
        List<String> lines = CliText.summary(StatsSummary.read(service));
        assertTrue(lines.toString(), lines.contains("  next hop lwb4-side 02:BB:00:00:00:01 (configured)"));
        assertTrue(lines.toString(), lines.contains("  next hop internet-side 192.0.2.1 → ? (unresolved)"));
    }

    @Test
    public void rfc7422RecordShowsTheInterval() {
        String s = CliText.record(new BindingRecord(Samples.softwire("192.0.2.1", 1, "2001:db8::1", Samples.BR),
                0, 60_000));
        assertTrue(s, s.endsWith("bound from 1970-01-01T00:00:00Z until 1970-01-01T00:01:00Z"));
    }
}
