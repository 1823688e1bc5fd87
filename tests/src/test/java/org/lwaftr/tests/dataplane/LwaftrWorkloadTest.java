package org.lwaftr.tests.dataplane;

import org.lwaftr.tests.bmv2.Bmv2Switch;
import org.junit.rules.TestRule;
import org.junit.Rule;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.lwaftr.pipeconf.gen.LwaftrP4;
import org.lwaftr.tests.bmv2.BenchWorkload;
import org.lwaftr.tests.bmv2.Bmv2Fixture;
import org.lwaftr.tests.bmv2.LwaftrMixedWorkload;
import org.lwaftr.tests.bmv2.LwaftrWorkload;
import org.lwaftr.lab.p4rt.PiDevice;
import org.onosproject.net.pi.runtime.PiCounterCell;

import java.util.Arrays;
import java.util.List;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

/**
 * The benchmark's lwAFTR workload does what it claims: every frame is translated and leaves by
 * the out port (downstream encapsulated to its softwire's lwB4, upstream decapsulated), nothing is
 * punted or dropped. Otherwise the benchmark would measure something else.
 */
public class LwaftrWorkloadTest {
    private static final long WAIT_MS = 3000;
    private static final BenchWorkload WORKLOAD = new LwaftrMixedWorkload();

    private static Bmv2Fixture bmv2;

    @Rule
    public final TestRule needsBmv2 = Bmv2Switch.required();

    @BeforeClass
    public static void start() {
        bmv2 = Bmv2Fixture.start(WORKLOAD.pipeline(), WORKLOAD.ports());
        if (bmv2 == null) {
            return;
        }
        WORKLOAD.install(bmv2.device());
    }

    @AfterClass
    public static void stop() {
        Bmv2Fixture.stop(bmv2);
    }

    @Test
    public void everyFrameOfTheMixedWorkloadIsTranslated() {
        List<byte[]> frames = WORKLOAD.frames();
        assertEquals(2 * LwaftrWorkload.SOFTWIRES, frames.size());
        for (int n = 0; n < frames.size(); n++) {
            byte[] in = frames.get(n);
            assertEquals(LwaftrWorkload.FRAME_BYTES, in.length);
            bmv2.io().send(WORKLOAD.inPort(), in);
            byte[] out = bmv2.io().expectBytes(WORKLOAD.outPort(), WAIT_MS);
            int softwire = n / 2;
            if (n % 2 == 0) {
                assertArrayEquals("frame " + n + ": IPv6 destination", LwaftrWorkload.lwb4(softwire).toOctets(),
                        Arrays.copyOfRange(out, 38, 54));
                assertEquals(in.length + 40, out.length);
            } else {
                assertArrayEquals("frame " + n + ": decapsulated", Arrays.copyOfRange(in, 54, in.length),
                        Arrays.copyOfRange(out, 14, out.length));
            }
        }
        PiDevice device = bmv2.device();
        for (PiCounterCell c : device.readCounter(LwaftrP4.COUNTER_DROP_STATS)) {
            assertEquals("drop_stats[" + c.cellId().index() + "]", 0, c.data().packets());
        }
        for (PiCounterCell c : device.readCounter(LwaftrP4.COUNTER_PUNT_STATS)) {
            assertEquals("punt_stats[" + c.cellId().index() + "]", 0, c.data().packets());
        }
    }
}
