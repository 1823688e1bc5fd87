package org.lwaftr.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.BeforeClass;
import org.junit.Test;
import org.lwaftr.api.BindingRecord;
import org.lwaftr.core.CounterValue;
import org.lwaftr.api.FakeLwaftrService;
import org.lwaftr.api.LwaftrService;
import org.lwaftr.api.Samples;
import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.PortBinding;
import org.lwaftr.config.PortRole;
import org.lwaftr.config.SideSettings;
import org.lwaftr.core.SoftwireKey;
import org.onlab.osgi.TestServiceDirectory;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.MacAddress;
import org.onosproject.net.DeviceId;
import org.onosproject.rest.resources.ResourceTest;

import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.client.Entity;
import javax.ws.rs.client.WebTarget;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * The OpenAPI document ({@code GET /openapi.json}) against the API it describes: every route of the
 * resource classes (their JAX-RS annotations, read by reflection) is in it with its parameters and
 * media types, and nothing else is; every reply of the requests below has a documented status and
 * matches the documented JSON schema; every documented status but 401 (no authentication here, see
 * the standalone controller's test) is produced by one of them.
 */
public class OpenApiDocumentTest extends ResourceTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ADD = "{\"op\":\"add\",\"binding-ipv4-addr\":\"%s\","
            + "\"port-set\":{\"psid-offset\":6,\"psid-len\":6,\"psid\":%s},"
            + "\"binding-ipv6info\":\"2001:db8::9\",\"br-ipv6-addr\":\"" + Samples.BR + "\"}";
    private static final DeviceId DEV = DeviceId.deviceId("device:bmv2:s1");
    private static JsonNode doc;
    private static OpenApiShapes shapes;

    public OpenApiDocumentTest() {
        super(ResourceConfig.forApplicationClass(LwaftrWebApplication.class));
    }

    @BeforeClass
    public static void readDocument() throws IOException {
        try (InputStream in = OpenApiWebResource.class.getResourceAsStream(OpenApiWebResource.DOCUMENT)) {
            assertNotNull("the build writes org/lwaftr/rest/openapi.json (swagger-maven-plugin)", in);
            doc = MAPPER.readTree(in);
        }
        shapes = new OpenApiShapes(doc);
    }

    /** A service with something in every part of every reply: softwires, history, counters, a device. */
    private FakeLwaftrService fresh() {
        FakeLwaftrService s = new FakeLwaftrService() {
            @Override
            public Map<String, CounterValue> filterCounters(DeviceId device) {
                return Map.of("lwb4-side.ingress-filter.denied", new CounterValue(2, 120));
            }
        }.with(Samples.softwire("192.0.2.1", 1, "2001:db8::1", Samples.BR),
                Samples.softwire("192.0.2.1", 2, "2001:db8::2", Samples.BR),
                Samples.softwire("192.0.2.2", 1, "2001:db8::1", Samples.BR2));
        s.history.add(new BindingRecord(Samples.softwire("198.51.100.1", 1, "2001:db8::7", Samples.BR),
                1_000_000L, 2_000_000L));
        s.historySince = 500_000L;
        s.traffic.put(new SoftwireKey(Ip4Address.valueOf("192.0.2.1").toInt(), 2),
                new CounterValue[] {new CounterValue(5, 500), new CounterValue(7, 700)});
        SideSettings b4 = new SideSettings(1, 0, MacAddress.valueOf("02:aa:00:00:00:01"),
                MacAddress.valueOf("02:bb:00:00:00:01"));
        SideSettings inet = new SideSettings(2, 0, MacAddress.valueOf("02:aa:00:00:00:02"),
                MacAddress.valueOf("02:bb:00:00:00:02"));
        s.devices.put(DEV, new DeviceSettings(b4, inet, List.of(new PortBinding(1, 0, PortRole.LWB4, b4.aftrMac()),
                new PortBinding(2, 0, PortRole.INTERNET, inet.aftrMac())), List.of(Ip4Address.valueOf("192.0.2.254")),
                List.of(Ip6Address.valueOf("2001:db8:ffff::fe")), List.of(Ip6Address.valueOf(Samples.BR))));
        s.programmed.add(DEV);
        s.punts.put(DEV, Map.of("ICMPV4_TO_AFTR", new CounterValue(3, 300)));
        s.drops.put(DEV, Map.of("DOWNSTREAM_NO_BINDING", new CounterValue(9, 900)));
        s.slowPath.put("icmpv4-sent", 4L);
        setServiceDirectory(new TestServiceDirectory().add(LwaftrService.class, s));
        return s;
    }

    // ------------------------------------------------------------------ routes (reflection)

    /** One route of the resource classes: method, path as the document writes it, its JAX-RS method. */
    private static final class Route {
        final String method;
        final String path;
        final Method java;

        Route(String method, String path, Method java) {
            this.method = method;
            this.path = path;
            this.java = java;
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path + " (" + java.getDeclaringClass().getSimpleName() + "."
                    + java.getName() + ")";
        }
    }

    private static List<Route> routes() {
        List<Route> out = new ArrayList<>();
        for (Class<?> c : new LwaftrWebApplication().getClasses()) {
            Path base = c.getAnnotation(Path.class);
            if (base == null) {
                continue; // providers (exception mappers)
            }
            for (Method m : c.getMethods()) {
                String http = null;
                for (Annotation a : m.getAnnotations()) {
                    HttpMethod hm = a.annotationType().getAnnotation(HttpMethod.class);
                    if (hm != null) {
                        http = hm.value().toLowerCase();
                    }
                }
                if (http == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                String p = "/" + strip(base.value()) + (sub == null ? "" : "/" + strip(sub.value()));
                out.add(new Route(http, p, m));
            }
        }
        return out;
    }

    private static String strip(String p) {
        return p.replaceAll("^/+|/+$", "");
    }

    @Test
    public void everyRouteOfTheResourceClassesIsDocumentedWithItsParametersAndMediaTypes() {
        List<Route> routes = routes();
        assertTrue("the resource classes have routes: " + routes, routes.size() >= 18);
        for (Route r : routes) {
            JsonNode op = shapes.operation(r.path, r.method);
            assertNotNull(r + " is not in the OpenAPI document", op);
            Set<String> documented = new TreeSet<>();
            op.path("parameters").forEach(p -> documented.add(p.get("in").asText() + " " + p.get("name").asText()));
            Set<String> declared = new TreeSet<>();
            Annotation[][] params = r.java.getParameterAnnotations();
            for (int i = 0; i < params.length; i++) {
                for (Annotation a : params[i]) {
                    declared(a, declared);
                    if (a instanceof BeanParam) { // its fields are the parameters
                        for (Field f : r.java.getParameterTypes()[i].getDeclaredFields()) {
                            for (Annotation fa : f.getAnnotations()) {
                                declared(fa, declared);
                            }
                        }
                    }
                }
            }
            assertEquals(r + ": parameters", declared, documented);
            op.path("parameters").forEach(p -> assertTrue(r + ": " + p + ": bounds on a non-integer",
                    !p.path("schema").has("maximum") || p.path("schema").path("type").asText().equals("integer")));
            JsonNode ok = null;
            for (Iterator<String> it = op.get("responses").fieldNames(); it.hasNext(); ) {
                String status = it.next();
                if (status.startsWith("2")) {
                    ok = shapes.response(op, Integer.parseInt(status));
                }
            }
            Produces produces = r.java.getAnnotation(Produces.class);
            if (produces != null) {
                assertNotNull(r + ": no 2xx response documented", ok);
                for (String t : produces.value()) {
                    assertTrue(r + ": produces " + t + ", the document says " + ok.get("content"),
                            ok.path("content").has(t));
                }
            }
            Consumes consumes = r.java.getAnnotation(Consumes.class);
            if (consumes != null) {
                for (String t : consumes.value()) {
                    assertTrue(r + ": consumes " + t + ", the document says " + op.get("requestBody"),
                            t.equals(MediaType.WILDCARD) || op.path("requestBody").path("content").has(t));
                }
            }
            assertNotNull(r + ": 401 (HTTP basic auth on both hosts) not documented", shapes.response(op, 401));
        }
    }

    private static void declared(Annotation a, Set<String> out) {
        if (a instanceof QueryParam) {
            out.add("query " + ((QueryParam) a).value());
        } else if (a instanceof PathParam) {
            out.add("path " + ((PathParam) a).value());
        }
    }

    @Test
    public void theDocumentHasNoRouteTheResourceClassesLack() {
        Set<String> declared = new TreeSet<>();
        routes().forEach(r -> declared.add(r.method + " " + r.path));
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            p.getValue().fieldNames().forEachRemaining(m ->
                    assertTrue(m + " " + p.getKey() + " is documented but not served", declared.contains(m + " " + p.getKey())));
        }
    }

    @Test
    public void servedAtOpenapiJsonAsBuilt() throws IOException {
        Response r = target("openapi.json").request().get();
        assertEquals(200, r.getStatus());
        assertTrue(r.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE));
        byte[] served = r.readEntity(byte[].class);
        try (InputStream in = OpenApiWebResource.class.getResourceAsStream(OpenApiWebResource.DOCUMENT)) {
            assertArrayEquals(in.readAllBytes(), served);
        }
        JsonNode d = MAPPER.readTree(served);
        assertEquals("3.0.1", d.get("openapi").asText());
        assertEquals("/onos/lwaftr", d.get("servers").get(0).get("url").asText());
    }

    // ------------------------------------------------------------------ replies against the document

    /** What was exercised: "method template status". */
    private final Set<String> exercised = new TreeSet<>();

    private void call(String method, String path, String body, String type, int expected) throws IOException {
        fresh();
        String[] pq = path.split("\\?", 2);
        WebTarget t = target(pq[0]).property(ClientProperties.FOLLOW_REDIRECTS, false);
        if (pq.length > 1) {
            for (String kv : pq[1].split("&")) {
                String[] x = kv.split("=", 2);
                t = t.queryParam(x[0], x[1]);
            }
        }
        Response r = body == null ? t.request().method(method)
                : t.request().method(method, Entity.entity(body, MediaType.valueOf(type)));
        String what = method + " " + path;
        String reply = r.hasEntity() ? r.readEntity(String.class) : "";
        assertEquals(what + ": " + reply, expected, r.getStatus());
        String template = shapes.template("/" + pq[0]);
        assertNotNull(what + ": no path of the document matches", template);
        JsonNode op = shapes.operation(template, method.toLowerCase());
        assertNotNull(what + ": operation not documented", op);
        JsonNode documented = shapes.response(op, r.getStatus());
        assertNotNull(what + ": status " + r.getStatus() + " not documented for " + template, documented);
        exercised.add(method.toLowerCase() + " " + template + " " + r.getStatus());
        JsonNode content = documented.get("content");
        if (content == null) {
            return;
        }
        MediaType got = r.getMediaType();
        assertNotNull(what + ": no Content-Type", got);
        String key = got.getType() + "/" + got.getSubtype();
        assertTrue(what + ": " + key + " not documented: " + content, content.has(key));
        if (key.equals(MediaType.APPLICATION_JSON)) {
            List<String> wrong = shapes.check(content.get(key).get("schema"), MAPPER.readTree(reply));
            assertTrue(what + " does not match the document:\n  " + String.join("\n  ", wrong) + "\n" + reply,
                    wrong.isEmpty());
        }
    }

    @Test
    public void everyReplyHasADocumentedStatusAndShapeAndEveryDocumentedStatusOccurs() throws IOException {
        String csv = "ipv4,psid_offset,psid_len,psid,lwb4,br\n198.51.100.1,6,6,1,2001:db8:1::1,2001:db8::2\n";
        call("GET", "softwires?limit=2&offset=1", null, null, 200);
        call("GET", "softwires?lwb4=192.0.2.1", null, null, 400);
        call("POST", "softwires", "{\"changes\":[" + String.format(ADD, "192.0.2.3", 1) + ","
                + "{\"op\":\"remove\",\"binding-ipv4-addr\":\"192.0.2.2\",\"psid\":1}]}", MediaType.APPLICATION_JSON, 200);
        call("POST", "softwires", "[" + String.format(ADD, "192.0.2.3", 64) + "]", MediaType.APPLICATION_JSON, 400);
        call("GET", "softwires/192.0.2.1/2", null, null, 200);
        call("GET", "softwires/192.0.2.1/3", null, null, 404);
        call("GET", "softwires/192.0.2.300/3", null, null, 400);
        call("DELETE", "softwires/192.0.2.1/1", null, null, 200);
        call("DELETE", "softwires/192.0.2.9/1", null, null, 404);
        call("DELETE", "softwires/192.0.2.1/x", null, null, 400);
        call("GET", "binding-table", null, null, 200);
        call("PUT", "binding-table", csv, "text/csv", 200);
        call("PUT", "binding-table", csv.replace(",1,2001", ",70,2001"), "text/csv", 400);
        call("PUT", "binding-table", "<x/>", MediaType.APPLICATION_XML, 415);
        call("GET", "lookup?ipv4=192.0.2.1&port=1056", null, null, 200);
        call("GET", "lookup?ipv4=192.0.2.1&port=80", null, null, 404);
        call("GET", "lookup?ipv4=192.0.2.1&port=70000", null, null, 400);
        call("GET", "who-had?ipv4=198.51.100.1&port=1040&time=1970-01-01T00:25:00Z", null, null, 200);
        call("GET", "who-had?ipv4=198.51.100.1&port=1040&time=100", null, null, 404);
        call("GET", "who-had?ipv4=198.51.100.1&port=1040&time=yesterday", null, null, 400);
        call("GET", "stats", null, null, 200);
        call("GET", "stats/192.0.2.1/2", null, null, 200);
        call("GET", "stats/192.0.2.1/9", null, null, 404);
        call("GET", "stats/192.0.2.1/-1", null, null, 400);
        call("GET", "policy", null, null, 200);
        call("POST", "provisioning/kea", "lwb4,duid\n2001:db8::2,00:01:00:01:aa:bb\n", "text/csv", 200);
        call("POST", "provisioning/kea", "lwb4,duid\nnot-an-address,00:01\n", "text/csv", 400);
        call("GET", "sharing", null, null, 200);
        call("GET", "sharing/addresses?offset=0&limit=10", null, null, 200);
        call("GET", "sharing/addresses?limit=10001", null, null, 400);
        call("GET", "sharing/addresses/192.0.2.1", null, null, 200);
        call("GET", "sharing/addresses/203.0.113.1", null, null, 404);
        call("GET", "sharing/addresses/300.0.0.1", null, null, 400);
        call("GET", "ui", null, null, 303);
        call("GET", "ui/index.html", null, null, 200);
        call("GET", "ui/lwaftr-ui.js", null, null, 200);
        call("GET", "ui/nothing.html", null, null, 404);
        call("GET", "openapi.json", null, null, 200);

        Set<String> missing = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                op.getValue().get("responses").fieldNames().forEachRemaining(status -> {
                    String k = op.getKey() + " " + p.getKey() + " " + status;
                    if (!status.equals("401") && !exercised.contains(k)) {
                        missing.add(k);
                    }
                });
            }
        }
        assertTrue("documented but never produced here: " + missing, missing.isEmpty());
    }
}
