package org.lwaftr.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The command's foreground: periodic statistics, the file watcher, and stdin commands. */
final class LabCommandLoop {

    private LabCommandLoop() {
    }

    static void run(LabController c, LabArgs a) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        if (a.statsInterval() > 0) {
            timer.scheduleAtFixedRate(() -> System.out.print(c.report()), a.statsInterval(), a.statsInterval(),
                    TimeUnit.SECONDS);
        }
        BindingFileWatcher watcher = a.watch() == null ? null : new BindingFileWatcher(a.watch(), c, 500);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String cmd = line.trim();
                if (cmd.equals("stats")) {
                    System.out.print(c.report());
                } else if (cmd.equals("quit") || cmd.equals("exit")) {
                    break;
                } else if (!cmd.isEmpty()) {
                    System.out.println("commands: stats | quit");
                }
            }
            if (line == null) {
                // stdin closed (run in the background): keep running until killed
                Thread.currentThread().join();
            }
        } catch (IOException e) {
            System.err.println("stdin: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            timer.shutdownNow();
            if (watcher != null) {
                watcher.close();
            }
        }
        System.exit(0);
    }
}
