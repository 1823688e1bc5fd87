package org.lwaftr.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lwaftr.api.LwaftrService;
import org.lwaftr.codec.ErrorCodec;
import org.lwaftr.provisioning.KeaS46Reservations;
import org.lwaftr.provisioning.LwB4Identities;
import org.lwaftr.provisioning.ProvisioningInputException;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringReader;

/**
 * The lwB4s' DHCPv6 provisioning (RFC 7598) generated from the current binding table (RFC 7596
 * §6.1: the two never drift): {@code POST /provisioning/kea} with the operator's lwB4 identities as
 * CSV ({@code lwb4,duid} or {@code lwb4,hw-address}) → {@code {"reservations": [...], "skipped": [...]}},
 * the reservations ready for Kea's subnet6 {@code reservations}.
 */
@Path("provisioning/kea")
@Tag(name = "provisioning")
public class ProvisioningWebResource extends LwaftrWebResource {

    /**
     * @param identities the CSV body
     * @return 200 with the reservations and what was left out; 400 naming the line of bad input
     * @throws IOException never (the body is a string)
     */
    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "keaReservations",
            summary = "Kea DHCPv6 reservations with the RFC 7598 lw4o6 options, from the binding table")
    @ApiResponse(responseCode = "200", description = "The reservations and what was left out",
            content = @Content(schema = @Schema(ref = SCHEMAS + "KeaReservations")))
    @ApiResponse(responseCode = "400", ref = BAD_REQUEST)
    public Response kea(@RequestBody(required = true, description = "CSV with the header lwb4,duid or lwb4,hw-address",
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = "string"))})
                        String identities) throws IOException {
        LwB4Identities ids;
        try {
            ids = LwB4Identities.read(new StringReader(identities == null ? "" : identities), "body");
        } catch (ProvisioningInputException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ErrorCodec.error(e.getMessage(), "body", -1).toString()).build();
        }
        LwaftrService service = service();
        KeaS46Reservations r = KeaS46Reservations.of(service.softwires(0, service.count()), ids);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("reservations", r.reservations());
        r.skipped().forEach(out.putArray("skipped")::add);
        return json(out);
    }
}
