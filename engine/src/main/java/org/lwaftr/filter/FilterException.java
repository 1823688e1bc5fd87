package org.lwaftr.filter;

/**
 * A filter expression that cannot be compiled into the data plane's filter tables: its message
 * names the expression, the character offset and token where it fails, and why.
 */
public final class FilterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    FilterException(String message) {
        super(message);
    }
}
