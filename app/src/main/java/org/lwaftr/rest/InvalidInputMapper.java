package org.lwaftr.rest;

import org.lwaftr.codec.ErrorCodec;
import org.lwaftr.codec.InvalidInputException;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;

/**
 * Malformed input → 400 {@code {"error", "field"}}.
 */
@Provider
public class InvalidInputMapper implements ExceptionMapper<InvalidInputException> {
    @Override
    public Response toResponse(InvalidInputException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorCodec.error(e).toString()).build();
    }
}
