package org.lwaftr.tests.bmv2;

import org.lwaftr.lab.p4rt.PiDevice;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Data-plane benchmark: frames per second a pipeline gets through bmv2, against the trivial
 * forwarder in the same run, printed as a ratio. Not a test: run by scripts/bench-bmv2.sh.
 *
 * <p>The sender keeps at most {@code window} frames in flight (sent, not yet out of the switch,
 * as counted by the kernel on the receiving veth), so the figure is what bmv2 forwards without
 * its queues overflowing. Frames that vanish (no progress for 200 ms) are counted as lost.
 *
 * <p>The two pipelines run on two switches started together and are measured in alternate
 * rounds, so that both see the same load of this shared machine; medians are compared.
 *
 * <p>Usage: {@code Bmv2Benchmark [--workload CLASS] [--seconds S] [--window W] [--frame-bytes B]
 * [--rounds N] [--p4 FILE [--p4-define NAME]...]}; {@code --p4} runs the workload on another P4
 * program with the same table names (an experiment, see {@link P4Variant}); a relative FILE is
 * taken from the repository root.
 */
public final class Bmv2Benchmark {
    private static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(3);

    private final double seconds;
    private final int window;
    private final Path logDir;

    /** A benchmark measuring for {@code seconds} with {@code window} frames in flight. */
    public Bmv2Benchmark(double seconds, int window, Path logDir) {
        this.seconds = seconds;
        this.window = window;
        this.logDir = logDir;
    }

    /** One workload's figure. */
    public static final class Result {
        /** Workload name. */
        public final String name;
        /** Frames out of the switch during the measurement. */
        public final long frames;
        /** Frames sent that never came out. */
        public final long lost;
        /** Measurement time in seconds. */
        public final double seconds;

        Result(String name, long frames, long lost, double seconds) {
            this.name = name;
            this.frames = frames;
            this.lost = lost;
            this.seconds = seconds;
        }

        /** Frames per second. */
        public double fps() {
            return frames / seconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-12s %10.0f frames/s (%d frames in %.1f s, %d lost)", name, fps(),
                    frames, seconds, lost);
        }
    }

    /** A workload loaded on a switch of its own, ready to be measured repeatedly. */
    private final class Session implements AutoCloseable {
        final BenchWorkload workload;
        final Bmv2Switch sw;
        final PiDevice device;
        final FrameSender tx;
        final List<byte[]> frames;

        Session(BenchWorkload w) {
            workload = w;
            sw = Bmv2Switch.start(w.ports(), logDir, "off");
            try {
                device = new PiDevice(sw.connect(), w.pipeline().p4Info());
                device.setPipeline(w.pipeline().json());
                w.install(device);
                tx = new FrameSender(sw.testInterface(w.inPort()));
                frames = w.frames();
                blast(sw, w, tx, frames, 1.0); // warm-up
            } catch (RuntimeException e) {
                sw.close();
                throw e;
            }
        }

        Result measure() {
            return blast(sw, workload, tx, frames, seconds);
        }

        @Override
        public void close() {
            tx.close();
            device.close();
            sw.close();
        }
    }

    /**
     * Measures the baseline and the target alternately, {@code rounds} times each, so that both
     * see the same machine load; returns the median round of each (baseline first).
     */
    public List<Result> compare(BenchWorkload baseline, BenchWorkload target, int rounds) {
        List<Result> a = new ArrayList<>();
        List<Result> b = new ArrayList<>();
        try (Session sa = new Session(baseline); Session sb = new Session(target)) {
            for (int r = 0; r < rounds; r++) {
                a.add(sa.measure());
                b.add(sb.measure());
                System.out.println("round " + (r + 1) + ": " + a.get(r) + " | " + b.get(r));
            }
        }
        return List.of(median(a), median(b));
    }

    private static Result median(List<Result> results) {
        List<Result> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingDouble(Result::fps));
        return sorted.get(sorted.size() / 2);
    }

    private Result blast(Bmv2Switch sw, BenchWorkload w, FrameSender tx, List<byte[]> frames, double secs) {
        int out = w.outPort();
        long base = sw.framesOut(out);
        long sent = 0;
        long lost = 0;
        long received = 0;
        long start = System.nanoTime();
        long end = start + (long) (secs * 1e9);
        long lastProgress = start;
        long now = start;
        while (now < end) {
            long got = sw.framesOut(out) - base;
            if (got > received) {
                received = got;
                lastProgress = now;
            } else if (now - lastProgress > GIVE_UP_NANOS) {
                throw new IllegalStateException(w.name() + ": no frame out of port " + out + " for 3 s ("
                        + received + " of " + sent + " came out); switch log:\n" + sw.logTail(20));
            } else if (sent - received >= window && now - lastProgress > STALL_NANOS) {
                lost += sent - received; // the window is full of frames that will not come
                sent = received;
            }
            int budget = (int) Math.min(32, window - (sent - received));
            if (budget <= 0) {
                LockSupport.parkNanos(20_000);
            }
            for (int i = 0; i < budget; i++) {
                tx.send(frames.get((int) (sent % frames.size())));
                sent++;
            }
            now = System.nanoTime();
        }
        return new Result(w.name(), received, lost, (now - start) / 1e9);
    }

    /** Runs the forwarder baseline and the chosen workload, printing both and their ratio. */
    public static void main(String[] args) throws Exception {
        String workload = ForwarderWorkload.class.getName();
        double seconds = 5;
        int window = 32;
        int frameBytes = 128;
        int rounds = 3;
        Path p4 = null;
        List<String> defines = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--workload": workload = value; i++; break;
                case "--seconds": seconds = Double.parseDouble(value); i++; break;
                case "--window": window = Integer.parseInt(value); i++; break;
                case "--frame-bytes": frameBytes = Integer.parseInt(value); i++; break;
                case "--rounds": rounds = Integer.parseInt(value); i++; break;
                case "--p4": p4 = Path.of(value); i++; break;
                case "--p4-define": defines.add(value); i++; break;
                default:
                    System.err.println("usage: Bmv2Benchmark [--workload CLASS] [--seconds S] [--window W]"
                            + " [--frame-bytes B] [--rounds N] [--p4 FILE [--p4-define NAME]...]");
                    System.exit(2);
            }
        }
        if (!Bmv2Switch.available()) {
            System.out.println("SKIPPED: " + Bmv2Switch.BINARY + " not found (bmv2 benchmark)");
            return;
        }
        BenchWorkload target = workload.equals(ForwarderWorkload.class.getName())
                ? new ForwarderWorkload(frameBytes)
                : (BenchWorkload) Class.forName(workload).getDeclaredConstructor().newInstance();
        Path out = Path.of("target", "bmv2-bench");
        if (p4 != null) {
            if (Commands.which(P4Variant.P4C) == null) {
                System.out.println("SKIPPED: " + P4Variant.P4C + " not found (--p4 variant)");
                return;
            }
            // scripts/bench-bmv2.sh runs from tests/: FILE is given from the repository root
            Path source = p4.isAbsolute() || Files.exists(p4) ? p4 : Path.of("..").resolve(p4);
            target = P4Variant.compile(target, source, defines, out);
        }
        Bmv2Benchmark bench = new Bmv2Benchmark(seconds, window, out);
        List<Result> medians = bench.compare(new ForwarderWorkload(frameBytes), target, rounds);
        Result baseline = medians.get(0);
        Result result = medians.get(1);
        System.out.println("median " + baseline);
        System.out.println("median " + result);
        System.out.printf(Locale.ROOT, "ratio %s/forwarder: %.3f%n", result.name, result.fps() / baseline.fps());
    }
}
