package org.lwaftr.lab.p4rt;

import com.google.common.collect.ImmutableList;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Objects of one P4Info kind (tables, actions, ...) found by id, full name or alias.
 * An alias shared by two objects finds neither (P4Info aliases are only unique per kind when
 * the compiler could make them so).
 */
final class P4Catalog<T extends P4Named> {
    private final String kind;
    private final Map<String, T> byName = new LinkedHashMap<>();
    private final Map<Integer, T> byId = new HashMap<>();
    private final Map<String, T> byAlias = new HashMap<>();
    private final Set<String> ambiguousAliases = new HashSet<>();

    P4Catalog(String kind) {
        this.kind = kind;
    }

    void add(T item) {
        byName.put(item.name(), item);
        byId.put(item.id(), item);
        if (byAlias.putIfAbsent(item.alias(), item) != null) {
            ambiguousAliases.add(item.alias());
        }
    }

    T get(String name) {
        T item = byName.get(name);
        if (item == null && !ambiguousAliases.contains(name)) {
            item = byAlias.get(name);
        }
        if (item == null) {
            throw new IllegalArgumentException("P4Info has no " + kind + " named '" + name + "' (known: "
                    + byName.keySet() + ")");
        }
        return item;
    }

    T get(int id) {
        T item = byId.get(id);
        if (item == null) {
            throw new IllegalArgumentException("P4Info has no " + kind + " with id " + id);
        }
        return item;
    }

    boolean contains(String name) {
        return byName.containsKey(name) || (byAlias.containsKey(name) && !ambiguousAliases.contains(name));
    }

    Collection<T> all() {
        return ImmutableList.copyOf(byName.values());
    }
}
