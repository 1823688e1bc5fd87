package org.lwaftr.app;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.lwaftr.store.DistributedSoftwireStore;
import org.lwaftr.store.TransactionalTestStorage;
import org.onosproject.net.DeviceId;
import org.onosproject.net.flow.FlowRule;
import org.onosproject.net.flow.FlowRuleOperation;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.lwaftr.translate.P4Names.TABLE_EGRESS_FILTER;
import static org.lwaftr.translate.P4Names.TABLE_INGRESS_FILTER;

/** The ONOS host programs the sides' filters from netcfg: rules with the entries' priorities, changes as a diff. */
public class FilterProgrammingTest {
    private static final String DEVICE = "{\"lwb4-side\": {\"port\": 1, \"aftr-mac\": \"02:aa:00:00:00:01\","
            + " \"next-hop-mac\": \"02:bb:00:00:00:01\" %s}, \"internet-side\": {\"port\": 2,"
            + " \"aftr-mac\": \"02:aa:00:00:00:02\", \"next-hop-mac\": \"02:bb:00:00:00:02\" %s},"
            + " \"aftr-ipv4-addrs\": [\"192.0.2.254\"]}";

    private TestTopology topo;
    private TestNetworkConfig netcfg;
    private RecordingFlowRuleService flows;
    private DeviceProgrammer programmer;
    private DeviceId aftr;

    @Before
    public void setUp() {
        TransactionalTestStorage storage = new TransactionalTestStorage();
        DistributedSoftwireStore store = StoreFactory.store(storage);
        topo = new TestTopology();
        netcfg = new TestNetworkConfig();
        flows = new RecordingFlowRuleService();
        aftr = topo.addAftr("device:aftr1").id();
        netcfg.set(aftr, String.format(DEVICE, ", \"ingress-filter\": \"ip6 and src net 2001:db8::/32\"",
                ", \"egress-filter\": \"not dst port 25\""));
        programmer = topo.programmer(store, netcfg, flows, Runnable::run);
    }

    @After
    public void tearDown() {
        programmer.deactivate();
    }

    private List<FlowRule> installed(org.onosproject.net.pi.model.PiTableId table) {
        return flows.installed(aftr).values().stream().map(e -> (FlowRule) e).filter(r -> r.table().equals(table)).collect(Collectors.toList());
    }

    @Test
    public void filtersAreProgrammedWithTheirPriorities() {
        List<FlowRule> in = installed(TABLE_INGRESS_FILTER);
        // allow (IPv6 from 2001:db8::/32) at 2, deny the rest of the lwB4 side at 1
        assertEquals(List.of(1, 2), in.stream().map(FlowRule::priority).sorted().collect(Collectors.toList()));
        List<FlowRule> out = installed(TABLE_EGRESS_FILTER);
        // not dst port 25: TCP and UDP deny rules, everything else passes (no final deny)
        assertEquals(2, out.size());
        assertTrue(out.stream().allMatch(r -> r.priority() >= 1));
    }

    @Test
    public void changingAFilterRewritesOnlyItsRules() {
        flows.clearOps();
        netcfg.set(aftr, String.format(DEVICE, ", \"ingress-filter\": \"ip6 and src net 2001:db8::/32\"", ""));
        List<RecordingFlowRuleService.Op> ops = flows.ops();
        assertEquals(ops.toString(), 2, ops.size());
        assertTrue(ops.stream().allMatch(o -> o.type == FlowRuleOperation.Type.REMOVE
                && o.rule.table().equals(TABLE_EGRESS_FILTER)));
        assertEquals(2, installed(TABLE_INGRESS_FILTER).size());
    }
}
