package org.lwaftr.bench;

import org.lwaftr.core.BindingDiff;
import org.lwaftr.core.BindingTable;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.io.BindingTableFormats;
import org.lwaftr.core.io.ImportedBindings;
import org.onlab.packet.Ip6Address;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Core benchmark (not a unit test; run with scripts/bench-core.sh): a million softwires loaded into
 * a {@link BindingTable}, the heap they keep, (IPv4, port) lookups on one thread, and imports of
 * million-entry CSV, RFC 8676 JSON and Snabb files. Prints figures and whether each target is met.
 *
 * <p>Layout: 15,625 IPv4 addresses from 198.18.0.0/15 (RFC 2544 benchmarking) × 64 PSIDs with
 * a = 6, k = 6 (RFC 7597 §5.1: every PSID holds 63 × 16 = 1008 ports, none below 1024), lwB4
 * addresses built as RFC 7596 §5.1 from one /64 per IPv4 address, two BR addresses.
 */
public final class CoreBenchmark {

    private static final int ADDRESSES = 15_625;
    private static final int K = 6;
    private static final int A = 6;
    private static final int BASE_V4 = 0xc6120000; // 198.18.0.0
    private static final long TARGET_LOAD_MS = 10_000;
    private static final long TARGET_BYTES = 300;
    private static final double TARGET_MLOOKUPS = 5.0;

    private CoreBenchmark() {
    }

    /**
     * @param args optional: the directory for the generated files (default /tmp; deleted afterwards
     *             unless -Dbench.keep=true)
     * @throws Exception on I/O errors
     */
    public static void main(String[] args) throws Exception {
        Path dir = Paths.get(args.length > 0 ? args[0] : "/tmp");
        System.out.printf("lwAFTR core benchmark: %d softwires, Java %s, %d CPUs, max heap %d MiB%n",
                ADDRESSES << K, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        boolean ok = true;

        long base = usedHeap();
        long t0 = System.nanoTime();
        List<Softwire> softwires = generate();
        System.out.printf("generate          %8.0f ms%n", ms(t0));

        BindingTable table = new BindingTable();
        t0 = System.nanoTime();
        BindingDiff diff = table.addAll(softwires);
        long loadMs = (long) ms(t0);
        ok &= report("load (one batch)", loadMs, "ms", loadMs <= TARGET_LOAD_MS, "<= " + TARGET_LOAD_MS + " ms");
        if (diff.added().size() != softwires.size()) {
            throw new IllegalStateException("added " + diff.added().size());
        }
        diff = null;
        softwires = null;
        long bytes = (usedHeap() - base) / table.size();
        ok &= report("retained heap", bytes, "B/softwire", bytes <= TARGET_BYTES, "<= " + TARGET_BYTES);

        double mlps = lookups(table);
        ok &= report("lookup, 1 thread", mlps, "M/s", mlps >= TARGET_MLOOKUPS, ">= " + TARGET_MLOOKUPS);

        List<Softwire> all = new ArrayList<>(table.softwires());
        for (String name : new String[] {"bench-1m.csv", "bench-1m.json", "bench-1m.conf"}) {
            Path f = dir.resolve(name);
            t0 = System.nanoTime();
            BindingTableFormats.write(f, all);
            double writeMs = ms(t0);
            t0 = System.nanoTime();
            ImportedBindings in = BindingTableFormats.read(f);
            double readMs = ms(t0);
            if (in.softwires().size() != all.size()) {
                throw new IllegalStateException(name + ": read " + in.softwires().size());
            }
            t0 = System.nanoTime();
            BindingTable fresh = new BindingTable();
            BindingTableFormats.apply(fresh, in, true);
            double applyMs = ms(t0);
            System.out.printf("%-17s %8.0f ms import (+%.0f ms apply), %.0f ms export, %d MiB%n", name, readMs,
                    applyMs, writeMs, Files.size(f) >> 20);
            if (!Boolean.getBoolean("bench.keep")) {
                Files.delete(f);
            }
        }
        System.out.println(ok ? "all targets met" : "TARGET MISSED");
    }

    private static List<Softwire> generate() {
        Ip6Address[] brs = {Ip6Address.valueOf("2001:db8:ffff::1"), Ip6Address.valueOf("2001:db8:ffff::2")};
        List<Softwire> out = new ArrayList<>(ADDRESSES << K);
        for (int i = 0; i < ADDRESSES; i++) {
            int ipv4 = BASE_V4 + i;
            long prefix = 0x20010db800000000L | i; // 2001:db8:0:<i>::/64
            for (int psid = 0; psid < (1 << K); psid++) {
                long iid = ((ipv4 & 0xffffffffL) << 16) | psid; // RFC 7597 §6 interface identifier
                out.add(Softwire.of(ipv4, PortSet.of(A, K, psid), prefix, iid, brs[psid & 1]));
            }
        }
        return out;
    }

    /** Random (IPv4, port) pairs, about 1 in 16 outside the table; warm-up, then timed rounds. */
    private static double lookups(BindingTable table) {
        int n = 1 << 22;
        int[] v4 = new int[n];
        int[] port = new int[n];
        Random r = new Random(1);
        for (int i = 0; i < n; i++) {
            v4[i] = BASE_V4 + r.nextInt(ADDRESSES + ADDRESSES / 16);
            port[i] = r.nextInt(65536);
        }
        long hits = 0;
        for (int round = 0; round < 3; round++) {
            hits += lookupRound(table, v4, port);
        }
        int rounds = 5;
        long t0 = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            hits += lookupRound(table, v4, port);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("  (%d lookups, %.0f%% hits)%n", (long) n * rounds, 100.0 * hits / ((long) n * (3 + rounds)));
        return (double) n * rounds / seconds / 1e6;
    }

    private static long lookupRound(BindingTable table, int[] v4, int[] port) {
        long hits = 0;
        for (int i = 0; i < v4.length; i++) {
            if (table.lookup(v4[i], port[i]) != null) {
                hits++;
            }
        }
        return hits;
    }

    private static boolean report(String what, double value, String unit, boolean met, String target) {
        System.out.printf("%-17s %8.1f %-10s target %s: %s%n", what, value, unit, target, met ? "met" : "MISSED");
        return met;
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
