package org.lwaftr.tests.bmv2;

import org.junit.Assume;
import org.junit.rules.TestRule;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;
import org.lwaftr.lab.p4rt.P4RuntimeClient;
import org.lwaftr.pipeconf.gen.LwaftrP4;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@code simple_switch_grpc} process started with {@code --no-p4} on veth pairs it creates,
 * its P4Runtime server on a free loopback port. Everything it made (process, veths) is removed
 * on {@link #close()}, on a failed start, and at JVM exit.
 */
public final class Bmv2Switch implements AutoCloseable {
    /** The binary looked up on PATH. */
    public static final String BINARY = "simple_switch_grpc";
    /** P4Runtime device id given to bmv2 unless another is asked for. */
    public static final long DEVICE_ID = 1;
    /**
     * bmv2 port of the controller (packet-in/out), from the lwAFTR pipeline's generated
     * constants; the trivial forwarder declares the same value.
     */
    public static final int CPU_PORT = LwaftrP4.CPU_PORT;

    private static final AtomicBoolean SKIP_REPORTED = new AtomicBoolean();
    private static final long START_TIMEOUT_MS = 30_000;
    private static Boolean thrift;

    private final Map<Integer, VethPair> ports;
    private final int grpcPort;
    private final long deviceId;
    private final Path logFile;
    private Process process;
    private List<String> command;
    private final Thread cleanupHook;

    private Bmv2Switch(Map<Integer, VethPair> ports, int grpcPort, long deviceId, Path logFile, Process process,
                       Thread hook) {
        this.ports = ports;
        this.grpcPort = grpcPort;
        this.deviceId = deviceId;
        this.logFile = logFile;
        this.process = process;
        this.cleanupHook = hook;
    }

    /** True if {@value #BINARY} is on PATH. */
    public static boolean available() {
        return Commands.which(BINARY) != null;
    }

    /**
     * For class-level set-up (@BeforeClass, class rules): prints the one SKIPPED line if
     * {@value #BINARY} is absent and returns false, without skipping the class as a whole (JUnit
     * would then count the class as one skipped test, hiding how many it has); its tests skip one by
     * one through {@link #required()}.
     */
    public static boolean presentOrReport() {
        boolean present = available();
        if (!present && SKIP_REPORTED.compareAndSet(false, true)) {
            System.out.println("SKIPPED: " + BINARY + " not found (bmv2 tests)");
        }
        return present;
    }

    /** A per-test rule ({@code @Rule}): each test is skipped (and counted) when {@value #BINARY} is absent. */
    public static TestRule required() {
        return (base, description) -> new Statement() {
            @Override
            public void evaluate() throws Throwable {
                assumeAvailable();
                base.evaluate();
            }
        };
    }

    /**
     * Skips the calling test (JUnit Assume) when {@value #BINARY} is absent, printing one line
     * per JVM so the skip is visible in the build output.
     */
    public static void assumeAvailable() {
        boolean present = presentOrReport();
        Assume.assumeTrue(BINARY + " not found on PATH", present);
    }

    /**
     * Starts a switch with ports 1..{@code portCount}, each a fresh veth pair, logging to
     * {@code logDir/bmv2-<id>.log}. Waits until the gRPC server accepts connections.
     */
    public static Bmv2Switch start(int portCount, Path logDir) {
        return start(portCount, logDir, "info");
    }

    /**
     * As {@link #start(int, Path)}, with bmv2's console log level ({@code trace} .. {@code off});
     * per-packet messages exist only in bmv2 builds with logging macros.
     */
    public static Bmv2Switch start(int portCount, Path logDir, String logLevel) {
        return start(portCount, logDir, logLevel, DEVICE_ID);
    }

    /** As {@link #start(int, Path, String)}, with this P4Runtime device id (several switches, one controller). */
    public static Bmv2Switch start(int portCount, Path logDir, String logLevel, long deviceId) {
        String id = String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
        Map<Integer, VethPair> ports = new LinkedHashMap<>();
        Thread hook = new Thread(() -> ports.values().forEach(VethPair::close), "bmv2-cleanup-" + id);
        Runtime.getRuntime().addShutdownHook(hook);
        Process process = null;
        try {
            List<String> cmd = new ArrayList<>(List.of(Commands.which(BINARY).toString(), "--no-p4",
                    "--device-id", Long.toString(deviceId), "--log-console", "--log-level", logLevel));
            for (int p = 1; p <= portCount; p++) {
                VethPair v = VethPair.create("bm" + id + "p" + p);
                ports.put(p, v);
                cmd.add("-i");
                cmd.add(p + "@" + v.switchSide());
            }
            if (hasThrift()) {
                // A standard bmv2 build serves Thrift on 9090 unless told otherwise: two switches would clash.
                cmd.addAll(List.of("--thrift-port", Integer.toString(freePort())));
            }
            int grpcPort = freePort();
            Files.createDirectories(logDir);
            Path log = logDir.resolve("bmv2-" + id + ".log");
            cmd.addAll(List.of("--", "--grpc-server-addr", "127.0.0.1:" + grpcPort,
                    "--cpu-port", Integer.toString(CPU_PORT)));
            process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Bmv2Switch sw = new Bmv2Switch(ports, grpcPort, deviceId, log, process, hook);
            sw.command = cmd;
            sw.awaitGrpc();
            return sw;
        } catch (IOException | RuntimeException e) {
            if (process != null) {
                process.destroyForcibly();
            }
            ports.values().forEach(VethPair::close);
            Runtime.getRuntime().removeShutdownHook(hook);
            if (e instanceof IOException) {
                throw new UncheckedIOException("cannot start " + BINARY, (IOException) e);
            }
            throw (RuntimeException) e;
        }
    }

    /** The P4Runtime server port (on 127.0.0.1). */
    public int grpcPort() {
        return grpcPort;
    }

    /** The P4Runtime device id. */
    public long deviceId() {
        return deviceId;
    }

    /** The test-side interface of switch port {@code port}. */
    public String testInterface(int port) {
        VethPair v = ports.get(port);
        if (v == null) {
            throw new IllegalArgumentException("switch has no port " + port + " (ports: " + ports.keySet() + ")");
        }
        return v.testSide();
    }

    /** Test-side interfaces by switch port. */
    public Map<Integer, String> testInterfaces() {
        Map<Integer, String> out = new LinkedHashMap<>();
        ports.forEach((p, v) -> out.put(p, v.testSide()));
        return out;
    }

    /** Frames the switch has sent out of {@code port} (kernel counter of the test side). */
    public long framesOut(int port) {
        return ports.get(port).testSideRxPackets();
    }

    /** Connects a P4Runtime client as primary (election id 10). */
    public P4RuntimeClient connect() {
        return connect(10);
    }

    /** Connects a P4Runtime client that must become primary with this election id. */
    public P4RuntimeClient connect(long electionId) {
        P4RuntimeClient c = P4RuntimeClient.connect("127.0.0.1", grpcPort, deviceId, electionId);
        if (!c.isPrimary()) {
            c.close();
            throw new IllegalStateException("not primary on " + this + ": " + c.arbitration());
        }
        return c;
    }

    /** The switch's log file. */
    public Path logFile() {
        return logFile;
    }

    /** The last {@code lines} lines of the log, for failure messages. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** A JUnit rule printing the tail of this switch's log when a test fails. */
    public TestWatcher logOnFailure() {
        return new TestWatcher() {
            @Override
            protected void failed(Throwable e, Description d) {
                System.out.println("---- " + logFile + " (last 40 lines) after " + d.getMethodName() + " failed:\n"
                        + logTail(40));
            }
        };
    }

    /**
     * Kills the switch process and starts it again on the same veths and gRPC port: it comes
     * back with no pipeline and empty tables, as after a crash. Waits until gRPC accepts
     * connections.
     */
    public synchronized void restart() {
        kill();
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restart " + BINARY, e);
        }
        awaitGrpc();
    }

    /**
     * Kills the switch process (as a crash would), keeping its veths and gRPC port for
     * {@link #restart()}; until then nothing answers on the port.
     */
    public synchronized void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** True while the process runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the process and removes the veths; may be called again. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        ports.values().forEach(VethPair::close);
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupHook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // JVM shutting down (the hook runs anyway), or closed before
        }
    }

    @Override
    public String toString() {
        return BINARY + "(grpc 127.0.0.1:" + grpcPort + ", ports " + testInterfaces() + ", log " + logFile + ")";
    }

    private void awaitGrpc() {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(BINARY + " exited with " + process.exitValue() + ":\n" + logTail(30));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", grpcPort), 200);
                return;
            } catch (IOException e) {
                sleep(100);
            }
        }
        throw new IllegalStateException(BINARY + " did not open 127.0.0.1:" + grpcPort + " within "
                + START_TIMEOUT_MS + " ms:\n" + logTail(30));
    }

    /** True if this bmv2 build has the Thrift server (its --help lists --thrift-port); asked once. */
    static synchronized boolean hasThrift() {
        if (thrift == null) {
            thrift = helpText().contains("--thrift-port");
        }
        return thrift;
    }

    private static String helpText() {
        try {
            Process p = new ProcessBuilder(Commands.which(BINARY).toString(), "--help").redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            p.waitFor(10, TimeUnit.SECONDS);
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + BINARY + " --help", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
