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
    // The report's lines (CliText, as the CLI's lwaftr-stats prints them).
    private static final Pattern SOFTWIRE = Pattern.compile("^ipv4=(\\S+) psid=(\\d+) .* counter-index=-?\\d+$");
    private static final Pattern DIRECTION = Pattern.compile("^\\s+(downstream|upstream) \\(.*\\):\\s+(\\d+) pkts / \\d+ B$");
    private static final Pattern REASON = Pattern.compile("^\\s+(punt|drop) (\\S+) +(\\d+) pkts / \\d+ B$");
    private static final Pattern SLOW_PATH = Pattern.compile("^\\s+(\\S+) +(\\d+)$");
    private static final String TRAFFIC = "softwires with traffic: ";

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
        // The report ends with the softwires with traffic: a header with their number, 3 lines each.
        String header = lab.awaitOutput(TRAFFIC, COUNTERS_WAIT);
        int lines = 1 + 3 * Integer.parseInt(header.substring(header.indexOf(TRAFFIC) + TRAFFIC.length()).trim());
        int start = lab.output().indexOf(header, from);
        long deadline = System.currentTimeMillis() + COUNTERS_WAIT;
        int end;
        while ((end = endOfLines(lab.output(), start, lines)) < 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("incomplete stats report:\n" + lab.output().substring(from));
            }
            Thread.sleep(20);
        }
        Map<String, Long> c = new TreeMap<>();
        String softwire = null;
        boolean slowPath = false;
        for (String line : lab.output().substring(from, end).split("\n")) {
            Matcher s = SOFTWIRE.matcher(line);
            Matcher d = DIRECTION.matcher(line);
            Matcher r = REASON.matcher(line);
            Matcher p = SLOW_PATH.matcher(line);
            if (line.equals("slow path") || line.startsWith(TRAFFIC)) {
                slowPath = line.equals("slow path");
            } else if (s.matches()) {
                softwire = "softwire " + s.group(1) + "/psid " + s.group(2);
            } else if (d.matches() && softwire != null) {
                c.put(softwire + " " + d.group(1), Long.parseLong(d.group(2)));
            } else if (r.matches()) {
                c.put(r.group(1) + " " + r.group(2), Long.parseLong(r.group(3)));
            } else if (slowPath && p.matches()) {
                c.put("slow-path " + p.group(1), Long.parseLong(p.group(2)));
            }
        }
        return c;
    }

    /** @return the index after the {@code n}th newline from {@code start}, or -1 if not there yet */
    private static int endOfLines(String out, int start, int n) {
        int at = start;
        for (int i = 0; i < n; i++) {
            at = out.indexOf('\n', at);
            if (at < 0) {
                return -1;
            }
            at++;
        }
        return at;
    }
}
