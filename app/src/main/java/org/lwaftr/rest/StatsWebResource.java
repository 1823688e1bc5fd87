package org.lwaftr.rest;

import org.lwaftr.codec.Inputs;
import org.lwaftr.codec.StatsCodec;
import org.lwaftr.codec.StatsSummary;
import org.lwaftr.core.SoftwireKey;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * Counters: per softwire, per punt/drop reason and device, and the slow path's.
 */
@Path("stats")
public class StatsWebResource extends LwaftrWebResource {

    /**
     * @return 200 {@code {softwires, table-version, devices: {id: {punt, drop, next-hops}}, slow-path}}
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response summary() {
        return json(StatsSummary.read(service()).toJson());
    }

    /**
     * @param ipv4 the IPv4 address
     * @param psid the PSID
     * @return 200 {@code {binding-entry, counter-index, downstream, upstream}}; 404 if no such softwire
     */
    @GET
    @Path("{ipv4}/{psid}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response softwire(@PathParam("ipv4") String ipv4, @PathParam("psid") String psid) {
        SoftwireKey key = Inputs.key(ipv4, psid);
        return jsonOr404(service().stats(key), StatsCodec::encode, key);
    }
}
