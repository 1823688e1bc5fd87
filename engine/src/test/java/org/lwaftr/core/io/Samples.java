package org.lwaftr.core.io;

import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Softwires covering the shapes the formats must carry, and format helpers for the tests. */
final class Samples {

    static final Ip6Address BR1 = Ip6Address.valueOf("2001:db8::1");
    static final Ip6Address BR2 = Ip6Address.valueOf("2001:db8:ffff::2");

    private Samples() {
    }

    static Softwire sw(String v4, int a, int k, int psid, String b4, Ip6Address br) {
        return Softwire.of(Ip4Address.valueOf(v4), PortSet.of(a, k, psid), Ip6Address.valueOf(b4), br);
    }

    /** Shared addresses (a=0, k=6 and a=6, k=6), a whole address, two BRs, odd lwB4 texts. */
    static List<Softwire> mixed() {
        List<Softwire> out = new ArrayList<>();
        for (int psid = 1; psid < 64; psid += 7) {
            out.add(sw("192.0.2.1", 0, 6, psid, "2001:db8:1::" + Integer.toHexString(psid), BR1));
        }
        for (int psid = 0; psid < 64; psid += 9) {
            out.add(sw("198.51.100.7", 6, 6, psid, "2001:db8:2:0:1::" + psid, BR2));
        }
        out.add(sw("203.0.113.9", 0, 0, 0, "2001:db8:3::9", BR1));
        out.add(sw("203.0.113.10", 0, 4, 15, "2001:db8:0:1:2:3:4:5", BR1));
        out.add(sw("203.0.113.11", 2, 14, 16383, "fd00::a:b:c:d", BR2));
        return out;
    }

    static String csv(List<Softwire> s) throws IOException {
        StringWriter w = new StringWriter();
        CsvBindings.write(w, s);
        return w.toString();
    }

    static String json(List<Softwire> s, BindInstance settings) throws IOException {
        StringWriter w = new StringWriter();
        Rfc8676JsonWriter.write(w, settings, s, true);
        return w.toString();
    }

    static String snabb(List<Softwire> s) throws IOException {
        StringWriter w = new StringWriter();
        SnabbConfig.writeBindingTable(w, s, true);
        return w.toString();
    }

    /** Code under test that may throw. */
    interface Call {
        void run() throws Exception;
    }

    /**
     * Runs {@code c}, which must fail with an InvalidBindingException at {@code line} naming
     * {@code field}; returns the exception for more checks.
     */
    static InvalidBindingException fails(int line, String field, Call c) throws Exception {
        try {
            c.run();
        } catch (InvalidBindingException e) {
            String m = e.getMessage();
            if (!m.startsWith("line " + line + ":") && !m.startsWith("line " + line + ",")) {
                throw new AssertionError("expected the error at line " + line + ", got: " + m, e);
            }
            if (field != null && !(field.equals(e.field()) && m.contains(field))) {
                throw new AssertionError("expected field " + field + ", got " + e.field() + ": " + m, e);
            }
            if (e.entry() != line) {
                throw new AssertionError("entry() should be the line " + line + ", got " + e.entry());
            }
            return e;
        }
        throw new AssertionError("no error: expected one at line " + line + " on " + field);
    }
}
