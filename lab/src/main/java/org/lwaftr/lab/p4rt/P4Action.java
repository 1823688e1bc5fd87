package org.lwaftr.lab.p4rt;

import java.util.Collection;

/** A P4Info action and its parameters. */
public final class P4Action extends P4Named {
    P4Action(int id, String name, String alias, Collection<P4Field> params) {
        super(id, name, alias, params);
    }

    @Override
    String kind() {
        return "action";
    }

    @Override
    String fieldKind() {
        return "parameter";
    }
}
