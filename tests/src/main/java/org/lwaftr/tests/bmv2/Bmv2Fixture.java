package org.lwaftr.tests.bmv2;

import org.junit.rules.TestRule;
import org.lwaftr.lab.p4rt.PiDevice;
import org.onosproject.net.pi.runtime.PiPacketOperation;

import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What a test class on real bmv2 needs, started once per class: the switch, a primary
 * PiDevice running a pipeline, frame I/O on every port and the packet-ins received.
 * Without simple_switch_grpc, {@link #start} returns null (class set-up must not skip the class as a
 * whole); the tests skip one by one through {@link Bmv2Switch#required()}.
 */
public final class Bmv2Fixture implements AutoCloseable {
    private final Bmv2Pipeline pipeline;
    private final Bmv2Switch sw;
    private final PiDevice device;
    private final FrameIo io;
    private final LinkedBlockingQueue<PiPacketOperation> packetIns = new LinkedBlockingQueue<>();

    private Bmv2Fixture(Bmv2Pipeline pipeline, Bmv2Switch sw, PiDevice device, FrameIo io) {
        this.pipeline = pipeline;
        this.sw = sw;
        this.device = device;
        this.io = io;
        device.onPacketIn(packetIns::add);
    }

    /**
     * Starts a switch with {@code ports} ports (logs in target/bmv2) and loads {@code pipeline}.
     *
     * @return the fixture, or null (after the one SKIPPED line) when simple_switch_grpc is absent
     */
    public static Bmv2Fixture start(Bmv2Pipeline pipeline, int ports) {
        if (!Bmv2Switch.presentOrReport()) {
            return null;
        }
        Bmv2Switch sw = Bmv2Switch.start(ports, Path.of("target", "bmv2"));
        PiDevice device = null;
        try {
            device = new PiDevice(sw.connect(), pipeline.p4Info());
            device.setPipeline(pipeline.json());
            return new Bmv2Fixture(pipeline, sw, device, FrameIo.open(sw));
        } catch (RuntimeException e) {
            if (device != null) {
                device.close();
            }
            sw.close();
            throw e;
        }
    }

    /** Closes {@code fixture} if it was started (for @AfterClass after a skip). */
    public static void stop(Bmv2Fixture fixture) {
        if (fixture != null) {
            fixture.close();
        }
    }

    /** Reloads the pipeline (empty tables, zero counters) and forgets captured frames and packet-ins. */
    public void reset() {
        device.setPipeline(pipeline.json());
        io.clear();
        packetIns.clear();
    }

    /** The switch process. */
    public Bmv2Switch sw() {
        return sw;
    }

    /** The device, in PI objects. */
    public PiDevice device() {
        return device;
    }

    /** Frame I/O on every port. */
    public FrameIo io() {
        return io;
    }

    /**
     * The next packet-in.
     *
     * @throws AssertionError with the switch log tail if none comes within the timeout
     */
    public PiPacketOperation expectPacketIn(long timeoutMillis) {
        try {
            PiPacketOperation p = packetIns.poll(timeoutMillis, TimeUnit.MILLISECONDS);
            if (p == null) {
                throw new AssertionError("no packet-in within " + timeoutMillis + " ms; switch log:\n"
                        + sw.logTail(20));
            }
            return p;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Asserts that no packet-in arrives within {@code windowMillis}.
     *
     * @throws AssertionError showing the packet-in that came
     */
    public void expectNoPacketIn(long windowMillis) {
        try {
            PiPacketOperation p = packetIns.poll(windowMillis, TimeUnit.MILLISECONDS);
            if (p != null) {
                throw new AssertionError("expected no packet-in, got " + p);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** A rule printing the switch log when a test fails. */
    public TestRule logOnFailure() {
        return sw.logOnFailure();
    }

    @Override
    public void close() {
        io.close();
        device.close();
        sw.close();
    }
}
