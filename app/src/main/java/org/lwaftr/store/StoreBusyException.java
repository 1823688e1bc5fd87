package org.lwaftr.store;

/**
 * A batch could not be committed because other instances kept changing the same entries (or this
 * instance's mirror lagged behind): nothing of it was applied, and the caller may retry.
 */
public class StoreBusyException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened
     */
    public StoreBusyException(String message) {
        super(message);
    }
}
