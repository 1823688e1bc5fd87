package org.lwaftr.pipeconf.codegen;

import com.google.protobuf.ByteString;
import com.google.protobuf.TextFormat;
import p4.config.v1.P4InfoOuterClass.Action;
import p4.config.v1.P4InfoOuterClass.ControllerPacketMetadata;
import p4.config.v1.P4InfoOuterClass.Counter;
import p4.config.v1.P4InfoOuterClass.MatchField;
import p4.config.v1.P4InfoOuterClass.Meter;
import p4.config.v1.P4InfoOuterClass.P4Info;
import p4.config.v1.P4InfoOuterClass.Table;
import p4.config.v1.P4Types.P4SerializableEnumTypeSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Generates the Java view of the pipeline's P4Info (package {@code org.lwaftr.pipeconf.gen}):
 * {@code LwaftrP4} with the PI identifiers, widths and sizes, and one Java enum per serializable
 * enum of the P4 program. The P4Info is the single source of these names and numbers.
 *
 * <p>Usage: {@code P4InfoJavaGenerator <p4info.txt> <java source root> <resources dir>}
 * (scripts/p4-regen.sh runs it). The output is deterministic: constants are sorted by name.
 */
public final class P4InfoJavaGenerator {

    /** Package of the generated classes. */
    public static final String PACKAGE = "org.lwaftr.pipeconf.gen";
    /** Where the committed P4Info lives, relative to the repository root (named in headers). */
    public static final String P4INFO_PATH = "pipeconf/src/main/resources/lwaftr.p4info.txt";
    /** The CPU port file of the pipeconf (ONOS's CPU_PORT_TXT extension), in the resources. */
    public static final String CPU_PORT_FILE = "lwaftr.cpu_port.txt";

    /** P4 enum naming port numbers; its members become {@code <MEMBER>_PORT} ints. */
    static final String PORT_ENUM = "Port_t";
    /** The serializable enums the controller relies on. */
    static final List<String> REQUIRED_ENUMS =
            List.of(PORT_ENUM, "PuntReason_t", "DropReason_t", "Side_t", "Direction_t");

    private static final String HEADER = "// Generated from " + P4INFO_PATH + " (pipeline.p4) by\n"
            + "// " + P4InfoJavaGenerator.class.getName() + ". Do not edit: change pipeline.p4 and run\n"
            + "// scripts/p4-regen.sh.\n";

    private P4InfoJavaGenerator() {
    }

    /**
     * Reads a P4Info in protobuf text format, strictly (unknown fields fail, as in ONOS).
     *
     * @param text the P4Info text
     * @return the message
     * @throws TextFormat.ParseException with the line and column of bad input
     */
    public static P4Info parse(String text) throws TextFormat.ParseException {
        P4Info.Builder builder = P4Info.newBuilder();
        TextFormat.getParser().merge(text, builder);
        return builder.build();
    }

    /**
     * Generates all outputs.
     *
     * @param p4Info the pipeline's P4Info
     * @return file contents keyed by path: Java sources relative to the source root
     *         ({@code org/lwaftr/pipeconf/gen/X.java}) and {@link #CPU_PORT_FILE}
     * @throws IllegalStateException if the P4Info lacks what the controller needs or names clash
     */
    public static SortedMap<String, String> generate(P4Info p4Info) {
        Map<String, P4SerializableEnumTypeSpec> enums = p4Info.getTypeInfo().getSerializableEnumsMap();
        for (String required : REQUIRED_ENUMS) {
            if (!enums.containsKey(required)) {
                throw new IllegalStateException("Serializable enum " + required + " is not in the P4Info: "
                        + "p4c records an enum only where it types something the controller sees "
                        + "(controller header field, match field, action parameter, counter index)");
            }
        }
        SortedMap<String, String> files = new TreeMap<>();
        String dir = PACKAGE.replace('.', '/') + "/";
        files.put(dir + "LwaftrP4.java", constantsClass(p4Info, enums.get(PORT_ENUM)));
        for (Map.Entry<String, P4SerializableEnumTypeSpec> e : new TreeMap<>(enums).entrySet()) {
            if (!e.getKey().equals(PORT_ENUM)) {
                String name = JavaNames.typeClass(e.getKey());
                files.put(dir + name + ".java", EnumWriter.write(HEADER, PACKAGE, name, e.getKey(), e.getValue()));
            }
        }
        files.put(CPU_PORT_FILE, portValue(enums.get(PORT_ENUM), "CPU") + "\n");
        return files;
    }

    private static String constantsClass(P4Info p4Info, P4SerializableEnumTypeSpec ports) {
        ConstantGroup tables = new ConstantGroup("tables (PiTableId) and their sizes");
        ConstantGroup fields = new ConstantGroup("match fields (PiMatchFieldId) and their widths");
        ConstantGroup actions = new ConstantGroup("actions (PiActionId); an action may serve several tables");
        ConstantGroup params = new ConstantGroup("action parameters (PiActionParamId) and their widths");
        ConstantGroup counters = new ConstantGroup("indexed counters (PiCounterId) and their sizes");
        ConstantGroup meters = new ConstantGroup("indexed meters (PiMeterId) and their sizes");
        ConstantGroup packetIo = new ConstantGroup("controller packet metadata (PiPacketMetadataId) and widths");
        ConstantGroup portGroup = new ConstantGroup("port numbers (P4 enum " + PORT_ENUM + ")");

        for (Table t : p4Info.getTablesList()) {
            String p4 = t.getPreamble().getName();
            String name = JavaNames.qualified(p4);
            tables.add(name, "PiTableId", "PiTableId.of(\"" + p4 + "\")", "Table {@code " + p4 + "}", null);
            tables.add(name + "_SIZE", "int", Long.toString(t.getSize()), "Capacity of {@code " + p4 + "}", null);
            for (MatchField f : t.getMatchFieldsList()) {
                String fieldName = "FIELD_" + JavaNames.constant(f.getName());
                fields.add(fieldName, "PiMatchFieldId", "PiMatchFieldId.of(\"" + f.getName() + "\")",
                        "Match field {@code " + f.getName() + "}", JavaNames.local(p4));
                fields.add(fieldName + "_BITWIDTH", "int", Integer.toString(f.getBitwidth()),
                        "Width in bits of {@code " + f.getName() + "}", JavaNames.local(p4));
            }
        }
        for (Action a : p4Info.getActionsList()) {
            String p4 = a.getPreamble().getName();
            String local = JavaNames.local(p4);
            actions.add("ACTION_" + JavaNames.constant(local), "PiActionId", "PiActionId.of(\"" + p4 + "\")",
                    "Action {@code " + p4 + "}", null);
            for (Action.Param p : a.getParamsList()) {
                String paramName = "PARAM_" + JavaNames.constant(p.getName());
                params.add(paramName, "PiActionParamId", "PiActionParamId.of(\"" + p.getName() + "\")",
                        "Action parameter {@code " + p.getName() + "}", local);
                params.add(paramName + "_BITWIDTH", "int", Integer.toString(p.getBitwidth()),
                        "Width in bits of {@code " + p.getName() + "}", local);
            }
        }
        for (Counter c : p4Info.getCountersList()) {
            addIndexed(counters, "COUNTER_", "PiCounterId", c.getPreamble().getName(), c.getSize(), "Counter");
        }
        for (Meter m : p4Info.getMetersList()) {
            addIndexed(meters, "METER_", "PiMeterId", m.getPreamble().getName(), m.getSize(), "Meter");
        }
        if (p4Info.getDirectCountersCount() + p4Info.getDirectMetersCount() + p4Info.getRegistersCount()
                + p4Info.getActionProfilesCount() + p4Info.getDigestsCount() + p4Info.getValueSetsCount() > 0) {
            throw new IllegalStateException("P4Info has direct counters/meters, registers, action profiles, "
                    + "digests or value sets: teach " + P4InfoJavaGenerator.class.getSimpleName() + " about them");
        }
        for (ControllerPacketMetadata cpm : p4Info.getControllerPacketMetadataList()) {
            String header = cpm.getPreamble().getName();
            for (ControllerPacketMetadata.Metadata md : cpm.getMetadataList()) {
                String name = JavaNames.constant(header) + "_" + JavaNames.constant(md.getName());
                packetIo.add(name, "PiPacketMetadataId", "PiPacketMetadataId.of(\"" + md.getName() + "\")",
                        "Metadata {@code " + md.getName() + "} of {@code " + header + "}", null);
                packetIo.add(name + "_BITWIDTH", "int", Integer.toString(md.getBitwidth()),
                        "Width in bits of {@code " + header + "." + md.getName() + "}", null);
            }
        }
        for (P4SerializableEnumTypeSpec.Member member : ports.getMembersList()) {
            portGroup.add(JavaNames.constant(member.getName()) + "_PORT", "int",
                    Long.toString(unsigned(member.getValue())),
                    "Port {@code " + PORT_ENUM + "." + member.getName() + "}", null);
        }

        StringBuilder out = new StringBuilder(HEADER);
        out.append("package ").append(PACKAGE).append(";\n\n");
        for (String type : List.of("PiActionId", "PiActionParamId", "PiCounterId", "PiMatchFieldId", "PiMeterId",
                "PiPacketMetadataId", "PiTableId")) {
            out.append("import org.onosproject.net.pi.model.").append(type).append(";\n");
        }
        out.append("\n/**\n * Names, widths and sizes of the lwAFTR pipeline's P4Info (pipeline.p4), for the controller.\n"
                + " */\npublic final class LwaftrP4 {\n\n    private LwaftrP4() {\n    }\n");
        for (ConstantGroup g : List.of(tables, fields, actions, params, counters, meters, packetIo, portGroup)) {
            if (!g.isEmpty()) {
                g.write(out);
            }
        }
        out.append("}\n");
        return out.toString();
    }

    private static void addIndexed(ConstantGroup group, String prefix, String type, String p4, long size,
                                   String what) {
        String name = prefix + JavaNames.constant(JavaNames.local(p4));
        group.add(name, type, type + ".of(\"" + p4 + "\")", what + " {@code " + p4 + "}", null);
        group.add(name + "_SIZE", "int", Long.toString(size), "Cells of {@code " + p4 + "}", null);
    }

    private static long portValue(P4SerializableEnumTypeSpec ports, String member) {
        return ports.getMembersList().stream()
                .filter(m -> m.getName().equals(member))
                .map(m -> unsigned(m.getValue()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(PORT_ENUM + " has no member " + member));
    }

    /**
     * Unsigned big-endian value of a P4Runtime byte string.
     *
     * @param bytes at most 8 bytes
     * @return the value
     */
    static long unsigned(ByteString bytes) {
        if (bytes.size() > 8) {
            throw new IllegalStateException("enum value wider than 64 bits: " + bytes.size() + " bytes");
        }
        long value = 0;
        for (byte b : bytes.toByteArray()) {
            value = (value << 8) | (b & 0xff);
        }
        return value;
    }

    /**
     * Writes the generated files.
     *
     * @param args P4Info text file, Java source root, resources directory
     * @throws IOException if reading or writing fails
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: P4InfoJavaGenerator <p4info.txt> <java source root> <resources dir>");
            System.exit(2);
        }
        P4Info p4Info = parse(Files.readString(Paths.get(args[0]), StandardCharsets.UTF_8));
        Path sources = Paths.get(args[1]);
        Path resources = Paths.get(args[2]);
        Path genDir = sources.resolve(PACKAGE.replace('.', '/'));
        if (Files.isDirectory(genDir)) {
            // Stale classes of removed enums must not survive a regeneration.
            try (var stale = Files.list(genDir)) {
                for (Path p : (Iterable<Path>) stale::iterator) {
                    if (p.toString().endsWith(".java")) {
                        Files.delete(p);
                    }
                }
            }
        }
        for (Map.Entry<String, String> file : generate(p4Info).entrySet()) {
            Path target = file.getKey().endsWith(".java")
                    ? sources.resolve(file.getKey()) : resources.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            System.out.println("wrote " + target);
        }
    }
}
