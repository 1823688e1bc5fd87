package org.lwaftr.tests.e2e;

import org.lwaftr.tests.bmv2.FrameIo;
import org.onlab.packet.Ethernet;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table form of Snabb's end-to-end suite ({@code src/program/lwaftr/tests/end-to-end/test_env.sh}:
 * configuration, input frames, expected frames, expected counters), run against the lab command
 * with a whole Snabb configuration on bmv2. One row: a frame into a port, the frame expected out
 * of a port (byte for byte) or none, and the counters that must change by exactly these amounts
 * (every other counter of the report must stay as it was).
 */
final class SnabbSuite {
    private static final long QUIET = 400;
    private static final long COUNTERS_WAIT = 5000;
    private static final Pattern SOFTWIRE = Pattern.compile(
            "^\\s+softwire (.+?): downstream (\\d+) pkts \\d+ B, upstream (\\d+) pkts \\d+ B$");
    private static final Pattern REASON = Pattern.compile("^\\s+(punt|drop) (\\S+): (\\d+) pkts \\d+ B$");

    /** One case. */
    static final class Row {
        final String name;
        final int inPort;
        final Ethernet in;
        final int outPort;
        final Function<byte[], Ethernet> out;
        final Map<String, Long> counters;

        /**
         * @param name     what it checks (and the RFC section or Snabb behaviour)
         * @param inPort   where the frame goes in
         * @param in       the frame
         * @param outPort  where the expected frame comes out (ignored when {@code out} is null)
         * @param out      the expected frame, given the frame that came (for fields left to the
         *                 AFTR, such as the IPv4 identification of its ICMP errors); null: no frame
         *                 on any port
         * @param counters counter → how much it must grow ("softwire K downstream", "punt R",
         *                 "drop R", "slow-path NAME")
         */
        Row(String name, int inPort, Ethernet in, int outPort, Function<byte[], Ethernet> out,
            Map<String, Long> counters) {
            this.name = name;
            this.inPort = inPort;
            this.in = in;
            this.outPort = outPort;
            this.out = out;
            this.counters = counters;
        }
    }

    private SnabbSuite() {
    }

    /** Runs the rows in order against a running lab command and its switch's ports. */
    static void run(LabProcess lab, FrameIo io, List<Integer> ports, List<Row> rows) throws InterruptedException {
        for (Row r : rows) {
            Map<String, Long> before = counters(lab);
            io.clear();
            io.send(r.inPort, r.in);
            if (r.out != null) {
                byte[] got = io.expectBytes(r.outPort, E2eProbe.WAIT);
                byte[] want = r.out.apply(got).serialize();
                if (!Arrays.equals(want, got)) {
                    throw new AssertionError(r.name + ": port " + r.outPort + ": frame differs\n expected "
                            + FrameIo.hex(want) + "\n actual   " + FrameIo.hex(got));
                }
            }
            for (int p : ports) {
                try {
                    io.expectNoFrame(p, QUIET);
                } catch (AssertionError e) {
                    throw new AssertionError(r.name + ": " + e.getMessage(), e);
                }
            }
            awaitDelta(lab, r, before);
        }
    }

    /** The slow path answers asynchronously: its counters may lag the frames for a moment. */
    private static void awaitDelta(LabProcess lab, Row r, Map<String, Long> before) throws InterruptedException {
        Map<String, Long> want = new TreeMap<>(r.counters);
        want.values().removeIf(v -> v == 0); // "must not change", as every counter not named
        long deadline = System.currentTimeMillis() + COUNTERS_WAIT;
        Map<String, Long> delta;
        do {
            delta = delta(before, counters(lab));
            if (delta.equals(want)) {
                return;
            }
            Thread.sleep(200);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError(r.name + ": counters changed by " + delta + ", expected " + want);
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Set<String> keys = new HashSet<>(before.keySet());
        keys.addAll(after.keySet());
        Map<String, Long> d = new TreeMap<>();
        for (String k : keys) {
            long v = after.getOrDefault(k, 0L) - before.getOrDefault(k, 0L);
            if (v != 0) {
                d.put(k, v);
            }
        }
        return d;
    }

    /** The lab's "stats" report as counter → value. */
    static Map<String, Long> counters(LabProcess lab) throws InterruptedException {
        int from = lab.output().length();
        lab.command("stats");
        String last = lab.awaitOutput("slow path:", COUNTERS_WAIT);
        String out = lab.output();
        String report = out.substring(from, out.indexOf(last, from) + last.length());
        Map<String, Long> c = new TreeMap<>();
        for (String line : report.split("\n")) {
            Matcher s = SOFTWIRE.matcher(line);
            Matcher r = REASON.matcher(line);
            if (s.matches()) {
                c.put("softwire " + s.group(1) + " downstream", Long.parseLong(s.group(2)));
                c.put("softwire " + s.group(1) + " upstream", Long.parseLong(s.group(3)));
            } else if (r.matches()) {
                c.put(r.group(1) + " " + r.group(2), Long.parseLong(r.group(3)));
            } else if (line.startsWith("slow path:")) {
                for (String kv : line.substring("slow path:".length()).trim().split(" ")) {
                    int eq = kv.indexOf('=');
                    if (eq > 0) {
                        c.put("slow-path " + kv.substring(0, eq), Long.parseLong(kv.substring(eq + 1)));
                    }
                }
            }
        }
        return c;
    }
}
