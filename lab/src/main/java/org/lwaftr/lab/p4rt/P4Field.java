package org.lwaftr.lab.p4rt;

import org.onosproject.net.pi.model.PiMatchType;

import java.util.Objects;

/**
 * One named, sized value of a P4Info object: a table's match field, an action's parameter or a
 * controller packet header's metadata field.
 */
public final class P4Field {
    private final int id;
    private final String name;
    private final int bitwidth;
    private final PiMatchType matchType;

    P4Field(int id, String name, int bitwidth, PiMatchType matchType) {
        this.id = id;
        this.name = Objects.requireNonNull(name);
        this.bitwidth = bitwidth;
        this.matchType = matchType;
    }

    /** P4Info id, unique within its owner (table, action or packet header). */
    public int id() {
        return id;
    }

    /** P4Info name (for match fields, the key expression or its {@code @name}). */
    public String name() {
        return name;
    }

    /** Width in bits. */
    public int bitwidth() {
        return bitwidth;
    }

    /** Match kind for table match fields; null for parameters and packet metadata. */
    public PiMatchType matchType() {
        return matchType;
    }

    @Override
    public String toString() {
        return name + "(id " + id + ", " + bitwidth + " bits" + (matchType == null ? "" : ", " + matchType) + ")";
    }
}
