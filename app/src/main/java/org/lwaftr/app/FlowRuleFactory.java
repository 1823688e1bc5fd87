package org.lwaftr.app;

import org.onosproject.core.ApplicationId;
import org.onosproject.net.DeviceId;
import org.onosproject.net.flow.DefaultFlowRule;
import org.onosproject.net.flow.DefaultTrafficSelector;
import org.onosproject.net.flow.DefaultTrafficTreatment;
import org.onosproject.net.flow.FlowRule;
import org.onosproject.net.flow.TrafficSelector;
import org.onosproject.net.flow.criteria.PiCriterion;
import org.onosproject.net.pi.runtime.PiFieldMatch;
import org.onosproject.net.pi.runtime.PiTableEntry;

/**
 * Translator output (PI table entries) → ONOS flow rules: the match key becomes a PiCriterion, the
 * action a PI table action. An empty match key gives an empty selector, which ONOS writes as the
 * table's default entry (aftr_config). A flow rule's id depends on device, table, selector and
 * priority only, so re-adding an entry with a new action modifies it in place, and a rule built
 * from an old softwire removes its entry.
 */
public final class FlowRuleFactory {

    /** Exact-match tables need no priority, but ONOS needs some; the filter tables' entries carry theirs. */
    static final int PRIORITY = 10;

    private final ApplicationId appId;

    /**
     * @param appId the app the rules belong to
     */
    public FlowRuleFactory(ApplicationId appId) {
        this.appId = appId;
    }

    /** @return the app id the rules carry */
    public ApplicationId appId() {
        return appId;
    }

    /**
     * @param device the device
     * @param entry  a table entry
     * @return the flow rule
     */
    public FlowRule rule(DeviceId device, PiTableEntry entry) {
        TrafficSelector selector;
        if (entry.matchKey().fieldMatches().isEmpty()) {
            selector = DefaultTrafficSelector.emptySelector();
        } else {
            PiCriterion.Builder c = PiCriterion.builder();
            for (PiFieldMatch m : entry.matchKey().fieldMatches()) {
                c.add(m);
            }
            selector = DefaultTrafficSelector.builder().matchPi(c.build()).build();
        }
        return DefaultFlowRule.builder()
                .forDevice(device)
                .forTable(entry.table())
                .fromApp(appId)
                .withPriority(entry.priority().orElse(PRIORITY))
                .makePermanent()
                .withSelector(selector)
                .withTreatment(DefaultTrafficTreatment.builder().piTableAction(entry.action()).build())
                .build();
    }
}
