package org.lwaftr.tests.e2e;

import org.junit.After;
import org.junit.AfterClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.TestRule;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.io.BindingFormat;
import org.lwaftr.core.io.BindingTableFormats;
import org.lwaftr.tests.bmv2.Bmv2Switch;
import org.lwaftr.tests.bmv2.FrameIo;

import java.io.IOException;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.lwaftr.tests.e2e.E2eProbe.awaitDownstream;
import static org.lwaftr.tests.e2e.E2eProbe.downstreamExactly;
import static org.lwaftr.tests.e2e.E2eSetup.*;

/**
 * The lab controller's command as an operator runs it ({@code LabController.main}, what
 * {@code scripts/lab.sh} executes, in its own JVM) against bmv2: the command line, the netcfg file,
 * {@code --watch FILE} (its changes applied, a bad file refused whole) and {@code quit}.
 */
public class LabCommandTest {
    /** A JVM start, the pipeline and a 500 ms watch period on a loaded 2-core machine. */
    private static final long SLOW = 60_000;
    private static Bmv2Switch sw;
    private static FrameIo io;
    private LabProcess lab;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public TestRule logs = LabProcess.outputOnFailure(() -> lab, () -> sw);

    /** The class's switch, started by the first test that needs one (skipped without bmv2). */
    private static Bmv2Switch sw() {
        if (sw == null) {
            Bmv2Switch.assumeAvailable();
            sw = Bmv2Switch.start(2, Path.of("target", "bmv2"));
            io = FrameIo.open(sw);
        }
        io.clear();
        return sw;
    }

    @AfterClass
    public static void stopSwitch() {
        close(io, sw);
    }

    @After
    public void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    private Path netcfg() throws IOException {
        Path f = tmp.getRoot().toPath().resolve("netcfg.json");
        Files.writeString(f, E2eSetup.netcfg(config(icmp(true, true, 300, 1), List.of())));
        return f;
    }

    private static String csv(List<Softwire> softwires) throws IOException {
        StringWriter w = new StringWriter();
        BindingTableFormats.write(w, BindingFormat.CSV, softwires, null);
        return w.toString();
    }

    /** Replaces {@code file} at once, as an operator's tool should (no half-written file is seen). */
    private void replace(Path file, String content) throws IOException {
        Path t = Files.createTempFile(tmp.getRoot().toPath(), "next", ".csv");
        Files.writeString(t, content, StandardCharsets.UTF_8);
        Files.move(t, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void awaitForwarding(Softwire s) {
        awaitDownstream(io, s, SLOW);
    }

    private static void forwards(Softwire s) {
        downstreamExactly(io, s);
    }

    private static void awaitUnbound(Softwire s) {
        E2eProbe.awaitUnbound(io, s, SLOW);
    }

    @Test
    public void watchedFileChangesAreAppliedAndABadFileChangesNothing() throws Exception {
        Path table = tmp.getRoot().toPath().resolve("bindings.csv");
        Files.writeString(table, csv(List.of(shared(1), shared(2), whole())));
        lab = LabProcess.start("--target", "127.0.0.1:" + sw().grpcPort(), "--device-id", "1",
                "--netcfg", netcfg().toString(), "--watch", table.toString());
        lab.awaitOutput("127.0.0.1:" + sw.grpcPort() + " device 1: converged", SLOW);
        awaitForwarding(shared(2)); // the file's table at start

        // one softwire added, one removed
        replace(table, csv(List.of(shared(1), shared(3), whole())));
        lab.awaitOutput("bindings.csv changed: 1 added, 1 removed, 0 replaced", SLOW);
        forwards(shared(3));
        awaitUnbound(shared(2));
        forwards(shared(1));

        // a bad value: the error names line and field; the valid new line 5 is not applied either
        replace(table, csv(List.of(shared(1), shared(3), whole(), shared(4)))
                + "198.51.100.1,0,6,64,2001:db8:1::64,2001:db8:ffff::1\n");
        String err = lab.awaitOutput("bindings.csv not applied (nothing changed): ", SLOW);
        assertTrue(err, err.contains("line 6: psid"));
        awaitUnbound(shared(4));
        forwards(shared(3));

        // entries valid one by one that the table refuses together (two port-set shapes on one
        // address): refused whole as well, naming the line
        replace(table, csv(List.of(shared(1), shared(3), whole(), shared(4)))
                + "198.51.100.1,0,4,9,2001:db8:1::99,2001:db8:ffff::1\n");
        err = lab.awaitOutput("bindings.csv not applied (nothing changed): ", SLOW);
        assertTrue(err, err.contains("line 6: ") && err.contains("198.51.100.1/psid 9"));
        awaitUnbound(shared(4));
        forwards(shared(3));

        // a good file again: applied
        replace(table, csv(List.of(shared(1), shared(4), whole())));
        lab.awaitOutput("bindings.csv changed: 1 added, 1 removed, 0 replaced", SLOW);
        forwards(shared(4));
        awaitUnbound(shared(3));

        lab.command("quit");
        assertEquals("exit code after quit", 0, lab.awaitExit(SLOW));
        assertTrue(lab.output(), lab.output().contains("target 127.0.0.1:" + sw.grpcPort() + " device 1: up"));
    }

    /** One target that cannot be reached: named in a warning and as "down"; the other one forwards. */
    @Test
    public void unreachableTargetIsNamedAndTheOtherForwards() throws Exception {
        int dead = freePort();
        Path table = tmp.getRoot().toPath().resolve("bindings.csv");
        Files.writeString(table, csv(List.of(shared(1), whole())));
        lab = LabProcess.start("--target", "127.0.0.1:" + dead, "--device-id", "2",
                "--target", "127.0.0.1:" + sw().grpcPort(), "--netcfg", netcfg().toString(),
                "--binding-table", table.toString());
        awaitForwarding(whole());
        String warn = lab.awaitOutput("127.0.0.1:" + dead + " device 2: not converged", SLOW);
        assertTrue(warn, warn.contains("WARN") && warn.contains("cannot connect to 127.0.0.1:" + dead));
        lab.command("stats");
        lab.awaitOutput("target 127.0.0.1:" + dead + " device 2: down, converged 0x", SLOW);
        lab.awaitOutput("target 127.0.0.1:" + sw.grpcPort() + " device 1: up", SLOW);
        lab.command("quit");
        assertEquals(0, lab.awaitExit(SLOW));
    }

    /** A bad command line: exit code 2 and one line naming the option (no switch needed). */
    @Test
    public void badCommandLineExitsWith2NamingTheOption() throws Exception {
        lab = LabProcess.start("--target", "127.0.0.1:70000", "--netcfg", "netcfg.json");
        assertEquals(2, lab.awaitExit(SLOW));
        assertTrue(lab.output(), lab.output().startsWith("error: --target 127.0.0.1:70000: port must be 1..65535"));
        lab = LabProcess.start("--target", "127.0.0.1:1", "--netcfg", tmp.getRoot().toPath().resolve("none.json")
                .toString());
        assertEquals(2, lab.awaitExit(SLOW));
        assertTrue(lab.output(), lab.output().startsWith("error: ") && lab.output().contains("none.json"));
    }

    /**
     * A binding-table file the table refuses as a whole (two port-set shapes on one address): exit
     * code 2 and one line naming the file and the entry's line, before any switch is contacted.
     */
    @Test
    public void refusedBindingTableFileExitsWith2NamingFileAndLine() throws Exception {
        Path table = tmp.getRoot().toPath().resolve("bindings.csv");
        String text = csv(List.of(shared(1), whole())) + "198.51.100.1,0,4,9,2001:db8:1::99,2001:db8:ffff::1\n";
        Files.writeString(table, text);
        int line = text.split("\n").length;
        lab = LabProcess.start("--target", "127.0.0.1:1", "--netcfg", netcfg().toString(), "--binding-table",
                table.toString());
        assertEquals(lab.output(), 2, lab.awaitExit(SLOW));
        String out = lab.output();
        assertTrue(out, out.startsWith("error: " + table + ": line " + line + ": entry 2 (add 198.51.100.1/psid 9): "));
        assertEquals(out, 1, out.split("\n").length);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }
}
