package org.lwaftr.app;

import org.junit.Test;
import org.onosproject.net.DeviceId;
import org.onosproject.net.flow.FlowRuleOperation;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

/**
 * The components activated as ONOS activates them: the root ({@link AppConfigRoot}) first, since
 * every other component references it, then the programmer and the slow path, then the service.
 * The netcfg of the README is pushed before the app starts (ONOS holds it as JSON until the app's
 * config classes register) or arrives only after it started. Either way the device never loses an
 * entry it should hold: before the root owned the config classes, the programmer reconciled a
 * device before the service registered them, removed its config entries and wrote them again on
 * CONFIG_ADDED.
 */
public class ComponentWiringTest {

    private final TestTopology topo = new TestTopology();
    private final TestNetworkConfig netcfg = new TestNetworkConfig();
    private final RecordingFlowRuleService flows = new RecordingFlowRuleService();
    private final DeviceId aftr = topo.addAftr("device:aftr1").id();

    @Test
    public void netcfgPushedBeforeTheAppStartsIsReadAtTheFirstReconcile() {
        netcfg.set(aftr, DeviceProgrammerTest.DEVICE_JSON);
        assertEquals("ONOS holds it as JSON while no factory is registered", null,
                netcfg.getConfig(aftr, LwaftrDeviceConfig.class));
        TestApp app = new TestApp(topo, netcfg, flows);
        assertNotNull(netcfg.getConfig(aftr, LwaftrDeviceConfig.class));
        assertEquals("no rule removed while starting", 0, removals());
        assertEquals("config entries written at the first reconcile", DeviceProgrammerTest.CONFIG_RULES,
                flows.installed(aftr).size());
        app.stop();
    }

    @Test
    public void restartingTheAppWithItsNetcfgInPlaceRemovesNothing() {
        TestApp first = new TestApp(topo, netcfg, flows);
        netcfg.set(aftr, DeviceProgrammerTest.DEVICE_JSON);
        int held = flows.installed(aftr).size();
        assertEquals(DeviceProgrammerTest.CONFIG_RULES, held);
        first.stop(); // the root unregisters the config classes: ONOS keeps their JSON
        flows.clearOps();
        TestApp again = new TestApp(topo, netcfg, flows);
        assertEquals("the reactivated app found its config before reconciling", 0, removals());
        assertEquals(held, flows.installed(aftr).size());
        again.stop();
    }

    @Test
    public void netcfgArrivingLateOnlyAddsEntries() {
        TestApp app = new TestApp(topo, netcfg, flows);
        assertEquals("without settings only the policy's aftr_config", 1, flows.installed(aftr).size());
        netcfg.set(aftr, DeviceProgrammerTest.DEVICE_JSON);
        assertEquals(DeviceProgrammerTest.CONFIG_RULES, flows.installed(aftr).size());
        assertEquals(0, removals());
        app.stop();
    }

    private long removals() {
        return flows.ops().stream().filter(o -> o.type == FlowRuleOperation.Type.REMOVE).count();
    }
}
