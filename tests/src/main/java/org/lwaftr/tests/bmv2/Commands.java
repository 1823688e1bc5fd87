package org.lwaftr.tests.bmv2;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the few host commands the harness needs ({@code ip}, {@code sysctl}) and finds binaries on PATH. */
final class Commands {
    private Commands() {
    }

    /**
     * Runs a command and waits for it.
     *
     * @throws IllegalStateException with the command's output if it fails or takes over 30 s
     */
    static String run(String... command) {
        command = command.clone();
        command[0] = resolve(command[0]);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        try {
            Process p = pb.start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("failed (exit " + p.exitValue() + "): " + String.join(" ", command)
                        + "\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }

    /** {@code ip} and {@code sysctl} live in /usr/sbin or /sbin, which a non-login PATH may lack. */
    private static String resolve(String name) {
        if (name.indexOf('/') >= 0 || which(name) != null) {
            return name;
        }
        for (String dir : List.of("/usr/sbin", "/sbin")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return name;
    }

    /** Runs a command, ignoring failure (for cleanup). */
    static void runQuietly(String... command) {
        try {
            run(command);
        } catch (IllegalStateException e) {
            // cleanup of something that may already be gone
        }
    }

    /** The executable {@code name} on PATH, or null. */
    static Path which(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : List.of(path.split(":"))) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
