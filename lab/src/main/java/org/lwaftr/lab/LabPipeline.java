package org.lwaftr.lab;

import com.google.common.io.Resources;
import org.lwaftr.lab.p4rt.P4InfoIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The compiled lwAFTR pipeline as committed in the pipeconf jar: bmv2 JSON and P4Info. */
public final class LabPipeline {
    private final byte[] json;
    private final P4InfoIndex p4Info;

    private LabPipeline(byte[] json, P4InfoIndex p4Info) {
        this.json = json;
        this.p4Info = p4Info;
    }

    /** @return lwaftr.json and lwaftr.p4info.txt from the class path (pipeconf/src/main/resources) */
    public static LabPipeline lwaftr() {
        try {
            return new LabPipeline(Resources.toByteArray(Resources.getResource("lwaftr.json")),
                    P4InfoIndex.parseText(Resources.toString(Resources.getResource("lwaftr.p4info.txt"),
                            StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the lwAFTR pipeline from the class path", e);
        }
    }

    /** @return the bmv2 JSON (a copy) */
    public byte[] json() {
        return json.clone();
    }

    /** @return the P4Info index */
    public P4InfoIndex p4Info() {
        return p4Info;
    }
}
