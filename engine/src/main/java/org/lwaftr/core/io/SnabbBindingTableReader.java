package org.lwaftr.core.io;

import org.lwaftr.core.io.SnabbLexer.Token;

/**
 * Takes the softwires out of a Snabb {@code snabb-softwire-v3} configuration while it is parsed;
 * every other statement goes into the tree (so the rest of {@code softwire-config} stays
 * available, without a million softwire nodes).
 *
 * <p>Mapping to RFC 7597 §5.1 (from Snabb's {@code apps/lwaftr/binding_table.lua}, which computes
 * {@code shift = 16 - psid_length - reserved_ports_bit_count} and
 * {@code psid = (port >> shift) & (2^psid_length - 1)}): {@code psid-length} is k
 * ({@code psid-len}) and {@code reserved-ports-bit-count} is a ({@code psid-offset}); Snabb's own
 * ietf-softwire-br translation ({@code lib/ptree/support/snabb-softwire-v3.lua}) maps them the
 * same way. One difference remains: for a &gt; 0, Snabb refuses only ports below 2^a, whereas
 * RFC 7597 §5.1 (and this project) excludes the whole first block, ports below 2^(16-a). With
 * a = 0, the usual lw4o6 layout (RFC 7596 §5.1: "the number of a-bits SHOULD be 0"), both agree.
 */
final class SnabbBindingTableReader extends ConfigTreeBuilder {

    private static final String[] NAMES = {"ipv4", "port-set.reserved-ports-bit-count",
        "port-set.psid-length", "psid", "b4-ipv6", "br-address"};

    private EntryFields fields;   // named by the Snabb path of the table, once met
    private String sw;            // "softwire-config.binding-table.softwire." (or "binding-table.softwire.")
    private final EntryList softwires = new EntryList();
    private ConfigNode table;     // the binding-table block, once met
    private int depth;            // 0 outside, 1 in softwire, 2 in its port-set

    /** @return the softwires read */
    EntryList softwires() {
        return softwires;
    }

    /** @return the binding-table block, or null if the file has none */
    ConfigNode table() {
        return table;
    }

    private boolean atTableLevel() {
        return table != null && current() == table;
    }

    private static boolean isTable(ConfigNode parent, Token kw) {
        return kw.text.equals("binding-table") && (parent.parent() == null
                || (parent.keyword().equals("softwire-config") && parent.parent().parent() == null));
    }

    @Override
    public void leaf(Token kw, Token arg) {
        if (depth == 1) {
            softwireLeaf(kw, arg);
        } else if (depth == 2) {
            portSetLeaf(kw, arg);
        } else {
            if (atTableLevel() && !kw.text.equals("version")) {
                tableKeyword(kw);
            }
            super.leaf(kw, arg);
        }
    }

    @Override
    public void enter(Token kw, Token arg) {
        if (depth == 1 && kw.text.equals("port-set")) {
            depth = 2;
        } else if (depth > 0) {
            throw Where.error(kw.line, kw.column, depth == 1 ? sw + kw.text : sw + "port-set." + kw.text,
                    "unknown block" + expected());
        } else if (atTableLevel() && kw.text.equals("softwire")) {
            depth = 1;
            fields.start(kw.line, kw.column);
        } else {
            if (atTableLevel() && !kw.text.equals("version")) {
                tableKeyword(kw);
            }
            boolean opensTable = isTable(current(), kw);
            if (opensTable && table != null) {
                throw Where.error(kw.line, kw.column, "binding-table", "given twice (first at line "
                        + table.line() + ")");
            }
            super.enter(kw, arg);
            if (opensTable) {
                table = current();
                // errors name the full Snabb path, e.g. softwire-config.binding-table.softwire.psid
                sw = table.path() + ".softwire.";
                String[] names = new String[NAMES.length];
                for (int i = 0; i < names.length; i++) {
                    names[i] = sw + NAMES[i];
                }
                fields = new EntryFields(names, 16);
            }
        }
    }

    @Override
    public void exit(Token close) {
        if (depth == 2) {
            depth = 1;
        } else if (depth == 1) {
            depth = 0;
            softwires.add(fields.build(), fields.line());
        } else {
            super.exit(close);
        }
    }

    private String expected() {
        return depth == 1 ? " (a softwire has ipv4, psid, b4-ipv6, br-address, padding and port-set)"
                : " (a port-set has psid-length and reserved-ports-bit-count)";
    }

    private void tableKeyword(Token kw) {
        if (kw.text.equals("br-address") || kw.text.equals("psid-map")) {
            throw Where.error(kw.line, kw.column, table.path() + "." + kw.text, "this is snabb-softwire-v2 syntax;"
                    + " write snabb-softwire-v3: br-address and port-set inside each softwire");
        }
        throw Where.error(kw.line, kw.column, table.path() + "." + kw.text,
                "unknown keyword (a binding-table has softwire and version)");
    }

    private String value(Token kw, Token arg, String field) {
        if (arg == null) {
            throw Where.error(kw.line, kw.column, field, "needs a value");
        }
        return arg.text;
    }

    private void softwireLeaf(Token kw, Token arg) {
        switch (kw.text) {
            case "ipv4":
                fields.ipv4(value(kw, arg, fields.name(EntryFields.IPV4)), arg.line, arg.column);
                break;
            case "psid":
                fields.number(EntryFields.PSID, value(kw, arg, fields.name(EntryFields.PSID)), arg.line, arg.column);
                break;
            case "b4-ipv6":
                fields.b4(value(kw, arg, fields.name(EntryFields.B4)), arg.line, arg.column);
                break;
            case "br-address":
                fields.br(value(kw, arg, fields.name(EntryFields.BR)), arg.line, arg.column);
                break;
            case "padding":
                break; // a filler of Snabb's key layout: no meaning
            default:
                throw Where.error(kw.line, kw.column, sw + kw.text, "unknown keyword" + expected());
        }
    }

    private void portSetLeaf(Token kw, Token arg) {
        int f;
        if (kw.text.equals("psid-length")) {
            f = EntryFields.PSID_LEN;
        } else if (kw.text.equals("reserved-ports-bit-count")) {
            f = EntryFields.PSID_OFFSET;
        } else {
            throw Where.error(kw.line, kw.column, sw + "port-set." + kw.text, "unknown keyword" + expected());
        }
        fields.number(f, value(kw, arg, fields.name(f)), arg.line, arg.column);
    }
}
