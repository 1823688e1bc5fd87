package org.lwaftr.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.Softwire;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an RFC 8676 {@code ietf-softwire-br} binding table in the RFC 7951 JSON encoding, with
 * Jackson's streaming parser (a million entries never exist as a JSON tree).
 *
 * <p>Accepted documents: {@code {"ietf-softwire-br:br-instances": {"binding": {"bind-instance":
 * [...]}}}} (members of other modules at the top level are skipped, so a whole datastore dump
 * works); a bare {@code {"binding-table": {"binding-entry": [...]}}}; {@code {"binding-entry":
 * [...]}}; or a bare array of binding entries. The module prefix is optional on every member.
 * Deviations from the YANG, all lenient: numbers may also be JSON strings; psid-len 16 (one port
 * per set) is accepted although the YANG range is 0..15; several entries may share a
 * {@code binding-ipv6info} (the YANG list key), as the core allows one lwB4 several softwires.
 * Anything else unknown inside the binding model is an error, so typos do not pass silently.
 */
public final class Rfc8676JsonReader {

    /** The YANG module name, also the RFC 7951 member prefix. */
    public static final String MODULE = "ietf-softwire-br";

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final String E = "binding-entry.";
    private static final String[] NAMES = {E + "binding-ipv4-addr", E + "port-set.psid-offset",
        E + "port-set.psid-len", E + "port-set.psid", E + "binding-ipv6info", E + "br-ipv6-addr"};

    private final JsonParser p;
    private final EntryFields fields = new EntryFields(NAMES, 16);
    private final List<BindInstance> instances = new ArrayList<>();
    private final List<EntryList> tables = new ArrayList<>();

    private Rfc8676JsonReader(JsonParser p) {
        this.p = p;
    }

    /**
     * @param in           the document (UTF-8, or as RFC 8259 detects)
     * @param instanceName the bind-instance to take when there are several, or null
     * @return every softwire of the instance
     * @throws IOException             if reading fails
     * @throws InvalidBindingException at the offending line and field
     */
    public static ImportedBindings read(InputStream in, String instanceName) throws IOException {
        return new Rfc8676JsonReader(FACTORY.createParser(in)).readAll(instanceName);
    }

    /**
     * @param in           the document
     * @param instanceName the bind-instance to take when there are several, or null
     * @return every softwire of the instance
     * @throws IOException             if reading fails
     * @throws InvalidBindingException at the offending line and field
     */
    public static ImportedBindings read(Reader in, String instanceName) throws IOException {
        return new Rfc8676JsonReader(FACTORY.createParser(in)).readAll(instanceName);
    }

    private ImportedBindings readAll(String instanceName) throws IOException {
        try (JsonParser parser = p) {
            JsonToken t = parser.nextToken();
            if (t == JsonToken.START_ARRAY) {
                bare().entries();
            } else if (t == JsonToken.START_OBJECT) {
                topLevel();
            } else {
                throw error(null, "expected a JSON object or array");
            }
            if (parser.nextToken() != null) {
                throw error(null, "unexpected content after the end of the document");
            }
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw Where.error(l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(), null,
                    "JSON syntax: " + e.getOriginalMessage());
        }
        return select(instanceName);
    }

    private ImportedBindings select(String instanceName) {
        if (tables.isEmpty()) {
            throw Where.error(1, 1, null, "no binding table found: expected " + MODULE
                    + ":br-instances, binding-table, binding-entry or an array of entries");
        }
        int pick = 0;
        if (instanceName != null) {
            pick = -1;
            for (int i = 0; i < instances.size(); i++) {
                if (instances.get(i) != null && instanceName.equals(instances.get(i).name())) {
                    pick = i;
                }
            }
            if (pick < 0) {
                throw new InvalidBindingException("bind-instance.name", "no bind-instance named '"
                        + instanceName + "' in the document");
            }
        } else if (tables.size() > 1) {
            List<String> names = new ArrayList<>();
            instances.forEach(i -> names.add(i == null ? "(unnamed)" : i.name()));
            throw new InvalidBindingException("bind-instance.name", "the document has " + tables.size()
                    + " bind-instances " + names + ": name the one to import");
        }
        return new ImportedBindings(BindingFormat.RFC8676_JSON, tables.get(pick), instances.get(pick), null);
    }

    // ------------------------------------------------------------------ structure

    private void topLevel() throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = local(p.getCurrentName());
            p.nextToken();
            switch (name) {
                case "br-instances":
                    object("br-instances");
                    brInstances();
                    break;
                case "binding-table":
                    object("binding-table");
                    bare().bindingTable();
                    break;
                case "binding-entry":
                    array("binding-entry");
                    bare().entries();
                    break;
                default:
                    p.skipChildren(); // another module's data
            }
        }
    }

    /** Starts the one table of a document without instances. */
    private Rfc8676JsonReader bare() {
        instances.add(null);
        tables.add(new EntryList());
        return this;
    }

    private void brInstances() throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = local(p.getCurrentName());
            p.nextToken();
            if (name.equals("binding")) {
                object("binding");
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String inner = local(p.getCurrentName());
                    p.nextToken();
                    if (!inner.equals("bind-instance")) {
                        throw error("binding." + inner, "unknown member (expected bind-instance)");
                    }
                    array("bind-instance");
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        bindInstance();
                    }
                }
            } else if (name.equals("algorithm")) {
                p.skipChildren(); // MAP-E/MAP-T rules: not a binding table
            } else {
                throw error("br-instances." + name, "unknown member (expected binding or algorithm)");
            }
        }
    }

    private void bindInstance() throws IOException {
        BindInstance inst = new BindInstance().name(null);
        instances.add(inst);
        tables.add(new EntryList());
        int maxLine = 0;
        int maxColumn = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = local(p.getCurrentName());
            p.nextToken();
            switch (name) {
                case "name":
                    inst.name(text("bind-instance.name"));
                    break;
                case "binding-table-versioning":
                    versioning(inst);
                    break;
                case "softwire-num-max":
                    maxLine = p.getTokenLocation().getLineNr();
                    maxColumn = p.getTokenLocation().getColumnNr();
                    inst.softwireNumMax(integer("bind-instance.softwire-num-max", 1, 0xffffffffL));
                    break;
                case "softwire-payload-mtu":
                    inst.softwirePayloadMtu((int) integer("bind-instance.softwire-payload-mtu", 0, 0xffff));
                    break;
                case "softwire-path-mru":
                    inst.softwirePathMru((int) integer("bind-instance.softwire-path-mru", 0, 0xffff));
                    break;
                case "enable-hairpinning":
                    inst.enableHairpinning(bool("bind-instance.enable-hairpinning"));
                    break;
                case "binding-table":
                    object("binding-table");
                    bindingTable();
                    break;
                case "icmp-policy":
                    icmpPolicy(inst);
                    break;
                case "traffic-stat":
                    p.skipChildren(); // state data (config false)
                    break;
                default:
                    throw error("bind-instance." + name, "unknown member");
            }
        }
        int n = tables.get(tables.size() - 1).size();
        if (inst.softwireNumMax() != null && n > inst.softwireNumMax()) {
            throw Where.error(maxLine, maxColumn, "bind-instance.softwire-num-max", "the binding table has "
                    + n + " entries, more than softwire-num-max " + inst.softwireNumMax());
        }
    }

    private void versioning(BindInstance inst) throws IOException {
        object("binding-table-versioning");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = local(p.getCurrentName());
            p.nextToken();
            if (name.equals("version")) {
                // RFC 7951 §6.1: uint64 is a JSON string; a number is accepted too.
                inst.version(Long.toUnsignedString(integer("binding-table-versioning.version", 0, -1)));
            } else if (name.equals("date")) {
                inst.date(text("binding-table-versioning.date"));
            } else {
                throw error("binding-table-versioning." + name, "unknown member (expected version, date)");
            }
        }
    }

    private void icmpPolicy(BindInstance inst) throws IOException {
        object("icmp-policy");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String group = local(p.getCurrentName());
            p.nextToken();
            object("icmp-policy." + group);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String leaf = group + "." + local(p.getCurrentName());
                String f = "icmp-policy." + leaf;
                p.nextToken();
                switch (leaf) {
                    case "icmpv4-errors.allow-incoming-icmpv4":
                        inst.allowIncomingIcmpv4(bool(f));
                        break;
                    case "icmpv4-errors.icmpv4-rate":
                        inst.icmpv4Rate(integer(f, 0, 0xffffffffL));
                        break;
                    case "icmpv4-errors.generate-icmpv4-errors":
                        inst.generateIcmpv4Errors(bool(f));
                        break;
                    case "icmpv6-errors.generate-icmpv6-errors":
                        inst.generateIcmpv6Errors(bool(f));
                        break;
                    case "icmpv6-errors.icmpv6-rate":
                        inst.icmpv6Rate(integer(f, 0, 0xffffffffL));
                        break;
                    default:
                        throw error(f, "unknown member");
                }
            }
        }
    }

    private void bindingTable() throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = local(p.getCurrentName());
            p.nextToken();
            if (!name.equals("binding-entry")) {
                throw error("binding-table." + name, "unknown member (expected binding-entry)");
            }
            array("binding-entry");
            entries();
        }
    }

    /** Reads the entries of the array the parser is at into the newest table. */
    private void entries() throws IOException {
        EntryList out = tables.get(tables.size() - 1);
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            out.add(entry(), fields.line());
        }
        if (t != JsonToken.END_ARRAY) {
            throw error("binding-entry", "expected an object for each binding entry");
        }
    }

    private Softwire entry() throws IOException {
        JsonLocation at = p.getTokenLocation();
        fields.start(at.getLineNr(), at.getColumnNr());
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = local(p.getCurrentName());
            p.nextToken();
            int line = p.getTokenLocation().getLineNr();
            int col = p.getTokenLocation().getColumnNr();
            switch (name) {
                case "binding-ipv6info":
                    fields.b4(text(NAMES[EntryFields.B4]), line, col);
                    break;
                case "binding-ipv4-addr":
                    fields.ipv4(text(NAMES[EntryFields.IPV4]), line, col);
                    break;
                case "br-ipv6-addr":
                    fields.br(text(NAMES[EntryFields.BR]), line, col);
                    break;
                case "port-set":
                    portSet();
                    break;
                default:
                    throw error(E + name, "unknown member (expected binding-ipv6info, binding-ipv4-addr,"
                            + " port-set, br-ipv6-addr)");
            }
        }
        return fields.build();
    }

    private void portSet() throws IOException {
        object(E + "port-set");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = local(p.getCurrentName());
            p.nextToken();
            int f;
            switch (name) {
                case "psid-offset":
                    f = EntryFields.PSID_OFFSET;
                    break;
                case "psid-len":
                    f = EntryFields.PSID_LEN;
                    break;
                case "psid":
                    f = EntryFields.PSID;
                    break;
                default:
                    throw error(E + "port-set." + name, "unknown member (expected psid-offset, psid-len, psid)");
            }
            int line = p.getTokenLocation().getLineNr();
            int col = p.getTokenLocation().getColumnNr();
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                fields.number(f, p.getText(), line, col);
            } else if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                fields.number(f, p.getLongValue(), line, col);
            } else {
                throw error(NAMES[f], "expected an integer");
            }
        }
    }

    // ------------------------------------------------------------------ values

    /** Strips this module's RFC 7951 prefix; other modules' names keep theirs. */
    private static String local(String name) {
        return name.startsWith(MODULE + ":") ? name.substring(MODULE.length() + 1) : name;
    }

    private void object(String field) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw error(field, "expected a JSON object");
        }
    }

    private void array(String field) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw error(field, "expected a JSON array");
        }
    }

    private String text(String field) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw error(field, "expected a string");
        }
        return p.getText();
    }

    private boolean bool(String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw error(field, "expected true or false");
        }
        return t == JsonToken.VALUE_TRUE;
    }

    /** An unsigned integer in min..max (max -1: the whole uint64 range). */
    private long integer(String field, long min, long max) throws IOException {
        JsonToken t = p.currentToken();
        String s = t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_STRING ? p.getText() : null;
        boolean ok = s != null && !s.isEmpty() && Character.isDigit(s.charAt(0));
        long v = 0;
        if (ok) {
            try {
                v = Long.parseUnsignedLong(s);
            } catch (NumberFormatException e) {
                ok = false;
            }
        }
        if (ok && max != -1) {
            ok = v >= min && v <= max;
        }
        if (!ok) {
            throw error(field, "expected an integer in " + min + ".." + (max == -1 ? "2^64-1" : max)
                    + (s == null ? "" : ", got " + s));
        }
        return v;
    }

    private InvalidBindingException error(String field, String what) {
        JsonLocation l = p.getTokenLocation();
        return Where.error(l.getLineNr(), l.getColumnNr(), field, what);
    }
}
