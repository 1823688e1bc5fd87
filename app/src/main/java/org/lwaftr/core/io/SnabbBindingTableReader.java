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

    private static final String S = "softwire.";
    private static final String[] NAMES = {S + "ipv4", S + "port-set.reserved-ports-bit-count",
        S + "port-set.psid-length", S + "psid", S + "b4-ipv6", S + "br-address"};

    private final EntryFields fields = new EntryFields(NAMES, 16);
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
            throw Where.error(kw.line, kw.column, depth == 1 ? S + kw.text : S + "port-set." + kw.text,
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
            throw Where.error(kw.line, kw.column, "binding-table." + kw.text, "this is snabb-softwire-v2 syntax;"
                    + " write snabb-softwire-v3: br-address and port-set inside each softwire");
        }
        throw Where.error(kw.line, kw.column, "binding-table." + kw.text,
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
                fields.ipv4(value(kw, arg, NAMES[EntryFields.IPV4]), arg.line, arg.column);
                break;
            case "psid":
                fields.number(EntryFields.PSID, value(kw, arg, NAMES[EntryFields.PSID]), arg.line, arg.column);
                break;
            case "b4-ipv6":
                fields.b4(value(kw, arg, NAMES[EntryFields.B4]), arg.line, arg.column);
                break;
            case "br-address":
                fields.br(value(kw, arg, NAMES[EntryFields.BR]), arg.line, arg.column);
                break;
            case "padding":
                break; // a filler of Snabb's key layout: no meaning
            default:
                throw Where.error(kw.line, kw.column, S + kw.text, "unknown keyword" + expected());
        }
    }

    private void portSetLeaf(Token kw, Token arg) {
        int f;
        if (kw.text.equals("psid-length")) {
            f = EntryFields.PSID_LEN;
        } else if (kw.text.equals("reserved-ports-bit-count")) {
            f = EntryFields.PSID_OFFSET;
        } else {
            throw Where.error(kw.line, kw.column, S + "port-set." + kw.text, "unknown keyword" + expected());
        }
        fields.number(f, value(kw, arg, NAMES[f]), arg.line, arg.column);
    }
}
