package org.lwaftr.tests.e2e;

import org.junit.rules.ExternalResource;
import org.lwaftr.tests.bmv2.Bmv2Switch;
import org.lwaftr.tests.bmv2.FrameIo;

import java.nio.file.Path;

/**
 * A class rule: one bmv2 switch with two ports and frame I/O on them for the test class. Without
 * bmv2 it starts nothing (one SKIPPED line) and {@link #sw()} / {@link #io()} skip the calling test,
 * so each test is counted as skipped rather than the class as one.
 */
final class E2eSwitch extends ExternalResource {
    private final String logDir;
    private Bmv2Switch sw;
    private FrameIo io;

    /** @param logDir directory under target/ for the switch's log */
    E2eSwitch(String logDir) {
        this.logDir = logDir;
    }

    @Override
    protected void before() {
        if (!Bmv2Switch.presentOrReport()) {
            return;
        }
        sw = Bmv2Switch.start(2, Path.of("target", logDir));
        io = FrameIo.open(sw);
    }

    @Override
    protected void after() {
        E2eSetup.close(io, sw);
    }

    /** @return the switch (null before the class starts) */
    Bmv2Switch sw() {
        Bmv2Switch.assumeAvailable();
        return sw;
    }

    /** @return frame I/O on its ports */
    FrameIo io() {
        Bmv2Switch.assumeAvailable();
        return io;
    }
}
