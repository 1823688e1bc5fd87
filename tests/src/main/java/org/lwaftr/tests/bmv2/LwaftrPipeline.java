package org.lwaftr.tests.bmv2;

/** The compiled lwAFTR pipeline (pipeline.p4) as shipped in the pipeconf bundle's resources. */
public final class LwaftrPipeline {
    private LwaftrPipeline() {
    }

    /** lwaftr.json + lwaftr.p4info.txt from the class path. */
    public static Bmv2Pipeline pipeline() {
        return Bmv2Pipeline.fromClasspath("lwaftr", "lwaftr");
    }
}
