package org.lwaftr.app;

import org.onosproject.net.flow.FlowRule;

/**
 * A flow rule as a map key: equal when the rules are the same entry (FlowRule equality: device,
 * table, selector, priority), hashed by the rule's FlowId. FlowIds alone collide among 10^5 rules
 * (32-bit hashes), and FlowRule.hashCode alone clusters badly (small PI byte strings hash to a
 * narrow range), so neither is used on its own.
 */
final class RuleKey {
    private final FlowRule rule;

    RuleKey(FlowRule rule) {
        this.rule = rule;
    }

    FlowRule rule() {
        return rule;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleKey && rule.equals(((RuleKey) o).rule);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(rule.id().value());
    }

    @Override
    public String toString() {
        return rule.toString();
    }
}
