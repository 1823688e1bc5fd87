package org.lwaftr.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lwaftr.api.BindingRecord;
import org.lwaftr.api.LwaftrService;
import org.lwaftr.codec.ErrorCodec;
import org.lwaftr.codec.Inputs;
import org.lwaftr.codec.SoftwireCodec;
import org.onlab.packet.Ip4Address;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;

/**
 * Who had an IPv4 address and port at a time: the question of an abuse report (RFC 7422), answered
 * from the binding history (RFC 8676 binding-table-versioning).
 */
@Path("who-had")
@Tag(name = "who-had")
public class WhoHadWebResource extends LwaftrWebResource {

    private static final String COMPLETE_SINCE = "history-complete-since";

    /**
     * @param ipv4 the IPv4 address
     * @param port the port
     * @param time ISO-8601 instant with zone, ms since the epoch, or {@code now}
     * @return 200 {@code {binding-entry, since, until, current, history-complete-since}}; 404 when no
     *         binding is known for that time (the body says since when the history is complete)
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "whoHad",
            summary = "Which softwire held an IPv4 address and port at a time (RFC 7422), from the binding history")
    @ApiResponse(responseCode = "200", description = "The binding in force at that time",
            content = @Content(schema = @Schema(ref = SCHEMAS + "WhoHad")))
    @ApiResponse(responseCode = "400", ref = BAD_REQUEST)
    @ApiResponse(responseCode = "404", description = "No binding known for that time",
            content = @Content(schema = @Schema(ref = SCHEMAS + "WhoHadNotFound")))
    public Response whoHad(@Parameter(description = "the IPv4 address", required = true)
                           @QueryParam("ipv4") String ipv4,
                           @Parameter(description = "the port", required = true,
                                   schema = @Schema(type = "integer", minimum = "0", maximum = "65535"))
                           @QueryParam("port") String port,
                           @Parameter(description = "ISO-8601 instant with zone, ms since the epoch, or now "
                                   + "(default now)")
                           @QueryParam("time") String time) {
        Ip4Address a = Inputs.ipv4("ipv4", ipv4);
        int p = Inputs.port(Inputs.F_PORT, port);
        long t = Inputs.time(Inputs.F_TIME, time, System.currentTimeMillis());
        LwaftrService service = service();
        Optional<BindingRecord> r = service.whoHad(a, p, t);
        String since = Instant.ofEpochMilli(service.historyCompleteSince()).toString();
        if (r.isEmpty()) {
            String why = t < service.historyCompleteSince() ? " (the history is complete only since " + since + ")"
                    : "";
            ObjectNode err = ErrorCodec.error("no softwire held " + a + " port " + p + " at "
                    + Instant.ofEpochMilli(t) + why, null, -1);
            err.put(COMPLETE_SINCE, since);
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(err.toString()).build();
        }
        ObjectNode o = SoftwireCodec.encode(r.get());
        o.put(COMPLETE_SINCE, since);
        return json(o);
    }
}
