package org.lwaftr.rest;

import org.lwaftr.codec.PolicyView;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * The configuration in force (read only: it is written through ONOS netcfg).
 */
@Path("policy")
public class PolicyWebResource extends LwaftrWebResource {

    /**
     * @return 200 {@code {policy: {...}, devices: {id: {programmed, settings}}}}
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response policy() {
        return json(PolicyView.toJson(service()));
    }
}
