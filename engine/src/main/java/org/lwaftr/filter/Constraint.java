package org.lwaftr.filter;

import java.math.BigInteger;
import java.util.Objects;

/**
 * What one rule requires of one field: a ternary (value, mask) or a range [low, high]. Immutable;
 * the value of a ternary has no bits outside its mask (P4Runtime requires it).
 */
public final class Constraint {
    private final FilterField field;
    private final BigInteger a;   // value, or low
    private final BigInteger b;   // mask, or high

    private Constraint(FilterField field, BigInteger a, BigInteger b) {
        this.field = field;
        this.a = a;
        this.b = b;
    }

    /**
     * @param field a ternary field
     * @param value the value (bits outside the mask are cleared)
     * @param mask  the bits that must equal the value's
     * @return the constraint
     */
    public static Constraint ternary(FilterField field, BigInteger value, BigInteger mask) {
        if (field.isRange()) {
            throw new IllegalArgumentException(field + " is matched by range");
        }
        BigInteger m = mask.and(all(field));
        return new Constraint(field, value.and(m), m);
    }

    /** @return the ternary constraint that the field equals {@code value} */
    public static Constraint equal(FilterField field, long value) {
        return ternary(field, BigInteger.valueOf(value), all(field));
    }

    /**
     * @param field a range field
     * @param low   lowest value
     * @param high  highest value (≥ low)
     * @return the constraint
     */
    public static Constraint range(FilterField field, long low, long high) {
        if (!field.isRange() || low > high || low < 0) {
            throw new IllegalArgumentException(field + ": bad range " + low + "-" + high);
        }
        return new Constraint(field, BigInteger.valueOf(low), BigInteger.valueOf(high).min(all(field)));
    }

    static BigInteger all(FilterField field) {
        return BigInteger.ONE.shiftLeft(field.bits()).subtract(BigInteger.ONE);
    }

    /** @return the field */
    public FilterField field() {
        return field;
    }

    /** @return a ternary's value (a range's low end) */
    public BigInteger value() {
        return a;
    }

    /** @return a ternary's mask */
    public BigInteger mask() {
        return b;
    }

    /** @return a range's low end */
    public long low() {
        return a.longValueExact();
    }

    /** @return a range's high end */
    public long high() {
        return b.longValueExact();
    }

    /** @return true if every value of the field satisfies it */
    public boolean isWildcard() {
        return field.isRange() ? a.signum() == 0 && b.equals(all(field)) : b.signum() == 0;
    }

    /**
     * @param v a field value
     * @return whether it satisfies the constraint
     */
    public boolean matches(BigInteger v) {
        return field.isRange() ? v.compareTo(a) >= 0 && v.compareTo(b) <= 0 : v.and(b).equals(a);
    }

    /**
     * @param o a constraint on the same field
     * @return the values satisfying both, or null if none
     */
    Constraint intersect(Constraint o) {
        if (field.isRange()) {
            BigInteger lo = a.max(o.a);
            BigInteger hi = b.min(o.b);
            return lo.compareTo(hi) > 0 ? null : new Constraint(field, lo, hi);
        }
        if (a.xor(o.a).and(b).and(o.b).signum() != 0) {
            return null;
        }
        return new Constraint(field, a.or(o.a), b.or(o.b));
    }

    /**
     * @param o a constraint on the same field
     * @return true if every value satisfying {@code o} satisfies this
     */
    boolean contains(Constraint o) {
        if (field.isRange()) {
            return a.compareTo(o.a) <= 0 && b.compareTo(o.b) >= 0;
        }
        return b.andNot(o.b).signum() == 0 && o.a.and(b).equals(a);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Constraint)) {
            return false;
        }
        Constraint c = (Constraint) o;
        return field == c.field && a.equals(c.a) && b.equals(c.b);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, a, b);
    }

    @Override
    public String toString() {
        return field.isRange() ? field + " " + a + "-" + b : field + " 0x" + a.toString(16) + "/0x" + b.toString(16);
    }
}
