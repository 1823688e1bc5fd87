package org.lwaftr.app;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.config.PuntMeterPolicy;
import org.lwaftr.translate.Translator;
import org.onosproject.net.Device;
import org.onosproject.net.DeviceId;
import org.onosproject.net.device.DeviceEvent;
import org.onosproject.net.pi.runtime.PiMeterCellConfig;

import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * RFC 7596 §9: the programmer writes the punt_meter cells when a device is programmed and when the
 * policy's punt-meter changes, and not otherwise.
 */
public class PuntMeterProgrammingTest {

    private TestTopology topo;
    private TestNetworkConfig netcfg;
    private DeviceProgrammer programmer;
    private DeviceId aftr1;

    @Before
    public void setUp() {
        topo = new TestTopology();
        netcfg = new TestNetworkConfig();
        aftr1 = topo.addAftr("device:aftr1").id();
        netcfg.set(aftr1, DeviceProgrammerTest.DEVICE_JSON);
        programmer = topo.programmer(StoreFactory.store(new org.lwaftr.store.TransactionalTestStorage()), netcfg,
                new RecordingFlowRuleService(), Runnable::run);
    }

    @After
    public void tearDown() {
        programmer.deactivate();
    }

    private static List<PiMeterCellConfig> cells(int rate, int burst) {
        return new Translator().puntMeters(LwaftrPolicy.builder().puntMeter(new PuntMeterPolicy(rate, burst)).build());
    }

    /** @return the one write since the last clear (fails if there were more or none) */
    private FakeMeterWriter.Write onlyWrite() {
        List<FakeMeterWriter.Write> w = topo.meters.writes();
        assertEquals(w.toString(), 1, w.size());
        return w.get(0);
    }

    @Test
    public void rfc7596Sec9ProgrammingADeviceWritesTheMetersOnce() {
        FakeMeterWriter.Write w = onlyWrite();
        assertEquals(aftr1, w.device);
        assertEquals(cells(1000, 100), w.cells);

        topo.meters.clear();
        Device aftr2 = topo.addAftr("device:aftr2");
        topo.post(DeviceEvent.Type.DEVICE_ADDED, aftr2);
        assertEquals(aftr2.id(), onlyWrite().device);
    }

    @Test
    public void reprogrammingRewritesTheMeters() {
        topo.meters.clear();
        topo.pipelineReady(aftr1);
        assertEquals("a new pipeline starts with unconfigured meters", aftr1, onlyWrite().device);
        topo.meters.clear();
        topo.setAvailable(aftr1, false);
        topo.setAvailable(aftr1, true);
        assertEquals(aftr1, onlyWrite().device);
        topo.meters.clear();
        topo.post(DeviceEvent.Type.DEVICE_UPDATED, topo.devices.get(aftr1));
        assertTrue("an update of a programmed device is no reprogramming", topo.meters.writes().isEmpty());
    }

    @Test
    public void puntMeterChangeRewritesTheCells() {
        topo.meters.clear();
        netcfg.set(TestTopology.APP_ID, "{\"punt-meter\": {\"rate-pps\": 50, \"burst-packets\": 5}}");
        assertEquals(cells(50, 5), onlyWrite().cells);
    }

    @Test
    public void unrelatedPolicyChangesDoNotRewriteTheCells() {
        topo.meters.clear();
        netcfg.set(TestTopology.APP_ID, "{\"hop-limit\": 10}");
        netcfg.set(TestTopology.APP_ID, "{\"hop-limit\": 10, \"allow-system-ports\": true}");
        netcfg.set(TestTopology.APP_ID, "{\"punt-meter\": {\"rate-pps\": 0}}");
        netcfg.set(aftr1, DeviceProgrammerTest.DEVICE_JSON.replace("02:bb:00:00:00:02", "02:bb:00:00:00:22"));
        netcfg.set(TestTopology.APP_ID, "{\"punt-meter\": {\"rate-pps\": 1000, \"burst-packets\": 100}}");
        assertTrue("defaults written explicitly, an invalid document and other fields change nothing: "
                + topo.meters.writes(), topo.meters.writes().isEmpty());
    }

    @Test
    public void failedWriteIsRetriedAtTheNextPolicyChange() {
        topo.meters.fail = true;
        netcfg.set(TestTopology.APP_ID, "{\"punt-meter\": {\"rate-pps\": 50}}");
        topo.meters.fail = false;
        topo.meters.clear();
        netcfg.set(TestTopology.APP_ID, "{\"punt-meter\": {\"rate-pps\": 50}, \"hop-limit\": 9}");
        assertEquals(cells(50, 100), onlyWrite().cells);
    }

    /**
     * A write refused while ONOS re-asserts mastership (PERMISSION_DENIED) is retried with back-off
     * until it goes through, with nothing else happening meanwhile (no policy change, no event).
     */
    @Test
    public void rfc7596Sec9AFailedWriteIsRetriedUntilItGoesThrough() {
        topo.meters.fail = true;
        topo.meters.clear();
        Device aftr2 = topo.addAftr("device:aftr2");
        topo.post(DeviceEvent.Type.DEVICE_ADDED, aftr2);
        assertEquals(1, topo.meters.writes().size());
        assertEquals("one retry scheduled", 1, topo.timer.pending());
        topo.timer.runDue();
        assertEquals("still refused: retried again, later", 2, topo.meters.writes().size());
        topo.meters.fail = false;
        topo.timer.runDue();
        List<FakeMeterWriter.Write> w = topo.meters.writes();
        assertEquals(3, w.size());
        assertEquals(aftr2.id(), w.get(2).device);
        assertEquals(cells(1000, 100), w.get(2).cells);
        assertEquals("written: no more retries", 0, topo.timer.pending());
        assertEquals(List.of(PuntMeterProgrammer.RETRY_FIRST_MS, 2 * PuntMeterProgrammer.RETRY_FIRST_MS),
                topo.timer.delays());
        netcfg.set(TestTopology.APP_ID, "{\"hop-limit\": 9}");
        assertEquals("the retry's write is remembered", 3, topo.meters.writes().size());
    }

    @Test
    public void retriesBackOffUpToTheLongestDelay() {
        topo.meters.fail = true;
        topo.pipelineReady(aftr1);
        for (int i = 0; i < 8; i++) {
            topo.timer.runDue();
        }
        List<Long> d = topo.timer.delays();
        assertEquals(d.toString(), 9, d.size());
        assertEquals(PuntMeterProgrammer.RETRY_FIRST_MS, (long) d.get(0));
        assertEquals(PuntMeterProgrammer.RETRY_MAX_MS, (long) d.get(8));
        for (int i = 1; i < d.size(); i++) {
            assertTrue(d.toString(), d.get(i) >= d.get(i - 1) && d.get(i) <= PuntMeterProgrammer.RETRY_MAX_MS);
        }
    }

    @Test
    public void aRetryDueForADeviceNoLongerProgrammedWritesNothing() {
        topo.meters.fail = true;
        topo.pipelineReady(aftr1);
        topo.meters.fail = false;
        topo.setMaster(aftr1, false);
        topo.meters.clear();
        topo.timer.runDue();
        assertTrue(topo.meters.writes().toString(), topo.meters.writes().isEmpty());
        assertEquals(0, topo.timer.pending());
    }

    @Test
    public void deviceNoLongerProgrammedGetsNoMeters() {
        topo.setMaster(aftr1, false);
        topo.meters.clear();
        netcfg.set(TestTopology.APP_ID, "{\"punt-meter\": {\"rate-pps\": 50}}");
        assertTrue(topo.meters.writes().isEmpty());
        topo.setMaster(aftr1, true);
        assertEquals("mastership regained: reprogrammed with the current rate", cells(50, 100), onlyWrite().cells);
    }
}
