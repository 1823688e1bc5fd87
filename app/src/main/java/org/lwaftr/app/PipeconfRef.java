package org.lwaftr.app;

import org.onosproject.net.pi.model.PiPipeconfId;

/**
 * The lwAFTR pipeconf's id, in ONE place: the constant of the pipeconf module once it is on main
 * (then {@code ID = <pipeconf constant>}). Devices are recognised by comparing ids, never names.
 */
public final class PipeconfRef {

    private PipeconfRef() {
    }

    /** The lwAFTR pipeconf. */
    public static final PiPipeconfId ID = new PiPipeconfId("org.lwaftr.pipeconf");
}
