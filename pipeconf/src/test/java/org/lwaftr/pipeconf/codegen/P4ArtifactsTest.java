package org.lwaftr.pipeconf.codegen;

import org.junit.Assume;
import org.junit.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * Drift check: when p4c is installed, compiling pipeline.p4 must give exactly the committed P4Info
 * and bmv2 JSON. p4c is run from the repository root on the relative path {@code pipeline.p4}
 * (as scripts/p4-regen.sh does), so the JSON's source references are the same everywhere; the
 * outputs hold no absolute paths or timestamps, so nothing is normalised.
 */
public class P4ArtifactsTest {

    static final String P4C = "p4c-bm2-ss";
    private static final long TIMEOUT_MINUTES = 5;

    @Test
    public void compiledPipelineEqualsCommittedArtifacts() throws IOException, InterruptedException {
        Optional<Path> p4c = onPath(P4C);
        if (p4c.isEmpty()) {
            System.out.println("SKIPPED: " + P4C + " not found (P4 artifact check)");
        }
        Assume.assumeTrue(p4c.isPresent());

        Path out = ModulePaths.module().resolve("target/p4c");
        Files.createDirectories(out);
        Path json = out.resolve("lwaftr.json");
        Path p4info = out.resolve("lwaftr.p4info.txt");
        Files.deleteIfExists(json);
        Files.deleteIfExists(p4info);
        Process process = new ProcessBuilder(List.of(p4c.get().toString(), "--arch", "v1model",
                "-o", json.toString(), "--p4runtime-files", p4info.toString(), "pipeline.p4"))
                .directory(ModulePaths.repository().toFile())
                .redirectErrorStream(true)
                .redirectOutput(out.resolve("p4c.log").toFile())
                .start();
        assertTrue(P4C + " took over " + TIMEOUT_MINUTES + " minutes", process.waitFor(TIMEOUT_MINUTES,
                TimeUnit.MINUTES));
        String log = Files.readString(out.resolve("p4c.log"), StandardCharsets.UTF_8);
        assertEquals(P4C + " failed on pipeline.p4:\n" + log, 0, process.exitValue());

        String hint = " differs from what " + P4C + " makes of pipeline.p4: run scripts/p4-regen.sh";
        TextDiff.assertSameText(ModulePaths.committedP4Info() + hint,
                Files.readString(p4info, StandardCharsets.UTF_8),
                Files.readString(ModulePaths.committedP4Info(), StandardCharsets.UTF_8));
        TextDiff.assertSameText(ModulePaths.committedBmv2Json() + hint,
                Files.readString(json, StandardCharsets.UTF_8),
                Files.readString(ModulePaths.committedBmv2Json(), StandardCharsets.UTF_8));
    }

    static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
