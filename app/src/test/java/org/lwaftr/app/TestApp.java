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
    final TestNetworkConfig netcfg = new TestNetworkConfig();
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
        programmer = topo.programmer(store, netcfg, flows, executor);
        slowPath.packetService = new PacketServiceAdapter();
        slowPath.pipeconfService = topo.pipeconfService;
        slowPath.coreService = topo.core;
        slowPath.netcfgService = netcfg;
        slowPath.store = store;
        slowPath.nextHops = topo.nextHops;
        slowPath.activate();
        manager.coreService = topo.core;
        manager.netcfgRegistry = netcfg;
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
    }
}
