package org.lwaftr.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.lwaftr.api.LwaftrService;
import org.lwaftr.codec.ErrorCodec;
import org.lwaftr.codec.InvalidInputException;
import org.onosproject.rest.AbstractWebResource;

import javax.ws.rs.core.Configuration;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every lwAFTR resource shares: the service, JSON replies, body parsing. Errors are thrown
 * as {@link InvalidInputException} or {@link org.lwaftr.core.InvalidBindingException} and become
 * 400 replies naming the field ({@link InvalidInputMapper}, {@link InvalidBindingMapper}).
 */
@ApiResponse(responseCode = "401", ref = LwaftrWebResource.UNAUTHORIZED)
abstract class LwaftrWebResource extends AbstractWebResource {

    // References into the OpenAPI document's components (src/main/openapi/lwaftr-api.yaml).
    static final String BAD_REQUEST = "#/components/responses/BadRequest";
    static final String NOT_FOUND = "#/components/responses/NotFound";
    static final String UNAUTHORIZED = "#/components/responses/Unauthorized";
    static final String SCHEMAS = "#/components/schemas/";

    /** The field name used for errors about the request body as a whole. */
    static final String BODY = "body";

    @Context
    private Configuration configuration;

    /** @return the lwAFTR service: the host's (standalone) or ONOS's */
    protected LwaftrService service() {
        Object s = configuration == null ? null : configuration.getProperty(LwaftrWebApplication.SERVICE_PROPERTY);
        return s instanceof LwaftrService ? (LwaftrService) s : get(LwaftrService.class);
    }

    /**
     * @param json a reply
     * @return 200 with the JSON
     */
    protected static Response json(JsonNode json) {
        return Response.ok(json.toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * @param message what was not found
     * @return 404 with a JSON error
     */
    protected static Response notFound(String message) {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorCodec.error(message, null, -1).toString()).build();
    }

    /**
     * @param value   what was looked up
     * @param encoder its JSON
     * @param what    what was looked for, for the 404 message
     * @param <T>     the value's type
     * @return 200 with the value's JSON, or 404 naming what was not found
     */
    protected static <T> Response jsonOr404(Optional<T> value, Function<T, ? extends JsonNode> encoder, Object what) {
        return value.isPresent() ? json(encoder.apply(value.get())) : notFound("no softwire " + what);
    }

    /**
     * @param body a request body
     * @return its JSON
     * @throws InvalidInputException if empty or not JSON (with line and column)
     */
    protected JsonNode readJson(InputStream body) {
        try {
            JsonNode json = body == null ? null : mapper().readTree(body);
            if (json == null || json.isMissingNode()) {
                throw new InvalidInputException(BODY, "the request body is empty: JSON expected");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(BODY, "the request body is not valid JSON: line "
                    + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidInputException(BODY, "the request body could not be read: " + e.getMessage());
        }
    }
}
