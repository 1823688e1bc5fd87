package org.lwaftr.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.Before;
import org.junit.Test;
import org.lwaftr.api.LwaftrService;
import org.lwaftr.api.Samples;
import org.onlab.osgi.TestServiceDirectory;
import org.onosproject.rest.resources.ResourceTest;

import javax.ws.rs.core.Response;
import java.io.IOException;

import static org.junit.Assert.assertEquals;

/** GET /sharing…: the address-sharing report of the service's binding table. */
public class SharingWebResourceTest extends ResourceTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public SharingWebResourceTest() {
        super(ResourceConfig.forApplicationClass(LwaftrWebApplication.class));
    }

    @Before
    public void setUpService() {
        // 192.0.2.1: psid 1 and 2 of (6, 6); 192.0.2.2: psid 1 of (6, 6)
        setServiceDirectory(new TestServiceDirectory().add(LwaftrService.class, Samples.service()));
    }

    private JsonNode get(String path, int status, String... query) throws IOException {
        javax.ws.rs.client.WebTarget t = target(path);
        for (int i = 0; i < query.length; i += 2) {
            t = t.queryParam(query[i], query[i + 1]);
        }
        Response r = t.request().get();
        assertEquals(status, r.getStatus());
        return MAPPER.readTree(r.readEntity(String.class));
    }

    @Test
    public void summaryWithTheHistogram() throws IOException {
        JsonNode j = get("sharing", 200);
        assertEquals(2, j.get("addresses").asInt());
        assertEquals(0, j.get("fully-used").asInt());
        assertEquals(2, j.get("partly-used").asInt());
        assertEquals(3, j.get("softwires").asInt());
        assertEquals("[{\"sharing-ratio\":64,\"addresses\":2,\"softwires\":3}]", j.get("sharing-ratio-histogram").toString());
    }

    @Test
    public void addressesPagedAndOneByOne() throws IOException {
        JsonNode page = get("sharing/addresses", 200, "offset", "1", "limit", "5");
        assertEquals(2, page.get("total").asInt());
        assertEquals(1, page.get("addresses").size());
        assertEquals("192.0.2.2", page.get("addresses").get(0).get("binding-ipv4-addr").asText());
        JsonNode a = get("sharing/addresses/192.0.2.1", 200);
        assertEquals(2, a.get("softwires").asInt());
        assertEquals(2 * 1008, a.get("ports-allocated").asInt());
        assertEquals(62 * 1008, a.get("ports-free").asInt());
        assertEquals("[\"2001:db8::1\",\"2001:db8::2\"]", a.get("lwb4s").toString());
        assertEquals("no softwire uses 192.0.2.77", get("sharing/addresses/192.0.2.77", 404).get("error").asText());
        assertEquals("limit", get("sharing/addresses", 400, "limit", "x").get("field").asText());
    }
}
