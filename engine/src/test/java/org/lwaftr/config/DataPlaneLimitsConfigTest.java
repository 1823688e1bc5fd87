package org.lwaftr.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.Test;
import org.lwaftr.pipeconf.DataPlaneLimits;

import java.io.IOException;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * The netcfg refuses what the data plane cannot hold, at the sizes pipeline.p4 declares
 * ({@link DataPlaneLimits}), and it accepts exactly the ports the slow path can send from.
 */
public class DataPlaneLimitsConfigTest {
    private static final ObjectMapper M = new ObjectMapper();

    private static ObjectNode device(int lwb4Port) throws IOException {
        return (ObjectNode) M.readTree("{\"lwb4-side\": {\"port\": " + lwb4Port + ", \"aftr-mac\": \"02:00:00:00:00:01\","
                + " \"next-hop-mac\": \"02:00:00:00:01:01\"},"
                + " \"internet-side\": {\"port\": 2, \"aftr-mac\": \"02:00:00:00:00:02\","
                + " \"next-hop-mac\": \"02:00:00:00:01:02\"}, \"aftr-ipv4-addrs\": [\"192.0.2.254\"]}");
    }

    private static boolean portErrors(List<String> errs) {
        return errs.stream().anyMatch(e -> e.startsWith("lwb4-side.port:"));
    }

    @Test
    public void netcfgAndSlowPathAcceptTheSamePorts() throws IOException {
        for (int port = 0; port <= DataPlaneLimits.MAX_PORT + 1; port++) {
            ObjectNode d = device(port);
            List<String> errs = DeviceSettingsCodec.validate(d);
            if (port == 2 && errs.isEmpty()) {
                continue; // on a stick: fine either way
            }
            assertEquals("port " + port + ": " + errs, !DataPlaneLimits.isDataPort(port), portErrors(errs));
            if (errs.isEmpty()) {
                assertNotNull(SlowPathConfigs.of(LwaftrPolicy.DEFAULT, DeviceSettingsCodec.parse(d), List.of()));
            }
        }
        // bmv2's drop port (all ones) is no side port (it was accepted by the netcfg, refused by the slow path).
        assertTrue(portErrors(DeviceSettingsCodec.validate(device(DataPlaneLimits.MAX_PORT + 1))));
    }

    @Test
    public void portRolesUpToThePortSideTable() throws IOException {
        assertFalse(roleErrors(DataPlaneLimits.PORT_ROLES));
        assertTrue(roleErrors(DataPlaneLimits.PORT_ROLES + 1));
    }

    private static boolean roleErrors(int rows) throws IOException {
        ObjectNode d = device(1);
        ArrayNode ports = d.putArray(DeviceSettingsCodec.PORTS);
        for (int i = 0; i < rows; i++) {
            // distinct (port, VLAN) pairs on data ports
            ports.addObject().put("port", 1 + i % 500).put("vlan", 1 + i / 500).put("role", "both")
                    .put("aftr-mac", "02:00:00:00:00:01");
        }
        List<String> errs = DeviceSettingsCodec.validate(d);
        return errs.stream().anyMatch(e -> e.equals(DeviceSettingsCodec.PORTS + ": " + rows
                + " entries, the data plane holds " + DataPlaneLimits.PORT_ROLES));
    }

    @Test
    public void brAddressesUpToTheBrTables() throws IOException {
        assertFalse(brErrors(DataPlaneLimits.BR_ADDRESSES));
        assertTrue(brErrors(DataPlaneLimits.BR_ADDRESSES + 1));
    }

    private static boolean brErrors(int count) throws IOException {
        ObjectNode d = device(1);
        ArrayNode brs = d.putArray(DeviceSettingsCodec.BR_ADDRS);
        for (int i = 0; i < count; i++) {
            brs.add("2001:db8:ffff::" + Integer.toHexString(i + 1));
        }
        return DeviceSettingsCodec.validate(d).stream().anyMatch(e -> e.startsWith(DeviceSettingsCodec.BR_ADDRS + ": "));
    }

    @Test
    public void softwireNumMaxUpToTheBindingTable() throws IOException {
        assertEquals(DataPlaneLimits.SOFTWIRES, LwaftrPolicy.DEFAULT.softwireNumMax());
        JsonNode ok = M.readTree("{\"" + PolicyCodec.SOFTWIRE_NUM_MAX + "\": " + DataPlaneLimits.SOFTWIRES + "}");
        assertEquals(DataPlaneLimits.SOFTWIRES, PolicyCodec.parse(ok).softwireNumMax());
        JsonNode over = M.readTree("{\"" + PolicyCodec.SOFTWIRE_NUM_MAX + "\": " + (DataPlaneLimits.SOFTWIRES + 1) + "}");
        try {
            PolicyCodec.parse(over);
            throw new AssertionError("softwire-num-max above the binding table accepted");
        } catch (ConfigException e) {
            assertEquals(PolicyCodec.SOFTWIRE_NUM_MAX, e.field());
        }
    }
}
