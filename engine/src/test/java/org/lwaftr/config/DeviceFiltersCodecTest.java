package org.lwaftr.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/** netcfg: a side's ingress-filter / egress-filter, compiled when the settings are read. */
public class DeviceFiltersCodecTest {
    private static final ObjectMapper M = new ObjectMapper();

    private static JsonNode device(String lwb4Extra, String internetExtra) throws IOException {
        return M.readTree("{\"lwb4-side\": {\"port\": 1, \"aftr-mac\": \"02:00:00:00:00:01\","
                + " \"next-hop-mac\": \"02:00:00:00:01:01\"" + lwb4Extra + "},"
                + " \"internet-side\": {\"port\": 2, \"aftr-mac\": \"02:00:00:00:00:02\","
                + " \"next-hop-mac\": \"02:00:00:00:01:02\"" + internetExtra + "}}");
    }

    @Test
    public void filtersAreReadPerSideAndDirection() throws IOException {
        DeviceSettings d = DeviceSettingsCodec.parse(device(", \"ingress-filter\": \"ip6\"",
                ", \"egress-filter\": \"not dst port 25\""));
        assertEquals("ip6", d.lwb4Side().ingressFilter().expression());
        assertNull(d.lwb4Side().egressFilter());
        assertNull(d.internetSide().ingressFilter());
        assertEquals("not dst port 25", d.internetSide().egressFilter().expression());
        assertEquals(2, d.internetSide().egressFilter().entryCount());
    }

    @Test
    public void filtersSurviveEncodingAndLearnedNextHops() throws IOException {
        DeviceSettings d = DeviceSettingsCodec.parse(device(", \"egress-filter\": \"len <= 1500\"",
                ", \"ingress-filter\": \"ip or arp\""));
        assertEquals(d, DeviceSettingsCodec.parse(DeviceSettingsCodec.encode(d)));
        assertEquals("len <= 1500", d.withLearnedNextHops(null, null).lwb4Side().egressFilter().expression());
    }

    @Test
    public void aFilterTheDataPlaneCannotMatchIsRefusedNamingFieldAndToken() throws IOException {
        List<String> errs = DeviceSettingsCodec.validate(device("", ", \"ingress-filter\": \"ip and vlan 5\""));
        assertEquals(1, errs.size());
        assertTrue(errs.get(0), errs.get(0).startsWith("internet-side.ingress-filter: filter \"ip and vlan 5\": "
                + "at character 8 ('vlan'): 'vlan' is not supported"));
        errs = DeviceSettingsCodec.validate(device(", \"egress-filter\": 7", ""));
        assertEquals(List.of("lwb4-side.egress-filter: must be a string, not 7"), errs);
    }
}
