package org.lwaftr.provisioning;

/** Bad provisioning input; the message names the file (or field), line and column in the user's terms. */
public class ProvisioningInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message the whole message */
    public ProvisioningInputException(String message) {
        super(message);
    }
}
