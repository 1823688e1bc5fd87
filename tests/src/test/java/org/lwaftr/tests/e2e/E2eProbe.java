package org.lwaftr.tests.e2e;

import org.lwaftr.tests.bmv2.FrameIo;
import org.onlab.packet.DeserializationException;
import org.onlab.packet.Ethernet;
import org.onlab.packet.ICMP;
import org.onlab.packet.IPv4;

import java.util.Arrays;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.lwaftr.tests.e2e.E2eSetup.HOST;

/**
 * Frame assertions of the lab end-to-end tests: one frame compared byte for byte, and polling with
 * a deadline for changes the controller applies asynchronously (a watched file, a reconnecting
 * switch): a fresh probe is sent whenever nothing came for a while, until the wanted frame comes.
 */
final class E2eProbe {
    /** How long one expected frame may take. */
    static final long WAIT = 3000;
    private static final long PROBE_EVERY = 250;

    private E2eProbe() {
    }

    /** Expects {@code want}, byte for byte, as the next frame out of {@code port}. */
    static void expectExactly(FrameIo io, int port, Ethernet want) {
        byte[] got = io.expectBytes(port, WAIT);
        byte[] w = want.serialize();
        if (!Arrays.equals(w, got)) {
            throw new AssertionError("port " + port + ": frame differs\n expected " + FrameIo.hex(w)
                    + "\n actual   " + FrameIo.hex(got) + "\n   parsed " + parse(got));
        }
    }

    /**
     * Sends {@code probe} into {@code in} (again whenever nothing came for {@value #PROBE_EVERY} ms)
     * until {@code out} emits exactly {@code want}; other frames are skipped.
     *
     * @throws AssertionError if it does not come within {@code timeoutMillis}
     */
    static void awaitExactly(FrameIo io, int in, Supplier<Ethernet> probe, int out, Ethernet want,
                             long timeoutMillis) {
        byte[] w = want.serialize();
        await(io, in, probe, out, f -> Arrays.equals(w, f), "exactly " + FrameIo.hex(w), timeoutMillis);
    }

    /**
     * As {@link #awaitExactly}, until {@code out} emits an ICMPv4 "host unreachable" (3/1) to the
     * Internet host: the AFTR's answer to a packet for a port no softwire holds (RFC 7596 §6.2
     * policy, ICMPv4 errors on).
     */
    static void awaitHostUnreachable(FrameIo io, int in, Supplier<Ethernet> probe, int out, long timeoutMillis) {
        await(io, in, probe, out, E2eProbe::isHostUnreachable, "ICMPv4 3/1 to " + HOST, timeoutMillis);
    }

    private static void await(FrameIo io, int in, Supplier<Ethernet> probe, int out, Predicate<byte[]> wanted,
                              String what, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        String last = "nothing";
        while (System.currentTimeMillis() < deadline) {
            io.send(in, probe.get());
            long until = Math.min(deadline, System.currentTimeMillis() + PROBE_EVERY);
            for (long left = until - System.currentTimeMillis(); left > 0; left = until - System.currentTimeMillis()) {
                byte[] f;
                try {
                    f = io.expectBytes(out, left);
                } catch (AssertionError none) {
                    break;
                }
                if (wanted.test(f)) {
                    drain(io, out);
                    return;
                }
                last = parse(f);
            }
        }
        throw new AssertionError("port " + out + ": no frame " + what + " within " + timeoutMillis
                + " ms; last other frame: " + last);
    }

    /**
     * Earlier probes may still be answered (the slow path is asynchronous): waits until {@code port}
     * has been quiet for a while, then forgets every captured frame, so the next expectation sees
     * only its own.
     */
    private static void drain(FrameIo io, int port) {
        try {
            while (true) {
                io.expectBytes(port, 2 * PROBE_EVERY);
            }
        } catch (AssertionError quiet) {
            io.clear();
        }
    }

    private static boolean isHostUnreachable(byte[] frame) {
        try {
            Ethernet e = Ethernet.deserializer().deserialize(frame, 0, frame.length);
            if (!(e.getPayload() instanceof IPv4)) {
                return false;
            }
            IPv4 ip = (IPv4) e.getPayload();
            if (ip.getDestinationAddress() != HOST.toInt() || !(ip.getPayload() instanceof ICMP)) {
                return false;
            }
            ICMP icmp = (ICMP) ip.getPayload();
            return icmp.getIcmpType() == 3 && icmp.getIcmpCode() == 1;
        } catch (DeserializationException e) {
            return false;
        }
    }

    private static String parse(byte[] frame) {
        try {
            return Ethernet.deserializer().deserialize(frame, 0, frame.length).toString();
        } catch (DeserializationException e) {
            return FrameIo.hex(frame);
        }
    }
}
