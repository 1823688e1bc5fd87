package org.lwaftr.lab.p4rt;

import com.google.common.collect.ImmutableList;
import io.grpc.Status;

import java.util.List;

/**
 * A Write failed. {@link #errors()} lists the updates that failed with the switch's reason; the
 * others of the batch were applied (P4Runtime CONTINUE_ON_ERROR, the only atomicity bmv2 offers).
 */
public final class P4RuntimeWriteException extends P4RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ImmutableList<UpdateError> errors;
    private final int batchSize;

    P4RuntimeWriteException(Status.Code code, String message, List<UpdateError> errors, int batchSize,
                            Throwable cause) {
        super(code, message, cause);
        this.errors = ImmutableList.copyOf(errors);
        this.batchSize = batchSize;
    }

    /** The failed updates (empty if the switch gave no per-update details). */
    public ImmutableList<UpdateError> errors() {
        return errors;
    }

    /** Number of updates in the batch. */
    public int batchSize() {
        return batchSize;
    }
}
