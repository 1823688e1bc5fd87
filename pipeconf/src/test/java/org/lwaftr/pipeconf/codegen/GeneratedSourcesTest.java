package org.lwaftr.pipeconf.codegen;

import org.junit.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.Assert.assertEquals;

/**
 * Drift check: the committed generated Java (and CPU port file) must be exactly what the generator
 * makes of the committed P4Info. Fails the build when someone edits one without the other.
 */
public class GeneratedSourcesTest {

    private static final String FIX = " is out of date with " + P4InfoJavaGenerator.P4INFO_PATH
            + ": run scripts/p4-regen.sh";

    @Test
    public void committedGeneratedFilesEqualRegeneratedOnes() throws IOException {
        SortedMap<String, String> expected = P4InfoJavaGenerator.generate(P4InfoJavaGenerator.parse(
                Files.readString(ModulePaths.committedP4Info(), StandardCharsets.UTF_8)));
        for (Map.Entry<String, String> file : expected.entrySet()) {
            Path committed = file.getKey().endsWith(".java")
                    ? ModulePaths.sources().resolve(file.getKey())
                    : ModulePaths.resources().resolve(file.getKey());
            String actual = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "<missing>";
            TextDiff.assertSameText(committed + FIX, file.getValue(), actual);
        }
    }

    @Test
    public void generatedPackageHoldsNoOtherFiles() throws IOException {
        Path genDir = ModulePaths.sources().resolve(P4InfoJavaGenerator.PACKAGE.replace('.', '/'));
        Set<String> expected = P4InfoJavaGenerator.generate(P4InfoJavaGenerator.parse(
                Files.readString(ModulePaths.committedP4Info(), StandardCharsets.UTF_8))).keySet().stream()
                .filter(k -> k.endsWith(".java"))
                .map(k -> k.substring(k.lastIndexOf('/') + 1))
                .collect(Collectors.toCollection(TreeSet::new));
        try (Stream<Path> files = Files.list(genDir)) {
            Set<String> actual = files.map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(genDir + FIX, expected, actual);
        }
    }
}
