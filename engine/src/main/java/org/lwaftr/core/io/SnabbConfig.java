package org.lwaftr.core.io;

import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.Collection;

/**
 * The Snabb lwAFTR configuration ({@code snabb-softwire-v3}, Snabb's
 * {@code src/lib/yang/snabb-softwire-v3.yang}): the whole file as a tree, its binding table as
 * softwires, and the binding-table block written back.
 *
 * <pre>
 * softwire-config {
 *   binding-table {
 *     softwire {
 *       ipv4 192.0.2.1;
 *       psid 1;
 *       b4-ipv6 2001:db8:1::1;
 *       br-address 2001:db8::1;
 *       port-set { psid-length 6; reserved-ports-bit-count 0; }
 *     }
 *   }
 *   external-interface { ... }
 *   internal-interface { ... }
 * }
 * </pre>
 * See {@link SnabbBindingTableReader} for how {@code port-set} maps to RFC 7597.
 */
public final class SnabbConfig {

    private SnabbConfig() {
    }

    /**
     * Parses a whole configuration (for small files: every statement becomes a node).
     *
     * @param in the text
     * @return the root, whose children are the top-level statements
     * @throws IOException             on read errors
     * @throws InvalidBindingException at the line and column of a syntax error
     */
    public static ConfigNode parse(Reader in) throws IOException {
        ConfigTreeBuilder b = new ConfigTreeBuilder();
        SnabbParser.parse(in, b);
        return b.root();
    }

    /**
     * Reads the binding table of a configuration: {@code softwire-config { binding-table {...} }}
     * or a bare top-level {@code binding-table {...}}. The rest of the file comes back as
     * {@link ImportedBindings#config()}.
     *
     * @param in the text
     * @return every softwire, or an error: nothing partial
     * @throws IOException             on read errors
     * @throws InvalidBindingException at the line, column and field of the first problem, or if
     *                                 the file has no binding-table block
     */
    public static ImportedBindings readBindingTable(Reader in) throws IOException {
        SnabbBindingTableReader r = new SnabbBindingTableReader();
        SnabbParser.parse(in, r);
        if (r.table() == null) {
            throw Where.error(1, 1, "softwire-config.binding-table",
                    "no binding-table block (expected softwire-config { binding-table { softwire {...} } })");
        }
        return new ImportedBindings(BindingFormat.SNABB, r.softwires(), null, r.root());
    }

    /**
     * Reads a whole configuration as Snabb does: its softwires (none if it has no binding-table
     * block, an optional container of snabb-softwire-v3) and the rest as a tree, in one pass
     * that keeps no node per softwire.
     *
     * @param in the text
     * @return every softwire, and {@link ImportedBindings#config()} the rest
     * @throws IOException             on read errors
     * @throws InvalidBindingException at the line, column and Snabb path of the first problem
     */
    public static ImportedBindings readConfiguration(Reader in) throws IOException {
        SnabbBindingTableReader r = new SnabbBindingTableReader();
        SnabbParser.parse(in, r);
        return new ImportedBindings(BindingFormat.SNABB, r.softwires(), null, r.root());
    }

    /**
     * Writes a {@code binding-table} block.
     *
     * @param out       where to write (not closed)
     * @param softwires the softwires
     * @param wrap      enclose it in {@code softwire-config { }}, making a file Snabb accepts as a
     *                  configuration once the interfaces are added
     * @throws IOException if writing fails
     */
    public static void writeBindingTable(Writer out, Collection<Softwire> softwires, boolean wrap)
            throws IOException {
        String in = wrap ? "  " : "";
        if (wrap) {
            out.write("softwire-config {\n");
        }
        out.write(in + "binding-table {\n");
        StringBuilder b = new StringBuilder(256);
        for (Softwire s : softwires) {
            PortSet ps = s.portSet();
            b.setLength(0);
            b.append(in).append("  softwire {\n")
                    .append(in).append("    ipv4 ").append(AddressText.formatIpv4(s.ipv4Int())).append(";\n")
                    .append(in).append("    psid ").append(ps.psid()).append(";\n")
                    .append(in).append("    b4-ipv6 ").append(AddressText.formatIpv6(s.lwb4High(), s.lwb4Low()))
                    .append(";\n")
                    .append(in).append("    br-address ").append(AddressText.formatIpv6(s.br())).append(";\n")
                    .append(in).append("    port-set {\n")
                    .append(in).append("      psid-length ").append(ps.length()).append(";\n")
                    .append(in).append("      reserved-ports-bit-count ").append(ps.offset()).append(";\n")
                    .append(in).append("    }\n")
                    .append(in).append("  }\n");
            out.append(b);
        }
        out.write(in + "}\n");
        if (wrap) {
            out.write("}\n");
        }
        out.flush();
    }
}
