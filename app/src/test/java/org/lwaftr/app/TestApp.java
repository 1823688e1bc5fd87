package org.lwaftr.app;

import org.lwaftr.store.DistributedSoftwireStore;
import org.lwaftr.store.TransactionalTestStorage;
import org.onosproject.net.flow.FlowRuleService;
import org.onosproject.net.packet.PacketServiceAdapter;

import java.util.concurrent.Executor;

/**
 * The whole app wired on ONOS adapters: store, programmer, packet processor and manager.
 */
final class TestApp {
    final TransactionalTestStorage storage = new TransactionalTestStorage();
    final DistributedSoftwireStore store = StoreFactory.store(storage);
    final TestNetworkConfig netcfg;
    private final TestTopology topo;
    final DeviceProgrammer programmer;
    final SlowPathPacketProcessor slowPath = new SlowPathPacketProcessor();
    final LwaftrManager manager = new LwaftrManager();

    /**
     * @param topo     devices (add them before: they are found at activation)
     * @param flows    the flow rule service
     * @param executor the programmer's lane
     * @param counters counter reads
     */
    TestApp(TestTopology topo, FlowRuleService flows, Executor executor, CounterReader counters) {
        this(topo, new TestNetworkConfig(), flows, executor, counters);
    }

    /**
     * The app on a given netcfg, its lanes inline, no counters: activated in ONOS's order (the
     * root first, as every other component references it; then the programmer, the slow path and
     * the service).
     */
    TestApp(TestTopology topo, TestNetworkConfig netcfg, FlowRuleService flows) {
        this(topo, netcfg, flows, Runnable::run, (d, c) -> java.util.List.of());
    }

    private TestApp(TestTopology topo, TestNetworkConfig netcfg, FlowRuleService flows, Executor executor,
                    CounterReader counters) {
        this.topo = topo;
        this.netcfg = netcfg;
        programmer = topo.programmer(store, netcfg, flows, executor);
        slowPath.packetService = new PacketServiceAdapter();
        slowPath.pipeconfService = topo.pipeconfService;
        slowPath.root = topo.root(netcfg);
        slowPath.netcfgService = netcfg;
        slowPath.store = store;
        slowPath.nextHops = topo.nextHops;
        slowPath.activate();
        manager.root = topo.root(netcfg);
        manager.netcfgService = netcfg;
        manager.store = store;
        manager.programmer = programmer;
        manager.slowPath = slowPath;
        manager.deviceService = topo.deviceService;
        manager.pipeconfService = topo.pipeconfService;
        manager.nextHops = topo.nextHops;
        manager.counterReader = counters;
        manager.loader = Runnable::run;
        manager.activate();
    }

    void stop() {
        manager.deactivate();
        slowPath.deactivate();
        programmer.deactivate();
        topo.stopRoot(netcfg);
    }
}
