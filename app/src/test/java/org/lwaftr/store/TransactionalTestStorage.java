package org.lwaftr.store;

import org.onosproject.store.primitives.TransactionId;
import org.onosproject.store.service.CommitStatus;
import org.onosproject.store.service.ConsistentMap;
import org.onosproject.store.service.ConsistentMapBuilder;
import org.onosproject.store.service.Serializer;
import org.onosproject.store.service.TestConsistentMap;
import org.onosproject.store.service.TestStorageService;
import org.onosproject.store.service.TransactionContext;
import org.onosproject.store.service.TransactionContextBuilder;
import org.onosproject.store.service.TransactionalMap;
import org.onosproject.store.service.Versioned;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * onos-api's TestStorageService with what it lacks for the store: one map per name (so several store
 * instances sharing this object behave like a cluster) and transactions with optimistic concurrency
 * (reads remember versions; commit fails if any read entry changed; writes apply all or nothing).
 */
public class TransactionalTestStorage extends TestStorageService {

    private final Map<String, ConsistentMap<Object, Object>> maps = new ConcurrentHashMap<>();
    private final AtomicInteger commits = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile Consumer<String> beforeCommit = n -> { };

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> ConsistentMapBuilder<K, V> consistentMapBuilder() {
        return new ConsistentMapBuilder<K, V>() {
            @Override
            public ConsistentMap<K, V> build() {
                Serializer ser = serializer();
                return (ConsistentMap<K, V>) maps.computeIfAbsent(name(), n -> {
                    TestConsistentMap.Builder<Object, Object> b = new TestConsistentMap.Builder<>();
                    return b.withName(n).withSerializer(ser).build();
                });
            }

            @Override
            public org.onosproject.store.service.AsyncConsistentMap<K, V> buildAsyncMap() {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Override
    public TransactionContextBuilder transactionContextBuilder() {
        return new TransactionContextBuilder() {
            @Override
            public TransactionContext build() {
                return new Tx();
            }
        };
    }

    /** @return committed transactions */
    public int commits() {
        return commits.get();
    }

    /** @return transactions that failed the optimistic check */
    public int failures() {
        return failures.get();
    }

    /**
     * @param hook runs at the start of each commit (e.g. to simulate another instance writing first)
     */
    public void beforeCommit(Consumer<String> hook) {
        beforeCommit = hook;
    }

    /**
     * @param name a map name
     * @return the map (created if needed)
     */
    @SuppressWarnings("unchecked")
    public <K, V> ConsistentMap<K, V> map(String name) {
        return (ConsistentMap<K, V>) this.<K, V>consistentMapBuilder().withName(name).build();
    }

    private static final Object REMOVED = new Object();

    private final class Tx implements TransactionContext {
        private final TransactionId id = TransactionId.from("tx-" + System.nanoTime());
        private final Map<String, TxMap<?, ?>> txMaps = new LinkedHashMap<>();
        private boolean open;

        @Override
        public String name() {
            return id.id();
        }

        @Override
        public TransactionId transactionId() {
            return id;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void begin() {
            open = true;
        }

        @Override
        public CompletableFuture<CommitStatus> commit() {
            open = false;
            beforeCommit.accept(id.id());
            synchronized (TransactionalTestStorage.this) {
                for (TxMap<?, ?> m : txMaps.values()) {
                    if (!m.readsStillValid()) {
                        failures.incrementAndGet();
                        return CompletableFuture.completedFuture(CommitStatus.FAILURE);
                    }
                }
                txMaps.values().forEach(TxMap::applyWrites);
                commits.incrementAndGet();
                return CompletableFuture.completedFuture(CommitStatus.SUCCESS);
            }
        }

        @Override
        public void abort() {
            open = false;
            txMaps.clear();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <K, V> TransactionalMap<K, V> getTransactionalMap(String mapName, Serializer serializer) {
            return (TransactionalMap<K, V>) txMaps.computeIfAbsent(mapName, n -> new TxMap<>(map(n)));
        }
    }

    /** Buffered writes over one map; reads remember the version they saw (0 = absent). */
    private static final class TxMap<K, V> implements TransactionalMap<K, V> {
        private final ConsistentMap<K, V> map;
        private final Map<K, Long> readVersions = new HashMap<>();
        private final Map<K, Object> writes = new LinkedHashMap<>();

        TxMap(ConsistentMap<K, V> map) {
            this.map = map;
        }

        @Override
        @SuppressWarnings("unchecked")
        public V get(K key) {
            if (writes.containsKey(key)) {
                Object w = writes.get(key);
                return w == REMOVED ? null : (V) w;
            }
            Versioned<V> v = map.get(key);
            readVersions.putIfAbsent(key, v == null ? 0L : v.version());
            return Versioned.valueOrNull(v);
        }

        @Override
        public boolean containsKey(K key) {
            return get(key) != null;
        }

        @Override
        public V put(K key, V value) {
            V old = get(key);
            writes.put(key, value);
            return old;
        }

        @Override
        public V remove(K key) {
            V old = get(key);
            writes.put(key, REMOVED);
            return old;
        }

        @Override
        public V putIfAbsent(K key, V value) {
            V old = get(key);
            if (old == null) {
                writes.put(key, value);
            }
            return old;
        }

        @Override
        public boolean remove(K key, V value) {
            if (Objects.equals(get(key), value)) {
                writes.put(key, REMOVED);
                return true;
            }
            return false;
        }

        @Override
        public boolean replace(K key, V oldValue, V newValue) {
            if (Objects.equals(get(key), oldValue)) {
                writes.put(key, newValue);
                return true;
            }
            return false;
        }

        boolean readsStillValid() {
            for (Map.Entry<K, Long> e : readVersions.entrySet()) {
                Versioned<V> v = map.get(e.getKey());
                if ((v == null ? 0L : v.version()) != e.getValue()) {
                    return false;
                }
            }
            return true;
        }

        @SuppressWarnings("unchecked")
        void applyWrites() {
            // Removals first: events of one transaction then never show a transient duplicate.
            writes.forEach((k, v) -> {
                if (v == REMOVED && map.containsKey(k)) {
                    map.remove(k);
                }
            });
            writes.forEach((k, v) -> {
                if (v != REMOVED) {
                    map.put(k, (V) v);
                }
            });
        }
    }
}
