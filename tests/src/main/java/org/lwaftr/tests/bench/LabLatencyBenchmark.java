package org.lwaftr.tests.bench;

import org.lwaftr.core.Softwire;
import org.lwaftr.core.BindingChange;
import org.lwaftr.lab.LabController;
import org.lwaftr.tests.bmv2.FrameIo;
import org.onlab.packet.Ethernet;
import org.onlab.packet.IPv4;
import org.onlab.packet.IPv6;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.MacAddress;
import org.onlab.packet.UDP;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Update latency of the lab controller: adds one softwire ({@link LabController#apply}) while a
 * background thread applies {@code --rate} updates/s through the same controller (lwB4 changes of
 * {@code --background} other softwires, as REPLACE changes), and measures the time from
 * the start of the add until bmv2 forwards a downstream probe for the new softwire (RFC 7596
 * §6.1 encapsulation toward its lwB4): probes are sent on the Internet-side veth, one per
 * millisecond at most, until one comes out, captured, on the lwB4-side veth. Prints p50/p99.
 *
 * <p>Arguments: {@code --samples S} (200), {@code --rate R} (1000), {@code --background B} (1000).
 */
public final class LabLatencyBenchmark {
    private static final Ip4Address INTERNET_HOST = Ip4Address.valueOf("198.51.100.1");

    private LabLatencyBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        int samples = LabBench.intArg(args, "--samples", 200);
        int rate = LabBench.intArg(args, "--rate", 1000);
        int background = LabBench.intArg(args, "--background", 1000);
        try (LabBench bench = LabBench.start("lab latency benchmark")) {
            if (bench == null) {
                return;
            }
            List<Softwire> bg = BenchSoftwires.range(0, background);
            // The new softwires' addresses are bound beforehand (PSID 63 of each address is there,
            // never probed): what is measured is one binding.
            List<Softwire> probed = new ArrayList<>();
            List<Softwire> initial = new ArrayList<>(bg);
            Set<Integer> addresses = new HashSet<>();
            bg.forEach(s -> addresses.add(s.ipv4Int()));
            for (int n = background; probed.size() < samples; n++) {
                if (n % BenchSoftwires.PER_ADDRESS == BenchSoftwires.PER_ADDRESS - 1) {
                    continue;
                }
                probed.add(BenchSoftwires.softwire(n));
                if (addresses.add(BenchSoftwires.softwire(n).ipv4Int())) {
                    initial.add(BenchSoftwires.softwire(n | (BenchSoftwires.PER_ADDRESS - 1)));
                }
            }
            try (LabController lab = bench.controllerOnEmptySwitch(initial)) {
                measure(bench, lab, bg, probed, rate);
            }
        }
    }

    private static void measure(LabBench bench, LabController lab, List<Softwire> bg, List<Softwire> probed,
                                int rate) throws InterruptedException {
        int samples = probed.size();
        FrameIo io = bench.io;
        AtomicLong updates = new AtomicLong();
        ScheduledExecutorService churn = Executors.newSingleThreadScheduledExecutor();
        long churnStart = System.nanoTime();
        // Every millisecond, the updates due by then in one change batch (one Write): a batch taking
        // longer than 1/rate is caught up by the next, as a controller coalesces queued changes.
        churn.scheduleAtFixedRate(() -> {
            long due = (System.nanoTime() - churnStart) * rate / 1_000_000_000L - updates.get();
            List<BindingChange> changes = new ArrayList<>();
            for (long k = 0; k < due; k++) {
                long u = updates.getAndIncrement();
                int i = (int) (u % bg.size());
                // Alternate the lwB4 so that each update really changes the entry.
                changes.add(BindingChange.replace(BenchSoftwires.softwire(i, (int) ((u / bg.size() + 1) % 2))));
            }
            if (!changes.isEmpty()) {
                lab.apply(changes);
            }
        }, 0, 1, TimeUnit.MILLISECONDS);
        Thread.sleep(500);
        double[] ms = new double[samples];
        double[] written = new double[samples];
        long u0 = updates.get();
        long t0 = System.nanoTime();
        for (int j = 0; j < samples; j++) {
            Softwire s = probed.get(j);
            Ethernet probe = probe(s);
            io.clear();
            long start = System.nanoTime();
            lab.apply(List.of(BindingChange.add(s)));
            written[j] = (System.nanoTime() - start) / 1e6;
            ms[j] = (waitForwarded(io, probe, s) - start) / 1e6;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long done = updates.get() - u0;
        churn.shutdownNow();
        churn.awaitTermination(10, TimeUnit.SECONDS);
        Arrays.sort(ms);
        Arrays.sort(written);
        System.out.printf("background updates: %.0f/s applied (target %d/s)%n", done / seconds, rate);
        System.out.printf("add-softwire-to-forwarding latency over %d samples: p50 %.2f ms, p99 %.2f ms,"
                + " max %.2f ms (target p99 <= 10 ms)%n", samples, ms[samples / 2],
                ms[(int) Math.ceil(samples * 0.99) - 1], ms[samples - 1]);
        System.out.printf("of which until the controller's Write is acknowledged: p50 %.2f ms, p99 %.2f ms%n",
                written[samples / 2], written[(int) Math.ceil(samples * 0.99) - 1]);
    }

    /**
     * Sends the probe, waits up to 1 ms for its encapsulation on the lwB4 port, and again until
     * one comes; returns System.nanoTime() then. A frame arriving wakes the wait at once, so the
     * figure overstates the latency by at most one probe interval (1 ms).
     */
    private static long waitForwarded(FrameIo io, Ethernet probe, Softwire s) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        byte[] lwb4 = s.lwb4().toOctets();
        while (System.nanoTime() < deadline) {
            io.send(LabBench.INET_PORT, probe);
            byte[] f;
            try {
                f = io.expectBytes(LabBench.LWB4_PORT, 1);
            } catch (AssertionError none) {
                continue;
            }
            long now = System.nanoTime();
            if (isEncapsulationTo(f, lwb4)) {
                return now;
            }
        }
        throw new AssertionError("no probe for " + s + " forwarded within 2 s");
    }

    private static boolean isEncapsulationTo(byte[] frame, byte[] lwb4) {
        Ethernet e = new Ethernet();
        try {
            e = Ethernet.deserializer().deserialize(frame, 0, frame.length);
        } catch (Exception bad) {
            return false;
        }
        return e.getPayload() instanceof IPv6 && Arrays.equals(((IPv6) e.getPayload()).getDestinationAddress(), lwb4);
    }

    private static Ethernet probe(Softwire s) {
        UDP udp = new UDP();
        udp.setSourcePort(53);
        udp.setDestinationPort(BenchSoftwires.port(s));
        udp.setPayload(new org.onlab.packet.Data(new byte[18]));
        IPv4 ip = new IPv4();
        ip.setSourceAddress(INTERNET_HOST.toInt());
        ip.setDestinationAddress(s.ipv4Int());
        ip.setTtl((byte) 64);
        ip.setProtocol(IPv4.PROTOCOL_UDP);
        ip.setPayload(udp);
        Ethernet eth = new Ethernet();
        eth.setDestinationMACAddress(MacAddress.valueOf(LabBench.AFTR_MAC_INET));
        eth.setSourceMACAddress(MacAddress.valueOf(LabBench.INET_NEXT_HOP_MAC));
        eth.setEtherType(Ethernet.TYPE_IPV4);
        eth.setPayload(ip);
        return eth;
    }
}
