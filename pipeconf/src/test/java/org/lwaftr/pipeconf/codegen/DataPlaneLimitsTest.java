package org.lwaftr.pipeconf.codegen;

import org.junit.BeforeClass;
import org.junit.Test;
import org.lwaftr.pipeconf.DataPlaneLimits;
import p4.config.v1.P4InfoOuterClass.P4Info;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The limits the control plane checks against are what pipeline.p4's P4Info declares (read here from
 * the committed P4Info, not from the generated constants they are derived from), and they fit together.
 */
public class DataPlaneLimitsTest {
    private static P4Info p4Info;

    @BeforeClass
    public static void load() throws IOException {
        p4Info = P4InfoJavaGenerator.parse(Files.readString(ModulePaths.committedP4Info(), StandardCharsets.UTF_8));
    }

    private static long tableSize(String name) {
        return p4Info.getTablesList().stream().filter(t -> t.getPreamble().getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no table " + name)).getSize();
    }

    private static long counterSize(String name) {
        return p4Info.getCountersList().stream().filter(c -> c.getPreamble().getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no counter " + name)).getSize();
    }

    private static int paramWidth(String action, String param) {
        return p4Info.getActionsList().stream().filter(a -> a.getPreamble().getName().equals(action))
                .flatMap(a -> a.getParamsList().stream()).filter(p -> p.getName().equals(param))
                .findFirst().orElseThrow(() -> new AssertionError("no " + action + "." + param)).getBitwidth();
    }

    @Test
    public void sizesAreThoseOfTheP4Info() {
        assertEquals(tableSize("LwaftrIngress.binding"), DataPlaneLimits.SOFTWIRES);
        assertEquals(counterSize("LwaftrIngress.softwire_stats"), 2L * DataPlaneLimits.COUNTER_INDEXES);
        assertEquals(tableSize("LwaftrIngress.psid_shape"), DataPlaneLimits.SHARED_IPV4_ADDRESSES);
        assertEquals(Math.min(tableSize("LwaftrIngress.br_address"), tableSize("LwaftrIngress.br_source")),
                DataPlaneLimits.BR_ADDRESSES);
        assertEquals(tableSize("LwaftrIngress.aftr_ipv4"), DataPlaneLimits.AFTR_IPV4_ADDRESSES);
        assertEquals(tableSize("LwaftrIngress.port_side"), DataPlaneLimits.PORT_ROLES);
        assertEquals(Math.min(tableSize("LwaftrIngress.ingress_filter"), tableSize("LwaftrIngress.egress_filter")) / 2,
                DataPlaneLimits.FILTER_ENTRIES_PER_SIDE);
        assertEquals((1 << paramWidth("LwaftrIngress.softwire", "br_index")) - 1, DataPlaneLimits.MAX_BR_INDEX);
        assertEquals(Integer.parseInt(p4InfoCpuPort()), DataPlaneLimits.CPU_PORT);
    }

    @Test
    public void limitsFitTogether() {
        // Every softwire the binding table holds has its own pair of counter cells.
        assertEquals(DataPlaneLimits.SOFTWIRES, DataPlaneLimits.COUNTER_INDEXES);
        assertEquals(1 << DataPlaneLimits.COUNTER_INDEX_BITS, DataPlaneLimits.COUNTER_INDEXES);
        // The BR table's entries are addressable by the binding entry's BR index.
        assertTrue(DataPlaneLimits.BR_ADDRESSES <= DataPlaneLimits.MAX_BR_INDEX + 1);
        assertEquals(510, DataPlaneLimits.MAX_PORT); // 9-bit ports, 511 drops on bmv2
        assertTrue(DataPlaneLimits.isDataPort(0));
        assertTrue(DataPlaneLimits.isDataPort(DataPlaneLimits.MAX_PORT));
        assertFalse(DataPlaneLimits.isDataPort(DataPlaneLimits.MAX_PORT + 1));
        assertFalse(DataPlaneLimits.isDataPort(DataPlaneLimits.CPU_PORT));
        assertFalse(DataPlaneLimits.isDataPort(-1));
    }

    private static String p4InfoCpuPort() {
        try {
            return Files.readString(ModulePaths.resources().resolve("lwaftr.cpu_port.txt"), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
