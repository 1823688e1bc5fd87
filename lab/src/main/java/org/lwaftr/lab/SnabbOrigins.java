package org.lwaftr.lab;

import org.lwaftr.config.DeviceSettingsCodec;
import org.lwaftr.core.BindingTable;
import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.io.ConfigNode;
import org.lwaftr.core.io.ImportedBindings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lwaftr.pipeconf.DataPlaneLimits;

/**
 * Where each mapped setting of a Snabb configuration came from (its Snabb path and line), so that
 * an error of the netcfg codecs or of the binding table is reported in the operator's own terms:
 * {@code line 42: softwire-config.instance.queue.internal-interface.vlan-tag: 5000 is outside 0..4094},
 * never the netcfg field it was mapped to.
 */
final class SnabbOrigins {

    /** A Snabb path and the line it is on (or, for a missing value, the line of its container). */
    private static final class Origin {
        final String path;
        final int line;
        final boolean given; // false: where the value would be (it is missing)

        Origin(String path, int line, boolean given) {
            this.path = path;
            this.line = line;
            this.given = given;
        }
    }

    /** The core's (RFC 8676) field names → Snabb's, within a softwire. */
    private static final Map<String, String> SOFTWIRE_FIELDS = Map.of(Softwire.F_IPV4, "ipv4", Softwire.F_PSID,
            "psid", Softwire.F_PSID_LEN, "port-set.psid-length", Softwire.F_PSID_OFFSET,
            "port-set.reserved-ports-bit-count", Softwire.F_B4, "b4-ipv6", Softwire.F_BR, "br-address");

    private static final String INSTANCE = "softwire-config.instance.queue.";

    private final Map<String, Origin> byField = new HashMap<>();

    /** Records that netcfg {@code field} was mapped from node {@code n}. */
    void from(String field, ConfigNode n) {
        byField.put(field, new Origin(n.path(), n.line(), true));
    }

    /** Records where netcfg {@code field} would come from, for errors about its absence (the innermost wins). */
    void expected(String field, String snabbPath, int line) {
        Origin o = byField.get(field);
        if (o == null || !o.given) {
            byField.put(field, new Origin(snabbPath, line, false));
        }
    }

    /** Where the settings of the two sides would be, for errors about missing ones. */
    void expectInterfaces(int line) {
        expectSide(true, INSTANCE + "external-interface", line);
        expectSide(false, INSTANCE + "internal-interface", line);
    }

    void expectSide(boolean external, String path, int line) {
        String name = external ? DeviceSettingsCodec.INTERNET_SIDE : DeviceSettingsCodec.LWB4_SIDE;
        expected(name + "." + DeviceSettingsCodec.AFTR_MAC, path + ".mac", line);
        expected(name + "." + DeviceSettingsCodec.NEXT_HOP_MAC, path + ".next-hop", line);
        expected(name, path, line);
        expected(external ? "aftr-ipv4-addrs" : "aftr-ipv6-addrs", path + ".ip", line);
    }

    /**
     * @param error a codec error, "netcfg.path: what is wrong"
     * @return the same error located in the Snabb file: "line N: snabb.path: what is wrong"
     */
    String translate(String error) {
        int colon = error.indexOf(": ");
        String field = colon < 0 ? error : error.substring(0, colon);
        Origin best = null;
        int bestLength = -1;
        for (Map.Entry<String, Origin> e : byField.entrySet()) {
            String k = e.getKey();
            boolean covers = field.equals(k) || field.startsWith(k + ".") || field.startsWith(k + "[");
            if (covers && k.length() > bestLength) {
                best = e.getValue();
                bestLength = k.length();
            }
        }
        if (best == null || colon < 0) {
            return "line 1: softwire-config: " + error;
        }
        return "line " + best.line + ": " + best.path + ": " + error.substring(colon + 2);
    }

    /**
     * The binding table as the lab will load it, validated whole (Snabb's semantics: port sets
     * holding system ports are accepted): an entry the table refuses is named by its line and
     * Snabb path. Port sets with system ports get one warning each (RFC 7596 §5.1 recommends
     * against them "other than as a deliberate assignment"; an entry of the operator's table is one).
     *
     * @param imported the softwires as read
     * @param root     the whole configuration
     * @param warnings where the warnings go
     * @throws LabConfigException naming the line and Snabb path of the refused entry
     */
    static void checkBindingTable(ImportedBindings imported, ConfigNode root, List<String> warnings) {
        ConfigNode table = bindingTable(root);
        String softwire = (table == null ? "softwire-config.binding-table" : table.path()) + ".softwire";
        try {
            new BindingTable(true, DataPlaneLimits.BR_ADDRESSES).addAll(imported.softwires());
        } catch (InvalidBindingException e) {
            int entry = e.entry();
            if (entry < 0 || entry >= imported.softwires().size()) {
                throw new LabConfigException("line " + (table == null ? 1 : table.line()) + ": " + softwire + ": "
                        + e.getMessage(), e);
            }
            String leaf = e.field() == null ? null : SOFTWIRE_FIELDS.get(e.field());
            throw new LabConfigException("line " + imported.lineOf(entry) + ": " + softwire
                    + (leaf == null ? "" : "." + leaf) + ": " + e.getMessage(), e);
        }
        List<Softwire> all = imported.softwires();
        for (int i = 0; i < all.size(); i++) {
            PortSet ps = all.get(i).portSet();
            if (!ps.isWholeAddress() && ps.containsSystemPorts()) {
                warnings.add("line " + imported.lineOf(i) + ": " + softwire + ": " + all.get(i).key() + " (psid-length "
                        + ps.length() + "): its port set holds system ports 0-1023; accepted as a deliberate"
                        + " assignment (RFC 7596 §5.1)");
            }
        }
    }

    private static ConfigNode bindingTable(ConfigNode root) {
        for (ConfigNode n : root.children()) {
            if (n.keyword().equals("binding-table")) {
                return n;
            }
            if (n.keyword().equals("softwire-config")) {
                for (ConfigNode c : n.children()) {
                    if (c.keyword().equals("binding-table")) {
                        return c;
                    }
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- values, errors at a node

    static ConfigNode child(ConfigNode n, String keyword) {
        for (ConfigNode c : n.children()) {
            if (c.keyword().equals(keyword)) {
                return c;
            }
        }
        return n;
    }

    static String value(ConfigNode n) {
        if (n.argument() == null) {
            throw error(n, "needs a value");
        }
        return n.argument();
    }

    static int integer(ConfigNode n) {
        try {
            return Integer.parseInt(value(n));
        } catch (NumberFormatException e) {
            throw error(n, "'" + n.argument() + "' is not an integer");
        }
    }

    /** Snabb's uint32. */
    static long uint32(ConfigNode n) {
        try {
            long v = Long.parseLong(value(n));
            if (v >= 0 && v <= 0xffffffffL) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(n, "'" + n.argument() + "' is not a uint32 (0..4294967295)");
    }

    static boolean bool(ConfigNode n) {
        String v = value(n);
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        throw error(n, "'" + v + "' is not true or false");
    }

    static LabConfigException error(ConfigNode n, String why) {
        return new LabConfigException("line " + n.line() + ": " + n.path() + ": " + why);
    }
}
