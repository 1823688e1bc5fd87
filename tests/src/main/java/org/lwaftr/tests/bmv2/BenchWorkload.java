package org.lwaftr.tests.bmv2;

import org.lwaftr.lab.p4rt.PiDevice;

import java.util.List;

/**
 * What the data-plane benchmark pushes through bmv2: a pipeline, the entries its frames need,
 * and the frames. The lwAFTR pipeline plugs in as one more implementation (with a public
 * no-argument constructor, named on the command line).
 */
public interface BenchWorkload {
    /** Name for the report. */
    String name();

    /** The compiled pipeline to load. */
    Bmv2Pipeline pipeline();

    /** Number of switch ports to create (1..n); at least {@link #inPort()} and {@link #outPort()}. */
    default int ports() {
        return 2;
    }

    /** Writes the table entries (and meter/counter setup) the frames need. */
    void install(PiDevice device);

    /** The frames to send, cycled through; each must come out of {@link #outPort()}. */
    List<byte[]> frames();

    /** Switch port the frames enter. */
    default int inPort() {
        return 1;
    }

    /** Switch port the frames leave by. */
    default int outPort() {
        return 2;
    }
}
