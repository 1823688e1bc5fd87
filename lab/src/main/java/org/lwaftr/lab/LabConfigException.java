package org.lwaftr.lab;

/** Bad lab input: the message names the file and the field (JSON path or Snabb path and line). */
public final class LabConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the field */
    public LabConfigException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the field
     * @param cause   the underlying error
     */
    public LabConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
