package org.lwaftr.pipeconf;

import org.lwaftr.pipeconf.gen.PuntReason;
import org.onlab.packet.Ethernet;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.packet.InboundPacket;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A packet the lwAFTR pipeline punted, as ONOS delivers it to packet processors: an
 * {@link InboundPacket} that also carries the punt reason from the packet_in header. Packet
 * processors get the reason with {@link #reasonOf(InboundPacket)}.
 */
public final class PuntedPacket implements InboundPacket {

    private final ConnectPoint receivedFrom;
    private final Ethernet parsed;
    private final byte[] frame;
    private final int reasonCode;

    /**
     * Creates a punted packet.
     *
     * @param receivedFrom device and ingress port
     * @param parsed parsed frame
     * @param frame the frame's bytes as punted (copied)
     * @param reasonCode PuntReason_t code from the packet_in header
     */
    public PuntedPacket(ConnectPoint receivedFrom, Ethernet parsed, byte[] frame, int reasonCode) {
        this.receivedFrom = Objects.requireNonNull(receivedFrom, "receivedFrom");
        this.parsed = Objects.requireNonNull(parsed, "parsed");
        this.frame = frame.clone();
        this.reasonCode = reasonCode;
    }

    /**
     * Returns the punt reason of a packet delivered by ONOS.
     *
     * @param packet inbound packet from a packet context
     * @return the reason; empty if the packet did not come from the lwAFTR pipeline or carries a code
     *         this controller does not know (see {@link #reasonCode()})
     */
    public static Optional<PuntReason> reasonOf(InboundPacket packet) {
        return packet instanceof PuntedPacket ? ((PuntedPacket) packet).reason() : Optional.empty();
    }

    /**
     * Returns the punt reason.
     *
     * @return the reason, empty if the code is unknown to this controller
     */
    public Optional<PuntReason> reason() {
        return Optional.ofNullable(PuntReason.fromCode(reasonCode));
    }

    /**
     * Returns the punt reason's code as the pipeline sent it.
     *
     * @return PuntReason_t code
     */
    public int reasonCode() {
        return reasonCode;
    }

    @Override
    public ConnectPoint receivedFrom() {
        return receivedFrom;
    }

    @Override
    public Ethernet parsed() {
        return parsed;
    }

    /** Returns a fresh buffer over a copy of the frame, so no caller can alter another's view. */
    @Override
    public ByteBuffer unparsed() {
        return ByteBuffer.wrap(frame.clone());
    }

    @Override
    public Optional<Long> cookie() {
        return Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PuntedPacket)) {
            return false;
        }
        PuntedPacket that = (PuntedPacket) o;
        return reasonCode == that.reasonCode && receivedFrom.equals(that.receivedFrom)
                && Arrays.equals(frame, that.frame);
    }

    @Override
    public int hashCode() {
        return Objects.hash(receivedFrom, reasonCode, Arrays.hashCode(frame));
    }

    @Override
    public String toString() {
        return "PuntedPacket{from=" + receivedFrom + ", reason="
                + reason().map(Enum::name).orElse(Integer.toString(reasonCode)) + ", bytes=" + frame.length + "}";
    }
}
