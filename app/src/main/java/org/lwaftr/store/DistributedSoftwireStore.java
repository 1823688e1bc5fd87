package org.lwaftr.store;

import org.lwaftr.api.BindingRecord;
import org.lwaftr.core.BindingChange;
import org.lwaftr.core.BindingDiff;
import org.lwaftr.core.BindingTable;
import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.SoftwireKey;
import org.lwaftr.pipeconf.DataPlaneLimits;
import org.lwaftr.programming.SoftwireDelta;
import org.onlab.packet.Ip6Address;
import org.onosproject.store.service.ConsistentMap;
import org.onosproject.store.service.MapEvent;
import org.onosproject.store.service.MapEventListener;
import org.onosproject.store.service.StorageService;
import org.onosproject.store.service.Versioned;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

import static org.lwaftr.store.MapNames.*;
import static org.lwaftr.store.StoreSerializers.SERIALIZER;
import static org.lwaftr.store.StoreSerializers.decode;

/**
 * {@link SoftwireStore} on ONOS's StorageService (Atomix consistent maps).
 *
 * <p>Atomic batches: each batch is one transaction over the softwire map and its guard maps
 * (addresses, counter owners, BR indexes, version), so a batch is applied on all instances or on
 * none, and a crash mid-way leaves nothing behind. Validation runs first against the local mirror
 * (good errors naming entry and field); the transaction then re-checks everything the batch relied
 * on, so two instances writing at once, or a lagging mirror, can never commit an invalid table:
 * the loser retries against the fresher state (see {@link BatchCommit}).
 */
@Component(immediate = true, service = SoftwireStore.class)
public class DistributedSoftwireStore implements SoftwireStore {

    private static final Logger log = LoggerFactory.getLogger(DistributedSoftwireStore.class);

    /** Data plane: softwire_stats holds 2 cells per softwire. */
    static final int COUNTER_INDEXES = DataPlaneLimits.COUNTER_INDEXES;
    /** Data plane: br_address / br_source entries. */
    static final int BR_INDEX_COUNT = DataPlaneLimits.BR_ADDRESSES;
    /** Bound of the binding history (ended bindings). */
    static final int DEFAULT_MAX_HISTORY = 1_000_000;
    private static final int ATTEMPTS = 6;

    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected StorageService storageService;

    private ConsistentMap<Long, byte[]> softwires;
    private ConsistentMap<String, Integer> brIndexMap;
    private ConsistentMap<String, Long> meta;
    private ConsistentMap<Long, byte[]> history;

    private final LocalMirror mirror = new LocalMirror(COUNTER_INDEXES);
    private final BindingHistory localHistory = new BindingHistory();
    private final Map<Ip6Address, Integer> brView = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();
    private final List<SoftwireStoreListener> listeners = new CopyOnWriteArrayList<>();
    private volatile LongSupplier clock = System::currentTimeMillis;
    private int maxHistory = DEFAULT_MAX_HISTORY;

    private final MapEventListener<Long, byte[]> softwireListener = this::softwireEvent;
    private final MapEventListener<String, Integer> brListener = this::brEvent;
    private final MapEventListener<Long, byte[]> historyListener = this::historyEvent;

    @Activate
    protected void activate() {
        softwires = map(SOFTWIRES);
        brIndexMap = map(BR_INDEXES);
        meta = map(META);
        history = map(HISTORY);
        // The guard maps are only used inside transactions, but must exist.
        map(ADDRESSES);
        map(COUNTER_OWNERS);
        map(BR_OWNERS);
        // Listen first, then load: an entry seen twice is applied once (the mirror is idempotent).
        brIndexMap.addListener(brListener);
        history.addListener(historyListener);
        softwires.addListener(softwireListener);
        brIndexMap.entrySet().forEach(e -> brView.put(Ip6Address.valueOf(e.getKey()), e.getValue().value()));
        history.entrySet().forEach(e -> localHistory.added(e.getKey(), decode(e.getValue().value())));
        List<SoftwireDelta> loaded = new ArrayList<>();
        for (Map.Entry<Long, Versioned<byte[]>> e : softwires.entrySet()) {
            loaded.addAll(mirror.onEvent(e.getKey(), decode(e.getValue().value())));
        }
        log.info("Started with {} softwires, binding-table version {}", mirror.table().size(), version());
        notifyListeners(loaded);
    }

    @Deactivate
    protected void deactivate() {
        softwires.removeListener(softwireListener);
        brIndexMap.removeListener(brListener);
        history.removeListener(historyListener);
        log.info("Stopped");
    }

    private <K, V> ConsistentMap<K, V> map(String name) {
        return storageService.<K, V>consistentMapBuilder().withName(name).withSerializer(SERIALIZER)
                .withRelaxedReadConsistency().build();
    }

    /** For tests and benchmarks: the time source (ms). */
    void setClock(LongSupplier clock) {
        this.clock = clock;
    }

    /** For tests: the history bound. */
    void setMaxHistory(int max) {
        maxHistory = max;
    }

    // ---------------------------------------------------------------- writes

    @Override
    public BindingDiff apply(List<BindingChange> changes, boolean allowSystemPorts, int maxSoftwires) {
        synchronized (writeLock) {
            String lastWhy = null;
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                checkSystemPorts(changes, allowSystemPorts);
                BindingDiff diff = mirror.table().preview(changes);
                int after = mirror.table().size() + diff.added().size() - diff.removed().size();
                if (after > maxSoftwires) {
                    throw new InvalidBindingException(-1, "softwire-num-max", "the batch would leave " + after
                            + " softwires, more than softwire-num-max " + maxSoftwires);
                }
                if (diff.isEmpty()) {
                    return diff;
                }
                Map<Long, Softwire> originals = new HashMap<>();
                Map<Long, Softwire> finals = new LinkedHashMap<>();
                for (BindingChange c : changes) {
                    long k = c.key().packed();
                    originals.computeIfAbsent(k, x -> mirror.table().get(c.key()));
                    finals.put(k, c.softwire()); // null for REMOVE
                }
                // Keys whose net effect is nil (added then removed, replaced by an equal softwire).
                finals.entrySet().removeIf(e -> Objects.equals(e.getValue(), originals.get(e.getKey())));
                BatchCommit commit = new BatchCommit(storageService, mirror, brView, BR_INDEX_COUNT);
                Set<Ip6Address> inUse = new HashSet<>(mirror.table().brAddresses());
                BatchCommit.Outcome outcome = commit.run(originals, finals, inUse, clock.getAsLong());
                if (outcome == BatchCommit.Outcome.COMMITTED) {
                    pruneHistory();
                    return diff;
                }
                lastWhy = outcome == BatchCommit.Outcome.STALE ? commit.staleReason() : "concurrent commit";
                log.debug("batch attempt {} not committed: {}", attempt, lastWhy);
                if (outcome == BatchCommit.Outcome.STALE && lastWhy.startsWith("all ")) {
                    throw new InvalidBindingException(-1, Softwire.F_BR, lastWhy);
                }
                backoff(attempt);
            }
            throw new StoreBusyException("binding table changed concurrently, nothing applied (" + lastWhy
                    + "); retry");
        }
    }

    private static void checkSystemPorts(List<BindingChange> changes, boolean allowSystemPorts) {
        if (allowSystemPorts) {
            return;
        }
        for (int i = 0; i < changes.size(); i++) {
            BindingChange c = changes.get(i);
            if (c.kind() == BindingChange.Kind.ADD && holdsSystemPorts(c.softwire().portSet())) {
                throw new InvalidBindingException(i, Softwire.F_PSID, "entry " + i + " (add " + c.key()
                        + "): port set " + c.softwire().portSet() + " contains system ports 0-1023, refused by"
                        + " RFC 7596 §5.1 unless allow-system-ports is set");
            }
        }
    }

    /**
     * RFC 7596 §5.1: a port set (k &gt; 0) holds system ports iff its lowest port is below 1024. The
     * lowest port is 2^(16−a) (i = 1; i = 0 is excluded for a &gt; 0) or 0 (a = 0), plus psid·2^m.
     * Computed here without building the set's ranges: this runs for every added softwire.
     */
    static boolean holdsSystemPorts(PortSet ps) {
        if (ps.isWholeAddress()) {
            return false;
        }
        int m = 16 - ps.offset() - ps.length();
        int first = (ps.offset() == 0 ? 0 : 1 << (16 - ps.offset())) + (ps.psid() << m);
        return first <= PortSet.LAST_SYSTEM_PORT;
    }

    private static void backoff(int attempt) {
        try {
            Thread.sleep(5L << attempt); // the mirror catches up with the events meanwhile
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreBusyException("interrupted, nothing applied");
        }
    }

    private void pruneHistory() {
        int excess = localHistory.size() - maxHistory;
        if (excess > 0) {
            for (Long seq : localHistory.oldest(excess)) {
                history.remove(seq);
            }
        }
    }

    // ---------------------------------------------------------------- events

    private void softwireEvent(MapEvent<Long, byte[]> e) {
        SoftwireRecord v = e.type() == MapEvent.Type.REMOVE ? null : decode(Versioned.valueOrNull(e.newValue()));
        notifyListeners(mirror.onEvent(e.key(), v));
    }

    private void brEvent(MapEvent<String, Integer> e) {
        Ip6Address br = Ip6Address.valueOf(e.key());
        if (e.type() == MapEvent.Type.REMOVE) {
            brView.remove(br);
        } else {
            brView.put(br, e.newValue().value());
        }
        Map<Ip6Address, Integer> now = brIndexes();
        listeners.forEach(l -> l.brIndexesChanged(now));
    }

    private void historyEvent(MapEvent<Long, byte[]> e) {
        if (e.type() == MapEvent.Type.REMOVE) {
            localHistory.removed(e.key());
        } else {
            localHistory.added(e.key(), decode(e.newValue().value()));
        }
    }

    private void notifyListeners(List<SoftwireDelta> deltas) {
        if (!deltas.isEmpty()) {
            listeners.forEach(l -> l.softwiresChanged(deltas));
        }
    }

    // ---------------------------------------------------------------- reads

    @Override
    public BindingTable table() {
        return mirror.table();
    }

    @Override
    public int counterIndex(SoftwireKey key) {
        return mirror.counterIndex(key);
    }

    @Override
    public Map<Ip6Address, Integer> brIndexes() {
        return Collections.unmodifiableMap(new HashMap<>(brView));
    }

    @Override
    public long version() {
        Versioned<Long> v = meta.get(VERSION);
        return v == null ? 0 : v.value();
    }

    @Override
    public Optional<BindingRecord> whoHad(int ipv4, int port, long time) {
        return localHistory.whoHad(mirror.table(), mirror::since, ipv4, port, time);
    }

    @Override
    public long historyCompleteSince() {
        return localHistory.completeSince();
    }

    /** @return number of out-of-order events waiting in the mirror (tests) */
    int parkedEvents() {
        return mirror.parkedCount();
    }

    @Override
    public void addListener(SoftwireStoreListener l) {
        listeners.add(l);
    }

    @Override
    public void removeListener(SoftwireStoreListener l) {
        listeners.remove(l);
    }
}
