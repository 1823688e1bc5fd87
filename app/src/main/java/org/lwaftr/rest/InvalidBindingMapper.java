package org.lwaftr.rest;

import org.lwaftr.codec.ErrorCodec;
import org.lwaftr.core.InvalidBindingException;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;

/**
 * A refused binding change or table → 400 {@code {"error", "field", "entry"}}; the service applied
 * nothing of it.
 */
@Provider
public class InvalidBindingMapper implements ExceptionMapper<InvalidBindingException> {
    @Override
    public Response toResponse(InvalidBindingException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorCodec.error(e).toString()).build();
    }
}
