package org.lwaftr.rest;

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
public class UiWebResource extends LwaftrWebResource {
    private static final Map<String, String> FILES = Map.of(
            "index.html", MediaType.TEXT_HTML + ";charset=utf-8",
            "lwaftr-ui.js", "application/javascript;charset=utf-8",
            "lwaftr-ui.css", "text/css;charset=utf-8");

    /** @return the page (a relative redirect keeps ".." pointing at the API) */
    @GET
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
    public Response file(@PathParam("name") String name) throws IOException {
        String type = FILES.get(name);
        if (type == null) {
            return notFound("no file " + name);
        }
        try (InputStream in = UiWebResource.class.getResourceAsStream("ui/" + name)) {
            return Response.ok(in.readAllBytes(), type).header("Cache-Control", "no-cache").build();
        }
    }
}
