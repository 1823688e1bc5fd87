package org.lwaftr.tests.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.lwaftr.lab.LabController;
import org.lwaftr.lab.LabPipeline;
import org.lwaftr.lab.RestServer;
import org.lwaftr.lab.StandaloneLwaftrService;
import org.lwaftr.lab.TargetSpec;
import org.lwaftr.rest.LwaftrWebApplication;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.lwaftr.tests.e2e.E2eSetup.config;
import static org.lwaftr.tests.e2e.E2eSetup.icmp;
import static org.lwaftr.tests.e2e.E2eSetup.shared;

/**
 * The standalone controller serves the ONOS app's REST API (the same JAX-RS classes) at
 * /onos/lwaftr behind basic auth; changes made through it reach the controller's table. No switch is
 * needed: the one target is down, and the controller programs it once it comes (not here).
 */
public class StandaloneRestTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LabController lab;
    private static RestServer rest;
    private static String base;

    @BeforeClass
    public static void start() {
        lab = LabController.start(config(icmp(true, true, 100, 1), List.of(shared(1))),
                List.of(new TargetSpec("127.0.0.1", 1, 1)), LabPipeline.lwaftr());
        rest = RestServer.start("127.0.0.1", 0, new StandaloneLwaftrService(lab,
                config(icmp(true, true, 100, 1), List.of(shared(1))), System::currentTimeMillis),
                Map.of("ops", "s3cret"));
        base = "http://127.0.0.1:" + rest.port() + "/onos/lwaftr/";
    }

    @AfterClass
    public static void stop() {
        if (rest != null) {
            rest.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    private static HttpResponse<String> send(String method, String path, String auth, String body, String type)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (auth != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)));
        }
        if (body != null) {
            b.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return MAPPER.readTree(r.body());
    }

    @Test
    public void withoutTheOperatorsCredentialsEverythingIs401() throws Exception {
        HttpResponse<String> r = send("GET", "softwires", null, null, null);
        assertEquals(401, r.statusCode());
        assertEquals("Basic realm=\"lwaftr\", charset=\"UTF-8\"", r.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals(401, send("GET", "softwires", "ops:wrong", null, null).statusCode());
        assertEquals(401, send("GET", "softwires", "onos:rocks", null, null).statusCode());
        assertEquals(401, send("POST", "softwires", null, "[]", "application/json").statusCode());
    }

    @Test
    public void theAppsRoutesAnswerWithTheAppsJson() throws Exception {
        HttpResponse<String> list = send("GET", "softwires", "ops:s3cret", null, null);
        assertEquals(list.body(), 200, list.statusCode());
        assertTrue(list.body(), json(list).get("total").asInt() >= 1);

        String add = "{\"changes\":[{\"op\":\"add\",\"binding-ipv4-addr\":\"198.51.100.1\",\"port-set\":{\"psid-offset\":0,"
                + "\"psid-len\":6,\"psid\":9},\"binding-ipv6info\":\"2001:db8:9::1\",\"br-ipv6-addr\":\"2001:db8:ffff::1\"}]}";
        HttpResponse<String> added = send("POST", "softwires", "ops:s3cret", add, "application/json");
        assertEquals(added.body(), 200, added.statusCode());
        assertTrue("in the controller's table", lab.softwires().stream()
                .anyMatch(s -> s.portSet().psid() == 9 && s.lwb4().toString().equals("2001:db8:9::1")));

        HttpResponse<String> bad = send("POST", "softwires", "ops:s3cret", add.replace("\"psid\":9", "\"psid\":99"),
                "application/json");
        assertEquals(400, bad.statusCode());
        assertEquals("psid", json(bad).get("field").asText());

        HttpResponse<String> who = send("GET", "who-had?ipv4=198.51.100.1&port=" + (9 * 1024 + 7) + "&time=now",
                "ops:s3cret", null, null);
        assertEquals(who.body(), 200, who.statusCode());
        assertEquals("2001:db8:9::1", json(who).get("binding-entry").get("binding-ipv6info").asText());
        assertTrue(who.body(), json(who).get("current").asBoolean());

        // RFC 7422: after the softwire is removed, who-had still names it for a time it held the port.
        long held = System.currentTimeMillis();
        Thread.sleep(5);
        assertEquals(200, send("DELETE", "softwires/198.51.100.1/9", "ops:s3cret", null, null).statusCode());
        HttpResponse<String> past = send("GET", "who-had?ipv4=198.51.100.1&port=" + (9 * 1024 + 7) + "&time=" + held,
                "ops:s3cret", null, null);
        assertEquals(past.body(), 200, past.statusCode());
        assertEquals(false, json(past).get("current").asBoolean());
        assertEquals("2001:db8:9::1", json(past).get("binding-entry").get("binding-ipv6info").asText());
        assertEquals(404, send("GET", "who-had?ipv4=198.51.100.1&port=" + (9 * 1024 + 7) + "&time=now",
                "ops:s3cret", null, null).statusCode());

        HttpResponse<String> sharing = send("GET", "sharing/addresses/198.51.100.1", "ops:s3cret", null, null);
        assertEquals(sharing.body(), 200, sharing.statusCode());
        assertTrue(sharing.body(), json(sharing).get("softwires").asInt() >= 1);
    }

    /**
     * The OpenAPI document: the app bundle's own (generated at build time from the resources), served
     * here at the same path as in ONOS, behind the same authentication; and every GET route it lists
     * answers here with a status it documents, JSON replies with the documented members only.
     */
    @Test
    public void servesTheAppsOpenApiDocumentAndAnswersAsItSays() throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "openapi.json")).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("ops:s3cret".getBytes(StandardCharsets.UTF_8)));
        HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
        try (InputStream in = LwaftrWebApplication.class.getResourceAsStream("openapi.json")) {
            assertNotNull("the app jar holds org/lwaftr/rest/openapi.json", in);
            assertArrayEquals(in.readAllBytes(), r.body());
        }
        JsonNode doc = MAPPER.readTree(r.body());
        assertEquals(RestServer.CONTEXT, doc.get("servers").get(0).get("url").asText());
        assertEquals(401, send("GET", "openapi.json", null, null, null).statusCode());
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            JsonNode get = p.getValue().get("get");
            if (get == null) {
                continue;
            }
            assertNotNull("GET " + p.getKey() + ": 401 documented", get.get("responses").get("401"));
            String path = p.getKey().substring(1).replace("{ipv4}", "198.51.100.1").replace("{psid}", "1")
                    .replace("{name}", "index.html");
            HttpResponse<String> reply = send("GET", path, "ops:s3cret", null, null);
            JsonNode documented = get.get("responses").get(Integer.toString(reply.statusCode()));
            assertNotNull("GET " + path + ": status " + reply.statusCode() + " not documented: " + reply.body(),
                    documented);
            JsonNode schema = resolve(doc, resolve(doc, documented).path("content").path("application/json")
                    .path("schema"));
            if (reply.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
                    && schema.has("properties")) {
                JsonNode body = json(reply);
                body.fieldNames().forEachRemaining(f -> assertTrue("GET " + path + ": member " + f
                        + " not in the document", schema.get("properties").has(f)));
                schema.path("required").forEach(f -> assertTrue("GET " + path + ": required " + f + " missing: "
                        + reply.body(), body.has(f.asText())));
            }
            checked++;
        }
        assertTrue("GET routes checked: " + checked, checked >= 13);
    }

    private static JsonNode resolve(JsonNode doc, JsonNode n) {
        return n.has("$ref") ? doc.at(n.get("$ref").asText().substring(1)) : n;
    }
}
