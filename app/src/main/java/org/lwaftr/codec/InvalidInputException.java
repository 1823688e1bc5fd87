package org.lwaftr.codec;

/**
 * An operator's input (a CLI argument, a REST parameter or body, a GUI request) is malformed. The
 * message names the field; whatever raised it has applied nothing.
 */
public class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   the offending field or parameter
     * @param message what is wrong (starts with the field name)
     */
    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** @return the offending field or parameter */
    public String field() {
        return field;
    }
}
