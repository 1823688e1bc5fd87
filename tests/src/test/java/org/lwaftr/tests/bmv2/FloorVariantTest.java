package org.lwaftr.tests.bmv2;

import org.junit.Assume;
import org.junit.Test;
import org.lwaftr.lab.p4rt.P4InfoIndex;
import p4.config.v1.P4InfoOuterClass.Table;

import java.nio.file.Path;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

/**
 * The floor experiment (src/test/p4/bench/downstream-floor.p4, both variants) compiles, and every
 * table it has is pipeline.p4's (same id, same match fields, same actions), so the benchmark's
 * lwAFTR workload can install its entries on it unchanged.
 */
public class FloorVariantTest {
    private static final Path SOURCE = Path.of("src", "test", "p4", "bench", "downstream-floor.p4");

    @Test
    public void bothVariantsCompileWithThePipelinesTableNames() {
        if (Commands.which(P4Variant.P4C) == null) {
            System.out.println("SKIPPED: " + P4Variant.P4C + " not found (floor experiment check)");
        }
        Assume.assumeTrue(Commands.which(P4Variant.P4C) != null);
        P4InfoIndex lwaftr = LwaftrPipeline.pipeline().p4Info();
        Path out = Path.of("target", "floor-check");
        for (List<String> defines : List.of(List.<String>of(), List.of("ONE_TABLE"))) {
            P4Variant v = P4Variant.compile(new LwaftrWorkload(), SOURCE, defines, out);
            P4InfoIndex floor = v.pipeline().p4Info();
            for (Table t : floor.p4Info().getTablesList()) {
                String name = t.getPreamble().getName();
                Table same = lwaftr.p4Info().getTablesList().stream()
                        .filter(x -> x.getPreamble().getId() == t.getPreamble().getId()).findFirst().orElse(null);
                assertNotNull(defines + ": " + name + " is not a table of pipeline.p4", same);
                assertEquals(defines + ": " + name + " match fields", same.getMatchFieldsList(), t.getMatchFieldsList());
                assertEquals(defines + ": " + name + " actions", same.getActionRefsList(), t.getActionRefsList());
            }
            assertEquals(defines + ": tables of the workload", 7, floor.p4Info().getTablesCount());
        }
    }
}
