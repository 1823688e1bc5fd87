package org.lwaftr.core;

/**
 * A softwire, a batch or an imported binding table is invalid. The message names the entry (its
 * position in the batch or file, or its line) and the field, so an operator can fix the input;
 * whatever raised it has applied nothing.
 */
public class InvalidBindingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final int entry;

    /**
     * @param entry   0-based entry (or 1-based line for files), -1 when not known
     * @param field   name of the offending field (RFC 8676 names where they exist), may be null
     * @param message what is wrong
     */
    public InvalidBindingException(int entry, String field, String message) {
        super(message);
        this.entry = entry;
        this.field = field;
    }

    /**
     * @param field   name of the offending field
     * @param message what is wrong
     */
    public InvalidBindingException(String field, String message) {
        this(-1, field, message);
    }

    /** @return the offending field, or null */
    public String field() {
        return field;
    }

    /** @return the offending entry/line, or -1 */
    public int entry() {
        return entry;
    }

    /**
     * @param where a prefix such as "entry 3" or "line 12"
     * @param newEntry the entry number to record
     * @return a copy of this error located at {@code where}
     */
    public InvalidBindingException at(String where, int newEntry) {
        return new InvalidBindingException(newEntry, field, where + ": " + getMessage());
    }
}
