package org.lwaftr.tests.e2e;

import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;
import org.lwaftr.core.CounterValue;
import org.lwaftr.config.PuntMeterPolicy;
import org.lwaftr.core.BindingChange;
import org.lwaftr.core.Softwire;
import org.lwaftr.lab.LabController;
import org.lwaftr.lab.LabPipeline;
import org.lwaftr.lab.TargetSpec;
import org.lwaftr.tests.bmv2.Bmv2Switch;
import org.lwaftr.tests.bmv2.FrameIo;
import org.onosproject.net.pi.runtime.PiMeterBand;
import org.onosproject.net.pi.runtime.PiMeterCellConfig;

import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.lwaftr.tests.e2e.E2eSetup.*;

/**
 * On bmv2 through the lab controller: the cells it sets besides table entries — the punt meter of
 * every reason from the policy (RFC 7596 §9), and per-softwire counters that start at zero when a
 * softwire takes a counter index another softwire had.
 */
public class LabCellsEndToEndTest {
    private static final long WAIT = 3000;
    @ClassRule
    public static final E2eSwitch BMV2 = new E2eSwitch("bmv2-cells");
    private FrameIo io;
    private LabController lab;

    @Before
    public void clear() {
        io = BMV2.io();
        io.clear();
    }

    @After
    public void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    private void startLab(List<Softwire> softwires) {
        lab = LabController.start(config(icmp(false, false, 300, 1), softwires),
                List.of(new TargetSpec("127.0.0.1", BMV2.sw().grpcPort(), Bmv2Switch.DEVICE_ID)),
                LabPipeline.lwaftr());
        assertTrue("lab controller converged", lab.awaitConverged(30_000));
        io.clear();
    }

    @Test
    public void rfc7596Sec9EveryPuntReasonIsMeteredAsThePolicySays() {
        startLab(List.of(shared(1)));
        List<PiMeterCellConfig> cells = lab.puntMeters().get(0);
        assertTrue("one cell per punt reason", cells.size() >= 12);
        for (PiMeterCellConfig c : cells) {
            assertEquals(c.toString(), 2, c.meterBands().size());
            for (PiMeterBand b : c.meterBands().values()) {
                assertEquals(c.toString(), PuntMeterPolicy.DEFAULT_RATE_PPS, b.rate());
                assertEquals(c.toString(), PuntMeterPolicy.DEFAULT_BURST_PACKETS, b.burst());
            }
        }
    }

    private void sendDownstream(Softwire s, int frames) {
        for (int i = 0; i < frames; i++) {
            io.send(INET_PORT, fromInternet(udp(HOST, 53, SHARED, port(s), 64)));
            io.expectFrame(LWB4_PORT, WAIT);
        }
    }

    @Test
    public void aSoftwireTakingAFormerSoftwiresCounterIndexStartsFromZero() {
        Softwire before = shared(1);
        Softwire after = shared(2);
        startLab(List.of(before));
        sendDownstream(before, 3);
        CounterValue[] v = lab.softwireCounters(before.key()).get(0);
        assertEquals("the first softwire's traffic", 3, v[0].packets());
        lab.apply(List.of(BindingChange.remove(before.key())));
        lab.apply(List.of(BindingChange.add(after)));
        v = lab.softwireCounters(after.key()).get(0);
        assertEquals("not the former softwire's 3 packets", 0, v[0].packets());
        assertEquals(0, v[0].bytes());
        sendDownstream(after, 1);
        assertEquals(1, lab.softwireCounters(after.key()).get(0)[0].packets());
    }
}
