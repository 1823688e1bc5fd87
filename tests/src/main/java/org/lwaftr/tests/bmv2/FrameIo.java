package org.lwaftr.tests.bmv2;

import org.onlab.packet.DeserializationException;
import org.onlab.packet.Ethernet;
import org.pcap4j.core.PcapNativeException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends and captures Ethernet frames on the test side of a switch's ports. Frames are built
 * with org.onlab.packet and compared after parsing both sides, so an expected frame need not
 * carry checksums or lengths: they are computed by serialization as on the wire.
 */
public final class FrameIo implements AutoCloseable {
    private final Map<Integer, PortCapture> ports = new LinkedHashMap<>();

    private FrameIo() {
    }

    /** Opens capture and send handles on every test-side interface of the switch. */
    public static FrameIo open(Bmv2Switch sw) {
        return open(sw.testInterfaces());
    }

    /** Opens capture and send handles on these interfaces, keyed by switch port. */
    public static FrameIo open(Map<Integer, String> interfaces) {
        FrameIo io = new FrameIo();
        try {
            for (Map.Entry<Integer, String> e : interfaces.entrySet()) {
                io.ports.put(e.getKey(), new PortCapture(e.getValue()));
            }
        } catch (PcapNativeException | RuntimeException e) {
            io.close();
            throw new IllegalStateException("cannot open pcap on " + interfaces + ": " + e.getMessage(), e);
        }
        return io;
    }

    /** Sends a frame into switch port {@code port}. */
    public void send(int port, Ethernet frame) {
        send(port, frame.serialize());
    }

    /** Sends raw bytes into switch port {@code port}. */
    public void send(int port, byte[] frame) {
        port(port).send(frame);
    }

    /**
     * The next frame the switch sends out of {@code port}, parsed.
     *
     * @throws AssertionError if none comes within {@code timeoutMillis}
     */
    public Ethernet expectFrame(int port, long timeoutMillis) {
        return parse(port, expectBytes(port, timeoutMillis));
    }

    /**
     * Expects the switch to send {@code expected} out of {@code port} next.
     *
     * @throws AssertionError showing both frames if another frame comes, or none
     */
    public Ethernet expectFrame(int port, Ethernet expected, long timeoutMillis) {
        byte[] got = expectBytes(port, timeoutMillis);
        Ethernet actual = parse(port, got);
        byte[] want = expected.serialize();
        Ethernet normalized = parse(port, want);
        if (!normalized.equals(actual)) {
            throw new AssertionError("port " + port + ": unexpected frame\n expected " + normalized + "\n   " + hex(want)
                    + "\n actual   " + actual + "\n   " + hex(got));
        }
        return actual;
    }

    /** The next frame out of {@code port} as bytes; AssertionError if none within the timeout. */
    public byte[] expectBytes(int port, long timeoutMillis) {
        try {
            byte[] f = port(port).poll(timeoutMillis);
            if (f == null) {
                throw new AssertionError("port " + port + " (" + port(port).iface() + "): no frame within "
                        + timeoutMillis + " ms");
            }
            return f;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Asserts that the switch sends nothing out of {@code port} during {@code windowMillis}.
     *
     * @throws AssertionError showing the frame that came
     */
    public void expectNoFrame(int port, long windowMillis) {
        try {
            byte[] f = port(port).poll(windowMillis);
            if (f != null) {
                throw new AssertionError("port " + port + ": expected no frame, got " + parseQuietly(f) + "\n   "
                        + hex(f));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Forgets frames captured so far on every port. */
    public void clear() {
        ports.values().forEach(PortCapture::clear);
    }

    @Override
    public void close() {
        ports.values().forEach(PortCapture::close);
    }

    /** Lower-case hex of a frame, for assertion messages. */
    public static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02x", b & 0xff));
        }
        return sb.toString();
    }

    private PortCapture port(int port) {
        PortCapture p = ports.get(port);
        if (p == null) {
            throw new IllegalArgumentException("no frame I/O on port " + port + " (ports: " + ports.keySet() + ")");
        }
        return p;
    }

    private static Ethernet parse(int port, byte[] bytes) {
        try {
            return Ethernet.deserializer().deserialize(bytes, 0, bytes.length);
        } catch (DeserializationException e) {
            throw new AssertionError("port " + port + ": unparseable frame " + hex(bytes) + ": " + e.getMessage(), e);
        }
    }

    private static String parseQuietly(byte[] bytes) {
        try {
            return Ethernet.deserializer().deserialize(bytes, 0, bytes.length).toString();
        } catch (DeserializationException e) {
            return "(unparseable)";
        }
    }
}
