package org.lwaftr.gui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.Before;
import org.junit.Test;
import org.lwaftr.core.CounterValue;
import org.lwaftr.api.FakeLwaftrService;
import org.lwaftr.api.LwaftrService;
import org.lwaftr.api.Samples;
import org.lwaftr.core.SoftwireKey;
import org.onlab.osgi.TestServiceDirectory;
import org.onlab.packet.Ip4Address;
import org.onosproject.net.DeviceId;
import org.onosproject.ui.UiConnection;
import org.onosproject.ui.model.topo.UiTopoLayout;
import org.onosproject.ui.table.TableModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The GUI's server side against a fake service: table rows, summary and details messages.
 */
public class LwaftrUiMessageHandlerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final FakeLwaftrService service = Samples.service();
    private final List<ObjectNode> sent = new ArrayList<>();
    private final LwaftrUiMessageHandler handler = new LwaftrUiMessageHandler();

    /** Captures what the handler sends to the browser. */
    private final class Connection implements UiConnection {
        @Override
        public String userName() {
            return "test";
        }

        @Override
        public UiTopoLayout currentLayout() {
            return null;
        }

        @Override
        public void setCurrentLayout(UiTopoLayout topoLayout) {
        }

        @Override
        public String currentView() {
            return LwaftrUiComponent.VIEW_ID;
        }

        @Override
        public void setCurrentView(String viewId) {
        }

        @Override
        public void sendMessage(ObjectNode message) {
            sent.add(message);
        }

        @Override
        public void sendMessage(String type, ObjectNode payload) {
            ObjectNode m = MAPPER.createObjectNode();
            m.put("event", type);
            m.set("payload", payload);
            sent.add(m);
        }
    }

    @Before
    public void setUp() {
        handler.init(new Connection(), new TestServiceDirectory().add(LwaftrService.class, service));
        SoftwireKey k = new SoftwireKey(Ip4Address.valueOf("192.0.2.1").toInt(), 2);
        service.traffic.put(k, new CounterValue[] {new CounterValue(5, 500), new CounterValue(7, 700)});
    }

    private JsonNode request(String event, String payload) throws Exception {
        ObjectNode m = MAPPER.createObjectNode();
        m.put("event", event);
        m.set("payload", MAPPER.readTree(payload.replace('\'', '"')));
        sent.clear();
        handler.process(m);
        assertEquals(1, sent.size());
        return sent.get(0);
    }

    @Test
    public void tableRowsCarryTheSoftwireAndItsTraffic() throws Exception {
        JsonNode m = request(LwaftrUiMessageHandler.TABLE_REQ, "{'firstCol':'ipv4','firstDir':'asc'}");
        assertEquals(LwaftrUiMessageHandler.TABLE_RESP, m.get("event").asText());
        JsonNode rows = m.get("payload").get(LwaftrUiMessageHandler.TABLE_ROOT);
        assertEquals(3, rows.size());
        JsonNode row = null;
        for (JsonNode r : rows) {
            if (r.get("id").asText().equals("192.0.2.1/2")) {
                row = r;
            }
        }
        assertEquals("2001:db8::2", row.get("lwb4").asText());
        assertEquals("5", row.get("downPkts").asText());
        assertEquals("700", row.get("upBytes").asText());
        assertTrue(row.get("ports").asText(), row.get("ports").asText().startsWith("psid 2/6 @6: 1056-1071"));
        assertEquals("3", m.get("payload").get("annots").get("total").asText());
    }

    @Test
    public void tableFiltersAndPagesLikeTheCliAndRest() throws Exception {
        JsonNode m = request(LwaftrUiMessageHandler.TABLE_REQ, "{'br':'" + Samples.BR + "','offset':1,'limit':5}");
        JsonNode rows = m.get("payload").get(LwaftrUiMessageHandler.TABLE_ROOT);
        assertEquals(1, rows.size());
        assertEquals("192.0.2.1/2", rows.get(0).get("id").asText());
        assertEquals("2", m.get("payload").get("annots").get("total").asText());
    }

    @Test
    public void aBadFilterIsReportedNotThrown() throws Exception {
        JsonNode m = request(LwaftrUiMessageHandler.TABLE_REQ, "{'ipv4':'192.0.2'}");
        assertEquals(0, m.get("payload").get(LwaftrUiMessageHandler.TABLE_ROOT).size());
        String error = m.get("payload").get("annots").get("error").asText();
        assertTrue(error, error.startsWith("binding-ipv4-addr '192.0.2'"));
    }

    @Test
    public void tableModelHoldsOneRowPerSoftwireOfThePage() {
        TableModel tm = new TableModel(SoftwireTable.COLUMNS);
        SoftwireTable.fill(tm, service, MAPPER.createObjectNode().put("limit", "2"));
        assertEquals(2, tm.rowCount());
        assertEquals("192.0.2.1/1", tm.getRows()[0].get(SoftwireTable.ID));
        assertEquals(0L, tm.getRows()[0].get(SoftwireTable.DOWN_PKTS));
    }

    @Test
    public void summaryHasCountsAndReasonTotals() throws Exception {
        DeviceId s1 = DeviceId.deviceId("device:s1");
        DeviceId s2 = DeviceId.deviceId("device:s2");
        service.programmed.add(s1);
        service.programmed.add(s2);
        service.punts.put(s1, Map.of("arp", new CounterValue(1, 60)));
        service.punts.put(s2, Map.of("arp", new CounterValue(2, 120)));
        service.drops.put(s2, Map.of("bad-lwb4", new CounterValue(3, 300)));
        service.slowPath.put("fragments-reassembled", 9L);
        JsonNode p = request(LwaftrUiMessageHandler.SUMMARY_REQ, "{}").get("payload");
        assertEquals(3, p.get("softwires").asInt());
        assertEquals(3, p.get("punt-totals").get("arp").get("packets").asLong());
        assertEquals(300, p.get("drop-totals").get("bad-lwb4").get("bytes").asLong());
        assertEquals(9, p.get("slow-path").get("fragments-reassembled").asLong());
        assertTrue(p.get("policy").get("enable-hairpinning").asBoolean());
    }

    @Test
    public void detailsOfOneSoftwireOrAnError() throws Exception {
        JsonNode p = request(LwaftrUiMessageHandler.DETAILS_REQ, "{'id':'192.0.2.1/2'}").get("payload");
        assertEquals(5, p.get("details").get("downstream").get("packets").asLong());
        assertEquals(1008, p.get("details").get("port-count").asInt());
        JsonNode missing = request(LwaftrUiMessageHandler.DETAILS_REQ, "{'id':'192.0.2.1/9'}").get("payload");
        assertTrue(missing.get("error").asText().startsWith("no softwire"));
        JsonNode bad = request(LwaftrUiMessageHandler.DETAILS_REQ, "{'id':'x'}").get("payload");
        assertTrue(bad.get("error").asText().startsWith("binding-ipv4-addr"));
    }
}
