package org.lwaftr.filter;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A conjunction of constraints on distinct fields: what one table entry matches. Fields without a
 * constraint are wildcards; the empty cube matches every packet. Immutable.
 */
public final class Cube {
    /** Matches everything. */
    public static final Cube ALL = new Cube(new EnumMap<>(FilterField.class));

    private final EnumMap<FilterField, Constraint> constraints;

    private Cube(EnumMap<FilterField, Constraint> constraints) {
        this.constraints = constraints;
    }

    /**
     * @param cs constraints on distinct fields (wildcards are left out)
     * @return their conjunction, or null if two on one field exclude each other
     */
    public static Cube of(Constraint... cs) {
        Cube c = ALL;
        for (Constraint x : cs) {
            c = c == null ? null : c.and(x);
        }
        return c;
    }

    /** @return the constraints, by field (wildcards absent) */
    public Collection<Constraint> constraints() {
        return Collections.unmodifiableCollection(constraints.values());
    }

    /** @return the constraint on a field, or null if it is a wildcard */
    public Constraint get(FilterField f) {
        return constraints.get(f);
    }

    /** @return true if this matches every packet */
    public boolean isAll() {
        return constraints.isEmpty();
    }

    private Cube and(Constraint x) {
        if (x.isWildcard()) {
            return this;
        }
        EnumMap<FilterField, Constraint> m = new EnumMap<>(constraints);
        Constraint old = m.get(x.field());
        Constraint n = old == null ? x : old.intersect(x);
        if (n == null) {
            return null;
        }
        m.put(x.field(), n);
        return new Cube(m);
    }

    /**
     * @param o another cube
     * @return the packets both match, or null if none
     */
    public Cube intersect(Cube o) {
        Cube c = this;
        for (Constraint x : o.constraints.values()) {
            c = c.and(x);
            if (c == null) {
                return null;
            }
        }
        return c;
    }

    /**
     * @param o another cube
     * @return true if every packet {@code o} matches, this matches too
     */
    public boolean contains(Cube o) {
        for (Constraint x : constraints.values()) {
            Constraint y = o.constraints.get(x.field());
            if (y == null || !x.contains(y)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param packet field values (a missing field reads 0)
     * @return whether the packet matches
     */
    public boolean matches(Map<FilterField, BigInteger> packet) {
        for (Constraint x : constraints.values()) {
            if (!x.matches(packet.getOrDefault(x.field(), BigInteger.ZERO))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cube && constraints.equals(((Cube) o).constraints);
    }

    @Override
    public int hashCode() {
        return constraints.hashCode();
    }

    @Override
    public String toString() {
        return constraints.values().toString();
    }
}
