package org.lwaftr.pipeconf;

import org.onlab.packet.EthType;
import org.onlab.packet.IPv6;
import org.onosproject.core.ApplicationId;
import org.onosproject.net.DeviceId;
import org.onosproject.net.PortNumber;
import org.onosproject.net.behaviour.NextGroup;
import org.onosproject.net.behaviour.Pipeliner;
import org.onosproject.net.behaviour.PipelinerContext;
import org.onosproject.net.driver.AbstractHandlerBehaviour;
import org.onosproject.net.flow.TrafficSelector;
import org.onosproject.net.flow.TrafficTreatment;
import org.onosproject.net.flow.criteria.Criterion;
import org.onosproject.net.flow.criteria.EthTypeCriterion;
import org.onosproject.net.flow.criteria.IPProtocolCriterion;
import org.onosproject.net.flow.criteria.Icmpv6TypeCriterion;
import org.onosproject.net.flow.instructions.Instruction;
import org.onosproject.net.flow.instructions.Instructions.OutputInstruction;
import org.onosproject.net.flowobjective.FilteringObjective;
import org.onosproject.net.flowobjective.ForwardingObjective;
import org.onosproject.net.flowobjective.NextObjective;
import org.onosproject.net.flowobjective.Objective;
import org.onosproject.net.flowobjective.ObjectiveError;

import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Pipeliner of the fixed lwAFTR pipeline. The pipeline is programmed through PI table entries, not
 * flow objectives, and it installs nothing for them. Its only honest answer beyond "unsupported" is
 * for packet requests it already serves: the pipeline punts ARP for AFTR addresses and IPv6
 * neighbour discovery by itself, so a forwarding objective asking for exactly those packets at the
 * controller succeeds without installing anything. Everything else fails with UNSUPPORTED.
 */
public class LwaftrPipeliner extends AbstractHandlerBehaviour implements Pipeliner {

    /** ICMPv6 neighbour discovery types (RFC 4861) that the pipeline punts. */
    private static final int NDP_FIRST = 133;
    private static final int NDP_LAST = 137;
    /** EtherType, IP protocol and ICMPv6 type. */
    private static final int NDP_CRITERIA = 3;

    private DeviceId deviceId;

    @Override
    public void init(DeviceId deviceId, PipelinerContext context) {
        this.deviceId = deviceId;
    }

    @Override
    public void filter(FilteringObjective objective) {
        fail(objective);
    }

    @Override
    public void forward(ForwardingObjective objective) {
        if (isPuntOnly(objective.treatment()) && alreadyPunted(objective.selector())) {
            objective.context().ifPresent(c -> c.onSuccess(objective));
        } else {
            fail(objective);
        }
    }

    @Override
    public void next(NextObjective objective) {
        fail(objective);
    }

    /** Nothing is installed for objectives, so there is nothing to purge. */
    @Override
    public void purgeAll(ApplicationId appId) {
    }

    @Override
    public List<String> getNextMappings(NextGroup nextGroup) {
        return Collections.emptyList();
    }

    private static void fail(Objective objective) {
        objective.context().ifPresent(c -> c.onError(objective, ObjectiveError.UNSUPPORTED));
    }

    private static boolean isPuntOnly(TrafficTreatment treatment) {
        if (treatment == null || treatment.allInstructions().isEmpty()) {
            return false;
        }
        for (Instruction i : treatment.allInstructions()) {
            if (i.type() != Instruction.Type.OUTPUT
                    || !PortNumber.CONTROLLER.equals(((OutputInstruction) i).port())) {
                return false;
            }
        }
        return true;
    }

    /** Exactly "EtherType ARP", or "ICMPv6 of an NDP type": what the pipeline punts by itself. */
    static boolean alreadyPunted(TrafficSelector selector) {
        Set<Criterion> criteria = selector.criteria();
        EthTypeCriterion ethType = (EthTypeCriterion) selector.getCriterion(Criterion.Type.ETH_TYPE);
        if (ethType == null) {
            return false;
        }
        if (criteria.size() == 1) {
            return ethType.ethType().equals(EthType.EtherType.ARP.ethType());
        }
        IPProtocolCriterion proto = (IPProtocolCriterion) selector.getCriterion(Criterion.Type.IP_PROTO);
        Icmpv6TypeCriterion icmp = (Icmpv6TypeCriterion) selector.getCriterion(Criterion.Type.ICMPV6_TYPE);
        return criteria.size() == NDP_CRITERIA && proto != null && icmp != null
                && ethType.ethType().equals(EthType.EtherType.IPV6.ethType())
                && proto.protocol() == IPv6.PROTOCOL_ICMP6
                && icmp.icmpv6Type() >= NDP_FIRST && icmp.icmpv6Type() <= NDP_LAST;
    }

    @Override
    public String toString() {
        return "LwaftrPipeliner{" + deviceId + "}";
    }
}
