package org.lwaftr.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;

/**
 * The OpenAPI 3 document of this API ({@code GET /onos/lwaftr/openapi.json}): generated at build
 * time from these resources' JAX-RS and OpenAPI annotations and {@code src/main/openapi/lwaftr-api.yaml}
 * (swagger-maven-plugin), so both hosts serve the same document from the bundle.
 */
@Path("openapi.json")
@Tag(name = "openapi")
public class OpenApiWebResource extends LwaftrWebResource {
    /** Where the build puts the document, beside this class. */
    static final String DOCUMENT = "openapi.json";

    /**
     * @return the document
     * @throws IOException if the bundle cannot be read
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "openapi", summary = "This document: every route, parameter, status and JSON shape")
    @ApiResponse(responseCode = "200", description = "The OpenAPI 3 document",
            content = @Content(schema = @Schema(type = "object")))
    public Response document() throws IOException {
        try (InputStream in = OpenApiWebResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                return notFound("this build has no OpenAPI document (built without swagger-maven-plugin)");
            }
            return Response.ok(in.readAllBytes(), MediaType.APPLICATION_JSON_TYPE).build();
        }
    }
}
