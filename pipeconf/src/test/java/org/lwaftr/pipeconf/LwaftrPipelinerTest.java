package org.lwaftr.pipeconf;

import org.junit.Before;
import org.junit.Test;
import org.onlab.packet.EthType;
import org.onlab.packet.ICMP6;
import org.onlab.packet.IPv6;
import org.onosproject.core.DefaultApplicationId;
import org.onosproject.net.DeviceId;
import org.onosproject.net.PortNumber;
import org.onosproject.net.flow.DefaultTrafficSelector;
import org.onosproject.net.flow.DefaultTrafficTreatment;
import org.onosproject.net.flow.TrafficSelector;
import org.onosproject.net.flow.TrafficTreatment;
import org.onosproject.net.flow.criteria.Criteria;
import org.onosproject.net.flowobjective.DefaultFilteringObjective;
import org.onosproject.net.flowobjective.DefaultForwardingObjective;
import org.onosproject.net.flowobjective.ForwardingObjective;
import org.onosproject.net.flowobjective.Objective;
import org.onosproject.net.flowobjective.ObjectiveContext;
import org.onosproject.net.flowobjective.ObjectiveError;

import static org.junit.Assert.assertEquals;

public class LwaftrPipelinerTest {

    private static final TrafficTreatment TO_CONTROLLER = DefaultTrafficTreatment.builder()
            .setOutput(PortNumber.CONTROLLER).build();

    private final LwaftrPipeliner pipeliner = new LwaftrPipeliner();
    private String outcome;

    @Before
    public void setUp() {
        pipeliner.init(DeviceId.deviceId("device:bmv2:1"), null);
    }

    @Test
    public void arpRequestsAreAlreadyServed() {
        pipeliner.forward(request(DefaultTrafficSelector.builder().matchEthType(EthType.EtherType.ARP.ethType()
                .toShort()).build(), TO_CONTROLLER));
        assertEquals("success", outcome);
    }

    @Test
    public void neighbourSolicitationRequestsAreAlreadyServed() {
        pipeliner.forward(request(ndp(ICMP6.NEIGHBOR_SOLICITATION), TO_CONTROLLER));
        assertEquals("success", outcome);
    }

    @Test
    public void otherPacketRequestsAreUnsupported() {
        pipeliner.forward(request(DefaultTrafficSelector.builder().matchEthType(EthType.EtherType.LLDP.ethType()
                .toShort()).build(), TO_CONTROLLER));
        assertEquals(ObjectiveError.UNSUPPORTED.name(), outcome);
        // ICMPv6 echo is not neighbour discovery.
        pipeliner.forward(request(ndp(ICMP6.ECHO_REQUEST), TO_CONTROLLER));
        assertEquals(ObjectiveError.UNSUPPORTED.name(), outcome);
    }

    @Test
    public void arpWithOtherTreatmentIsUnsupported() {
        pipeliner.forward(request(DefaultTrafficSelector.builder().matchEthType(EthType.EtherType.ARP.ethType()
                .toShort()).build(), DefaultTrafficTreatment.builder().setOutput(PortNumber.portNumber(1)).build()));
        assertEquals(ObjectiveError.UNSUPPORTED.name(), outcome);
    }

    @Test
    public void filteringObjectivesAreUnsupported() {
        pipeliner.filter(DefaultFilteringObjective.builder().permit().fromApp(new DefaultApplicationId(1, "t"))
                .withPriority(10).withKey(Criteria.matchInPort(PortNumber.portNumber(1)))
                .addCondition(Criteria.matchEthType(EthType.EtherType.IPV4.ethType())).add(context()));
        assertEquals(ObjectiveError.UNSUPPORTED.name(), outcome);
    }

    private static TrafficSelector ndp(byte type) {
        return DefaultTrafficSelector.builder().matchEthType(EthType.EtherType.IPV6.ethType().toShort())
                .matchIPProtocol(IPv6.PROTOCOL_ICMP6).matchIcmpv6Type(type).build();
    }

    private ForwardingObjective request(TrafficSelector selector, TrafficTreatment treatment) {
        return DefaultForwardingObjective.builder().withSelector(selector).withTreatment(treatment)
                .withFlag(ForwardingObjective.Flag.VERSATILE).fromApp(new DefaultApplicationId(1, "t"))
                .withPriority(40000).makePermanent().add(context());
    }

    private ObjectiveContext context() {
        return new ObjectiveContext() {
            @Override
            public void onSuccess(Objective objective) {
                outcome = "success";
            }

            @Override
            public void onError(Objective objective, ObjectiveError error) {
                outcome = error.name();
            }
        };
    }
}
