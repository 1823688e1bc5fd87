package org.lwaftr.app;

import org.lwaftr.pipeconf.PuntedPacket;
import org.onosproject.net.packet.InboundPacket;

/**
 * Where the punt reason of a packet-in is found, in one method: the lwAFTR interpreter delivers
 * punted packets as {@link PuntedPacket}s carrying packet_in.reason.
 */
final class PuntReasons {

    /** Reason when the packet carries none (PuntReason_t.NONE). */
    static final int NONE = 0;

    private PuntReasons() {
    }

    /**
     * @param pkt a packet-in
     * @return its PuntReason_t code (also codes this controller does not know), or {@link #NONE}
     */
    static int reasonOf(InboundPacket pkt) {
        return pkt instanceof PuntedPacket ? ((PuntedPacket) pkt).reasonCode() : NONE;
    }
}
