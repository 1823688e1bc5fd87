package org.lwaftr.tests.dist;

import org.junit.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The standalone controller's distribution as {@code mvn install} leaves it
 * ({@code lab/target/lwaftr-controller}) and as {@code scripts/lab.sh} runs it: a launcher that
 * needs no Maven, usage on --help, one error line and exit status 2 on bad options.
 */
public class ControllerDistributionTest {
    private static final Path TOP = Path.of("..").toAbsolutePath().normalize();
    private static final Path LAUNCHER = TOP.resolve("lab/target/lwaftr-controller/bin/lwaftr-controller");

    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(TOP.resolve("scripts/lab.sh").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
        pb.environment().remove("MAVEN_HOME"); // no Maven at run time
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue("launcher did not exit", p.waitFor(30, TimeUnit.SECONDS));
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    public void builtWithItsJars() throws IOException {
        assertTrue(LAUNCHER + " missing", Files.isExecutable(LAUNCHER));
        try (var jars = Files.list(LAUNCHER.getParent().resolveSibling("lib"))) {
            List<String> names = jars.map(j -> j.getFileName().toString()).collect(java.util.stream.Collectors.toList());
            assertTrue(names.toString(), names.stream().anyMatch(n -> n.startsWith("lwaftr-lab-")));
            assertTrue(names.toString(), names.stream().anyMatch(n -> n.startsWith("lwaftr-app-")));
            assertTrue(names.toString(), names.stream().anyMatch(n -> n.startsWith("grpc-netty-shaded-")));
        }
    }

    @Test
    public void helpPrintsUsageWithoutMaven() throws Exception {
        Result r = run("--help");
        assertEquals(r.err, 0, r.status);
        assertTrue(r.out, r.out.startsWith("usage: "));
        assertTrue(r.out, r.out.contains("--snabb-config"));
    }

    @Test
    public void badOptionIsOneErrorLineAndStatus2() throws Exception {
        Result r = run("--target", "nohostport");
        assertEquals(2, r.status);
        assertTrue(r.err, r.err.startsWith("error: --target nohostport"));
        assertFalse(r.err, r.err.contains("Exception"));
        assertFalse(r.err, r.err.contains("\tat "));
    }

    /** RFC 7598 provisioning from a binding-table file, as the app's REST and CLI make it. */
    @Test
    public void provisioningKeaFromABindingTableFile() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "dist-test").toAbsolutePath());
        Path table = Files.writeString(dir.resolve("table.csv"), "ipv4,psid_offset,psid_len,psid,lwb4,br\n"
                + "192.0.2.1,6,6,3,2001:db8:1::1,2001:db8:ffff::1\n");
        Path ids = Files.writeString(dir.resolve("ids.csv"), "lwb4,duid\n2001:db8:1::1,00:03:00:01:02:00:00:00:00:01\n");
        Result r = run("provisioning-kea", "--binding-table", table.toString(), "--identities", ids.toString());
        assertEquals(r.err, 0, r.status);
        assertTrue(r.out, r.out.contains("\"data\" : \"192.0.2.1, 2001:db8:1::1/128\""));
        assertTrue(r.out, r.out.contains("\"data\" : \"6, 3/6\""));

        Files.writeString(ids, "lwb4,duid\n2001:db8:1::1,nope\n");
        r = run("provisioning-kea", "--binding-table", table.toString(), "--identities", ids.toString());
        assertEquals(2, r.status);
        assertEquals("error: " + ids + ":2: duid: 'nope' is not a DUID (3 to 130 hex octets, colon-separated)\n", r.err);
    }

    private static final class Result {
        final int status;
        final String out;
        final String err;

        Result(int status, String out, String err) {
            this.status = status;
            this.out = out;
            this.err = err;
        }
    }
}
