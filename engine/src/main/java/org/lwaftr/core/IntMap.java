package org.lwaftr.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.BiConsumer;

/**
 * A map from non-zero int keys (IPv4 addresses: 0.0.0.0 is never bound) to values, for one writer
 * and any number of lock-free readers, without boxing: the per-packet path of the slow path and
 * the binding table asks it for an address many million times a second.
 *
 * <p>Open addressing with linear probing, at most half full. A slot's key, once written, never
 * changes until the table is rebuilt (removal only clears the value), so a reader that finds a key
 * reads that key's value; the value is written before the key (release/acquire), and rebuilt
 * tables are published through a volatile field.
 *
 * @param <V> value type
 */
final class IntMap<V> {

    private static final VarHandle KEYS = MethodHandles.arrayElementVarHandle(int[].class);
    private static final VarHandle VALUES = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final int MIN_CAPACITY = 16;

    private static final class Table {
        final int[] keys;
        final Object[] values;

        Table(int capacity) {
            keys = new int[capacity];
            values = new Object[capacity];
        }
    }

    private volatile Table table = new Table(MIN_CAPACITY);
    private int used; // slots holding a key, live or cleared (writer only)

    private static int slot(int key, int mask) {
        int h = key * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    /**
     * @param key a non-zero key
     * @return its value, or null
     */
    @SuppressWarnings("unchecked")
    V get(int key) {
        Table t = table;
        int mask = t.keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            int k = (int) KEYS.getAcquire(t.keys, i);
            if (k == key) {
                return (V) VALUES.getAcquire(t.values, i);
            }
            if (k == 0) {
                return null;
            }
        }
    }

    /**
     * @param key   a non-zero key
     * @param value the value (not null)
     */
    void put(int key, V value) {
        if (key == 0 || value == null) {
            throw new IllegalArgumentException("IntMap takes non-zero keys and non-null values");
        }
        Table t = table;
        int mask = t.keys.length - 1;
        int i = slot(key, mask);
        while (t.keys[i] != 0 && t.keys[i] != key) {
            i = (i + 1) & mask;
        }
        VALUES.setRelease(t.values, i, value);
        if (t.keys[i] == 0) {
            KEYS.setRelease(t.keys, i, key);
            if (++used * 2 > t.keys.length) {
                rebuild(t);
            }
        }
    }

    /** Removes the key's value (the slot keeps the key until the next rebuild). */
    void remove(int key) {
        Table t = table;
        int mask = t.keys.length - 1;
        for (int i = slot(key, mask); t.keys[i] != 0; i = (i + 1) & mask) {
            if (t.keys[i] == key) {
                VALUES.setRelease(t.values, i, null);
                return;
            }
        }
    }

    private void rebuild(Table old) {
        int live = 0;
        for (Object v : old.values) {
            if (v != null) {
                live++;
            }
        }
        int capacity = MIN_CAPACITY;
        while (capacity < live * 4) {
            capacity <<= 1;
        }
        Table t = new Table(capacity);
        int mask = capacity - 1;
        for (int j = 0; j < old.keys.length; j++) {
            if (old.values[j] != null) {
                int i = slot(old.keys[j], mask);
                while (t.keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                t.keys[i] = old.keys[j];
                t.values[i] = old.values[j];
            }
        }
        used = live;
        table = t; // volatile: publishes the filled table
    }

    /** Calls {@code action} for every entry (a weakly consistent walk). */
    @SuppressWarnings("unchecked")
    void forEach(BiConsumer<Integer, V> action) {
        Table t = table;
        for (int i = 0; i < t.keys.length; i++) {
            int k = (int) KEYS.getAcquire(t.keys, i); // key first: its value is then visible
            Object v = k == 0 ? null : VALUES.getAcquire(t.values, i);
            if (v != null) {
                action.accept(k, (V) v);
            }
        }
    }
}
