package org.lwaftr.pipeconf;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import org.onlab.util.ImmutableByteSequence;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.DeviceId;
import org.onosproject.net.PortNumber;
import org.onosproject.net.driver.AbstractHandlerBehaviour;
import org.onosproject.net.flow.TrafficTreatment;
import org.onosproject.net.flow.criteria.Criterion;
import org.onosproject.net.flow.instructions.Instruction;
import org.onosproject.net.flow.instructions.Instructions.OutputInstruction;
import org.onosproject.net.packet.InboundPacket;
import org.onosproject.net.packet.OutboundPacket;
import org.onosproject.net.pi.model.PiMatchFieldId;
import org.onosproject.net.pi.model.PiPipelineInterpreter;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiPacketOperation;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import static org.lwaftr.pipeconf.gen.LwaftrP4.CPU_PORT;
import static org.lwaftr.pipeconf.gen.LwaftrP4.FIELD_INGRESS_PORT;
import static org.lwaftr.pipeconf.gen.LwaftrP4.FIELD_IPV4_DST;
import static org.lwaftr.pipeconf.gen.LwaftrP4.FIELD_IPV6_DST;
import static org.lwaftr.pipeconf.gen.LwaftrP4.FIELD_VLAN_ID;

/**
 * Interpreter of the lwAFTR pipeline for ONOS: packet-in/out through the packet_in and packet_out
 * controller headers, and the CPU port. Flow rules for this pipeline carry PI actions
 * ({@code PiAction} treatments) built by the app's translator, so treatments are not mapped.
 */
public class LwaftrInterpreter extends AbstractHandlerBehaviour implements PiPipelineInterpreter {

    /** Standard criteria with a same-meaning match field (only those; the rest are metadata keys). */
    private static final Map<Criterion.Type, PiMatchFieldId> CRITERIA = ImmutableMap.of(
            Criterion.Type.IN_PORT, FIELD_INGRESS_PORT,
            Criterion.Type.VLAN_VID, FIELD_VLAN_ID,
            Criterion.Type.IPV4_DST, FIELD_IPV4_DST,
            Criterion.Type.IPV6_DST, FIELD_IPV6_DST);

    @Override
    public Optional<PiMatchFieldId> mapCriterionType(Criterion.Type type) {
        return Optional.ofNullable(CRITERIA.get(type));
    }

    /** The pipeline has no numbered tables: rules name their PI table. */
    @Override
    public Optional<PiTableId> mapFlowRuleTableId(int flowRuleTableId) {
        return Optional.empty();
    }

    @Override
    public PiAction mapTreatment(TrafficTreatment treatment, PiTableId piTableId) throws PiInterpreterException {
        throw new PiInterpreterException("table " + piTableId + " takes PI actions (PiAction treatments) only, "
                + "not " + treatment);
    }

    /**
     * Maps a packet-out: OUTPUT to a port sends the frame out of that port unchanged; OUTPUT to
     * TABLE re-injects it into the pipeline. Other instructions and logical ports are refused.
     */
    @Override
    public Collection<PiPacketOperation> mapOutboundPacket(OutboundPacket packet) throws PiInterpreterException {
        ImmutableByteSequence frame = ImmutableByteSequence.copyFrom(packet.data().duplicate());
        ImmutableList.Builder<PiPacketOperation> ops = ImmutableList.builder();
        for (Instruction instruction : packet.treatment().allInstructions()) {
            if (instruction.type() != Instruction.Type.OUTPUT) {
                throw new PiInterpreterException("packet-out supports OUTPUT instructions only, not " + instruction);
            }
            PortNumber port = ((OutputInstruction) instruction).port();
            if (PortNumber.TABLE.equals(port)) {
                ops.add(PacketOuts.reinject(frame));
            } else if (port.isLogical()) {
                throw new PiInterpreterException("packet-out to logical port " + port + " is not supported by the "
                        + "lwAFTR pipeline (it never floods): output to a port, or to TABLE to re-inject");
            } else {
                ops.add(PacketOuts.toPort(frame, port.toLong()));
            }
        }
        Collection<PiPacketOperation> result = ops.build();
        if (result.isEmpty()) {
            throw new PiInterpreterException("packet-out without an OUTPUT instruction: " + packet.treatment());
        }
        return result;
    }

    /**
     * Maps a packet-in to a {@link PuntedPacket}, which carries the punt reason.
     */
    @Override
    public InboundPacket mapInboundPacket(PiPacketOperation packetIn, DeviceId deviceId)
            throws PiInterpreterException {
        PacketInMetadata md = PacketInMetadata.of(packetIn);
        byte[] frame = packetIn.data().asArray();
        return new PuntedPacket(new ConnectPoint(deviceId, PortNumber.portNumber(md.ingressPort())),
                FrameParser.parse(frame), frame, md.reasonCode());
    }

    @Override
    public Optional<Integer> mapLogicalPortNumber(PortNumber port) {
        return PortNumber.CONTROLLER.equals(port) ? Optional.of(CPU_PORT) : Optional.empty();
    }
}
