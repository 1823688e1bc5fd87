package org.lwaftr.api;

import org.lwaftr.core.BindingTable;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.SoftwireKey;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The queries of {@link LwaftrService} answered from a host's binding table: the same in ONOS (the
 * distributed store's local table) and in the standalone controller (its own table).
 */
public abstract class TableBackedService implements LwaftrService {

    /** @return the binding table in force (read only) */
    protected abstract BindingTable table();

    @Override
    public Optional<Softwire> lookup(Ip4Address ipv4, int port) {
        return Optional.ofNullable(table().lookup(ipv4.toInt(), port));
    }

    @Override
    public Optional<Softwire> get(SoftwireKey key) {
        return Optional.ofNullable(table().get(key));
    }

    @Override
    public List<Softwire> byLwb4(Ip6Address lwb4) {
        return table().byLwb4(lwb4);
    }

    @Override
    public List<Softwire> byBr(Ip6Address br) {
        return table().byBr(br);
    }

    @Override
    public List<Softwire> softwires(int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        List<Softwire> all = new ArrayList<>(table().softwires());
        all.sort(Comparator.comparing(Softwire::key));
        return offset >= all.size() ? List.of()
                : List.copyOf(all.subList(offset, (int) Math.min(all.size(), (long) offset + limit)));
    }

    @Override
    public int count() {
        return table().size();
    }
}
