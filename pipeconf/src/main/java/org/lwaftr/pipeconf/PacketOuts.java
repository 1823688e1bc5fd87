package org.lwaftr.pipeconf;

import org.onlab.util.ImmutableByteSequence;
import org.onosproject.net.pi.model.PiPacketOperationType;
import org.onosproject.net.pi.model.PiPipelineInterpreter.PiInterpreterException;
import org.onosproject.net.pi.runtime.PiPacketOperation;

import static org.lwaftr.pipeconf.gen.LwaftrP4.PACKET_OUT_DO_FORWARDING;
import static org.lwaftr.pipeconf.gen.LwaftrP4.PACKET_OUT_DO_FORWARDING_BITWIDTH;
import static org.lwaftr.pipeconf.gen.LwaftrP4.PACKET_OUT_EGRESS_PORT;
import static org.lwaftr.pipeconf.gen.LwaftrP4.PACKET_OUT_EGRESS_PORT_BITWIDTH;
import static org.lwaftr.pipeconf.gen.LwaftrP4.PACKET_OUT_PAD;
import static org.lwaftr.pipeconf.gen.LwaftrP4.PACKET_OUT_PAD_BITWIDTH;

/**
 * Packet-outs of the lwAFTR pipeline: straight out of a port, or re-injected into the pipeline
 * (do_forwarding = 1), which then translates and forwards the frame as if it had arrived on a port
 * of both sides. Every packet_out field is set, padding included, since P4Runtime servers may
 * require all of them.
 */
public final class PacketOuts {

    private PacketOuts() {
    }

    /**
     * Builds a packet-out that leaves the switch on a port, unchanged.
     *
     * @param frame Ethernet frame
     * @param port switch port
     * @return packet operation
     * @throws PiInterpreterException if the port does not fit the egress_port width
     */
    public static PiPacketOperation toPort(ImmutableByteSequence frame, long port) throws PiInterpreterException {
        return build(frame, port, 0);
    }

    /**
     * Builds a packet-out that the pipeline processes (re-injection).
     *
     * @param frame Ethernet frame
     * @return packet operation
     */
    public static PiPacketOperation reinject(ImmutableByteSequence frame) {
        try {
            return build(frame, 0, 1);
        } catch (PiInterpreterException e) {
            throw new IllegalStateException("constant packet_out values do not fit the P4Info widths", e);
        }
    }

    private static PiPacketOperation build(ImmutableByteSequence frame, long port, int doForwarding)
            throws PiInterpreterException {
        return PiPacketOperation.builder()
                .withType(PiPacketOperationType.PACKET_OUT)
                .withData(frame)
                .withMetadata(PacketMetadata.of(PACKET_OUT_EGRESS_PORT, port, PACKET_OUT_EGRESS_PORT_BITWIDTH))
                .withMetadata(PacketMetadata.of(PACKET_OUT_DO_FORWARDING, doForwarding,
                        PACKET_OUT_DO_FORWARDING_BITWIDTH))
                .withMetadata(PacketMetadata.of(PACKET_OUT_PAD, 0, PACKET_OUT_PAD_BITWIDTH))
                .build();
    }
}
