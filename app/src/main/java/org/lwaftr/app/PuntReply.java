package org.lwaftr.app;

/**
 * A packet the slow path sends back to the switch: out of a port, or through the pipeline again
 * (re-injection, P4 packet_out.do_forwarding = 1).
 */
public final class PuntReply {
    private final int port;
    private final byte[] frame;

    private PuntReply(int port, byte[] frame) {
        this.port = port;
        this.frame = frame;
    }

    /** Port value meaning "through the pipeline". */
    public static final int TABLE = -1;

    /**
     * @param port  egress port
     * @param frame the Ethernet frame
     * @return a packet out of that port
     */
    public static PuntReply toPort(int port, byte[] frame) {
        return new PuntReply(port, frame);
    }

    /**
     * @param frame the Ethernet frame
     * @return a packet re-injected into the pipeline
     */
    public static PuntReply toPipeline(byte[] frame) {
        return new PuntReply(TABLE, frame);
    }

    /** @return the egress port, or {@link #TABLE} */
    public int port() {
        return port;
    }

    /** @return true if re-injected into the pipeline */
    public boolean toTable() {
        return port == TABLE;
    }

    /** @return the frame */
    public byte[] frame() {
        return frame;
    }
}
