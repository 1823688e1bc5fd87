package org.lwaftr.lab.p4rt;

import io.grpc.Status;

/** Outcome of a master arbitration: whether this client is primary, with the switch's status. */
public final class ArbitrationResult {
    private final boolean primary;
    private final Status.Code code;
    private final String message;

    ArbitrationResult(boolean primary, Status.Code code, String message) {
        this.primary = primary;
        this.code = code;
        this.message = message;
    }

    /** True if this client is the primary controller of the device. */
    public boolean isPrimary() {
        return primary;
    }

    /** OK when primary, ALREADY_EXISTS or NOT_FOUND when another client is (P4Runtime §5.4). */
    public Status.Code code() {
        return code;
    }

    /** The switch's message. */
    public String message() {
        return message;
    }

    @Override
    public String toString() {
        return (primary ? "primary" : "not primary") + " (" + code + (message.isEmpty() ? "" : ": " + message) + ")";
    }
}
