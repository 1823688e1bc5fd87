package org.lwaftr.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.core.JsonGenerator;
import org.lwaftr.api.LwaftrService;
import org.lwaftr.codec.ChangeBatchCodec;
import org.lwaftr.codec.SoftwireCodec;
import org.lwaftr.core.BindingDiff;
import org.lwaftr.core.BindingTable;
import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.Softwire;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.lwaftr.pipeconf.DataPlaneLimits;

/**
 * The binding table as a whole: export, and replacement in one atomic batch (the smallest diff).
 */
@Path("binding-table")
@Tag(name = "binding-table")
public class BindingTableWebResource extends LwaftrWebResource {

    /** How {@code PUT} bodies are read; the seam for the {@code org.lwaftr.core.io} formats. */
    static volatile BindingTableReader reader = new FormatsBindingTableReader();

    /**
     * Exports every softwire as RFC 8676 JSON, streamed entry by entry.
     *
     * @return 200 {@code {"binding-table": {"binding-entry": [...]}}}
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "exportBindingTable", summary = "Every softwire as RFC 8676 JSON, streamed")
    @ApiResponse(responseCode = "200", description = "The binding table",
            content = @Content(schema = @Schema(ref = SCHEMAS + "BindingTableExport")))
    public Response export() {
        LwaftrService service = service();
        List<Softwire> all = service.softwires(0, Integer.MAX_VALUE);
        StreamingOutput out = os -> {
            try (JsonGenerator g = mapper().getFactory().createGenerator(os)) {
                g.writeStartObject();
                g.writeObjectFieldStart("binding-table");
                g.writeArrayFieldStart(SoftwireCodec.F_BINDING_ENTRY);
                for (Softwire s : all) {
                    g.writeTree(SoftwireCodec.encode(s));
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndObject();
            }
        };
        return Response.ok(out, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * Makes the binding table equal to the document: all of it or, on any error, nothing.
     *
     * @param contentType the body's format (RFC 8676 JSON today)
     * @param body        the table
     * @return 200 {@code {added, removed, replaced, table-version}}; 400 naming the entry and field;
     *         415 for a format not supported
     * @throws IOException if the body cannot be read
     */
    @PUT
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceBindingTable",
            summary = "Makes the binding table equal to the document, in one atomic batch (the smallest diff)",
            description = "All of it or, on any error, nothing. Formats: docs/formats.md.")
    @ApiResponse(responseCode = "200", description = "What the replacement changed",
            content = @Content(schema = @Schema(ref = SCHEMAS + "ChangeResult")))
    @ApiResponse(responseCode = "400", ref = BAD_REQUEST)
    @ApiResponse(responseCode = "415", description = "A Content-Type that is not a binding-table format")
    public Response replace(@Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                            @RequestBody(required = true, content = {
                                @Content(mediaType = MediaType.APPLICATION_JSON,
                                        schema = @Schema(ref = SCHEMAS + "BindingTableDocument")),
                                @Content(mediaType = "text/csv", schema = @Schema(type = "string",
                                        description = "ipv4,psid_offset,psid_len,psid,lwb4,br lines")),
                                @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = "string",
                                        description = "a Snabb lwAFTR softwire-config")),
                                @Content(mediaType = "application/x-snabb-softwire-config",
                                        schema = @Schema(type = "string"))})
                            InputStream body)
            throws IOException {
        MediaType type = contentType == null ? MediaType.APPLICATION_JSON_TYPE : MediaType.valueOf(contentType);
        BindingTableReader.Table table = reader.read(type, body);
        LwaftrService service = service();
        checkAlone(table, service.policy().allowSystemPorts());
        BindingDiff diff = service.replaceAll(table.softwires());
        return json(ChangeBatchCodec.encode(diff, service.tableVersion()));
    }

    /**
     * Loads the document into an empty table first, so that entries that conflict with each other
     * (duplicates, overlapping port sets) are named by their place in the document: the service's
     * own errors refer to its diff, whose order is not the document's.
     */
    private static void checkAlone(BindingTableReader.Table table, boolean allowSystemPorts) {
        try {
            new BindingTable(allowSystemPorts, DataPlaneLimits.BR_ADDRESSES).addAll(table.softwires());
        } catch (InvalidBindingException e) {
            int i = e.entry();
            if (i < 0 || i >= table.softwires().size()) {
                throw e;
            }
            String msg = e.getMessage();
            // The core says "entry N (add …): why"; replace its position by the document's.
            int colon = msg.indexOf(": ");
            String why = colon >= 0 && msg.startsWith("entry ") ? msg.substring(colon + 2) : msg;
            throw new InvalidBindingException(i, e.field(), table.where(i) + ": " + why);
        }
    }
}
