package org.lwaftr.app;

import org.onosproject.net.packet.InboundPacket;

/**
 * Where the punt reason of a packet-in is found, in ONE method: the lwAFTR interpreter maps the
 * P4 packet_in.reason metadata into the inbound packet's cookie. When the pipeconf's helper is on
 * main, this method delegates to it.
 */
final class PuntReasons {

    /** Reason when the packet carries none (PuntReason_t.NONE). */
    static final int NONE = 0;

    private PuntReasons() {
    }

    /**
     * @param pkt a packet-in
     * @return its PuntReason_t code, or {@link #NONE}
     */
    static int reasonOf(InboundPacket pkt) {
        return pkt.cookie().map(Long::intValue).orElse(NONE);
    }
}
