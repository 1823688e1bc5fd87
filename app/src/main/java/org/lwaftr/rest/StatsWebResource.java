package org.lwaftr.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "stats")
public class StatsWebResource extends LwaftrWebResource {

    /**
     * @return 200 {@code {softwires, table-version, devices: {id: {punt, drop, next-hops}}, slow-path}}
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "stats",
            summary = "Table size and version, punts and drops by reason per AFTR device, next hops, "
                    + "the slow path's counters")
    @ApiResponse(responseCode = "200", description = "The counters",
            content = @Content(schema = @Schema(ref = SCHEMAS + "StatsSummary")))
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
    @Operation(operationId = "softwireStats", summary = "One softwire's packets and bytes, each way")
    @ApiResponse(responseCode = "200", description = "Its counters",
            content = @Content(schema = @Schema(ref = SCHEMAS + "SoftwireStats")))
    @ApiResponse(responseCode = "400", ref = BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = NOT_FOUND)
    public Response softwire(@Parameter(description = "binding-ipv4-addr") @PathParam("ipv4") String ipv4,
                             @Parameter(description = "PSID (0 for a whole address)",
                                     schema = @Schema(type = "integer", minimum = "0", maximum = "65535"))
                             @PathParam("psid") String psid) {
        SoftwireKey key = Inputs.key(ipv4, psid);
        return jsonOr404(service().stats(key), StatsCodec::encode, key);
    }
}
