package org.lwaftr.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lwaftr.codec.Inputs;
import org.lwaftr.codec.SoftwireCodec;
import org.lwaftr.core.Softwire;
import org.onlab.packet.Ip4Address;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import java.util.Optional;

/**
 * Which softwire holds an IPv4 address and port now (RFC 7596 §6.2 lookup).
 */
@Path("lookup")
@Tag(name = "lookup")
public class LookupWebResource extends LwaftrWebResource {

    /**
     * @param ipv4 the IPv4 address
     * @param port the port (or ICMP identifier)
     * @return 200 {@code {binding-ipv4-addr, port, binding-entry}}; 404 if no softwire holds them
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "lookup",
            summary = "The softwire that holds an IPv4 address and port now (RFC 7596 §6.2)")
    @ApiResponse(responseCode = "200", description = "The softwire",
            content = @Content(schema = @Schema(ref = SCHEMAS + "Lookup")))
    @ApiResponse(responseCode = "400", ref = BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = NOT_FOUND)
    public Response lookup(@Parameter(description = "the IPv4 address", required = true)
                           @QueryParam("ipv4") String ipv4,
                           @Parameter(description = "the port (or ICMP identifier)", required = true,
                                   schema = @Schema(type = "integer", minimum = "0", maximum = "65535"))
                           @QueryParam("port") String port) {
        Ip4Address a = Inputs.ipv4("ipv4", ipv4);
        int p = Inputs.port(Inputs.F_PORT, port);
        Optional<Softwire> s = service().lookup(a, p);
        if (s.isEmpty()) {
            return notFound("no softwire holds " + a + " port " + p);
        }
        ObjectNode o = mapper().createObjectNode();
        o.put(Softwire.F_IPV4, a.toString());
        o.put(Inputs.F_PORT, p);
        o.set(SoftwireCodec.F_BINDING_ENTRY, SoftwireCodec.encode(s.get()));
        return json(o);
    }
}
