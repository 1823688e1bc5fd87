package org.lwaftr.filter;

import org.lwaftr.pipeconf.DataPlaneLimits;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pcap-filter expression (Snabb's {@code ingress-filter} / {@code egress-filter}) compiled into
 * the ordered rules of a filter table: a packet passes if the expression is true for it, i.e. the
 * first rule that matches it allows it, or no rule matches and {@link #otherwise()} is true. The
 * data plane holds the rules as entries in priority order, plus one lowest-priority "deny
 * everything" entry when {@code otherwise} is false (a table miss passes). Immutable; equal when
 * the expressions are equal.
 */
public final class PacketFilter {
    /** Most entries one filter may take (the data plane's filter tables hold both sides' filters). */
    public static final int MAX_ENTRIES = DataPlaneLimits.FILTER_ENTRIES_PER_SIDE;

    private final String expression;
    private final List<FilterRule> rules;
    private final boolean otherwise;

    private PacketFilter(String expression, List<FilterRule> rules, boolean otherwise) {
        this.expression = expression;
        this.rules = rules;
        this.otherwise = otherwise;
    }

    /**
     * @param expression a pcap-filter expression (the empty one passes everything)
     * @return it compiled
     * @throws FilterException naming the expression, the offset and token, and why it cannot be
     *                         matched by the data plane
     */
    public static PacketFilter compile(String expression) {
        Objects.requireNonNull(expression);
        DecisionList d = PcapFilterParser.parse(expression, 2 * MAX_ENTRIES).compact();
        int entries = d.rules().size() + (d.otherwise() ? 0 : 1);
        if (entries > MAX_ENTRIES) {
            throw new FilterException("filter \"" + expression + "\": needs " + entries
                    + " table entries, a filter may take " + MAX_ENTRIES);
        }
        return new PacketFilter(expression, d.rules(), d.otherwise());
    }

    /** @return the expression as written */
    public String expression() {
        return expression;
    }

    /** @return the rules, first match decides (highest priority first) */
    public List<FilterRule> rules() {
        return rules;
    }

    /** @return whether a packet no rule matches passes */
    public boolean otherwise() {
        return otherwise;
    }

    /** @return table entries the filter takes */
    public int entryCount() {
        return rules.size() + (otherwise ? 0 : 1);
    }

    /**
     * What the data plane decides for a packet (tests, diagnostics).
     *
     * @param packet its field values (a field left out reads 0)
     * @return true if it passes
     */
    public boolean passes(Map<FilterField, BigInteger> packet) {
        for (FilterRule r : rules) {
            if (r.match().matches(packet)) {
                return r.allow();
            }
        }
        return otherwise;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PacketFilter && expression.equals(((PacketFilter) o).expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }

    @Override
    public String toString() {
        return expression;
    }
}
