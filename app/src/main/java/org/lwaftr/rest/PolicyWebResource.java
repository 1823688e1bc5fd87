package org.lwaftr.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "policy")
public class PolicyWebResource extends LwaftrWebResource {

    /**
     * @return 200 {@code {policy: {...}, devices: {id: {programmed, settings}}}}
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "policy", summary = "The configuration in force (read only: written through netcfg)")
    @ApiResponse(responseCode = "200", description = "The policy and each AFTR device's settings",
            content = @Content(schema = @Schema(ref = SCHEMAS + "PolicyView")))
    public Response policy() {
        return json(PolicyView.toJson(service()));
    }
}
