package org.lwaftr.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lwaftr.core.io.AddressText;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.MacAddress;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads typed fields from a JSON object and collects every error with the field's path, instead of
 * stopping at the first (plain Jackson: the lab controller parses the same JSON without ONOS).
 */
final class JsonFields {

    private final JsonNode node;
    private final String path;
    private final List<String> errors;

    private JsonFields(JsonNode node, String path, List<String> errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    /**
     * @param node a JSON object (null is read as empty)
     * @return a reader at the root
     */
    static JsonFields root(JsonNode node) {
        List<String> errors = new ArrayList<>();
        if (node != null && !node.isObject()) {
            errors.add("(root): must be a JSON object");
            node = null;
        }
        return new JsonFields(node, "", errors);
    }

    /** @return the collected errors */
    List<String> errors() {
        return errors;
    }

    /** @throws ConfigException if any error was collected */
    void throwIfErrors() {
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
    }

    String pathOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    void error(String field, String message) {
        errors.add(pathOf(field) + ": " + message);
    }

    private JsonNode get(String field) {
        return node == null ? null : node.get(field);
    }

    /** @return true if the field is present and not null */
    boolean has(String field) {
        JsonNode v = get(field);
        return v != null && !v.isNull();
    }

    /**
     * Reports fields that are not in {@code known} (catches typos such as "hairpining").
     *
     * @param known the accepted field names
     */
    void onlyFields(Set<String> known) {
        if (node == null) {
            return;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!known.contains(f)) {
                error(f, "unknown field (expected one of " + new java.util.TreeSet<>(known) + ")");
            }
        }
    }

    /**
     * @param field an object-valued field
     * @return a reader for it (empty if absent)
     */
    JsonFields object(String field) {
        JsonNode v = get(field);
        if (v != null && !v.isNull() && !v.isObject()) {
            error(field, "must be a JSON object");
            v = null;
        }
        return new JsonFields(v == null || v.isNull() ? null : v, pathOf(field), errors);
    }

    /**
     * @param field an array of objects
     * @return a reader per element (empty list if absent)
     */
    List<JsonFields> objects(String field) {
        List<JsonFields> out = new ArrayList<>();
        JsonNode v = get(field);
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            error(field, "must be a JSON array");
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            String p = pathOf(field) + "[" + i + "]";
            if (!e.isObject()) {
                errors.add(p + ": must be a JSON object");
            } else {
                out.add(new JsonFields(e, p, errors));
            }
        }
        return out;
    }

    boolean bool(String field, boolean dflt) {
        JsonNode v = get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isBoolean()) {
            error(field, "must be true or false, not " + v);
            return dflt;
        }
        return v.booleanValue();
    }

    long integer(String field, long dflt, long min, long max) {
        JsonNode v = get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            error(field, "must be an integer in " + min + ".." + max + ", not " + v);
            return dflt;
        }
        long x = v.longValue();
        if (x < min || x > max) {
            error(field, x + " is outside " + min + ".." + max);
            return dflt;
        }
        return x;
    }

    /** @return the field as an integer, reporting it missing if absent */
    long requiredInteger(String field, long min, long max) {
        if (!has(field)) {
            error(field, "is required");
            return min;
        }
        return integer(field, min, min, max);
    }

    String string(String field, String dflt) {
        JsonNode v = get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isTextual()) {
            error(field, "must be a string, not " + v);
            return dflt;
        }
        return v.textValue();
    }

    /** @return the raw value of a field, or null */
    JsonNode raw(String field) {
        JsonNode v = get(field);
        return v == null || v.isNull() ? null : v;
    }

    private <T> T parse(String field, String text, String what, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            error(field, "'" + text + "' is not " + what);
            return null;
        }
    }

    MacAddress mac(String field, boolean required) {
        String s = string(field, null);
        if (s == null) {
            if (required) {
                error(field, "is required");
            }
            return null;
        }
        MacAddress m = parse(field, s, "a MAC address", MacAddress::valueOf);
        if (m != null && (m.isMulticast() || m.isBroadcast())) {
            error(field, m + " is a multicast/broadcast MAC, a unicast MAC is needed");
            return null;
        }
        return m;
    }

    /** @return the field as an IPv4 address, or null if absent or bad (reported) */
    Ip4Address ipv4(String field) {
        String s = string(field, null);
        return s == null ? null : parse(field, s, "an IPv4 address", AddressText::ipv4);
    }

    /** @return the field as an IPv6 address, or null if absent or bad (reported) */
    Ip6Address ipv6(String field) {
        String s = string(field, null);
        return s == null ? null : parse(field, s, "an IPv6 address", AddressText::ipv6);
    }

    /** @return the IPv4 addresses of a string array (empty if absent) */
    List<Ip4Address> ipv4List(String field) {
        return list(field, "an IPv4 address", AddressText::ipv4);
    }

    /** @return the IPv6 addresses of a string array (empty if absent) */
    List<Ip6Address> ipv6List(String field) {
        return list(field, "an IPv6 address", AddressText::ipv6);
    }

    private <T> List<T> list(String field, String what, Function<String, T> parser) {
        List<T> out = new ArrayList<>();
        JsonNode v = get(field);
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            error(field, "must be an array of strings");
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            String f = field + "[" + i + "]";
            if (!v.get(i).isTextual()) {
                error(f, "must be a string");
                continue;
            }
            T t = parse(f, v.get(i).textValue(), what, parser);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /** @return the object this reader reads (null if absent), for raw pass-through */
    ObjectNode node() {
        return (ObjectNode) node;
    }
}
