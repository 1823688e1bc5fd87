package org.lwaftr.codec;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Set;

/**
 * Strict reading of operator JSON: one object, known members only, typed values; the first
 * problem is thrown as an {@link InvalidInputException} naming the member.
 */
final class JsonInput {

    private JsonInput() {
    }

    /**
     * @param node  the value
     * @param what  its name, for errors
     * @param known accepted member names
     * @return the node, checked to be an object without unknown members
     */
    static JsonNode object(JsonNode node, String what, Set<String> known) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(what, what + " must be a JSON object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                throw new InvalidInputException(name, "unknown member '" + name + "' in " + what
                        + " (expected one of " + String.join(", ", known) + ")");
            }
        }
        return node;
    }

    /**
     * @param node  an object
     * @param field a member
     * @return its text (numbers are accepted as text), or null if absent or JSON null
     */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new InvalidInputException(field, field + " must be a string or number, not " + v.getNodeType());
        }
        return v.asText();
    }
}
