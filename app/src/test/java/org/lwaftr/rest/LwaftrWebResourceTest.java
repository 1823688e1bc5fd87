package org.lwaftr.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.Before;
import org.junit.Test;
import org.lwaftr.api.BindingRecord;
import org.lwaftr.core.CounterValue;
import org.lwaftr.api.FakeLwaftrService;
import org.lwaftr.api.LwaftrService;
import org.lwaftr.api.Samples;
import org.lwaftr.core.SoftwireKey;
import org.onlab.osgi.ServiceDirectory;
import org.onlab.osgi.TestServiceDirectory;
import org.onlab.packet.Ip4Address;
import org.onosproject.net.DeviceId;
import org.onosproject.rest.resources.ResourceTest;

import javax.ws.rs.client.Entity;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import java.io.IOException;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The REST API against a fake service: status codes, bodies, and that refused requests applied
 * nothing.
 */
public class LwaftrWebResourceTest extends ResourceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ADD = "{\"op\":\"add\",\"binding-ipv4-addr\":\"%s\","
            + "\"port-set\":{\"psid-offset\":6,\"psid-len\":6,\"psid\":%s},"
            + "\"binding-ipv6info\":\"2001:db8::9\",\"br-ipv6-addr\":\"" + Samples.BR + "\"}";

    private FakeLwaftrService service;

    public LwaftrWebResourceTest() {
        super(ResourceConfig.forApplicationClass(LwaftrWebApplication.class));
    }

    @Before
    public void setUpService() {
        service = Samples.service();
        ServiceDirectory dir = new TestServiceDirectory().add(LwaftrService.class, service);
        setServiceDirectory(dir);
    }

    private static JsonNode json(Response r) throws IOException {
        return MAPPER.readTree(r.readEntity(String.class));
    }

    private Response post(String body) {
        return target("softwires").request().post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
    }

    @Test
    public void listsAPageInKeyOrderWithTheTotal() throws IOException {
        Response r = target("softwires").queryParam("limit", "2").queryParam("offset", "1").request().get();
        assertEquals(200, r.getStatus());
        JsonNode j = json(r);
        assertEquals(3, j.get("total").asInt());
        assertEquals(2, j.get("binding-entry").size());
        assertEquals("192.0.2.1", j.get("binding-entry").get(0).get("binding-ipv4-addr").asText());
        assertEquals(2, j.get("binding-entry").get(0).get("port-set").get("psid").asInt());
        assertEquals("192.0.2.2", j.get("binding-entry").get(1).get("binding-ipv4-addr").asText());
    }

    @Test
    public void filtersByIpv4LwB4AndBr() throws IOException {
        assertEquals(2, json(target("softwires").queryParam("ipv4", "192.0.2.1").request().get())
                .get("total").asInt());
        assertEquals(2, json(target("softwires").queryParam("lwb4", "2001:db8::1").request().get())
                .get("total").asInt());
        JsonNode both = json(target("softwires").queryParam("lwb4", "2001:db8::1")
                .queryParam("br", Samples.BR2).request().get());
        assertEquals(1, both.get("total").asInt());
        assertEquals("192.0.2.2", both.get("binding-entry").get(0).get("binding-ipv4-addr").asText());
    }

    @Test
    public void badFilterIs400NamingTheParameter() throws IOException {
        Response r = target("softwires").queryParam("lwb4", "192.0.2.1").request().get();
        assertEquals(400, r.getStatus());
        assertEquals("binding-ipv6info", json(r).get("field").asText());
        Response l = target("softwires").queryParam("limit", "-1").request().get();
        assertEquals(400, l.getStatus());
        assertEquals("limit", json(l).get("field").asText());
    }

    @Test
    public void getsOneSoftwireOr404() throws IOException {
        Response r = target("softwires/192.0.2.1/2").request().get();
        assertEquals(200, r.getStatus());
        assertEquals("2001:db8::2", json(r).get("binding-ipv6info").asText());
        assertEquals(404, target("softwires/192.0.2.1/3").request().get().getStatus());
        Response bad = target("softwires/192.0.2.300/3").request().get();
        assertEquals(400, bad.getStatus());
        assertEquals("binding-ipv4-addr", json(bad).get("field").asText());
    }

    @Test
    public void postAppliesABatchAtomically() throws IOException {
        String body = "{\"changes\":[" + String.format(ADD, "192.0.2.3", 1) + ","
                + "{\"op\":\"remove\",\"binding-ipv4-addr\":\"192.0.2.2\",\"psid\":1}]}";
        Response r = post(body);
        assertEquals(200, r.getStatus());
        JsonNode j = json(r);
        assertEquals(1, j.get("added").asInt());
        assertEquals(1, j.get("removed").asInt());
        assertEquals(1, service.applied.size());
        assertTrue(service.get(new SoftwireKey(Ip4Address.valueOf("192.0.2.3").toInt(), 1)).isPresent());
        assertFalse(service.get(new SoftwireKey(Ip4Address.valueOf("192.0.2.2").toInt(), 1)).isPresent());
    }

    @Test
    public void postWithABadEntryIs400NamingEntryAndFieldAndAppliesNothing() throws IOException {
        String body = "{\"changes\":[" + String.format(ADD, "192.0.2.3", 1) + ","
                + String.format(ADD, "192.0.2.4", 64) + "]}";
        Response r = post(body);
        assertEquals(400, r.getStatus());
        JsonNode j = json(r);
        assertEquals(1, j.get("entry").asInt());
        assertEquals("psid", j.get("field").asText());
        assertTrue(j.get("error").asText(), j.get("error").asText().startsWith("entry 1: "));
        assertTrue(service.applied.isEmpty());
        assertEquals(3, service.count());
    }

    @Test
    public void postRefusedByTheTableIs400AndAppliesNothing() throws IOException {
        // entry 1 duplicates an existing softwire: the core refuses the whole batch
        String body = "[" + String.format(ADD, "192.0.2.3", 1) + "," + String.format(ADD, "192.0.2.1", 1) + "]";
        Response r = post(body);
        assertEquals(400, r.getStatus());
        assertEquals(1, json(r).get("entry").asInt());
        assertEquals(3, service.count());
        assertFalse(service.get(new SoftwireKey(Ip4Address.valueOf("192.0.2.3").toInt(), 1)).isPresent());
    }

    @Test
    public void malformedJsonIs400NamingTheBody() throws IOException {
        Response r = post("{\"changes\": [");
        assertEquals(400, r.getStatus());
        assertEquals("body", json(r).get("field").asText());
        Response unknown = post("{\"changes\":[{\"op\":\"add\",\"binding-ipv4\":\"192.0.2.9\"}]}");
        assertEquals(400, unknown.getStatus());
        assertEquals("binding-ipv4", json(unknown).get("field").asText());
        assertTrue(service.applied.isEmpty());
    }

    @Test
    public void deleteRemovesOr404() throws IOException {
        assertEquals(404, target("softwires/192.0.2.9/1").request().delete().getStatus());
        Response r = target("softwires/192.0.2.1/1").request().delete();
        assertEquals(200, r.getStatus());
        assertEquals(1, json(r).get("removed").asInt());
        assertEquals(2, service.count());
    }

    @Test
    public void putBindingTableReplacesTheWholeTable() throws IOException {
        String doc = "{\"ietf-softwire-br:br-instances\":{\"binding\":{\"bind-instance\":[{\"name\":\"x\","
                + "\"binding-table\":{\"binding-entry\":[" + String.format(ADD, "192.0.2.1", 1).replace(
                "\"op\":\"add\",", "") + "]}}]}}}";
        Response r = target("binding-table").request().put(Entity.entity(doc, MediaType.APPLICATION_JSON_TYPE));
        assertEquals(200, r.getStatus());
        JsonNode j = json(r);
        assertEquals(2, j.get("removed").asInt());
        assertEquals(1, j.get("replaced").asInt());
        assertEquals(1, service.count());
    }

    @Test
    public void putWithConflictingEntriesNamesTheDocumentEntryAndAppliesNothing() throws IOException {
        String e = String.format(ADD, "192.0.2.7", 5).replace("\"op\":\"add\",", "");
        String doc = "{\"binding-entry\":[" + String.format(ADD, "192.0.2.8", 1).replace("\"op\":\"add\",", "")
                + "," + e + "," + e + "]}";
        Response r = target("binding-table").request().put(Entity.entity(doc, MediaType.APPLICATION_JSON_TYPE));
        assertEquals(400, r.getStatus());
        JsonNode j = json(r);
        assertEquals(2, j.get("entry").asInt());
        assertTrue(j.get("error").asText(), j.get("error").asText().startsWith("entry 2 (line 1): "));
        assertTrue(service.applied.isEmpty());
        assertEquals(3, service.count());
    }

    @Test
    public void putCsvReplacesTheTable() throws IOException {
        String csv = "ipv4,psid_offset,psid_len,psid,lwb4,br\n"
                + "198.51.100.1,6,6,1,2001:db8:1::1,2001:db8::2\n";
        Response r = target("binding-table").request().put(Entity.entity(csv, MediaType.valueOf("text/csv")));
        assertEquals(200, r.getStatus());
        JsonNode j = json(r);
        assertEquals(1, j.get("added").asInt());
        assertEquals(3, j.get("removed").asInt());
        assertEquals(1, service.count());
    }

    @Test
    public void putBadCsvNamesLineAndFieldAndAppliesNothing() throws IOException {
        String csv = "ipv4,psid_offset,psid_len,psid,lwb4,br\n"
                + "198.51.100.1,6,6,1,2001:db8:1::1,2001:db8::2\n"
                + "198.51.100.2,6,6,70,2001:db8:1::2,2001:db8::2\n";
        Response r = target("binding-table").request().put(Entity.entity(csv, MediaType.valueOf("text/csv")));
        assertEquals(400, r.getStatus());
        JsonNode j = json(r);
        assertTrue(j.toString(), j.get("error").asText().contains("line 3"));
        assertEquals("psid", j.get("field").asText());
        assertTrue(service.applied.isEmpty());
        assertEquals(3, service.count());
    }

    @Test
    public void putInAnUnknownFormatIs415() {
        Response r = target("binding-table").request().put(Entity.entity("<x/>",
                MediaType.APPLICATION_XML_TYPE));
        assertEquals(415, r.getStatus());
        assertTrue(service.applied.isEmpty());
    }

    @Test
    public void getBindingTableExportsWhatPutReads() throws IOException {
        String exported = target("binding-table").request().get(String.class);
        assertEquals(3, MAPPER.readTree(exported).get("binding-table").get("binding-entry").size());
        Response r = target("binding-table").request().put(Entity.entity(exported, MediaType.APPLICATION_JSON_TYPE));
        assertEquals(200, r.getStatus());
        JsonNode j = json(r);
        assertEquals(0, j.get("added").asInt() + j.get("removed").asInt() + j.get("replaced").asInt());
    }

    @Test
    public void rfc7596Sec62LookupFindsTheSoftwireOfAPort() throws IOException {
        // (6, 6, psid 2): ports 1024·i + 32..47 → port 1056 belongs to psid 2
        Response r = target("lookup").queryParam("ipv4", "192.0.2.1").queryParam("port", "1056").request().get();
        assertEquals(200, r.getStatus());
        assertEquals(2, json(r).get("binding-entry").get("port-set").get("psid").asInt());
        assertEquals(404, target("lookup").queryParam("ipv4", "192.0.2.1").queryParam("port", "80")
                .request().get().getStatus());
        Response bad = target("lookup").queryParam("ipv4", "192.0.2.1").queryParam("port", "70000").request().get();
        assertEquals(400, bad.getStatus());
        assertEquals("port", json(bad).get("field").asText());
        Response missing = target("lookup").queryParam("port", "1").request().get();
        assertEquals("ipv4", json(missing).get("field").asText());
    }

    @Test
    public void rfc7422WhoHadAnswersFromHistory() throws IOException {
        service.history.add(new BindingRecord(Samples.softwire("198.51.100.1", 1, "2001:db8::7", Samples.BR),
                1_000_000L, 2_000_000L));
        service.historySince = 500_000L;
        Response r = target("who-had").queryParam("ipv4", "198.51.100.1").queryParam("port", "1040")
                .queryParam("time", "1970-01-01T00:25:00Z").request().get();
        assertEquals(200, r.getStatus());
        JsonNode j = json(r);
        assertEquals("2001:db8::7", j.get("binding-entry").get("binding-ipv6info").asText());
        assertFalse(j.get("current").asBoolean());
        Response early = target("who-had").queryParam("ipv4", "198.51.100.1").queryParam("port", "1040")
                .queryParam("time", "100").request().get();
        assertEquals(404, early.getStatus());
        assertTrue(json(early).get("error").asText().contains("complete only since"));
        Response bad = target("who-had").queryParam("ipv4", "198.51.100.1").queryParam("port", "1040")
                .queryParam("time", "yesterday").request().get();
        assertEquals(400, bad.getStatus());
        assertEquals("time", json(bad).get("field").asText());
    }

    @Test
    public void statsPerSoftwireAndPerReason() throws IOException {
        SoftwireKey k = new SoftwireKey(Ip4Address.valueOf("192.0.2.1").toInt(), 2);
        service.traffic.put(k, new CounterValue[] {new CounterValue(5, 500), new CounterValue(7, 700)});
        DeviceId dev = DeviceId.deviceId("device:bmv2:s1");
        service.programmed.add(dev);
        service.punts.put(dev, Map.of("icmp-echo", new CounterValue(3, 300)));
        service.drops.put(dev, Map.of("no-binding", new CounterValue(9, 900)));
        service.slowPath.put("icmpv4-sent", 4L);
        JsonNode one = json(target("stats/192.0.2.1/2").request().get());
        assertEquals(5, one.get("downstream").get("packets").asLong());
        assertEquals(700, one.get("upstream").get("bytes").asLong());
        assertEquals(404, target("stats/192.0.2.1/9").request().get().getStatus());
        JsonNode all = json(target("stats").request().get());
        assertEquals(3, all.get("softwires").asInt());
        assertEquals(3, all.get("devices").get(dev.toString()).get("punt").get("icmp-echo").get("packets").asLong());
        assertEquals(9, all.get("devices").get(dev.toString()).get("drop").get("no-binding").get("packets").asLong());
        assertEquals(4, all.get("slow-path").get("icmpv4-sent").asLong());
    }

    @Test
    public void policyShowsRfc8676Names() throws IOException {
        JsonNode j = json(target("policy").request().get());
        assertTrue(j.get("policy").get("enable-hairpinning").asBoolean());
        assertEquals(1460, j.get("policy").get("softwire-payload-mtu").asInt());
    }
}
