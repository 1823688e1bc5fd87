package org.lwaftr.pipeconf;

import org.junit.Test;
import org.onosproject.net.pi.model.PiCounterModel;
import org.onosproject.net.pi.model.PiMeterModel;
import org.onosproject.net.pi.model.PiPacketMetadataModel;
import org.onosproject.net.pi.model.PiPacketOperationModel;
import org.onosproject.net.pi.model.PiPacketOperationType;
import org.onosproject.net.pi.model.PiPipelineModel;
import org.onosproject.net.pi.model.PiTableModel;
import org.onosproject.p4runtime.model.P4InfoParserException;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.lwaftr.pipeconf.gen.LwaftrP4.ACTION_DROP;
import static org.lwaftr.pipeconf.gen.LwaftrP4.COUNTER_SOFTWIRE_STATS;
import static org.lwaftr.pipeconf.gen.LwaftrP4.INGRESS_BINDING;
import static org.lwaftr.pipeconf.gen.LwaftrP4.INGRESS_PORT_SIDE;
import static org.lwaftr.pipeconf.gen.LwaftrP4.METER_PUNT_METER;

/**
 * ONOS 2.7's own P4InfoParser (onos-protocols-p4runtime-model) accepts the P4Info p4c made, and
 * reads what the controller depends on.
 */
public class OnosP4InfoParserTest {

    @Test
    public void parsesWithP4cNewerThanOnos() throws P4InfoParserException {
        PiPipelineModel model = PipelineModels.lwaftr();
        assertEquals(11, model.tables().size());
        assertEquals(4, model.counters().size());
        assertEquals(1, model.meters().size());
    }

    @Test
    public void filterTablesAreTernaryAndRangeForOnos() throws P4InfoParserException {
        PiTableModel filter = PipelineModels.lwaftr().table(org.lwaftr.pipeconf.gen.LwaftrP4.INGRESS_INGRESS_FILTER)
                .orElseThrow();
        assertEquals(List.of("side:2:EXACT", "ether_type:16:TERNARY", "ip_proto:8:TERNARY", "ipv6_frag_next:8:TERNARY",
                "ipv4_src:32:TERNARY", "ipv4_dst:32:TERNARY", "ipv6_src:128:TERNARY", "ipv6_dst:128:TERNARY",
                "has_ports:1:TERNARY", "l4_src_port:16:RANGE", "l4_dst_port:16:RANGE", "length:16:RANGE"),
                filter.matchFields().stream().map(f -> f.id() + ":" + f.bitWidth() + ":" + f.matchType())
                        .collect(Collectors.toList()));
    }

    @Test
    public void controllerHeadersHaveTheirWidths() throws P4InfoParserException {
        assertEquals(List.of("ingress_port:9", "reason:8", "_pad:7"), metadata(PiPacketOperationType.PACKET_IN));
        assertEquals(List.of("egress_port:9", "do_forwarding:1", "_pad:6"), metadata(PiPacketOperationType.PACKET_OUT));
    }

    @Test
    public void bindingIsOneExactEntryPerSoftwire() throws P4InfoParserException {
        PiTableModel binding = PipelineModels.lwaftr().table(INGRESS_BINDING).orElseThrow();
        assertEquals(1 << 20, binding.maxSize());
        assertEquals(List.of("ipv4_addr:32:EXACT", "psid:16:EXACT"), binding.matchFields().stream()
                .map(f -> f.id() + ":" + f.bitWidth() + ":" + f.matchType()).collect(Collectors.toList()));
        assertTrue(binding.counters().isEmpty());
    }

    @Test
    public void unknownPortsDropByDefault() throws P4InfoParserException {
        PiTableModel portSide = PipelineModels.lwaftr().table(INGRESS_PORT_SIDE).orElseThrow();
        assertEquals(ACTION_DROP, portSide.constDefaultAction().orElseThrow().id());
        assertFalse(portSide.isConstantTable());
    }

    @Test
    public void countersAndMeterUnits() throws P4InfoParserException {
        PiCounterModel stats = PipelineModels.lwaftr().counter(COUNTER_SOFTWIRE_STATS).orElseThrow();
        assertEquals(PiCounterModel.Unit.PACKETS_AND_BYTES, stats.unit());
        assertEquals(2L << 20, stats.size());
        PiMeterModel meter = PipelineModels.lwaftr().meter(METER_PUNT_METER).orElseThrow();
        assertEquals(PiMeterModel.Unit.PACKETS, meter.unit());
    }

    private static List<String> metadata(PiPacketOperationType type) throws P4InfoParserException {
        PiPacketOperationModel op = PipelineModels.lwaftr().packetOperationModel(type).orElseThrow();
        return op.metadatas().stream().map(PiPacketMetadataModel.class::cast)
                .map(m -> m.id().id() + ":" + m.bitWidth()).collect(Collectors.toList());
    }
}
