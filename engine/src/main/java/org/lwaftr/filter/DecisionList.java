package org.lwaftr.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * A boolean function of a packet as an ordered list of rules (the first whose cube matches
 * decides) and a verdict for packets no rule matches: what a ternary/range table with priorities
 * computes. Built bottom-up from a filter expression: {@code not} flips every verdict; {@code and}
 * refines each allowing rule of the left side by the right side's list (and {@code or} each
 * denying rule), so no new kind of match is ever needed. Immutable; every result is simplified
 * (shadowed rules and rules that change nothing are left out).
 */
final class DecisionList {
    static final DecisionList TRUE = new DecisionList(List.of(), true);
    static final DecisionList FALSE = new DecisionList(List.of(), false);

    private final List<FilterRule> rules;
    private final boolean otherwise;

    private DecisionList(List<FilterRule> rules, boolean otherwise) {
        this.rules = rules;
        this.otherwise = otherwise;
    }

    /**
     * @param cubes packets that match (null entries: empty cubes, left out)
     * @return true for a packet in any of the cubes
     */
    static DecisionList anyOf(List<Cube> cubes) {
        List<FilterRule> r = new ArrayList<>();
        for (Cube c : cubes) {
            if (c != null) {
                r.add(new FilterRule(c, true));
            }
        }
        return simplify(r, false, 0);
    }

    List<FilterRule> rules() {
        return rules;
    }

    boolean otherwise() {
        return otherwise;
    }

    DecisionList not() {
        List<FilterRule> r = new ArrayList<>(rules.size());
        for (FilterRule x : rules) {
            r.add(new FilterRule(x.match(), !x.allow()));
        }
        return new DecisionList(r, !otherwise);
    }

    DecisionList and(DecisionList g, int limit) {
        return combine(g, true, limit);
    }

    DecisionList or(DecisionList g, int limit) {
        return combine(g, false, limit);
    }

    /**
     * and ({@code refine} = true): a rule that allows is refined by g; or: a rule that denies is.
     */
    private DecisionList combine(DecisionList g, boolean refine, int limit) {
        List<FilterRule> out = new ArrayList<>();
        int trusted = 0;   // leading rules copied unchanged: already free of shadowing among themselves
        for (FilterRule x : rules) {
            if (x.allow() != refine) {
                out.add(x);
                trusted += trusted == out.size() - 1 ? 1 : 0;
                continue;
            }
            for (FilterRule y : g.rules) {
                Cube c = x.match().intersect(y.match());
                if (c != null) {
                    out.add(new FilterRule(c, y.allow()));
                }
            }
            out.add(new FilterRule(x.match(), g.otherwise));
            check(out, limit);
        }
        boolean otherwise = this.otherwise;
        if (this.otherwise == refine) {
            out.addAll(g.rules);
            otherwise = g.otherwise;
        }
        check(out, limit);
        return simplify(out, otherwise, trusted);
    }

    private static void check(List<FilterRule> rules, int limit) {
        if (rules.size() > limit) {
            throw new TooLarge(rules.size());
        }
    }

    /** Thrown when a list outgrows the limit; the compiler reports it against the expression. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int size;

        TooLarge(int size) {
            super(null, null, false, false);
            this.size = size;
        }
    }

    /** The first {@code trusted} rules of {@code in} come from a simplified list, in order. */
    private static DecisionList simplify(List<FilterRule> in, boolean otherwise, int trusted) {
        List<FilterRule> kept = new ArrayList<>(in.subList(0, trusted));
        boolean dflt = otherwise;
        for (FilterRule x : in.subList(trusted, in.size())) {
            if (x.match().isAll()) {      // decides every packet still undecided
                dflt = x.allow();
                break;
            }
            boolean shadowed = false;
            for (FilterRule k : kept) {
                if (k.match().contains(x.match())) {
                    shadowed = true;
                    break;
                }
            }
            if (!shadowed) {
                kept.add(x);
            }
        }
        // Trailing rules with the default's verdict change nothing.
        while (!kept.isEmpty() && kept.get(kept.size() - 1).allow() == dflt) {
            kept.remove(kept.size() - 1);
        }
        return new DecisionList(List.copyOf(kept), dflt);
    }

    /** @return this with rules covered by a later one dropped (once, at the end: it is quadratic) */
    DecisionList compact() {
        if (rules.size() > MERGE_MAX) {
            return this;
        }
        List<FilterRule> r = new ArrayList<>(rules);
        dropCoveredLater(r);
        return new DecisionList(List.copyOf(r), otherwise);
    }

    /** Past this many rules the quadratic pass below is skipped (the result is only larger). */
    private static final int MERGE_MAX = 600;

    /**
     * Drops a rule that a later rule with the same verdict contains when no rule in between with
     * the other verdict overlaps it: its packets get the same verdict from the later rule.
     */
    private static void dropCoveredLater(List<FilterRule> rules) {
        for (int i = rules.size() - 2; i >= 0; i--) {
            FilterRule x = rules.get(i);
            for (int j = i + 1; j < rules.size(); j++) {
                FilterRule y = rules.get(j);
                if (y.allow() != x.allow()) {
                    if (y.match().intersect(x.match()) != null) {
                        break;
                    }
                } else if (y.match().contains(x.match())) {
                    rules.remove(i);
                    break;
                }
            }
        }
    }
}
