package org.lwaftr.app;

import org.junit.Test;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.lwaftr.translate.Translator;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onosproject.net.DeviceId;
import org.onosproject.net.flow.FlowId;
import org.onosproject.net.flow.FlowRule;

import java.util.HashMap;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;

/**
 * Batches keep entries apart by rule equality: distinct entries whose 32-bit FlowIds collide (as
 * some do among 10^5 softwires) are both written.
 */
public class RuleBatchTest {

    @Test
    public void entriesWithCollidingFlowIdsAreBothWritten() {
        FlowRuleFactory f = new FlowRuleFactory(TestTopology.APP_ID);
        Translator t = new Translator();
        DeviceId dev = DeviceId.deviceId("device:aftr1");
        Ip6Address br = Ip6Address.valueOf("2001:db8:ffff::1");
        Map<FlowId, FlowRule> seen = new HashMap<>();
        FlowRule a = null;
        FlowRule b = null;
        for (int i = 0; i < 1_000_000 && a == null; i++) {
            Softwire s = Softwire.of(Ip4Address.valueOf(0x0a000001 + (i >>> 6)), PortSet.of(6, 6, i & 63),
                    Ip6Address.valueOf("2001:db8::1"), br);
            FlowRule r = f.rule(dev, t.binding(s, 0, i));
            FlowRule prev = seen.putIfAbsent(r.id(), r);
            if (prev != null) {
                a = prev;
                b = r;
            }
        }
        assertNotNull("no FlowId collision among 10^6 bindings", a);
        assertEquals(a.id(), b.id());
        assertNotEquals(a, b);
        RecordingFlowRuleService flows = new RecordingFlowRuleService();
        RuleBatch batch = new RuleBatch();
        batch.add(a);
        batch.add(b);
        assertEquals(2, batch.submit(flows, 100));
        assertEquals(2, flows.installed(dev).size());
    }
}
