package org.lwaftr.tests.e2e;

import org.junit.rules.TestRule;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;
import org.lwaftr.tests.bmv2.Bmv2Switch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The lab controller's command ({@code LabController.main}, run as {@code scripts/lab.sh} runs it:
 * same main class, same logging properties) in a JVM of its own, with this test's class path. Its
 * stdout and stderr are collected; stdin takes its commands ({@code stats}, {@code quit}).
 */
final class LabProcess implements AutoCloseable {
    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;
    private int mark;

    private LabProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::collect, "lab-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code LabController} with these command-line arguments. */
    static LabProcess start(String... args) {
        // surefire runs tests with a manifest-only jar; it publishes the real class path here
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-Dorg.slf4j.simpleLogger.logFile=System.err",
                "-cp", cp, "org.lwaftr.lab.LabController"));
        cmd.addAll(List.of(args));
        try {
            return new LabProcess(new ProcessBuilder(cmd).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the lab controller", e);
        }
    }

    private void collect() {
        byte[] buf = new byte[8192];
        try (InputStream in = process.getInputStream()) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                output.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            output.append("\n(output: ").append(e.getMessage()).append(")\n");
        }
    }

    /** Everything printed so far. */
    String output() {
        return output.toString();
    }

    /**
     * Waits until the output printed after the previous match contains {@code text}.
     *
     * @return the line holding it
     * @throws AssertionError if it does not come within {@code timeoutMillis} (or the process exits)
     */
    String awaitOutput(String text, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            int at = output.indexOf(text, mark);
            if (at >= 0) {
                int start = output.lastIndexOf("\n", at) + 1;
                int end = output.indexOf("\n", at);
                mark = at + text.length();
                return output.substring(start, end < 0 ? output.length() : end);
            }
            if (System.currentTimeMillis() > deadline || !process.isAlive()) {
                throw new AssertionError("the lab controller did not print '" + text + "' within " + timeoutMillis
                        + " ms" + (process.isAlive() ? "" : " (it exited)") + "; after the previous match:\n"
                        + output.substring(Math.min(mark, output.length())));
            }
            Thread.sleep(50);
        }
    }

    /** Sends one command line to stdin. */
    void command(String line) {
        try {
            OutputStream in = process.getOutputStream();
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("lab controller stdin", e);
        }
    }

    /**
     * @return the exit code
     * @throws AssertionError if the process has not exited within {@code timeoutMillis}
     */
    int awaitExit(long timeoutMillis) throws InterruptedException {
        if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the lab controller did not exit within " + timeoutMillis + " ms:\n" + output());
        }
        reader.join(5000); // the rest of its output
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A rule that prints the lab's output and the switch's log tail when a test fails (either may be null). */
    static TestRule outputOnFailure(Supplier<LabProcess> lab, Supplier<Bmv2Switch> sw) {
        return new TestWatcher() {
            @Override
            protected void failed(Throwable e, Description d) {
                if (lab.get() != null) {
                    System.out.println("---- lab controller output after " + d.getMethodName() + ":\n"
                            + lab.get().output());
                }
                if (sw.get() != null) {
                    System.out.println("---- bmv2 log tail:\n" + sw.get().logTail(20));
                }
            }
        };
    }
}
