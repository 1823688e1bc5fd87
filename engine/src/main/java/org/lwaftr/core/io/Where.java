package org.lwaftr.core.io;

import org.lwaftr.core.InvalidBindingException;

/**
 * Builds the located errors of the importers: "line 12, column 7: softwire.psid: 70000 is not a
 * 16-bit value". The exception's entry is the 1-based line and its field the format's own name.
 */
final class Where {

    private Where() {
    }

    /**
     * @param line   1-based line
     * @param column 1-based column, or 0 when not known
     * @param field  the format's field name (or null)
     * @param what   what is wrong
     * @return the error
     */
    static InvalidBindingException error(int line, int column, String field, String what) {
        StringBuilder b = new StringBuilder("line ").append(line);
        if (column > 0) {
            b.append(", column ").append(column);
        }
        b.append(": ");
        if (field != null) {
            b.append(field).append(": ");
        }
        return new InvalidBindingException(line, field, b.append(what).toString());
    }
}
