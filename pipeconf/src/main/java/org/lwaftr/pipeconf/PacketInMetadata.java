package org.lwaftr.pipeconf;

import org.lwaftr.pipeconf.gen.PuntReason;
import org.onosproject.net.pi.model.PiPacketOperationType;
import org.onosproject.net.pi.model.PiPipelineInterpreter.PiInterpreterException;
import org.onosproject.net.pi.runtime.PiPacketOperation;

import java.util.Objects;
import java.util.Optional;

import static org.lwaftr.pipeconf.gen.LwaftrP4.PACKET_IN_INGRESS_PORT;
import static org.lwaftr.pipeconf.gen.LwaftrP4.PACKET_IN_INGRESS_PORT_BITWIDTH;
import static org.lwaftr.pipeconf.gen.LwaftrP4.PACKET_IN_REASON;
import static org.lwaftr.pipeconf.gen.LwaftrP4.PACKET_IN_REASON_BITWIDTH;

/**
 * The packet_in header of a punted packet: where it came in and why the pipeline punted it. Used by
 * the interpreter inside ONOS and by anything holding a {@link PiPacketOperation} (the lab
 * controller).
 */
public final class PacketInMetadata {

    private final long ingressPort;
    private final int reasonCode;

    private PacketInMetadata(long ingressPort, int reasonCode) {
        this.ingressPort = ingressPort;
        this.reasonCode = reasonCode;
    }

    /**
     * Reads the packet_in metadata of a packet-in.
     *
     * @param packetIn packet operation of type PACKET_IN
     * @return the metadata
     * @throws PiInterpreterException if it is not a packet-in, or a field is missing or too wide
     *                                (the message names the field)
     */
    public static PacketInMetadata of(PiPacketOperation packetIn) throws PiInterpreterException {
        if (packetIn.type() != PiPacketOperationType.PACKET_IN) {
            throw new PiInterpreterException("not a packet-in: " + packetIn.type());
        }
        long port = PacketMetadata.read(packetIn, PACKET_IN_INGRESS_PORT, PACKET_IN_INGRESS_PORT_BITWIDTH);
        long reason = PacketMetadata.read(packetIn, PACKET_IN_REASON, PACKET_IN_REASON_BITWIDTH);
        return new PacketInMetadata(port, (int) reason);
    }

    /**
     * Returns the switch port the punted packet came in on.
     *
     * @return port number
     */
    public long ingressPort() {
        return ingressPort;
    }

    /**
     * Returns the punt reason as the pipeline sent it.
     *
     * @return code of PuntReason_t
     */
    public int reasonCode() {
        return reasonCode;
    }

    /**
     * Returns the punt reason.
     *
     * @return the reason, empty if the pipeline sent a code this controller does not know
     */
    public Optional<PuntReason> reason() {
        return Optional.ofNullable(PuntReason.fromCode(reasonCode));
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PacketInMetadata)) {
            return false;
        }
        PacketInMetadata that = (PacketInMetadata) o;
        return ingressPort == that.ingressPort && reasonCode == that.reasonCode;
    }

    @Override
    public int hashCode() {
        return Objects.hash(ingressPort, reasonCode);
    }

    @Override
    public String toString() {
        return "packet_in{ingress_port=" + ingressPort + ", reason=" + reason().map(Enum::name)
                .orElse(Integer.toString(reasonCode)) + "}";
    }
}
