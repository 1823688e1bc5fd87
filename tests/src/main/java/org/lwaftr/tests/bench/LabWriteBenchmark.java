package org.lwaftr.tests.bench;

import org.lwaftr.core.Softwire;
import org.lwaftr.lab.LabController;
import org.lwaftr.lab.p4rt.PendingWrite;
import org.lwaftr.lab.p4rt.PiDevice;
import p4.v1.P4RuntimeOuterClass.Update;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Softwires/s programmed into bmv2 by the lab controller ({@link LabController#replaceAll}: core
 * binding table, counter/BR indexes, the translator's PI entries in chunks, TargetSync's diff,
 * PiEncoder, Writes of 1000 updates) against a minimal raw P4Runtime client writing the same entries (hand-encoded
 * {@code binding}, {@code psid_shape}, {@code bound_ipv4} INSERTs, same order, same 1000 per
 * Write, one Write at a time as a minimal client does; the controller keeps up to two in flight), in
 * alternate rounds on the same switch, emptied before each; prints the medians, their ratio and
 * the time the lab controller takes to program the whole table.
 *
 * <p>Arguments: {@code --softwires N} (100000), {@code --rounds R} (3), {@code --warmup W} (2: on a
 * loaded 2-core box the JIT is still compiling in the second round), {@code --raw-in-flight K} (1). Each timed part starts after
 * a full GC, and prints the CPU this JVM used in it.
 */
public final class LabWriteBenchmark {
    /** Updates per Write: the lab controller's (TargetSync.CHUNK). */
    static final int BATCH = 1000;

    private LabWriteBenchmark() {
    }

    public static void main(String[] args) {
        int n = LabBench.intArg(args, "--softwires", 100_000);
        int rounds = LabBench.intArg(args, "--rounds", 3);
        int warmup = LabBench.intArg(args, "--warmup", 2);
        rawInFlight = LabBench.intArg(args, "--raw-in-flight", 1);
        List<Softwire> all = BenchSoftwires.range(0, n);
        try (LabBench bench = LabBench.start("lab write benchmark")) {
            if (bench == null) {
                return;
            }
            double[] lab = new double[rounds + warmup];
            double[] rawRate = new double[rounds + warmup];
            // Warm-up rounds (JIT of both paths) are printed but not counted.
            for (int r = 0; r < rounds + warmup; r++) {
                // Alternate which goes first so that neither always meets a warmer switch.
                for (int k = 0; k < 2; k++) {
                    boolean labPath = (r + k) % 2 == 0;
                    double s = labPath ? labRound(bench, all) : rawRound(bench, all, rawInFlight);
                    double cpu = lastCpuNanos / 1e9;
                    (labPath ? lab : rawRate)[r] = n / s;
                    System.out.printf("%s %d %-4s %d softwires in %.2f s = %.0f softwires/s (JVM CPU %.2f s)%n",
                            r < warmup ? "warm-up" : "round", r + 1, labPath ? "lab" : "raw", n, s, n / s, cpu);
                }
            }
            // What of the lab time is ours before any Write: the same replaceAll with no switch.
            double[] dry = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                try (LabController c = bench.controllerWithoutSwitch()) {
                    long t0 = System.nanoTime();
                    c.replaceAll(all);
                    dry[r] = (System.nanoTime() - t0) / 1e9;
                }
            }
            double l = LabBench.median(Arrays.copyOfRange(lab, warmup, lab.length));
            double w = LabBench.median(Arrays.copyOfRange(rawRate, warmup, rawRate.length));
            System.out.printf("lab controller (replaceAll): %.0f softwires/s (median of %d)%n", l, rounds);
            System.out.printf("raw P4Runtime client:        %.0f softwires/s%n", w);
            System.out.printf("ratio lab/raw: %.3f (target >= 0.9; the controller keeps up to 2 Writes in flight,"
                    + " the raw client %d)%n", l / w, rawInFlight);
            System.out.printf("lab controller without a switch (binding table, indexes, translation): %.2f s"
                    + " (median)%n", LabBench.median(dry));
            System.out.printf("time to program %d softwires (lab controller, %d updates per Write): %.2f s%n",
                    n, BATCH, n / l);
        }
    }

    /**
     * CPU time of this JVM (all threads, GC included) in the last round's timed part: on a
     * shared 2-core box, what competes with bmv2 for the cores.
     */
    private static long lastCpuNanos;

    /** Seconds the lab controller takes to go from no softwires to {@code all}. */
    private static double labRound(LabBench bench, List<Softwire> all) {
        try (LabController c = bench.controllerOnEmptySwitch(List.of())) {
            settle();
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            c.replaceAll(all);
            long t = System.nanoTime() - t0;
            lastCpuNanos = processCpuNanos() - cpu0;
            return t / 1e9;
        }
    }

    /** Writes the raw client keeps in flight ({@code --raw-in-flight}, 1: a minimal client). */
    private static int rawInFlight;

    /** Seconds the raw client takes to write the entries the lab controller writes for {@code all}. */
    private static double rawRound(LabBench bench, List<Softwire> all, int inFlight) {
        try (PiDevice d = bench.rawOnEmptySwitch()) {
            RawEntryEncoder raw = new RawEntryEncoder(d.p4Info().p4Info());
            settle();
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            RawWrites updates = new RawWrites(d, inFlight);
            // Same entries and order as the controller: bindings (counter index = position, as
            // the controller allocates them to a fresh table), then each address's two entries.
            for (int j = 0; j < all.size(); j++) {
                updates.add(raw.binding(all.get(j), 0, j));
            }
            Set<Integer> addresses = new LinkedHashSet<>();
            all.forEach(s -> addresses.add(s.ipv4Int()));
            for (int ipv4 : addresses) {
                updates.add(raw.psidShape(ipv4, all.get(0).portSet().shape()));
                updates.add(raw.boundIpv4(ipv4));
            }
            updates.finish();
            long t = System.nanoTime() - t0;
            lastCpuNanos = processCpuNanos() - cpu0;
            return t / 1e9;
        }
    }

    /**
     * A full collection before each timed part, so that neither path pays for the garbage of
     * the round before it (the lab's ~150 MB of PI entries, dead once its controller closed).
     */
    private static void settle() {
        System.gc();
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
    }

    /**
     * The raw client's Writes of {@link #BATCH} updates: one blocking Write at a time, or with
     * {@code --raw-in-flight K > 1} up to K sent without waiting (as the controller does with 2).
     */
    private static final class RawWrites {
        private final PiDevice device;
        private final int inFlight;
        private final ArrayDeque<PendingWrite> sent = new ArrayDeque<>();
        private final List<Update> updates = new ArrayList<>(BATCH);

        RawWrites(PiDevice device, int inFlight) {
            this.device = device;
            this.inFlight = inFlight;
        }

        void add(Update u) {
            updates.add(u);
            if (updates.size() < BATCH) {
                return;
            }
            if (inFlight <= 1) {
                device.client().write(updates);
            } else {
                if (sent.size() >= inFlight) {
                    sent.poll().await();
                }
                sent.add(device.client().writeAsync(List.copyOf(updates)));
            }
            updates.clear();
        }

        void finish() {
            while (!sent.isEmpty()) {
                sent.poll().await();
            }
            device.client().write(updates);
        }
    }
}
