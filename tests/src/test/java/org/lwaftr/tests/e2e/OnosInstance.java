package org.lwaftr.tests.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real ONOS 2.7 for the integration suite: the runtime {@code ../shared/onos-runtime} assembles
 * (found through its {@code .onos-ready} marker), run from a copy of its own so that nothing of a run
 * (installed apps, netcfg, Atomix data) reaches the shared install or the next run.
 *
 * <p>The copy ({@code ${java.io.tmpdir}/lwaftr-onos-it/run}) is made from a base kept next to it: the assembled
 * runtime with the P4Runtime/bmv2 apps already installed by the runtime's {@code install-apps.sh}
 * (built once per assembly, ~2–3 min; each run then boots in well under a minute). The project's
 * own app is never in the base: every run installs it.
 *
 * <p>Runs are serialized by a file lock ({@code /tmp/lwaftr-onos-it.lock}): ONOS listens on fixed
 * ports (8181 REST, 8101 ssh, 9876 Atomix).
 */
final class OnosInstance implements AutoCloseable {
    /** ONOS's REST base (fixed port, as in ONOS's own scripts). */
    static final String URL = "http://127.0.0.1:8181";
    private static final Path DEFAULT_HOME = Path.of("/opt/onos-2.7.0");
    private static final Path LOCK = Path.of("/tmp/lwaftr-onos-it.lock");
    /** Bases and the running instance (always at the same path, see {@link #base}). */
    private static final Path ROOT = Path.of(System.getProperty("java.io.tmpdir"), "lwaftr-onos-it");
    private static final Path RUN = ROOT.resolve("run");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("onos:rocks".getBytes(StandardCharsets.UTF_8));

    private final Map<String, String> marker;
    private final Path home;
    private final Path workDir;
    private final Path scripts;
    private final Path runLog;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final FileChannel lockChannel;
    private final FileLock lock;
    private boolean running;
    private long basePreparedMs = -1;
    private int bmv2DriverRepairs;
    /** Stops ONOS if the JVM exits while it runs (a killed build). */
    private Thread hook;

    private OnosInstance(Map<String, String> marker, Path home, Path workDir, Path runLog, FileChannel lockChannel,
                         FileLock lock) {
        this.marker = marker;
        this.home = home;
        this.workDir = workDir;
        this.scripts = Path.of(marker.get("START_SH")).getParent();
        this.runLog = runLog;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * The assembled ONOS: {@code $ONOS_HOME} if set, else {@value} /opt/onos-2.7.0, with its
     * {@code .onos-ready} marker (written by the runtime's assemble.sh as its last step).
     *
     * @return the marker's settings, or why there is no ONOS
     */
    static Located locate() {
        String env = System.getenv("ONOS_HOME");
        Path home = env != null && !env.isBlank() ? Path.of(env) : DEFAULT_HOME;
        Path m = home.resolve(".onos-ready");
        if (!Files.isRegularFile(m)) {
            return new Located(null, "no " + m + (env != null ? " (ONOS_HOME)" : "; set ONOS_HOME")
                    + ", see ../shared/onos-runtime/README.md");
        }
        Map<String, String> kv = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(m, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (!line.startsWith("#") && eq > 0) {
                    kv.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        } catch (IOException e) {
            return new Located(null, "cannot read " + m + ": " + e.getMessage());
        }
        kv.put("ONOS_HOME", home.toString());
        for (String key : List.of("START_SH", "STOP_SH", "WAIT_READY_SH")) {
            if (kv.get(key) == null || !Files.isExecutable(Path.of(kv.get(key)))) {
                return new Located(null, m + ": " + key + " missing or not executable (" + kv.get(key) + ")");
            }
        }
        return new Located(kv, null);
    }

    /** The result of {@link #locate()}: the marker's settings, or why there is none. */
    static final class Located {
        final Map<String, String> marker;
        final String reason;

        Located(Map<String, String> marker, String reason) {
            this.marker = marker;
            this.reason = reason;
        }
    }

    /**
     * Takes the lock, prepares the base if needed, copies it to {@code workDir/onos} and starts
     * ONOS there; returns once {@code wait-ready.sh} says it is ready.
     *
     * @param marker  from {@link #locate()}
     * @param workDir a folder under target/ (the copy, the scripts' output and ONOS's log)
     */
    static OnosInstance start(Map<String, String> marker, Path workDir) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path runLog = workDir.resolve("onos-scripts.log");
        Files.deleteIfExists(runLog);
        FileChannel ch = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.lock();
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        OnosInstance onos = null;
        try {
            long t0 = System.nanoTime();
            boolean prepared = !Files.isRegularFile(baseDir(marker).resolve(".it-base-ready"));
            Path base = base(marker, runLog);
            long prepMs = prepared ? (System.nanoTime() - t0) / 1_000_000 : -1;
            run(List.of("rm", "-rf", RUN.toString()), Map.of(), runLog, 120);
            run(List.of("cp", "-a", base.toString(), RUN.toString()), Map.of(), runLog, 300);
            onos = new OnosInstance(marker, RUN, workDir, runLog, ch, lock);
            onos.basePreparedMs = prepMs;
            onos.boot();
            return onos;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            if (onos != null) {
                onos.close();
            } else {
                lock.release();
                ch.close();
            }
            throw e;
        }
    }

    /**
     * The base: the assembled runtime plus the P4Runtime/bmv2 apps, made once per assembly. It is
     * prepared at {@link #RUN} and snapshotted from there, and always run at {@link #RUN}: Karaf
     * records some bundle locations with the instance's absolute path ({@code wrap:file:...}), and
     * at another path it would re-resolve and restart nearly every bundle on the next feature install.
     */
    private static Path baseDir(Map<String, String> marker) {
        // The GUI added to an assembly later (scripts/onos-gui/add-to-home.sh) makes another base.
        String id = Integer.toHexString((marker.get("ONOS_HOME") + "|" + marker.get("ASSEMBLED") + "|"
                + marker.getOrDefault("ONOS_GUI_ADDED", "")).hashCode());
        return ROOT.resolve("base-" + id);
    }

    private static Path base(Map<String, String> marker, Path runLog) throws IOException, InterruptedException {
        Path base = baseDir(marker);
        if (Files.isRegularFile(base.resolve(".it-base-ready"))) {
            return base;
        }
        Files.createDirectories(ROOT);
        Path tmp = ROOT.resolve(base.getFileName() + ".tmp");
        run(List.of("rm", "-rf", tmp.toString(), base.toString(), RUN.toString()), Map.of(), runLog, 120);
        run(List.of("cp", "-a", marker.get("ONOS_HOME"), RUN.toString()), Map.of(), runLog, 300);
        long t0 = System.nanoTime();
        OnosInstance prep = new OnosInstance(marker, RUN, null, runLog, null, null);
        try {
            prep.boot();
            prep.script("install-apps.sh", List.of(), 900);
            String apps = prep.get("/onos/v1/applications/org.onosproject.drivers.bmv2").body();
            if (!apps.contains("\"ACTIVE\"")) {
                throw new IllegalStateException("drivers.bmv2 not ACTIVE after install-apps.sh: " + apps);
            }
        } finally {
            prep.stopOnos();
        }
        Files.writeString(RUN.resolve(".it-base-ready"), "prepared in " + (System.nanoTime() - t0) / 1_000_000
                + " ms from " + marker.get("ONOS_HOME") + " assembled " + marker.get("ASSEMBLED") + "\n");
        run(List.of("cp", "-a", RUN.toString(), tmp.toString()), Map.of(), runLog, 300);
        Files.move(tmp, base);
        return base;
    }

    private void boot() throws IOException, InterruptedException {
        for (int port : new int[] {8181, 8101, 9876}) {
            if (listening(port)) {
                throw new IllegalStateException("port " + port + " is in use: another ONOS runs on this machine"
                        + " (not started by this suite); stop it first");
            }
        }
        long logStart = Files.exists(karafLog()) ? Files.size(karafLog()) : 0;
        running = true;
        if (hook == null) {
            hook = new Thread(() -> {
                try {
                    stopOnos();
                } catch (IOException | InterruptedException | RuntimeException ignored) {
                    // exiting anyway
                }
            }, "onos-it-stop");
            Runtime.getRuntime().addShutdownHook(hook);
        }
        script("start.sh", List.of(), 60);
        script("wait-ready.sh", List.of(), 360);
        repairBmv2DriverRace(logStart);
    }

    /**
     * ONOS's bmv2 driver definitions extend the P4Runtime and Stratum ones. When ONOS boots with its
     * apps already installed, Karaf starts their bundles in no set order, and the bmv2 loader may run
     * first: "Unable to load /bmv2-drivers.xml", no driver "bmv2", no bmv2 device ever connects. Not
     * the project's doing (an ONOS runtime race); repaired here as an operator would, by restarting
     * that one bundle once the drivers it extends are there. Counted in {@link #bmv2DriverRepairs()}.
     */
    private void repairBmv2DriverRace(long logStart) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 3; attempt++) {
            String log = Files.readString(karafLog(), StandardCharsets.UTF_8);
            if (!log.substring((int) Math.min(logStart, log.length())).contains("Unable to load /bmv2-drivers.xml")) {
                return;
            }
            bmv2DriverRepairs++;
            System.out.println("NOTE: ONOS booted without its bmv2 driver (Bmv2DriversLoader ran before the drivers"
                    + " it extends); restarting bundle org.onosproject.onos-drivers-bmv2");
            logStart = Files.size(karafLog());
            shell("bundle:restart org.onosproject.onos-drivers-bmv2");
            Thread.sleep(3000);
        }
        throw new IllegalStateException("ONOS's bmv2 driver did not load after 3 bundle restarts (see karaf.log)");
    }

    /** How many times the bmv2 driver bundle had to be restarted after a boot (see {@link #boot}). */
    int bmv2DriverRepairs() {
        return bmv2DriverRepairs;
    }

    /** Stops ONOS (as stop.sh does: its process group) and starts it again on the same folder. */
    void restart() throws IOException, InterruptedException {
        stopOnos();
        boot();
    }

    /** Stops ONOS; {@link #restart()} may follow. */
    void stop() throws IOException, InterruptedException {
        stopOnos();
    }

    /** ms spent preparing the base in {@link #start}, or -1 if it was there already. */
    long basePreparedMs() {
        return basePreparedMs;
    }

    /** The instance's folder ($ONOS_HOME of the copy). */
    Path home() {
        return home;
    }

    /** ONOS's log (Karaf). */
    Path karafLog() {
        return home.resolve("apache-karaf-4.2.9/data/log/karaf.log");
    }

    /**
     * Runs one of the runtime's scripts (next to START_SH) against this instance.
     *
     * @return its output
     * @throws IllegalStateException if it fails
     */
    String script(String name, List<String> args, long timeoutSeconds) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(scripts.resolve(name).toString());
        cmd.addAll(args);
        return run(cmd, Map.of("ONOS_HOME", home.toString(), "ONOS_URL", URL), runLog, timeoutSeconds);
    }

    /** Runs ONOS shell commands (Karaf client, batch mode) and returns their output. */
    String shell(String command) throws IOException, InterruptedException {
        return script("client.sh", List.of(command), 150);
    }

    // ------------------------------------------------------------------ REST

    HttpResponse<String> get(String path) {
        return send("GET", path, (String) null, null);
    }

    JsonNode getJson(String path) {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return json(r.body());
    }

    static JsonNode json(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    HttpResponse<String> send(String method, String path, String body, String contentType) {
        return send(method, path, body == null ? null : HttpRequest.BodyPublishers.ofString(body), contentType);
    }

    HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(URL + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", AUTH);
        if (body != null) {
            b.header("Content-Type", contentType).method(method, body);
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The state of an app ("ACTIVE", "INSTALLED"), or empty if ONOS does not know it. */
    Optional<String> appState(String name) {
        try {
            HttpResponse<String> r = get("/onos/v1/applications/" + name);
            return r.statusCode() == 200 ? Optional.of(json(r.body()).path("state").asText()) : Optional.empty();
        } catch (UncheckedIOException e) {
            return Optional.empty(); // a bundle refresh may interrupt REST for a few seconds
        }
    }

    // ------------------------------------------------------------------ stop

    private synchronized void stopOnos() throws IOException, InterruptedException {
        if (running) {
            running = false;
            script("stop.sh", List.of(), 90);
        }
        if (hook != null && Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is exiting: the hook runs anyway
            }
            hook = null;
        }
    }

    /** Stops ONOS, keeps its log as {@code karaf.log} next to the copy and deletes the copy. */
    @Override
    public void close() {
        try {
            stopOnos();
            Path log = karafLog();
            if (Files.exists(log)) {
                Files.copy(log, workDir.resolve("karaf.log"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            run(List.of("rm", "-rf", home.toString()), Map.of(), runLog, 120);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                if (lock != null) {
                    lock.release();
                    lockChannel.close();
                }
            } catch (IOException ignored) {
                // released with the channel anyway
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs a command, its output appended to {@code log}; throws with the output's tail if it fails. */
    private static String run(List<String> cmd, Map<String, String> env, Path log, long timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Path out = Files.createTempFile("onos-it", ".out");
        pb.redirectOutput(out.toFile());
        try {
            Process p = pb.start();
            boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            Files.writeString(log, "$ " + String.join(" ", cmd) + "\n" + text, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (!done || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + (done ? " failed (exit " + p.exitValue() + ")"
                        : " timed out after " + timeoutSeconds + " s") + ":\n" + tail(text, 30));
            }
            return text;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", java.util.Arrays.asList(all).subList(Math.max(0, all.length - lines), all.length));
    }
}
