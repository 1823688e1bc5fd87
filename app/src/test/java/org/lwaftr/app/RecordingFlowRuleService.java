package org.lwaftr.app;

import org.onosproject.net.DeviceId;
import org.onosproject.net.flow.DefaultFlowEntry;
import org.onosproject.net.flow.FlowEntry;
import org.onosproject.net.flow.FlowRule;
import org.onosproject.net.flow.FlowRuleOperation;
import org.onosproject.net.flow.FlowRuleOperations;
import org.onosproject.net.flow.FlowRuleServiceAdapter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

/**
 * A FlowRuleService that records every operation and keeps the rules it holds per device, as
 * ONOS's flow-rule store would (ADDED state).
 */
public class RecordingFlowRuleService extends FlowRuleServiceAdapter {

    /** One recorded operation. */
    public static final class Op {
        public final FlowRuleOperation.Type type;
        public final FlowRule rule;

        Op(FlowRuleOperation.Type type, FlowRule rule) {
            this.type = type;
            this.rule = rule;
        }

        @Override
        public String toString() {
            return type + " " + rule.tableId() + " " + rule.selector();
        }
    }

    private final List<Op> ops = Collections.synchronizedList(new ArrayList<>());
    private final Map<DeviceId, Map<RuleKey, FlowEntry>> installed = new ConcurrentHashMap<>();
    private volatile int applyCalls;
    private volatile LongConsumer onApply = n -> { };

    @Override
    public synchronized void apply(FlowRuleOperations operations) {
        applyCalls++;
        int n = 0;
        for (Set<FlowRuleOperation> stage : operations.stages()) {
            for (FlowRuleOperation op : stage) {
                ops.add(new Op(op.type(), op.rule()));
                Map<RuleKey, FlowEntry> dev = installed.computeIfAbsent(op.rule().deviceId(),
                        d -> new ConcurrentHashMap<>());
                if (op.type() == FlowRuleOperation.Type.REMOVE) {
                    dev.remove(new RuleKey(op.rule()));
                } else {
                    dev.put(new RuleKey(op.rule()), new DefaultFlowEntry(op.rule(), FlowEntry.FlowEntryState.ADDED));
                }
                n++;
            }
        }
        onApply.accept(n);
        if (operations.callback() != null) {
            operations.callback().onSuccess(operations);
        }
    }

    @Override
    public Iterable<FlowEntry> getFlowEntries(DeviceId deviceId) {
        return new ArrayList<>(installed.getOrDefault(deviceId, Map.of()).values());
    }

    @Override
    public int getFlowRuleCount() {
        return installed.values().stream().mapToInt(Map::size).sum();
    }

    /** @param hook called after each apply with the number of operations */
    public void onApply(LongConsumer hook) {
        onApply = hook;
    }

    /** @return operations recorded so far */
    public List<Op> ops() {
        synchronized (ops) {
            return new ArrayList<>(ops);
        }
    }

    /** Forgets the recorded operations (not the installed rules). */
    public void clearOps() {
        ops.clear();
    }

    /** @return number of apply() calls */
    public int applyCalls() {
        return applyCalls;
    }

    /**
     * @param device a device
     * @return the rules it holds
     */
    public Map<RuleKey, FlowEntry> installed(DeviceId device) {
        return installed.getOrDefault(device, Map.of());
    }
}
