package org.lwaftr.lab.p4rt;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Base of P4Info objects that have a preamble (id, name, alias) and own named fields
 * (match fields, action parameters, packet metadata).
 */
public abstract class P4Named {
    private static final int MAX_RESOLVED = 16;
    private final int id;
    private final String name;
    private final String alias;
    private final ImmutableMap<String, P4Field> fieldsByName;
    private final ImmutableMap<Integer, P4Field> fieldsById;
    /** PI id objects already resolved, as pairs (id object, field); copied on write. */
    private volatile Object[] resolved = new Object[0];

    P4Named(int id, String name, String alias, Collection<P4Field> fields) {
        this.id = id;
        this.name = Objects.requireNonNull(name);
        this.alias = alias == null || alias.isEmpty() ? name : alias;
        Map<String, P4Field> byName = new LinkedHashMap<>();
        Map<Integer, P4Field> byId = new LinkedHashMap<>();
        for (P4Field f : fields) {
            byName.put(f.name(), f);
            byId.put(f.id(), f);
        }
        this.fieldsByName = ImmutableMap.copyOf(byName);
        this.fieldsById = ImmutableMap.copyOf(byId);
    }

    /** P4Info id. */
    public int id() {
        return id;
    }

    /** Fully qualified P4Info name, e.g. {@code LwaftrIngress.binding}. */
    public String name() {
        return name;
    }

    /** Short P4Info alias (the name itself when P4Info has none). */
    public String alias() {
        return alias;
    }

    /** Fields in P4Info order. */
    public ImmutableList<P4Field> fields() {
        return fieldsByName.values().asList();
    }

    /** Number of fields. */
    public int fieldCount() {
        return fieldsByName.size();
    }

    /**
     * The field with this name.
     *
     * @throws IllegalArgumentException naming this object and its known fields if there is none
     */
    public P4Field field(String fieldName) {
        P4Field f = fieldsByName.get(fieldName);
        if (f == null) {
            throw new IllegalArgumentException(kind() + " " + name + ": no " + fieldKind() + " '" + fieldName
                    + "' (known: " + fieldsByName.keySet() + ")");
        }
        return f;
    }

    /**
     * The field named by a PI id object ({@code PiMatchFieldId}, {@code PiActionParamId}, ...)
     * whose {@code id()} is {@code fieldName}: as {@link #field(String)}, but a PI id object seen
     * before is found by reference (the translator's ids are constants), without hashing its name.
     *
     * @throws IllegalArgumentException naming this object and its known fields if there is none
     */
    public P4Field field(Object piId, String fieldName) {
        Object[] r = resolved;
        for (int i = 0; i < r.length; i += 2) {
            if (r[i] == piId) {
                return (P4Field) r[i + 1];
            }
        }
        P4Field f = field(fieldName);
        if (r.length < 2 * MAX_RESOLVED) {
            Object[] n = Arrays.copyOf(r, r.length + 2);
            n[r.length] = piId;
            n[r.length + 1] = f;
            resolved = n; // a racing update may drop one pair: it is only looked up by name again
        }
        return f;
    }

    /**
     * The field with this id.
     *
     * @throws IllegalArgumentException naming this object if there is none
     */
    public P4Field field(int fieldId) {
        P4Field f = fieldsById.get(fieldId);
        if (f == null) {
            throw new IllegalArgumentException(kind() + " " + name + ": no " + fieldKind() + " with id " + fieldId);
        }
        return f;
    }

    /** What this object is, for error messages ("table", "action", ...). */
    abstract String kind();

    /** What its fields are, for error messages ("match field", "parameter", ...). */
    abstract String fieldKind();

    @Override
    public String toString() {
        return kind() + " " + name + "(id " + id + ")";
    }
}
