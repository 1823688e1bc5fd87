package org.lwaftr.pipeconf.codegen;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One section of generated constants (tables, actions, ...), sorted by name (numbers by value:
 * PSID_SHIFT_2 before PSID_SHIFT_10) so the output does not depend on the P4Info's order. The same name may be added twice only with the same value (a
 * parameter shared by several actions); anything else is a clash the P4 program must resolve.
 */
final class ConstantGroup {

    private final String title;
    private final Map<String, Constant> constants = new TreeMap<>(ConstantGroup::naturalOrder);

    ConstantGroup(String title) {
        this.title = title;
    }

    /**
     * Adds a constant, or records one more P4 user of an identical one.
     *
     * @param name Java constant name
     * @param type Java type
     * @param value Java initializer
     * @param doc what it is, for the Javadoc
     * @param user the P4 object using it, listed in the Javadoc, or null
     * @throws IllegalStateException if the name is taken with a different value
     */
    void add(String name, String type, String value, String doc, String user) {
        Constant existing = constants.get(name);
        if (existing == null) {
            Constant constant = new Constant(type, value, doc);
            if (user != null) {
                constant.users.add(user);
            }
            constants.put(name, constant);
        } else if (existing.type.equals(type) && existing.value.equals(value) && user != null) {
            existing.users.add(user);
        } else {
            throw new IllegalStateException(String.format(
                    "P4 names clash on Java constant %s: %s = %s (from %s) vs %s (from %s)",
                    name, existing.type, existing.value, existing.users, value, user));
        }
    }

    boolean isEmpty() {
        return constants.isEmpty();
    }

    /**
     * Appends the section's Java source.
     *
     * @param out where to write
     */
    void write(StringBuilder out) {
        out.append("\n    // ---- ").append(title).append('\n');
        for (Map.Entry<String, Constant> entry : constants.entrySet()) {
            Constant c = entry.getValue();
            out.append("\n    /** ").append(c.doc);
            if (!c.users.isEmpty()) {
                out.append(", in ").append(String.join(", ", c.users));
            }
            out.append(". */\n");
            out.append("    public static final ").append(c.type).append(' ').append(entry.getKey())
                    .append(" = ").append(c.value).append(";\n");
        }
    }

    /** One constant and the P4 objects that use it. */
    private static final class Constant {
        private final String type;
        private final String value;
        private final String doc;
        private final TreeSet<String> users = new TreeSet<>();

        Constant(String type, String value, String doc) {
            this.type = Objects.requireNonNull(type);
            this.value = Objects.requireNonNull(value);
            this.doc = Objects.requireNonNull(doc);
        }
    }

    /**
     * Compares names with digit runs compared as numbers.
     *
     * @param a a name
     * @param b another name
     * @return negative, zero or positive
     */
    static int naturalOrder(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int ei = digitsEnd(a, i);
                int ej = digitsEnd(b, j);
                int byValue = new BigInteger(a.substring(i, ei)).compareTo(
                        new BigInteger(b.substring(j, ej)));
                if (byValue != 0) {
                    return byValue;
                }
                i = ei;
                j = ej;
            } else if (ca != cb) {
                return Character.compare(ca, cb);
            } else {
                i++;
                j++;
            }
        }
        int byLength = Integer.compare(a.length() - i, b.length() - j);
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    /** @return the constant names, for tests */
    List<String> names() {
        return new ArrayList<>(constants.keySet());
    }
}
