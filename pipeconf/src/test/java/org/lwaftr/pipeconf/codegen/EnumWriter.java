package org.lwaftr.pipeconf.codegen;

import p4.config.v1.P4Types.P4SerializableEnumTypeSpec;

import java.util.HashSet;
import java.util.Set;

/**
 * Writes one P4 serializable enum as a Java enum with {@code int code()} and
 * {@code static X fromCode(int)} (null for values the P4 program does not name).
 */
final class EnumWriter {

    private EnumWriter() {
    }

    /**
     * @param header file header comment
     * @param pkg Java package
     * @param name Java class name
     * @param p4Name P4 type name
     * @param spec the P4Info's description of the enum
     * @return Java source
     * @throws IllegalStateException on duplicate member names or values
     */
    static String write(String header, String pkg, String name, String p4Name, P4SerializableEnumTypeSpec spec) {
        int width = spec.getUnderlyingType().getBitwidth();
        StringBuilder out = new StringBuilder(header);
        out.append("package ").append(pkg).append(";\n\n");
        out.append("/**\n * P4 serializable enum {@code ").append(p4Name).append("} (bit&lt;").append(width)
                .append("&gt;) of pipeline.p4.\n */\n");
        out.append("public enum ").append(name).append(" {\n");
        Set<String> names = new HashSet<>();
        Set<Long> values = new HashSet<>();
        int count = spec.getMembersCount();
        for (int i = 0; i < count; i++) {
            P4SerializableEnumTypeSpec.Member m = spec.getMembers(i);
            String member = JavaNames.constant(m.getName());
            long value = P4InfoJavaGenerator.unsigned(m.getValue());
            if (!names.add(member) || !values.add(value)) {
                throw new IllegalStateException(p4Name + ": duplicate member " + m.getName() + " or value " + value);
            }
            out.append("    ").append(member).append('(').append(value).append(')')
                    .append(i == count - 1 ? ";\n" : ",\n");
        }
        out.append("\n    /** Width of the P4 type in bits. */\n")
                .append("    public static final int BITWIDTH = ").append(width).append(";\n\n")
                .append("    private static final ").append(name).append("[] VALUES = values();\n\n")
                .append("    private final int code;\n\n")
                .append("    ").append(name).append("(int code) {\n")
                .append("        this.code = code;\n")
                .append("    }\n\n")
                .append("    /**\n     * Returns the value of this constant in the P4 program.\n     *\n")
                .append("     * @return the code\n     */\n")
                .append("    public int code() {\n        return code;\n    }\n\n")
                .append("    /**\n     * Returns the constant with the given P4 value.\n     *\n")
                .append("     * @param code a value of the P4 type\n")
                .append("     * @return the constant, or null if the P4 program names none with that value\n")
                .append("     */\n")
                .append("    public static ").append(name).append(" fromCode(int code) {\n")
                .append("        for (").append(name).append(" value : VALUES) {\n")
                .append("            if (value.code == code) {\n")
                .append("                return value;\n")
                .append("            }\n")
                .append("        }\n")
                .append("        return null;\n")
                .append("    }\n")
                .append("}\n");
        return out.toString();
    }
}
