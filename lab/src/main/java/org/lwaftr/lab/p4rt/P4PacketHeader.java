package org.lwaftr.lab.p4rt;

import java.util.Collection;

/** A P4Info controller packet header ({@code packet_in} or {@code packet_out}) and its metadata. */
public final class P4PacketHeader extends P4Named {
    P4PacketHeader(int id, String name, String alias, Collection<P4Field> metadata) {
        super(id, name, alias, metadata);
    }

    @Override
    String kind() {
        return "controller packet header";
    }

    @Override
    String fieldKind() {
        return "metadata";
    }
}
