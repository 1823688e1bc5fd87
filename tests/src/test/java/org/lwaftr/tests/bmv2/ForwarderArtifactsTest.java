package org.lwaftr.tests.bmv2;

import org.junit.Assume;
import org.junit.Test;
import org.lwaftr.lab.p4rt.P4InfoIndex;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.Assert.assertEquals;

/** The committed forwarder.json/p4info match forwarder.p4 (when p4c-bm2-ss is on PATH). */
public class ForwarderArtifactsTest {
    @Test
    public void committedP4InfoMatchesTheSource() throws Exception {
        Path p4c = Commands.which("p4c-bm2-ss");
        if (p4c == null) {
            System.out.println("SKIPPED: p4c-bm2-ss not found (forwarder artifact check)");
        }
        Assume.assumeTrue("p4c-bm2-ss not on PATH", p4c != null);
        Path dir = Files.createDirectories(Path.of("target", "forwarder-check"));
        Commands.run(p4c.toString(), "--arch", "v1model", "-o", dir.resolve("forwarder.json").toString(),
                "--p4runtime-files", dir.resolve("forwarder.p4info.txt").toString(),
                Path.of("src", "test", "p4", "forwarder.p4").toString());
        P4InfoIndex fresh = P4InfoIndex.readText(dir.resolve("forwarder.p4info.txt"));
        P4InfoIndex committed = P4InfoIndex.readText(Path.of("src", "test", "p4", "forwarder.p4info.txt"));
        assertEquals("recompile forwarder.p4 (see its header) and commit the output",
                committed.p4Info(), fresh.p4Info());
    }
}
