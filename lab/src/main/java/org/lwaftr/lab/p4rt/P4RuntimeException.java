package org.lwaftr.lab.p4rt;

import io.grpc.Status;

/** A P4Runtime call failed; carries the gRPC status code. */
public class P4RuntimeException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Status.Code code;

    /** An error with the gRPC code and a message naming the call. */
    public P4RuntimeException(Status.Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The gRPC status code of the failure. */
    public Status.Code code() {
        return code;
    }
}
