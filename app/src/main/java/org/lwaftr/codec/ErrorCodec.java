package org.lwaftr.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lwaftr.core.InvalidBindingException;

/**
 * JSON of a refused request: {@code {"error": message, "field": name, "entry": n}} (field and entry
 * only when known). Nothing of a refused request was applied.
 */
public final class ErrorCodec {

    private ErrorCodec() {
    }

    /**
     * @param message what is wrong
     * @param field   the offending field, or null
     * @param entry   the offending entry (0-based), or -1
     * @return the error object
     */
    public static ObjectNode error(String message, String field, int entry) {
        ObjectNode o = SoftwireCodec.MAPPER.createObjectNode();
        o.put("error", message);
        if (field != null) {
            o.put("field", field);
        }
        if (entry >= 0) {
            o.put("entry", entry);
        }
        return o;
    }

    /**
     * @param e a refused binding change or binding table
     * @return the error object
     */
    public static ObjectNode error(InvalidBindingException e) {
        return error(e.getMessage(), e.field(), e.entry());
    }

    /**
     * @param e malformed input
     * @return the error object
     */
    public static ObjectNode error(InvalidInputException e) {
        return error(e.getMessage(), e.field(), -1);
    }
}
