package org.lwaftr.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.lwaftr.api.LwaftrService;
import org.lwaftr.codec.Inputs;
import org.lwaftr.codec.SharingCodec;
import org.lwaftr.core.SharingReport;
import org.onlab.packet.Ip4Address;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import java.util.List;

/**
 * Address sharing in the binding table ({@link SharingReport}): {@code GET /sharing} (totals and the
 * sharing-ratio histogram), {@code GET /sharing/addresses?offset&limit} (per address, ascending),
 * {@code GET /sharing/addresses/{ipv4}}.
 */
@Path("sharing")
@Tag(name = "sharing")
public class SharingWebResource extends LwaftrWebResource {

    private SharingReport report() {
        LwaftrService s = service();
        return SharingReport.of(s.softwires(0, s.count()));
    }

    /** @return 200 with the totals */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "sharing",
            summary = "Address sharing over the whole table: totals and the sharing-ratio histogram")
    @ApiResponse(responseCode = "200", description = "The totals",
            content = @Content(schema = @Schema(ref = SCHEMAS + "SharingSummary")))
    public Response summary() {
        return json(SharingCodec.summary(report()));
    }

    /**
     * @param offset first address (0-based)
     * @param limit  addresses at most
     * @return 200 {@code {total, addresses}}
     */
    @GET
    @Path("addresses")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "sharingAddresses", summary = "Address sharing per IPv4 address, ascending, one page")
    @ApiResponse(responseCode = "200", description = "The page and the number of addresses",
            content = @Content(schema = @Schema(ref = SCHEMAS + "SharingPage")))
    @ApiResponse(responseCode = "400", ref = BAD_REQUEST)
    public Response addresses(@Parameter(description = "first address",
                                      schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
                              @QueryParam("offset") @DefaultValue("0") String offset,
                              @Parameter(description = "addresses",
                                      schema = @Schema(type = "integer", minimum = "0", maximum = "10000",
                                              defaultValue = "100"))
                              @QueryParam("limit") @DefaultValue("100") String limit) {
        int from = (int) Inputs.integer("offset", offset, 0, Integer.MAX_VALUE);
        int n = (int) Inputs.integer("limit", limit, 0, 10_000);
        SharingReport r = report();
        List<SharingReport.Address> all = r.addresses();
        int start = Math.min(from, all.size());
        return json(SharingCodec.page(all.subList(start, Math.min(all.size(), start + n)), all.size()));
    }

    /**
     * @param ipv4 the address
     * @return 200 with its line, 404 if no softwire uses it
     */
    @GET
    @Path("addresses/{ipv4}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "sharingAddress", summary = "Address sharing of one IPv4 address")
    @ApiResponse(responseCode = "200", description = "Its softwires, ports and lwB4s",
            content = @Content(schema = @Schema(ref = SCHEMAS + "SharingAddress")))
    @ApiResponse(responseCode = "400", ref = BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = NOT_FOUND)
    public Response address(@Parameter(description = "the IPv4 address") @PathParam("ipv4") String ipv4) {
        Ip4Address a = Inputs.ipv4("ipv4", ipv4);
        return report().address(a).map(x -> json(SharingCodec.address(x)))
                .orElseGet(() -> notFound("no softwire uses " + a));
    }
}
