package org.lwaftr.lab.p4rt;

import com.google.common.collect.ImmutableSet;
import org.onosproject.net.pi.model.PiMatchType;

import java.util.Collection;

/** A P4Info table: match fields, the actions it may use, its size. */
public final class P4Table extends P4Named {
    private final ImmutableSet<Integer> actionIds;
    private final long size;
    private final boolean needsPriority;
    private final int exactFieldCount;

    P4Table(int id, String name, String alias, Collection<P4Field> fields, Collection<Integer> actionIds,
            long size) {
        super(id, name, alias, fields);
        this.actionIds = ImmutableSet.copyOf(actionIds);
        this.size = size;
        // P4Runtime §9.1: entries of tables with ternary, range or optional fields carry a priority.
        this.needsPriority = fields.stream().anyMatch(f -> f.matchType() == PiMatchType.TERNARY
                || f.matchType() == PiMatchType.RANGE || f.matchType() == PiMatchType.OPTIONAL);
        this.exactFieldCount = (int) fields.stream().filter(f -> f.matchType() == PiMatchType.EXACT).count();
    }

    /** True if the table may use the action with this id. */
    public boolean hasAction(int actionId) {
        return actionIds.contains(actionId);
    }

    /** Number of exact match fields (each entry must give them all). */
    public int exactFieldCount() {
        return exactFieldCount;
    }

    /** Ids of the actions this table may use. */
    public ImmutableSet<Integer> actionIds() {
        return actionIds;
    }

    /** Declared size (maximum number of entries). */
    public long size() {
        return size;
    }

    /** True if entries need a priority (the table has a ternary, range or optional field). */
    public boolean needsPriority() {
        return needsPriority;
    }

    @Override
    String kind() {
        return "table";
    }

    @Override
    String fieldKind() {
        return "match field";
    }
}
