package org.lwaftr.lab.p4rt;

import io.grpc.Status;
import p4.v1.P4RuntimeOuterClass.Update;

/** The failure of one update of a Write batch, from the p4.v1.Error details of the gRPC status. */
public final class UpdateError {
    private final int index;
    private final Update update;
    private final Status.Code code;
    private final String message;

    UpdateError(int index, Update update, Status.Code code, String message) {
        this.index = index;
        this.update = update;
        this.code = code;
        this.message = message;
    }

    /** Position of the update in the batch. */
    public int index() {
        return index;
    }

    /** The failed update as sent. */
    public Update update() {
        return update;
    }

    /** Canonical gRPC code of this update's failure. */
    public Status.Code code() {
        return code;
    }

    /** The switch's message. */
    public String message() {
        return message;
    }

    @Override
    public String toString() {
        return "update #" + index + " (" + update.getType() + " " + update.getEntity().getEntityCase() + "): "
                + code + " " + message;
    }
}
