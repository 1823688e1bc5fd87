package org.lwaftr.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lwaftr.core.BindingChange;
import org.lwaftr.core.BindingDiff;
import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.SoftwireKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.lwaftr.core.Softwire.F_B4;
import static org.lwaftr.core.Softwire.F_BR;
import static org.lwaftr.core.Softwire.F_IPV4;
import static org.lwaftr.core.Softwire.F_PSID;
import static org.lwaftr.codec.SoftwireCodec.F_PORT_SET;

/**
 * JSON ⇄ a batch of binding changes, applied atomically by the service:
 * <pre>
 * {"changes": [
 *   {"op": "add",     "binding-ipv4-addr": "192.0.2.1", "port-set": {"psid-offset": 6, "psid-len": 6, "psid": 1},
 *                     "binding-ipv6info": "2001:db8::1", "br-ipv6-addr": "2001:db8:ffff::1"},
 *   {"op": "replace", ...same members...},
 *   {"op": "remove",  "binding-ipv4-addr": "192.0.2.1", "psid": 1}
 * ]}
 * </pre>
 * A bare array of changes is accepted too. Errors name the entry (0-based) and the field.
 */
public final class ChangeBatchCodec {

    public static final String F_CHANGES = "changes";
    public static final String F_OP = "op";

    private static final Set<String> UPSERT = Set.of(F_OP, F_IPV4, F_PORT_SET, F_B4, F_BR);
    private static final Set<String> REMOVE = Set.of(F_OP, F_IPV4, F_PSID);

    private ChangeBatchCodec() {
    }

    /**
     * @param json the request body
     * @return the changes, in order
     * @throws InvalidBindingException naming the entry and field of the first problem
     */
    public static List<BindingChange> decode(JsonNode json) {
        JsonNode list = json;
        if (json != null && json.isObject()) {
            try {
                JsonInput.object(json, "batch", Set.of(F_CHANGES));
            } catch (InvalidInputException e) {
                throw new InvalidBindingException(-1, e.field(), e.getMessage());
            }
            list = json.get(F_CHANGES);
        }
        if (list == null || !list.isArray()) {
            throw new InvalidBindingException(-1, F_CHANGES, F_CHANGES + " must be an array of changes");
        }
        List<BindingChange> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            try {
                out.add(change(list.get(i)));
            } catch (InvalidInputException e) {
                throw new InvalidBindingException(i, e.field(), "entry " + i + ": " + e.getMessage());
            } catch (InvalidBindingException e) {
                throw e.at("entry " + i, i);
            }
        }
        return out;
    }

    private static BindingChange change(JsonNode c) {
        if (c == null || !c.isObject()) {
            throw new InvalidInputException(F_OP, "a change must be a JSON object");
        }
        String op = JsonInput.text(c, F_OP);
        if (op == null) {
            throw new InvalidInputException(F_OP, F_OP + " is required (add, replace or remove)");
        }
        switch (op.toLowerCase(Locale.ROOT)) {
            case "add":
                JsonInput.object(c, "add", UPSERT);
                return BindingChange.add(SoftwireCodec.decodeFields(c));
            case "replace":
                JsonInput.object(c, "replace", UPSERT);
                return BindingChange.replace(SoftwireCodec.decodeFields(c));
            case "remove":
                JsonInput.object(c, "remove", REMOVE);
                return BindingChange.remove(Inputs.key(JsonInput.text(c, F_IPV4), JsonInput.text(c, F_PSID)));
            default:
                throw new InvalidInputException(F_OP, F_OP + " '" + op + "' is not add, replace or remove");
        }
    }

    /**
     * @param changes a batch
     * @return its JSON, readable by {@link #decode}
     */
    public static ObjectNode encode(List<BindingChange> changes) {
        ObjectNode o = SoftwireCodec.MAPPER.createObjectNode();
        ArrayNode a = o.putArray(F_CHANGES);
        for (BindingChange c : changes) {
            ObjectNode e;
            if (c.kind() == BindingChange.Kind.REMOVE) {
                SoftwireKey k = c.key();
                e = SoftwireCodec.encodeKey(k);
            } else {
                e = SoftwireCodec.encode(c.softwire());
            }
            ObjectNode withOp = a.addObject();
            withOp.put(F_OP, c.kind().name().toLowerCase(Locale.ROOT));
            withOp.setAll(e);
        }
        return o;
    }

    /**
     * @param diff         what a batch changed
     * @param tableVersion the table version afterwards (RFC 8676 binding-table-versioning)
     * @return {@code {added, removed, replaced, table-version}}
     */
    public static ObjectNode encode(BindingDiff diff, long tableVersion) {
        ObjectNode o = SoftwireCodec.MAPPER.createObjectNode();
        o.put("added", diff.added().size());
        o.put("removed", diff.removed().size());
        o.put("replaced", diff.replacedNew().size());
        o.put("table-version", tableVersion);
        return o;
    }
}
