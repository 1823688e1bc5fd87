package org.lwaftr.slowpath;

import java.util.Arrays;

/**
 * A packet the slow path wants sent: either straight out of a port (packet-out with
 * do_forwarding = 0) or through the pipeline again (packet-out with do_forwarding = 1).
 * The frame is a complete Ethernet frame, with the VLAN tag of its side if it has one.
 */
public final class OutboundPacket {

    /** Port value of a re-injected packet. */
    public static final int NO_PORT = -1;

    private final int port;
    private final byte[] frame;

    private OutboundPacket(int port, byte[] frame) {
        this.port = port;
        this.frame = frame;
    }

    /**
     * @param port  egress port
     * @param frame the Ethernet frame (not copied: the caller hands it over)
     * @return a packet for the port
     */
    public static OutboundPacket toPort(int port, byte[] frame) {
        return new OutboundPacket(port, frame);
    }

    /**
     * @param frame the Ethernet frame (not copied)
     * @return a packet to process through the pipeline
     */
    public static OutboundPacket reinject(byte[] frame) {
        return new OutboundPacket(NO_PORT, frame);
    }

    /** @return true if the packet goes through the pipeline (do_forwarding = 1) */
    public boolean isReinject() {
        return port == NO_PORT;
    }

    /** @return egress port, or {@link #NO_PORT} for a re-injected packet */
    public int port() {
        return port;
    }

    /** @return a copy of the frame */
    public byte[] frame() {
        return frame.clone();
    }

    /** @return the frame's length */
    public int length() {
        return frame.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutboundPacket && ((OutboundPacket) o).port == port
                && Arrays.equals(((OutboundPacket) o).frame, frame);
    }

    @Override
    public int hashCode() {
        return 31 * port + Arrays.hashCode(frame);
    }

    @Override
    public String toString() {
        return (isReinject() ? "reinject" : "port " + port) + " (" + frame.length + " bytes)";
    }
}
