package org.lwaftr.pipeconf.codegen;

import com.google.protobuf.TextFormat;
import org.junit.BeforeClass;
import org.junit.Test;
import p4.config.v1.P4InfoOuterClass.Action;
import p4.config.v1.P4InfoOuterClass.P4Info;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.SortedMap;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

public class P4InfoJavaGeneratorTest {

    private static P4Info p4Info;

    @BeforeClass
    public static void load() throws IOException {
        p4Info = P4InfoJavaGenerator.parse(Files.readString(ModulePaths.committedP4Info(), StandardCharsets.UTF_8));
    }

    @Test
    public void outputIsDeterministic() {
        assertEquals(P4InfoJavaGenerator.generate(p4Info), P4InfoJavaGenerator.generate(p4Info));
    }

    @Test
    public void outputDoesNotDependOnP4InfoOrder() {
        P4Info.Builder reversed = p4Info.toBuilder().clearActions();
        for (int i = p4Info.getActionsCount() - 1; i >= 0; i--) {
            reversed.addActions(p4Info.getActions(i));
        }
        assertEquals(P4InfoJavaGenerator.generate(p4Info), P4InfoJavaGenerator.generate(reversed.build()));
    }

    @Test
    public void everyFileSaysItIsGenerated() {
        SortedMap<String, String> files = P4InfoJavaGenerator.generate(p4Info);
        assertEquals("255\n", files.get(P4InfoJavaGenerator.CPU_PORT_FILE));
        files.forEach((name, text) -> assertTrue(name, name.endsWith(".txt")
                || text.startsWith("// Generated from " + P4InfoJavaGenerator.P4INFO_PATH)));
        assertTrue(files.keySet().toString(), files.keySet().containsAll(java.util.List.of(
                "org/lwaftr/pipeconf/gen/LwaftrP4.java", "org/lwaftr/pipeconf/gen/PuntReason.java",
                "org/lwaftr/pipeconf/gen/DropReason.java", "org/lwaftr/pipeconf/gen/Side.java",
                "org/lwaftr/pipeconf/gen/Direction.java")));
    }

    @Test
    public void missingEnumFailsNamingIt() {
        P4Info withoutSide = p4Info.toBuilder()
                .setTypeInfo(p4Info.getTypeInfo().toBuilder().removeSerializableEnums("Side_t")).build();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> P4InfoJavaGenerator.generate(withoutSide));
        assertTrue(e.getMessage(), e.getMessage().contains("Side_t"));
    }

    @Test
    public void sameParameterNameWithAnotherWidthFails() {
        Action set = p4Info.getActionsList().stream()
                .filter(a -> a.getPreamble().getName().endsWith(".set_br")).findFirst().orElseThrow();
        Action clash = set.toBuilder()
                .setPreamble(set.getPreamble().toBuilder().setId(1).setName("LwaftrIngress.other_br"))
                .setParams(0, set.getParams(0).toBuilder().setBitwidth(9)).build();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> P4InfoJavaGenerator.generate(p4Info.toBuilder().addActions(clash).build()));
        assertTrue(e.getMessage(), e.getMessage().contains("PARAM_BR_INDEX_BITWIDTH"));
    }

    @Test
    public void unknownP4InfoFieldsAreRejectedAsOnosWould() {
        TextFormat.ParseException e = assertThrows(TextFormat.ParseException.class,
                () -> P4InfoJavaGenerator.parse("pkg_info { arch: \"v1model\" }\nno_such_field: 1\n"));
        assertTrue(e.getMessage(), e.getMessage().contains("2:1"));
    }
}
