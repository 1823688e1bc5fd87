package org.lwaftr.tests.bench;

import org.lwaftr.core.Softwire;
import org.lwaftr.lab.p4rt.P4RuntimeClient;
import p4.v1.P4RuntimeOuterClass.Update;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Softwires/s written into bmv2 by the lab controller's path (translator → PI entries →
 * PiWriteBatch → P4Runtime) against a minimal raw P4Runtime client (hand-encoded updates, same
 * entries, same batch size), in alternate rounds on the same switch; prints the medians, their
 * ratio and the time the lab path takes to program the whole table.
 *
 * <p>Arguments: {@code --softwires N} (100000), {@code --batch B} (1000), {@code --rounds R} (3), {@code --warmup W} (1).
 */
public final class LabWriteBenchmark {
    private LabWriteBenchmark() {
    }

    public static void main(String[] args) {
        int n = LabBench.intArg(args, "--softwires", 100_000);
        int batch = LabBench.intArg(args, "--batch", 1000);
        int rounds = LabBench.intArg(args, "--rounds", 3);
        int warmup = LabBench.intArg(args, "--warmup", 1);
        List<Softwire> all = BenchSoftwires.range(0, n);
        try (LabBench bench = LabBench.start("lab write benchmark")) {
            if (bench == null) {
                return;
            }
            RawBindingEncoder raw = new RawBindingEncoder(bench.fixture.device().p4Info().p4Info());
            double[] lab = new double[rounds + warmup];
            double[] rawRate = new double[rounds + warmup];
            // Warm-up rounds (JIT of both paths) are printed but not counted.
            for (int r = 0; r < rounds + warmup; r++) {
                // Alternate which goes first so that neither always meets a warmer switch.
                for (int k = 0; k < 2; k++) {
                    boolean labPath = (r + k) % 2 == 0;
                    bench.resetWithDeviceEntries();
                    long t0 = System.nanoTime();
                    if (labPath) {
                        for (int i = 0; i < n; i += batch) {
                            bench.writeSoftwires(all.subList(i, Math.min(n, i + batch)), i);
                        }
                    } else {
                        writeRaw(bench.device().client(), raw, all, batch);
                    }
                    double s = (System.nanoTime() - t0) / 1e9;
                    (labPath ? lab : rawRate)[r] = n / s;
                    System.out.printf("%s %d %-4s %d softwires in %.2f s = %.0f softwires/s%n", r < warmup ? "warm-up" : "round", r + 1,
                            labPath ? "lab" : "raw", n, s, n / s);
                }
            }
            double l = LabBench.median(Arrays.copyOfRange(lab, warmup, lab.length));
            double w = LabBench.median(Arrays.copyOfRange(rawRate, warmup, rawRate.length));
            System.out.printf("lab path (translator + PiWriteBatch): %.0f softwires/s (median of %d)%n", l, rounds);
            System.out.printf("raw P4Runtime client:                 %.0f softwires/s%n", w);
            System.out.printf("ratio lab/raw: %.3f (target >= 0.9)%n", l / w);
            System.out.printf("time to program %d softwires (lab path, batch %d): %.2f s%n", n, batch, n / l);
        }
    }

    private static void writeRaw(P4RuntimeClient client, RawBindingEncoder raw, List<Softwire> all, int batch) {
        for (int i = 0; i < all.size(); i += batch) {
            int end = Math.min(all.size(), i + batch);
            List<Update> updates = new ArrayList<>(end - i);
            for (int j = i; j < end; j++) {
                updates.add(raw.insert(all.get(j), 0, j));
            }
            client.write(updates);
        }
    }
}
