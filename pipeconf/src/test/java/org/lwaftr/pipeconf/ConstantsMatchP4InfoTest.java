package org.lwaftr.pipeconf;

import org.junit.Test;
import org.lwaftr.pipeconf.gen.LwaftrP4;
import org.onosproject.net.pi.model.PiActionId;
import org.onosproject.net.pi.model.PiActionModel;
import org.onosproject.net.pi.model.PiActionParamId;
import org.onosproject.net.pi.model.PiActionParamModel;
import org.onosproject.net.pi.model.PiCounterId;
import org.onosproject.net.pi.model.PiMatchFieldId;
import org.onosproject.net.pi.model.PiMatchFieldModel;
import org.onosproject.net.pi.model.PiMeterId;
import org.onosproject.net.pi.model.PiPacketMetadataId;
import org.onosproject.net.pi.model.PiPacketOperationModel;
import org.onosproject.net.pi.model.PiPipelineModel;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.model.PiTableModel;
import org.onosproject.p4runtime.model.P4InfoParserException;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * Every table, action, parameter, match field, counter, meter and packet metadata of the P4Info
 * (as ONOS parses it) has a constant in {@link LwaftrP4} with the right width or size, and every
 * constant names something in the P4Info.
 */
public class ConstantsMatchP4InfoTest {

    @Test
    public void tables() throws Exception {
        PiPipelineModel model = PipelineModels.lwaftr();
        assertEquals(ids(model.tables().stream().map(PiTableModel::id)), constants(PiTableId.class).keySet());
        for (Map.Entry<Object, String> c : constants(PiTableId.class).entrySet()) {
            assertEquals(c.getValue(), model.table((PiTableId) c.getKey()).orElseThrow().maxSize(),
                    intConstant(c.getValue() + "_SIZE"));
        }
    }

    @Test
    public void actionsAndParameters() throws Exception {
        Set<PiActionModel> actions = actions(PipelineModels.lwaftr());
        assertEquals(ids(actions.stream().map(PiActionModel::id)), constants(PiActionId.class).keySet());
        Map<Object, Integer> widths = new HashMap<>();
        for (PiActionModel a : actions) {
            for (PiActionParamModel p : a.params()) {
                Integer previous = widths.put(p.id(), p.bitWidth());
                assertTrue("one width per parameter name: " + p.id(),
                        previous == null || previous == p.bitWidth());
            }
        }
        assertWidths(widths, constants(PiActionParamId.class));
    }

    @Test
    public void matchFields() throws Exception {
        Map<Object, Integer> widths = new HashMap<>();
        for (PiTableModel t : PipelineModels.lwaftr().tables()) {
            for (PiMatchFieldModel f : t.matchFields()) {
                widths.put(f.id(), f.bitWidth());
            }
        }
        assertWidths(widths, constants(PiMatchFieldId.class));
    }

    @Test
    public void countersAndMeters() throws Exception {
        PiPipelineModel model = PipelineModels.lwaftr();
        Map<Object, String> counters = constants(PiCounterId.class);
        assertEquals(ids(model.counters().stream().map(c -> c.id())), counters.keySet());
        for (Map.Entry<Object, String> c : counters.entrySet()) {
            assertEquals(c.getValue(), model.counter((PiCounterId) c.getKey()).orElseThrow().size(),
                    intConstant(c.getValue() + "_SIZE"));
        }
        Map<Object, String> meters = constants(PiMeterId.class);
        assertEquals(ids(model.meters().stream().map(m -> m.id())), meters.keySet());
        for (Map.Entry<Object, String> m : meters.entrySet()) {
            assertEquals(m.getValue(), model.meter((PiMeterId) m.getKey()).orElseThrow().size(),
                    intConstant(m.getValue() + "_SIZE"));
        }
    }

    @Test
    public void packetMetadata() throws Exception {
        Map<String, Integer> expected = new HashMap<>();
        for (PiPacketOperationModel op : Set.of(
                PipelineModels.lwaftr().packetOperationModel(
                        org.onosproject.net.pi.model.PiPacketOperationType.PACKET_IN).orElseThrow(),
                PipelineModels.lwaftr().packetOperationModel(
                        org.onosproject.net.pi.model.PiPacketOperationType.PACKET_OUT).orElseThrow())) {
            String prefix = op.type().name() + "_";
            op.metadatas().forEach(m -> expected.put(prefix + m.id().id().replaceFirst("^_", "").toUpperCase(),
                    m.bitWidth()));
        }
        // Both headers have a _pad field: the ids repeat, the constants (PACKET_IN_PAD, ...) do not.
        Map<String, Integer> actual = new HashMap<>();
        for (Field f : LwaftrP4.class.getFields()) {
            if (f.getType() == PiPacketMetadataId.class) {
                String expectedId = expected.containsKey(f.getName()) ? f.getName() : "?";
                assertTrue(f.getName() + " names no packet metadata", expectedId.equals(f.getName()));
                String header = f.getName().startsWith("PACKET_IN_") ? "PACKET_IN_" : "PACKET_OUT_";
                String id = ((PiPacketMetadataId) f.get(null)).id();
                assertEquals(f.getName(), header + id.replaceFirst("^_", "").toUpperCase(), f.getName());
                actual.put(f.getName(), intConstant(f.getName() + "_BITWIDTH"));
            }
        }
        assertEquals(expected, actual);
    }

    @Test
    public void cpuPortIsTheOneInTheCpuPortFile() throws Exception {
        String text = new String(LwaftrPipeconf.class.getResourceAsStream(LwaftrPipeconf.CPU_PORT_RESOURCE)
                .readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim();
        assertEquals(LwaftrP4.CPU_PORT, Integer.parseInt(text));
        assertEquals(255, LwaftrP4.CPU_PORT);
    }

    private static Set<PiActionModel> actions(PiPipelineModel model) {
        return model.tables().stream().flatMap(t -> t.actions().stream()).collect(Collectors.toSet());
    }

    private static Set<Object> ids(java.util.stream.Stream<?> ids) {
        return ids.collect(Collectors.toSet());
    }

    private static void assertWidths(Map<Object, Integer> widths, Map<Object, String> constants) throws Exception {
        assertEquals(widths.keySet(), constants.keySet());
        for (Map.Entry<Object, String> c : constants.entrySet()) {
            assertEquals(c.getValue(), widths.get(c.getKey()), (Integer) intConstant(c.getValue() + "_BITWIDTH"));
        }
    }

    /** Constant values of a type in LwaftrP4, mapped to their names. */
    private static Map<Object, String> constants(Class<?> type) throws IllegalAccessException {
        Map<Object, String> out = new HashMap<>();
        Set<Object> seen = new HashSet<>();
        for (Field f : LwaftrP4.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == type) {
                Object value = f.get(null);
                assertEquals("two constants for " + value, true, seen.add(value));
                out.put(value, f.getName());
            }
        }
        return out;
    }

    private static int intConstant(String name) throws NoSuchFieldException, IllegalAccessException {
        return LwaftrP4.class.getField(name).getInt(null);
    }
}
