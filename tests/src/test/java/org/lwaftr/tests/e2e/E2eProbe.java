package org.lwaftr.tests.e2e;

import org.lwaftr.core.Softwire;
import org.lwaftr.tests.bmv2.FrameIo;
import org.onlab.packet.DeserializationException;
import org.onlab.packet.Ethernet;
import org.onlab.packet.ICMP;
import org.onlab.packet.IPv4;
import org.onlab.packet.Ip4Address;

import java.util.Arrays;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.lwaftr.tests.e2e.E2eSetup.HOST;
import static org.lwaftr.tests.e2e.E2eSetup.INET_PORT;
import static org.lwaftr.tests.e2e.E2eSetup.LWB4_PORT;
import static org.lwaftr.tests.e2e.E2eSetup.fromInternet;
import static org.lwaftr.tests.e2e.E2eSetup.fromLwb4;
import static org.lwaftr.tests.e2e.E2eSetup.port;
import static org.lwaftr.tests.e2e.E2eSetup.toInternet;
import static org.lwaftr.tests.e2e.E2eSetup.toLwb4;
import static org.lwaftr.tests.e2e.E2eSetup.udp;

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

    /** RFC 7596 §6.2 downstream: a UDP packet from the Internet host to a port of {@code s}, exactly encapsulated. */
    static void downstreamExactly(FrameIo io, Softwire s) {
        io.clear();
        io.send(INET_PORT, toSoftwire(s));
        expectExactly(io, LWB4_PORT, toLwb4(s, udp(HOST, 53, address(s), port(s), 63)));
    }

    /** RFC 7596 §6.2 upstream: a UDP packet from {@code s}'s lwB4, exactly decapsulated. */
    static void upstreamExactly(FrameIo io, Softwire s) {
        io.clear();
        io.send(LWB4_PORT, fromLwb4(s.lwb4(), udp(address(s), port(s), HOST, 53, 64)));
        expectExactly(io, INET_PORT, toInternet(udp(address(s), port(s), HOST, 53, 64)));
    }

    /** As {@link #downstreamExactly}, probing until it works (a change applied asynchronously). */
    static void awaitDownstream(FrameIo io, Softwire s, long timeoutMillis) {
        awaitDownstream(io, s, 64, timeoutMillis);
    }

    /** As {@link #awaitDownstream(FrameIo, Softwire, long)}, encapsulated with this hop limit (255 from Snabb). */
    static void awaitDownstream(FrameIo io, Softwire s, int hopLimit, long timeoutMillis) {
        byte[] w = toLwb4(s, udp(HOST, 53, address(s), port(s), 63)).serialize();
        w[14 + 7] = (byte) hopLimit; // the IPv6 header's hop limit (no checksum covers it)
        await(io, INET_PORT, () -> toSoftwire(s), LWB4_PORT, f -> Arrays.equals(w, f), "exactly " + FrameIo.hex(w),
                timeoutMillis);
    }

    /**
     * Probes {@code s}'s port from the Internet until the AFTR answers with an ICMPv4 "host unreachable"
     * (3/1) to the host: no softwire holds that port any more (RFC 7596 §6.2 policy, ICMPv4 errors on).
     */
    static void awaitUnbound(FrameIo io, Softwire s, long timeoutMillis) {
        await(io, INET_PORT, () -> toSoftwire(s), INET_PORT, E2eProbe::isHostUnreachable, "ICMPv4 3/1 to " + HOST,
                timeoutMillis);
    }

    private static Ethernet toSoftwire(Softwire s) {
        return fromInternet(udp(HOST, 53, address(s), port(s), 64));
    }

    private static Ip4Address address(Softwire s) {
        return Ip4Address.valueOf(s.ipv4Int());
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
     * until {@code out} emits a {@code wanted} frame; other frames are skipped.
     *
     * @throws AssertionError if none comes within {@code timeoutMillis}
     */
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
