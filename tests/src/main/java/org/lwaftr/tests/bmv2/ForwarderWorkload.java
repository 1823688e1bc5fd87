package org.lwaftr.tests.bmv2;

import org.lwaftr.lab.p4rt.PiDevice;

import java.util.List;

/** The benchmark baseline: the trivial forwarder, port 1 to port 2, one UDP frame of a given size. */
public final class ForwarderWorkload implements BenchWorkload {
    private final int frameBytes;

    /** Frames of 128 bytes. */
    public ForwarderWorkload() {
        this(128);
    }

    /** Frames of {@code frameBytes} bytes (at least 42: Ethernet + IPv4 + UDP headers). */
    public ForwarderWorkload(int frameBytes) {
        if (frameBytes < 42) {
            throw new IllegalArgumentException("frameBytes " + frameBytes + " < 42");
        }
        this.frameBytes = frameBytes;
    }

    @Override
    public String name() {
        return "forwarder";
    }

    @Override
    public Bmv2Pipeline pipeline() {
        return Forwarder.pipeline();
    }

    @Override
    public void install(PiDevice device) {
        device.write(device.batch().insert(Forwarder.forward(inPort(), outPort())));
    }

    @Override
    public List<byte[]> frames() {
        return List.of(TestFrames.udp4(new byte[frameBytes - 42]).serialize());
    }
}
