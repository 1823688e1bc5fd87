package org.lwaftr.filter;

import java.util.Objects;

/** One entry of a compiled filter: the packets it matches and whether they pass. */
public final class FilterRule {
    private final Cube match;
    private final boolean allow;

    FilterRule(Cube match, boolean allow) {
        this.match = Objects.requireNonNull(match);
        this.allow = allow;
    }

    /** @return what the rule matches */
    public Cube match() {
        return match;
    }

    /** @return true if matching packets pass, false if they are dropped */
    public boolean allow() {
        return allow;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FilterRule && match.equals(((FilterRule) o).match) && allow == ((FilterRule) o).allow;
    }

    @Override
    public int hashCode() {
        return Objects.hash(match, allow);
    }

    @Override
    public String toString() {
        return (allow ? "allow " : "deny ") + match;
    }
}
