package org.lwaftr.pipeconf.codegen;

import java.util.Locale;

/**
 * Turns P4 names into Java names: {@code port_side} → {@code PORT_SIDE}, {@code NoAction} →
 * {@code NO_ACTION}, {@code _pad} → {@code PAD}, {@code PuntReason_t} → {@code PuntReason}.
 */
final class JavaNames {

    /** Controls are named Lwaftr&lt;Stage&gt; in pipeline.p4; constants drop the program prefix. */
    private static final String PROGRAM_PREFIX = "Lwaftr";

    private JavaNames() {
    }

    /**
     * Upper snake case of one P4 name component (camelCase and snake_case both split into words).
     *
     * @param p4Name a P4 identifier
     * @return e.g. {@code PSID_SHIFT_0}
     * @throws IllegalArgumentException if nothing usable is left
     */
    static String constant(String p4Name) {
        StringBuilder out = new StringBuilder();
        char previous = '_';
        for (char c : p4Name.toCharArray()) {
            if (c == '_' || c == '.') {
                c = '_';
            } else if (!Character.isLetterOrDigit(c)) {
                throw new IllegalArgumentException("P4 name '" + p4Name + "' has a character Java names cannot hold: "
                        + c);
            }
            boolean wordStart = Character.isUpperCase(c) && (Character.isLowerCase(previous)
                    || Character.isDigit(previous));
            if ((c == '_' || wordStart) && out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                out.append('_');
            }
            if (c != '_') {
                out.append(Character.toUpperCase(c));
            }
            previous = c;
        }
        String name = out.toString();
        if (name.endsWith("_")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            throw new IllegalArgumentException("P4 name '" + p4Name + "' gives no Java constant name");
        }
        return name;
    }

    /**
     * Constant name of a fully qualified P4 object: the control without the program prefix, then
     * the object ({@code LwaftrIngress.binding} → {@code INGRESS_BINDING}).
     *
     * @param qualified fully qualified P4 name
     * @return the constant name
     */
    static String qualified(String qualified) {
        int dot = qualified.lastIndexOf('.');
        if (dot < 0) {
            return constant(qualified);
        }
        String control = qualified.substring(0, dot);
        if (control.startsWith(PROGRAM_PREFIX) && control.length() > PROGRAM_PREFIX.length()) {
            control = control.substring(PROGRAM_PREFIX.length());
        }
        return constant(control) + "_" + constant(qualified.substring(dot + 1));
    }

    /**
     * The last component of a qualified P4 name ({@code LwaftrIngress.softwire} → {@code softwire}).
     *
     * @param qualified fully qualified P4 name
     * @return the local name
     */
    static String local(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    /**
     * Java class name of a P4 type: {@code PuntReason_t} → {@code PuntReason}.
     *
     * @param p4Type P4 type name
     * @return the class name
     */
    static String typeClass(String p4Type) {
        String name = p4Type.endsWith("_t") ? p4Type.substring(0, p4Type.length() - 2) : p4Type;
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            throw new IllegalArgumentException("P4 type '" + p4Type + "' gives no Java class name");
        }
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }
}
