package org.lwaftr.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.Softwire;

import java.util.ArrayList;
import java.util.List;

/**
 * A whole binding table as RFC 8676 JSON (RFC 7951 encoding), as a JSON tree. Accepts
 * {@code {"ietf-softwire-br:br-instances": {"binding": {"bind-instance": [ {..."binding-table": ...} ]}}}}
 * (exactly one bind-instance), {@code {"binding-table": {"binding-entry": [...]}}},
 * {@code {"binding-entry": [...]}} or a bare array of entries.
 *
 * <p>Interim reader for small tables: the streaming readers of {@code org.lwaftr.core.io}
 * (RFC 8676 JSON, Snabb, CSV) replace it for bulk imports.
 */
public final class BindingTableJson {

    private static final String MODULE = "ietf-softwire-br:";

    private BindingTableJson() {
    }

    /**
     * @param json the document
     * @return its softwires, in document order
     * @throws InvalidBindingException naming the entry (0-based) and field of the first problem
     */
    public static List<Softwire> decode(JsonNode json) {
        JsonNode entries = entries(json);
        List<Softwire> out = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            try {
                out.add(SoftwireCodec.decode(entries.get(i)));
            } catch (InvalidInputException e) {
                throw new InvalidBindingException(i, e.field(), "entry " + i + ": " + e.getMessage());
            } catch (InvalidBindingException e) {
                throw e.at("entry " + i, i);
            }
        }
        return out;
    }

    private static JsonNode member(JsonNode o, String name) {
        JsonNode v = o.get(name);
        return v != null ? v : o.get(MODULE + name);
    }

    private static JsonNode entries(JsonNode json) {
        if (json != null && json.isArray()) {
            return json;
        }
        if (json == null || !json.isObject()) {
            throw new InvalidBindingException(-1, "binding-table", "the body must be a JSON object or array");
        }
        JsonNode node = json;
        JsonNode instances = member(node, "br-instances");
        if (instances != null) {
            JsonNode list = instances.path("binding").path("bind-instance");
            if (!list.isArray() || list.size() != 1) {
                throw new InvalidBindingException(-1, "bind-instance",
                        "br-instances.binding.bind-instance must hold exactly one bind-instance");
            }
            node = list.get(0);
        }
        JsonNode table = member(node, "binding-table");
        if (table != null) {
            node = table;
        }
        JsonNode entries = member(node, SoftwireCodec.F_BINDING_ENTRY);
        if (entries == null || !entries.isArray()) {
            throw new InvalidBindingException(-1, SoftwireCodec.F_BINDING_ENTRY,
                    "no binding-entry array found (expected br-instances, binding-table, binding-entry or an array)");
        }
        return entries;
    }

    /**
     * @param softwires softwires
     * @return {@code {"binding-table": {"binding-entry": [...]}}}, readable by {@link #decode}
     */
    public static ObjectNode encode(Iterable<Softwire> softwires) {
        ObjectNode o = SoftwireCodec.MAPPER.createObjectNode();
        ArrayNode a = o.putObject("binding-table").putArray(SoftwireCodec.F_BINDING_ENTRY);
        for (Softwire s : softwires) {
            a.add(SoftwireCodec.encode(s));
        }
        return o;
    }
}
