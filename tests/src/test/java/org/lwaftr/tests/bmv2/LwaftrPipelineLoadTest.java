package org.lwaftr.tests.bmv2;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestRule;
import org.lwaftr.lab.p4rt.PiDevice;
import org.lwaftr.pipeconf.gen.LwaftrP4;
import org.onosproject.net.pi.runtime.PiCounterCellData;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import org.onosproject.net.pi.runtime.PiMeterCellConfig;
import org.onosproject.net.pi.runtime.PiMeterCellId;


import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The lwAFTR pipeline as built by the data-plane side loads on real bmv2 through the lab's
 * P4Runtime layer, and its indexed counters and meter answer with the generated names.
 */
public class LwaftrPipelineLoadTest {
    private static Bmv2Fixture bmv2;
    private static PiDevice device;

    @Rule
    public TestRule log = bmv2 == null ? (base, d) -> base : bmv2.logOnFailure();

    @Rule
    public final TestRule needsBmv2 = Bmv2Switch.required();

    @BeforeClass
    public static void start() {
        bmv2 = Bmv2Fixture.start(LwaftrPipeline.pipeline(), 2);
        if (bmv2 != null) {
            device = bmv2.device();
        }
    }

    @AfterClass
    public static void stop() {
        Bmv2Fixture.stop(bmv2);
    }

    @Test
    public void softwireCounterCellsStartAtZero() {
        PiCounterCellId last = PiCounterCellId.ofIndirect(LwaftrP4.COUNTER_SOFTWIRE_STATS,
                LwaftrP4.COUNTER_SOFTWIRE_STATS_SIZE - 1);
        assertEquals(new PiCounterCellData(0, 0), device.readCounter(last));
    }

    @Test
    public void puntMeterIsConfiguredReadAndReset() {
        PiMeterCellId cell = PiMeterCellId.ofIndirect(LwaftrP4.METER_PUNT_METER, 3);
        PiMeterCellConfig config = PiMeterCellConfig.builder().withMeterCellId(cell)
                .withCommittedBand(100, 10).withPeakBand(200, 20).build();
        device.write(device.batch().modify(config));
        assertEquals(config, device.readMeter(cell));
        device.write(device.batch().modify(PiMeterCellConfig.reset(cell)));
        assertTrue(device.readMeter(cell).isDefaultConfig());
    }

    @Test
    public void emptyTablesReadEmpty() {
        assertEquals(0, device.readTable(LwaftrP4.INGRESS_BINDING).size());
    }
}
