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

import javax.ws.rs.client.Entity;
import javax.ws.rs.core.Response;
import java.io.IOException;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** POST /provisioning/kea: the RFC 7598 reservations of the service's binding table. */
public class ProvisioningWebResourceTest extends ResourceTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public ProvisioningWebResourceTest() {
        super(ResourceConfig.forApplicationClass(LwaftrWebApplication.class));
    }

    @Before
    public void setUpService() {
        setServiceDirectory(new TestServiceDirectory().add(LwaftrService.class, Samples.service()));
    }

    private Response post(String csv) {
        return target("provisioning/kea").request().post(Entity.entity(csv, "text/csv"));
    }

    @Test
    public void reservationsForTheLwb4sNamedAndWhatWasLeftOut() throws IOException {
        // Samples: 2001:db8::1 has two softwires (not provisionable), 2001:db8::2 one.
        Response r = post("lwb4,duid\n2001:db8::1,00:03:00:01:02:00:00:00:00:01\n"
                + "2001:db8::2,00:03:00:01:02:00:00:00:00:02\n2001:db8::77,00:03:00:01:02:00:00:00:00:77\n");
        assertEquals(200, r.getStatus());
        JsonNode j = MAPPER.readTree(r.readEntity(String.class));
        assertEquals(1, j.get("reservations").size());
        JsonNode res = j.get("reservations").get(0);
        assertEquals("00:03:00:01:02:00:00:00:00:02", res.get("duid").asText());
        assertEquals("192.0.2.1, 2001:db8::2/128", res.get("option-data").get(2).get("data").asText());
        assertEquals("6, 2/6", res.get("option-data").get(3).get("data").asText());
        assertEquals(2, j.get("skipped").size());
        assertTrue(j.get("skipped").get(0).asText().contains("2001:db8::1: 2 softwires"));
        assertTrue(j.get("skipped").get(1).asText().contains("2001:db8::77: has a duid but no softwire"));
    }

    @Test
    public void badIdentitiesAre400NamingTheLine() throws IOException {
        Response r = post("lwb4,duid\n2001:db8::2,zz\n");
        assertEquals(400, r.getStatus());
        JsonNode j = MAPPER.readTree(r.readEntity(String.class));
        assertEquals("body:2: duid: 'zz' is not a DUID (3 to 130 hex octets, colon-separated)", j.get("error").asText());
    }
}
