package org.lwaftr.tests.e2e;

import org.junit.rules.ExternalResource;
import org.lwaftr.tests.bmv2.Bmv2Switch;
import org.lwaftr.tests.bmv2.FrameIo;

import java.nio.file.Path;

/**
 * A class rule: one bmv2 switch with two ports and frame I/O on them for the test class (the
 * class is skipped, with the usual one line, without bmv2).
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
        Bmv2Switch.assumeAvailable();
        sw = Bmv2Switch.start(2, Path.of("target", logDir));
        io = FrameIo.open(sw);
    }

    @Override
    protected void after() {
        E2eSetup.close(io, sw);
    }

    /** @return the switch (null before the class starts) */
    Bmv2Switch sw() {
        return sw;
    }

    /** @return frame I/O on its ports */
    FrameIo io() {
        return io;
    }
}
