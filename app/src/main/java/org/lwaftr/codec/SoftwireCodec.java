package org.lwaftr.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lwaftr.api.BindingRecord;
import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.SoftwireKey;

import java.time.Instant;
import java.util.Set;

import static org.lwaftr.core.Softwire.F_B4;
import static org.lwaftr.core.Softwire.F_BR;
import static org.lwaftr.core.Softwire.F_IPV4;
import static org.lwaftr.core.Softwire.F_PSID;
import static org.lwaftr.core.Softwire.F_PSID_LEN;
import static org.lwaftr.core.Softwire.F_PSID_OFFSET;

/**
 * JSON ⇄ softwire as an RFC 8676 {@code binding-entry}: {@code binding-ipv4-addr},
 * {@code port-set {psid-offset, psid-len, psid}} (absent for a whole address),
 * {@code binding-ipv6info}, {@code br-ipv6-addr}. Used by REST, the CLI's {@code -j} output and
 * the GUI, so all three show the same document.
 */
public final class SoftwireCodec {

    /** The RFC 8676 port-set container. */
    public static final String F_PORT_SET = "port-set";
    /** The binding-entry list of RFC 8676's binding-table. */
    public static final String F_BINDING_ENTRY = "binding-entry";

    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Set<String> ENTRY = Set.of(F_IPV4, F_PORT_SET, F_B4, F_BR);
    private static final Set<String> PORT_SET = Set.of(F_PSID_OFFSET, F_PSID_LEN, F_PSID);

    private SoftwireCodec() {
    }

    /**
     * @param s a softwire
     * @return its binding-entry object
     */
    public static ObjectNode encode(Softwire s) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put(F_IPV4, s.ipv4().toString());
        PortSet p = s.portSet();
        if (!p.isWholeAddress()) {
            ObjectNode ps = o.putObject(F_PORT_SET);
            ps.put(F_PSID_OFFSET, p.offset());
            ps.put(F_PSID_LEN, p.length());
            ps.put(F_PSID, p.psid());
        }
        o.put(F_B4, s.lwb4().toString());
        o.put(F_BR, s.br().toString());
        return o;
    }

    /**
     * @param key a binding-table key
     * @return {@code {binding-ipv4-addr, psid}}
     */
    public static ObjectNode encodeKey(SoftwireKey key) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put(F_IPV4, key.ipv4().toString());
        o.put(F_PSID, key.psid());
        return o;
    }

    /**
     * Reads a binding entry; unknown members are refused so that typos do not pass silently.
     *
     * @param json a binding-entry object
     * @return the softwire
     * @throws InvalidInputException   for malformed JSON values, naming the field
     * @throws InvalidBindingException for values the core refuses, naming the field
     */
    public static Softwire decode(JsonNode json) {
        JsonInput.object(json, F_BINDING_ENTRY, ENTRY);
        return decodeFields(json);
    }

    /**
     * Reads the binding-entry members of an object that may hold other members (checked by the
     * caller).
     *
     * @param json an object holding binding-entry members
     * @return the softwire
     */
    static Softwire decodeFields(JsonNode json) {
        String offset = "0";
        String len = "0";
        String psid = "0";
        JsonNode ps = json.get(F_PORT_SET);
        if (ps != null && !ps.isNull()) {
            JsonInput.object(ps, F_PORT_SET, PORT_SET);
            offset = JsonInput.text(ps, F_PSID_OFFSET);
            len = JsonInput.text(ps, F_PSID_LEN);
            psid = JsonInput.text(ps, F_PSID);
        }
        return Inputs.softwire(JsonInput.text(json, F_IPV4), offset, len, psid, JsonInput.text(json, F_B4),
                JsonInput.text(json, F_BR));
    }

    /**
     * @param r a who-had answer (RFC 7422)
     * @return {@code {binding-entry, since, until, current}} with ISO-8601 times
     */
    public static ObjectNode encode(BindingRecord r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.set(F_BINDING_ENTRY, encode(r.softwire()));
        o.put("since", Instant.ofEpochMilli(r.since()).toString());
        if (r.isCurrent()) {
            o.putNull("until");
        } else {
            o.put("until", Instant.ofEpochMilli(r.until()).toString());
        }
        o.put("current", r.isCurrent());
        return o;
    }
}
