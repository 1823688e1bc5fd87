package org.lwaftr.app;

import org.lwaftr.core.BindingChange;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onosproject.net.DeviceId;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Control-plane benchmark (not a unit test; run by scripts/bench-control.sh). Softwires go through
 * the whole app — LwaftrService → distributed store (transaction, map events, local mirror) →
 * device programmer (translation, batching, its own thread) → a recording FlowRuleService — and
 * the figures are:
 * <ul>
 *   <li>bulk: softwires per second until every flow rule is submitted (one batch, and batches of
 *       1,000);</li>
 *   <li>latency of one update (a softwire's new lwB4), from the service call to its flow-rule
 *       submission, p50/p99, with updates paced at a fixed rate on a table of N softwires.</li>
 * </ul>
 * The store runs on onos-api's in-memory test maps: Atomix replication (network round trips
 * between instances) is not in these figures.
 */
public final class ControlBenchmark {

    private static final Ip6Address BR = Ip6Address.valueOf("2001:db8:ffff::1");
    private static final String DEVICE = "device:bench1";

    private ControlBenchmark() {
    }

    /** A running app with one AFTR device, counting submitted rule operations. */
    private static final class Rig {
        final RecordingFlowRuleService flows = new RecordingFlowRuleService();
        final AtomicLong submitted = new AtomicLong();
        final AtomicLong applies = new AtomicLong();
        volatile long lastApplyNanos;
        final ExecutorService lane = Executors.newSingleThreadExecutor();
        final TestApp app;

        Rig() {
            TestTopology topo = new TestTopology();
            topo.addAftr(DEVICE);
            flows.onApply(n -> {
                lastApplyNanos = System.nanoTime();
                submitted.addAndGet(n);
                applies.incrementAndGet();
            });
            app = new TestApp(topo, flows, lane, (d, c) -> List.of());
            app.netcfg.set(DeviceId.deviceId(DEVICE), DeviceProgrammerTest.DEVICE_JSON);
        }

        void awaitSubmitted(long n) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (submitted.get() < n) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + submitted.get() + " of " + n + " rule operations");
                }
                LockSupport.parkNanos(50_000);
            }
        }

        void stop() {
            app.stop();
            lane.shutdownNow();
        }
    }

    /** n softwires, 64 per IPv4 address (a = 6, k = 6). */
    static List<Softwire> softwires(int n, int b4Salt) {
        List<Softwire> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int addr = 0x0a000000 + (i >>> 6) + 1; // 10.0.0.1 …
            byte[] b4 = Ip6Address.valueOf("2001:db8::").toOctets();
            b4[8] = (byte) b4Salt;
            b4[12] = (byte) (i >>> 24);
            b4[13] = (byte) (i >>> 16);
            b4[14] = (byte) (i >>> 8);
            b4[15] = (byte) i;
            out.add(Softwire.of(Ip4Address.valueOf(addr), PortSet.of(6, 6, i & 63), Ip6Address.valueOf(b4), BR));
        }
        return out;
    }

    private static long expectedOps(int n) {
        int addresses = (n + 63) / 64;
        return n + 2L * addresses + 2; // bindings, psid_shape + bound_ipv4 per address, BR entries
    }

    /** @return softwires per second; leaves the rig loaded */
    private static double bulk(Rig rig, List<Softwire> sws, int batch, boolean print) {
        long base = rig.submitted.get();
        long t0 = System.nanoTime();
        long callNanos = 0;
        for (int i = 0; i < sws.size(); i += batch) {
            List<BindingChange> changes = new ArrayList<>(batch);
            for (Softwire s : sws.subList(i, Math.min(sws.size(), i + batch))) {
                changes.add(BindingChange.add(s));
            }
            long c0 = System.nanoTime();
            rig.app.manager.apply(changes);
            callNanos += System.nanoTime() - c0;
        }
        rig.awaitSubmitted(base + expectedOps(sws.size()));
        long t1 = System.nanoTime();
        double perSec = sws.size() / ((t1 - t0) / 1e9);
        if (print) {
            System.out.printf(Locale.ROOT, "bulk  %,d softwires in batches of %,d: %.2f s → %,.0f softwires/s"
                    + " (service calls %.2f s, %,d flow-rule ops in %,d FlowRuleOperations)%n",
                    sws.size(), batch, (t1 - t0) / 1e9, perSec, callNanos / 1e9,
                    rig.submitted.get() - base, rig.applies.get());
        }
        return perSec;
    }

    private static void latency(Rig rig, List<Softwire> loaded, int rate, int updates, boolean print) {
        long[] lat = new long[updates];
        long[] call = new long[updates];
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long next = System.nanoTime();
        for (int u = 0; u < updates; u++) {
            LockSupport.parkNanos(next - System.nanoTime());
            next += interval;
            Softwire old = loaded.get((u * 7919) % loaded.size());
            byte[] b4 = old.lwb4().toOctets();
            b4[9] ^= 1; // a new lwB4 address: one binding entry to rewrite
            Softwire moved = Softwire.of(old.ipv4(), old.portSet(), Ip6Address.valueOf(b4), old.br());
            long before = rig.applies.get();
            long t0 = System.nanoTime();
            rig.app.manager.apply(List.of(BindingChange.replace(moved)));
            call[u] = System.nanoTime() - t0;
            while (rig.applies.get() == before) {
                // Park, not spin: on a small machine a spinning caller steals the programmer's core.
                // The latency is taken from the submission's own timestamp, not from this wake-up.
                LockSupport.parkNanos(100_000);
            }
            lat[u] = rig.lastApplyNanos - t0;
            loaded.set((u * 7919) % loaded.size(), moved);
        }
        Arrays.sort(lat);
        Arrays.sort(call);
        if (print) {
            System.out.printf(Locale.ROOT, "update latency (service call → flow-rule submission), %,d updates at"
                            + " %,d/s on %,d softwires: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                    updates, rate, loaded.size(), lat[updates / 2] / 1e6, lat[(int) (updates * 0.99)] / 1e6,
                    lat[updates - 1] / 1e6);
            System.out.printf(Locale.ROOT, "  of which the service call (validation, transaction, map events):"
                    + " p50 %.3f ms, p99 %.3f ms%n", call[updates / 2] / 1e6, call[(int) (updates * 0.99)] / 1e6);
        }
    }

    /**
     * @param args [softwires (100000)] [updates (5000)] [rate per s (1000)]
     */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int updates = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        System.out.printf(Locale.ROOT, "lwAFTR control-plane benchmark: %,d softwires, JDK %s, %d cores%n", n,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

        // Warm-up (JIT), not reported.
        Rig warm = new Rig();
        List<Softwire> w = softwires(Math.min(n, 20_000), 9);
        bulk(warm, w, 1_000, false);
        latency(warm, new ArrayList<>(w), rate * 2, 1_000, false);
        warm.stop();

        Rig one = new Rig();
        bulk(one, softwires(n, 1), n, true);
        one.stop();
        System.gc();

        Rig batched = new Rig();
        List<Softwire> loaded = new ArrayList<>(softwires(n, 2));
        bulk(batched, loaded, 1_000, true);
        latency(batched, loaded, rate, updates, true);
        batched.stop();
    }
}
