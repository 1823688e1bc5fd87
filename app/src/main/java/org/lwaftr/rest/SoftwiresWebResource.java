package org.lwaftr.rest;

import org.lwaftr.api.LwaftrService;
import org.lwaftr.codec.ChangeBatchCodec;
import org.lwaftr.codec.Inputs;
import org.lwaftr.codec.SoftwireCodec;
import org.lwaftr.codec.SoftwireQuery;
import org.lwaftr.core.BindingChange;
import org.lwaftr.core.BindingDiff;
import org.lwaftr.core.SoftwireKey;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;

/**
 * Softwires one by one or in atomic batches.
 */
@Path("softwires")
public class SoftwiresWebResource extends LwaftrWebResource {

    /**
     * Lists one page of softwires in key order, optionally filtered.
     *
     * @param ipv4   only this IPv4 address
     * @param lwb4   only this lwB4 address
     * @param br     only this BR address
     * @param offset first row (default 0)
     * @param limit  rows (default 100, at most 10000)
     * @return 200 {@code {total, offset, limit, binding-entry: [...]}}
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("ipv4") String ipv4, @QueryParam("lwb4") String lwb4,
                         @QueryParam("br") String br, @QueryParam("offset") String offset,
                         @QueryParam("limit") String limit) {
        return json(SoftwireQuery.parse(ipv4, lwb4, br, offset, limit).run(service()).toJson());
    }

    /**
     * @param ipv4 the IPv4 address
     * @param psid the PSID
     * @return 200 with the binding entry, 404 if there is none
     */
    @GET
    @Path("{ipv4}/{psid}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("ipv4") String ipv4, @PathParam("psid") String psid) {
        SoftwireKey key = Inputs.key(ipv4, psid);
        return jsonOr404(service().get(key), SoftwireCodec::encode, key);
    }

    /**
     * Applies a batch of adds, replaces and removes atomically: all of it or, on any error, none.
     *
     * @param body {@code {"changes": [{"op": "add"|"replace"|"remove", ...}]}}
     * @return 200 {@code {added, removed, replaced, table-version}}; 400 naming the entry and field
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response apply(InputStream body) {
        List<BindingChange> changes = ChangeBatchCodec.decode(readJson(body));
        LwaftrService service = service();
        BindingDiff diff = service.apply(changes);
        return json(ChangeBatchCodec.encode(diff, service.tableVersion()));
    }

    /**
     * @param ipv4 the IPv4 address
     * @param psid the PSID
     * @return 200 with the diff, 404 if there is no such softwire
     */
    @DELETE
    @Path("{ipv4}/{psid}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response remove(@PathParam("ipv4") String ipv4, @PathParam("psid") String psid) {
        SoftwireKey key = Inputs.key(ipv4, psid);
        LwaftrService service = service();
        if (service.get(key).isEmpty()) {
            return notFound("no softwire " + key);
        }
        BindingDiff diff = service.apply(List.of(BindingChange.remove(key)));
        return json(ChangeBatchCodec.encode(diff, service.tableVersion()));
    }
}
