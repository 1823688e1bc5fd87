package org.lwaftr.lab.p4rt;

import java.util.List;

/**
 * A P4Info counter or meter: an indexed array of cells, or a direct one attached to a table
 * (then {@link #directTableId()} is non-zero and {@link #size()} is the table's).
 */
public final class P4Array extends P4Named {
    private final String kind;
    private final long size;
    private final int directTableId;

    P4Array(String kind, int id, String name, String alias, long size, int directTableId) {
        super(id, name, alias, List.of());
        this.kind = kind;
        this.size = size;
        this.directTableId = directTableId;
    }

    /** Number of cells (indexes 0..size-1) of an indexed array. */
    public long size() {
        return size;
    }

    /** The table of a direct counter or meter, 0 for an indexed one. */
    public int directTableId() {
        return directTableId;
    }

    /** True for a direct counter or meter. */
    public boolean isDirect() {
        return directTableId != 0;
    }

    @Override
    String kind() {
        return kind;
    }

    @Override
    String fieldKind() {
        return "field";
    }
}
