package org.lwaftr.app;

import org.onosproject.net.DeviceId;
import org.onosproject.net.flow.FlowRule;
import org.onosproject.net.flow.FlowRuleOperations;
import org.onosproject.net.flow.FlowRuleOperationsContext;
import org.onosproject.net.flow.FlowRuleService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Flow-rule writes collected per device and entry — the last write of an entry wins, so a batch
 * that removes and re-adds an entry sends one modification — then submitted as FlowRuleOperations
 * of bounded size. Entries are told apart by {@link RuleKey} (rule equality), never by FlowId alone:
 * FlowIds are 32-bit hashes, and among 10^5 entries some collide.
 */
final class RuleBatch {

    private static final Logger log = LoggerFactory.getLogger(RuleBatch.class);

    private final Map<DeviceId, Map<RuleKey, Op>> ops = new HashMap<>();

    private static final class Op {
        final FlowRule rule;
        final boolean add;

        Op(FlowRule rule, boolean add) {
            this.rule = rule;
            this.add = add;
        }
    }

    void add(FlowRule rule) {
        ops.computeIfAbsent(rule.deviceId(), d -> new LinkedHashMap<>()).put(new RuleKey(rule), new Op(rule, true));
    }

    void remove(FlowRule rule) {
        ops.computeIfAbsent(rule.deviceId(), d -> new LinkedHashMap<>()).put(new RuleKey(rule), new Op(rule, false));
    }

    boolean isEmpty() {
        return ops.values().stream().allMatch(Map::isEmpty);
    }

    /**
     * @param flows     where to submit
     * @param chunkSize most rules per FlowRuleOperations
     * @return number of rule operations submitted
     */
    int submit(FlowRuleService flows, int chunkSize) {
        int total = 0;
        for (Map.Entry<DeviceId, Map<RuleKey, Op>> e : ops.entrySet()) {
            FlowRuleOperations.Builder b = FlowRuleOperations.builder();
            int n = 0;
            for (Op op : e.getValue().values()) {
                if (op.add) {
                    b.add(op.rule);
                } else {
                    b.remove(op.rule);
                }
                if (++n == chunkSize) {
                    flows.apply(b.build(context(e.getKey())));
                    total += n;
                    n = 0;
                    b = FlowRuleOperations.builder();
                }
            }
            if (n > 0) {
                flows.apply(b.build(context(e.getKey())));
                total += n;
            }
        }
        ops.clear();
        return total;
    }

    private static FlowRuleOperationsContext context(DeviceId device) {
        return new FlowRuleOperationsContext() {
            @Override
            public void onError(FlowRuleOperations failed) {
                // ONOS keeps retrying pending rules; a reconcile (device event) also converges.
                log.warn("lwAFTR flow rule operations failed on {}: {}", device, failed);
            }
        };
    }
}
