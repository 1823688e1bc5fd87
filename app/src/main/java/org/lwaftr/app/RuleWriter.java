package org.lwaftr.app;

import org.lwaftr.programming.CounterReuse;
import org.lwaftr.programming.DeviceEntries;
import org.lwaftr.programming.SoftwireDelta;
import org.lwaftr.programming.SoftwireWrites;
import org.lwaftr.store.SoftwireStore;
import org.lwaftr.translate.CounterCells;
import org.lwaftr.translate.SoftwireEntries;
import org.lwaftr.translate.Translator;
import org.onosproject.net.DeviceId;
import org.onosproject.net.flow.FlowEntry;
import org.onosproject.net.flow.FlowRule;
import org.onosproject.net.flow.FlowRuleService;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import org.onosproject.net.pi.runtime.PiTableEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the AFTR devices must hold, and the flow-rule writes that get them there: incremental for
 * softwire changes, a diff for device config, a full reconcile when a device (re)appears. Runs on
 * the programmer's single worker thread only.
 */
final class RuleWriter {

    private static final Logger log = LoggerFactory.getLogger(RuleWriter.class);

    private final FlowRuleService flows;
    private final FlowRuleFactory factory;
    private final Translator translator;
    private final SoftwireStore store;
    private final ConfigReader config;
    private final int chunkSize;
    private final CounterWriter counterWriter;
    private final CounterReuse<DeviceId> counterReuse = new CounterReuse<>();
    private final LearnedNextHops nextHops;

    /** Per device, the config entries last written (port_side, next_hop, BR, aftr_ipv4/config, filters). */
    private final DeviceEntries<DeviceId> configInstalled;
    /** Softwire changes → entry writes (holds the softwires whose BR index has not arrived yet). */
    private final SoftwireWrites softwireWrites;

    RuleWriter(FlowRuleService flows, FlowRuleFactory factory, Translator translator, SoftwireStore store,
               ConfigReader config, int chunkSize, CounterWriter counterWriter, LearnedNextHops nextHops) {
        this.counterWriter = counterWriter;
        this.nextHops = nextHops;
        this.flows = flows;
        this.factory = factory;
        this.translator = translator;
        this.store = store;
        this.config = config;
        this.chunkSize = chunkSize;
        this.configInstalled = new DeviceEntries<>(translator);
        this.softwireWrites = new SoftwireWrites(translator);
    }

    /** @return number of softwires waiting for their BR index */
    int awaitingBr() {
        return softwireWrites.awaitingBr();
    }

    // ---------------------------------------------------------------- incremental

    /**
     * Writes exactly the entries of the changed softwires (and of addresses bound/unbound by them).
     *
     * @param devices the devices this instance programs
     * @param deltas  the changes, in order
     * @return rule operations submitted
     */
    int applyDeltas(Collection<DeviceId> devices, List<SoftwireDelta> deltas) {
        List<SoftwireWrites.Write> writes = softwireWrites.of(deltas, store.brIndexes());
        List<Integer> freed = new ArrayList<>();
        List<Integer> taken = new ArrayList<>();
        for (SoftwireDelta d : deltas) {
            if (d.oldCounter() != d.newCounter()) {
                if (d.oldCounter() >= 0) {
                    freed.add(d.oldCounter());
                }
                if (d.newCounter() >= 0) {
                    taken.add(d.newCounter());
                }
            }
        }
        // Devices away (tracked, not programmed now) zero theirs when reconciled.
        counterReuse.change(devices, freed, taken).forEach(this::zeroReusedCounters);
        return submit(devices, writes);
    }

    /** In order: for one rule the later write wins (remove + add = modify, add + remove = none). */
    private int submit(Collection<DeviceId> devices, List<SoftwireWrites.Write> writes) {
        RuleBatch batch = new RuleBatch();
        for (DeviceId dev : devices) {
            for (SoftwireWrites.Write w : writes) {
                FlowRule r = factory.rule(dev, w.entry);
                if (w.put) {
                    batch.add(r);
                } else {
                    batch.remove(r);
                }
            }
        }
        return batch.submit(flows, chunkSize);
    }

    /**
     * Zeroes, before any binding entry is submitted, the cells of counter indexes that softwires
     * take and that may hold a former softwire's counts (per-softwire counters start at zero).
     */
    private void zeroReusedCounters(DeviceId dev, List<Integer> indexes) {
        List<PiCounterCellId> cells = new ArrayList<>();
        indexes.forEach(i -> cells.addAll(CounterCells.softwireCells(i)));
        if (!counterWriter.zero(dev, cells)) {
            log.warn("{}: {} counter cells of reused indexes not zeroed; those softwires' counters may"
                    + " start from a former softwire's", dev, cells.size());
        }
    }

    /**
     * Programs the softwires that were waiting for a BR index that is now known.
     *
     * @param devices the devices this instance programs
     * @return rule operations submitted
     */
    int resolveAwaitingBr(Collection<DeviceId> devices) {
        return submit(devices, softwireWrites.resolveAwaitingBr(store.brIndexes()));
    }

    // ---------------------------------------------------------------- device config

    /** A next hop given by IP gets its next_hop entry once resolved (until then: NO_NEXT_HOP drops). */
    private DeviceEntries.Change updateConfig(DeviceId dev) {
        return configInstalled.update(dev, nextHops.resolve(dev, config.device(dev)), config.policy(),
                store.brIndexes());
    }

    /**
     * Brings the devices' config entries to the current policy, settings and BR indexes, writing
     * only what differs (a policy change rewrites the one aftr_config entry).
     *
     * @param devices devices to refresh
     * @return rule operations submitted
     */
    int refreshConfig(Collection<DeviceId> devices) {
        RuleBatch batch = new RuleBatch();
        for (DeviceId dev : devices) {
            DeviceEntries.Change c = updateConfig(dev);
            c.removed.forEach(e -> batch.remove(factory.rule(dev, e)));
            c.put.forEach(e -> batch.add(factory.rule(dev, e)));
        }
        return batch.submit(flows, chunkSize);
    }

    // ---------------------------------------------------------------- reconcile

    /**
     * Converges a device to the store: computes every rule it must hold, removes this app's rules it
     * must not hold, and writes the missing or different ones (all of them if {@code force}: after
     * a reconnect or a new pipeline the device may have lost what ONOS believes it holds).
     *
     * @param dev   the device
     * @param force rewrite every desired rule
     * @return rule operations submitted
     */
    int reconcile(DeviceId dev, boolean force) {
        updateConfig(dev);
        Map<RuleKey, FlowRule> desired = new LinkedHashMap<>();
        for (PiTableEntry e : configInstalled.entries(dev).values()) {
            FlowRule r = factory.rule(dev, e);
            desired.put(new RuleKey(r), r);
        }
        // Softwires whose BR index / record is still on the way are programmed when it arrives.
        for (PiTableEntry e : SoftwireEntries.of(translator, store.table(), store.brIndexes(), store::counterIndex)) {
            FlowRule r = factory.rule(dev, e);
            desired.put(new RuleKey(r), r);
        }
        RuleBatch batch = new RuleBatch();
        Map<RuleKey, FlowEntry> current = new HashMap<>();
        for (FlowEntry e : flows.getFlowEntries(dev)) {
            if (e.appId() == factory.appId().id()) {
                RuleKey k = new RuleKey(e);
                current.put(k, e);
                if (!desired.containsKey(k)) {
                    batch.remove(e);
                }
            }
        }
        for (Map.Entry<RuleKey, FlowRule> d : desired.entrySet()) {
            FlowRule r = d.getValue();
            FlowEntry cur = current.get(d.getKey());
            if (force || cur == null || !cur.treatment().equals(r.treatment())) {
                batch.add(r);
            }
        }
        List<PiCounterCellId> cells = new ArrayList<>();
        counterReuse.converged(dev, false).forEach(i -> cells.addAll(CounterCells.softwireCells(i)));
        if (!cells.isEmpty() && !counterWriter.zero(dev, cells)) {
            log.warn("{}: {} counter cells of indexes reused while it was away not zeroed", dev, cells.size());
        }
        int n = batch.submit(flows, chunkSize);
        log.info("Reconciled {}{}: {} desired rules, {} operations", dev, force ? " (forced)" : "",
                desired.size(), n);
        return n;
    }

    /**
     * @param dev a device that became unavailable but is still mastered here: its counter history
     *            is kept, so indexes reused meanwhile are zeroed when it is reconciled
     */
    void away(DeviceId dev) {
        configInstalled.forget(dev);
    }

    /**
     * @param dev a device no longer programmed by this instance (its rules stay: the new master owns
     *            them); its counter history is dropped
     */
    void forget(DeviceId dev) {
        configInstalled.forget(dev);
        counterReuse.forget(dev);
    }
}
