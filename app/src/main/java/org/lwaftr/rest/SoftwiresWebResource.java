package org.lwaftr.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "softwires")
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
    @Operation(operationId = "listSoftwires",
            summary = "One page of softwires in key order (IPv4 address, PSID) or by lwB4 or BR, optionally"
                    + " filtered",
            description = "Paged and filtered by the server, so a million softwires page like ten.")
    @ApiResponse(responseCode = "200", description = "The page and the number of softwires that match",
            content = @Content(schema = @Schema(ref = SCHEMAS + "SoftwirePage")))
    @ApiResponse(responseCode = "400", ref = BAD_REQUEST)
    public Response list(@Parameter(description = "only this IPv4 address (binding-ipv4-addr)")
                         @QueryParam("ipv4") String ipv4,
                         @Parameter(description = "only this lwB4 address (binding-ipv6info)")
                         @QueryParam("lwb4") String lwb4,
                         @Parameter(description = "only this BR address (br-ipv6-addr)")
                         @QueryParam("br") String br,
                         @Parameter(description = "first row (default 0)",
                                 schema = @Schema(type = "integer", minimum = "0"))
                         @QueryParam("offset") String offset,
                         @Parameter(description = "rows (default 100)",
                                 schema = @Schema(type = "integer", minimum = "0", maximum = "10000"))
                         @QueryParam("limit") String limit,
                         @Parameter(description = "order: ipv4 (key order, the default), lwb4 or br (then key)",
                                 schema = @Schema(type = "string", allowableValues = {"ipv4", "lwb4", "br"}))
                         @QueryParam("sort") String sort) {
        return json(SoftwireQuery.parse(ipv4, lwb4, br, offset, limit, sort).run(service()).toJson());
    }

    /**
     * @param ipv4 the IPv4 address
     * @param psid the PSID
     * @return 200 with the binding entry, 404 if there is none
     */
    @GET
    @Path("{ipv4}/{psid}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getSoftwire", summary = "One softwire")
    @ApiResponse(responseCode = "200", description = "Its binding entry",
            content = @Content(schema = @Schema(ref = SCHEMAS + "BindingEntry")))
    @ApiResponse(responseCode = "400", ref = BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = NOT_FOUND)
    public Response get(@Parameter(description = "binding-ipv4-addr") @PathParam("ipv4") String ipv4,
                        @Parameter(description = "PSID (0 for a whole address)",
                                schema = @Schema(type = "integer", minimum = "0", maximum = "65535"))
                        @PathParam("psid") String psid) {
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
    @Operation(operationId = "applyChanges", summary = "Applies a batch of adds, replaces and removes atomically",
            description = "All of it or, on any error, none of it.")
    @ApiResponse(responseCode = "200", description = "What the batch changed",
            content = @Content(schema = @Schema(ref = SCHEMAS + "ChangeResult")))
    @ApiResponse(responseCode = "400", ref = BAD_REQUEST)
    public Response apply(@RequestBody(required = true,
            content = @Content(schema = @Schema(ref = SCHEMAS + "ChangeBatch"))) InputStream body) {
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
    @Operation(operationId = "removeSoftwire", summary = "Removes one softwire")
    @ApiResponse(responseCode = "200", description = "What was changed",
            content = @Content(schema = @Schema(ref = SCHEMAS + "ChangeResult")))
    @ApiResponse(responseCode = "400", ref = BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = NOT_FOUND)
    public Response remove(@Parameter(description = "binding-ipv4-addr") @PathParam("ipv4") String ipv4,
                           @Parameter(description = "PSID (0 for a whole address)",
                                   schema = @Schema(type = "integer", minimum = "0", maximum = "65535"))
                           @PathParam("psid") String psid) {
        SoftwireKey key = Inputs.key(ipv4, psid);
        LwaftrService service = service();
        if (service.get(key).isEmpty()) {
            return notFound("no softwire " + key);
        }
        BindingDiff diff = service.apply(List.of(BindingChange.remove(key)));
        return json(ChangeBatchCodec.encode(diff, service.tableVersion()));
    }
}
