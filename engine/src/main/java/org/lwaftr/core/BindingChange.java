package org.lwaftr.core;

import java.util.Objects;

/**
 * One change in an atomic batch applied to a {@link BindingTable}.
 */
public final class BindingChange {

    /** What the change does. */
    public enum Kind {
        /** Add a softwire; its key must be free. */
        ADD,
        /** Remove the softwire with this key; it must exist. */
        REMOVE,
        /** Replace the softwire with the same key (new lwB4 or BR); it must exist. */
        REPLACE
    }

    private final Kind kind;
    private final Softwire softwire;
    private final SoftwireKey key;

    private BindingChange(Kind kind, Softwire softwire, SoftwireKey key) {
        this.kind = kind;
        this.softwire = softwire;
        this.key = key;
    }

    /**
     * @param s softwire to add
     * @return the change
     */
    public static BindingChange add(Softwire s) {
        return new BindingChange(Kind.ADD, Objects.requireNonNull(s), s.key());
    }

    /**
     * @param s softwire that replaces the one with the same key
     * @return the change
     */
    public static BindingChange replace(Softwire s) {
        return new BindingChange(Kind.REPLACE, Objects.requireNonNull(s), s.key());
    }

    /**
     * @param key key of the softwire to remove
     * @return the change
     */
    public static BindingChange remove(SoftwireKey key) {
        return new BindingChange(Kind.REMOVE, null, Objects.requireNonNull(key));
    }

    /** @return the kind */
    public Kind kind() {
        return kind;
    }

    /** @return the new softwire (null for REMOVE) */
    public Softwire softwire() {
        return softwire;
    }

    /** @return the key the change is about */
    public SoftwireKey key() {
        return key;
    }

    @Override
    public String toString() {
        return kind + " " + (softwire != null ? softwire : key);
    }
}
