package org.lwaftr.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The operator page ({@code /onos/lwaftr/ui/}): static HTML + JS that talks only to this REST API,
 * so ONOS and the standalone controller serve the same page beside the same API, behind the same
 * authentication.
 */
@Path("ui")
@Tag(name = "ui")
public class UiWebResource extends LwaftrWebResource {
    private static final Map<String, String> FILES = Map.of(
            "index.html", MediaType.TEXT_HTML + ";charset=utf-8",
            "lwaftr-ui.js", "application/javascript;charset=utf-8",
            "lwaftr-ui.css", "text/css;charset=utf-8");

    /** @return the page (a relative redirect keeps ".." pointing at the API) */
    @GET
    @Operation(operationId = "operatorPage", summary = "The operator page (redirect to ui/index.html)")
    @ApiResponse(responseCode = "303", description = "To ui/index.html")
    public Response root() {
        return Response.status(Response.Status.SEE_OTHER).header("Location", "ui/index.html").build();
    }

    /**
     * @param name one of the page's files
     * @return it, or 404
     * @throws IOException if the bundle cannot be read
     */
    @GET
    @Path("{name}")
    @Operation(operationId = "operatorPageFile", summary = "A file of the operator page (HTML, JS, CSS)")
    @ApiResponse(responseCode = "200", description = "The file", content = {
        @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string")),
        @Content(mediaType = "application/javascript", schema = @Schema(type = "string")),
        @Content(mediaType = "text/css", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "404", ref = NOT_FOUND)
    public Response file(@Parameter(description = "index.html, lwaftr-ui.js or lwaftr-ui.css") @PathParam("name")
                         String name) throws IOException {
        String type = FILES.get(name);
        if (type == null) {
            return notFound("no file " + name);
        }
        try (InputStream in = UiWebResource.class.getResourceAsStream("ui/" + name)) {
            return Response.ok(in.readAllBytes(), type).header("Cache-Control", "no-cache").build();
        }
    }
}
