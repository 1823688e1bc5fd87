package org.lwaftr.core;

import org.onlab.packet.Ip6Address;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lwAFTR binding table (RFC 7596 §5.2): softwires keyed by (IPv4 address, PSID), with the
 * indexes the slow path needs.
 *
 * <p>Invariants, checked for every change:
 * <ul>
 *   <li>(IPv4, PSID) is unique;</li>
 *   <li>port sets on one IPv4 address never overlap, whatever their lengths; and since the data
 *       plane derives the PSID from one shape per address, all sets of an address share (a, k);</li>
 *   <li>RFC 7596 §5.1: a port set holding system ports 0–1023 is refused unless the address is
 *       whole (k = 0) or the policy allows it;</li>
 *   <li>the softwires name at most as many distinct BR addresses as the data plane has BR
 *       indexes for (a softwire carries its BR as a small index, not as an address).</li>
 * </ul>
 * Changes come in batches applied atomically: the whole batch is validated against the table as
 * it would be after each preceding change, and nothing is applied unless every change is valid.
 *
 * <p>Writers are serialised; readers never block ({@link SoftwireStore}: per-address PSID arrays
 * in a lock-free map; a concurrent map for the lwB4 index), and see each softwire either before or
 * after a change.
 */
public final class BindingTable {

    /** No limit on distinct BR addresses (tools that only read or convert tables). */
    public static final int ANY_BR_COUNT = Integer.MAX_VALUE;

    private final boolean allowSystemPorts;
    private final int maxBrAddresses;

    private final SoftwireStore store = new SoftwireStore();
    private final ConcurrentHashMap<B4Key, Object> byLwb4 = new ConcurrentHashMap<>();
    private final Map<Ip6Address, int[]> brRefs = new HashMap<>();
    private final Map<Ip6Address, Ip6Address> brIntern = new ConcurrentHashMap<>();

    /**
     * @param allowSystemPorts whether port sets containing ports 0–1023 may be allocated
     */
    public BindingTable(boolean allowSystemPorts) {
        this(allowSystemPorts, ANY_BR_COUNT);
    }

    /**
     * @param allowSystemPorts whether port sets containing ports 0–1023 may be allocated
     * @param maxBrAddresses   distinct BR addresses the softwires may name (the data plane's BR
     *                         indexes); a change that would name one more is refused
     */
    public BindingTable(boolean allowSystemPorts, int maxBrAddresses) {
        if (maxBrAddresses < 1) {
            throw new IllegalArgumentException("maxBrAddresses " + maxBrAddresses);
        }
        this.allowSystemPorts = allowSystemPorts;
        this.maxBrAddresses = maxBrAddresses;
    }

    /** A table that refuses port sets holding system ports (RFC 7596 §5.1 default). */
    public BindingTable() {
        this(false);
    }

    /** @return distinct BR addresses the softwires may name */
    public int maxBrAddresses() {
        return maxBrAddresses;
    }

    /** @return whether port sets holding system ports may be allocated */
    public boolean allowsSystemPorts() {
        return allowSystemPorts;
    }

    /** Per IPv4 address, as a batch being validated would leave it: shape and softwire count. */
    private static final class AddressInfo {
        final PortSetShape shape;
        final int count;

        AddressInfo(PortSetShape shape, int count) {
            this.shape = shape;
            this.count = count;
        }
    }

    /** Key of the lwB4 index. */
    private static final class B4Key {
        final long hi;
        final long lo;

        B4Key(long hi, long lo) {
            this.hi = hi;
            this.lo = lo;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof B4Key && ((B4Key) o).hi == hi && ((B4Key) o).lo == lo;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(hi * 31 + lo);
        }
    }

    // ---------------------------------------------------------------- lookups (slow path)

    /** @return number of softwires */
    public int size() {
        return store.size();
    }

    /**
     * The softwire that owns (IPv4 address, port): RFC 7596 §6.2 lookup.
     *
     * @param ipv4 IPv4 address as int
     * @param port L4 port (or ICMP identifier)
     * @return the softwire, or null
     */
    public Softwire lookup(int ipv4, int port) {
        return store.lookup(ipv4, port);
    }

    /**
     * @param key (IPv4, PSID)
     * @return the softwire, or null
     */
    public Softwire get(SoftwireKey key) {
        return store.get(key.ipv4Int(), key.psid());
    }

    /**
     * @param ipv4 IPv4 address as int
     * @return the shape (PSID offset and length) of the address's port sets, or null if unbound
     */
    public PortSetShape shape(int ipv4) {
        SoftwireStore.Address a = store.address(ipv4);
        return a == null ? null : a.shape;
    }

    /**
     * @param lwb4 an lwB4 address
     * @return every softwire whose tunnel ends at it (empty if none)
     */
    public List<Softwire> byLwb4(Ip6Address lwb4) {
        byte[] b = lwb4.toOctets();
        Object v = byLwb4.get(new B4Key(Addresses.high(b), Addresses.low(b)));
        if (v == null) {
            return Collections.emptyList();
        }
        if (v instanceof Softwire) {
            return Collections.singletonList((Softwire) v);
        }
        return Collections.unmodifiableList(Arrays.asList((Softwire[]) v));
    }

    /**
     * @param br a BR address
     * @return every softwire terminated by it
     */
    public List<Softwire> byBr(Ip6Address br) {
        List<Softwire> out = new ArrayList<>();
        store.forEach(s -> {
            if (s.br().equals(br)) {
                out.add(s);
            }
        });
        return out;
    }

    /** @return the BR addresses used by at least one softwire */
    public synchronized List<Ip6Address> brAddresses() {
        return new ArrayList<>(brRefs.keySet());
    }

    /** @return the IPv4 addresses that have softwires, with their shapes */
    public Map<Integer, PortSetShape> shapes() {
        return store.shapes();
    }

    /** @return a snapshot of all softwires, in no particular order */
    public Collection<Softwire> softwires() {
        List<Softwire> out = new ArrayList<>(store.size());
        store.forEach(out::add);
        return out;
    }

    // ---------------------------------------------------------------- changes

    /**
     * Applies a batch atomically.
     *
     * @param changes the batch, applied in order
     * @return what changed
     * @throws InvalidBindingException naming the first bad entry ("entry N") and field; nothing
     *                                 of the batch is then applied
     */
    public synchronized BindingDiff apply(List<BindingChange> changes) {
        check(changes);
        return commit(changes);
    }

    /**
     * Validates a batch as {@link #apply} would, without applying it: a dry run for callers that
     * commit elsewhere first (the distributed store) and must report errors with nothing applied.
     *
     * @param changes the batch, in order
     * @return what {@link #apply} would change if called now
     * @throws InvalidBindingException as {@link #apply} would
     */
    public synchronized BindingDiff preview(List<BindingChange> changes) {
        Overlay view = check(changes);
        List<Softwire> added = new ArrayList<>();
        List<Softwire> removed = new ArrayList<>();
        List<Softwire> replacedOld = new ArrayList<>();
        List<Softwire> replacedNew = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            BindingChange c = changes.get(i);
            switch (c.kind()) {
                case ADD:
                    added.add(c.softwire());
                    break;
                case REMOVE:
                    removed.add(view.before.get(i));
                    break;
                default:
                    replacedOld.add(view.before.get(i));
                    replacedNew.add(c.softwire());
            }
        }
        return new BindingDiff(added, removed, replacedOld, replacedNew);
    }

    private Overlay check(List<BindingChange> changes) {
        Overlay view = new Overlay(changes.size());
        for (int i = 0; i < changes.size(); i++) {
            BindingChange c = changes.get(i);
            try {
                view.before.add(view.softwire(c.key().packed()));
                view.validate(c);
            } catch (InvalidBindingException e) {
                throw e.at("entry " + i + " (" + c.kind().name().toLowerCase() + " " + c.key() + ")", i);
            }
        }
        return view;
    }

    /**
     * Adds softwires in one atomic batch.
     *
     * @param softwires the softwires
     * @return what changed
     */
    public BindingDiff addAll(Collection<Softwire> softwires) {
        List<BindingChange> changes = new ArrayList<>(softwires.size());
        for (Softwire s : softwires) {
            changes.add(BindingChange.add(s));
        }
        return apply(changes);
    }

    /**
     * Replaces the whole table by {@code target} atomically, as the smallest diff.
     *
     * @param target the softwires the table must hold afterwards
     * @return what changed
     * @throws InvalidBindingException as {@link #changesTo} and {@link #apply}; nothing applied
     */
    public synchronized BindingDiff replaceAll(Collection<Softwire> target) {
        return apply(changesTo(target));
    }

    /**
     * The smallest batch that turns this table into {@code target}: removals first, so that the
     * additions may reuse the port sets and shapes they free; a softwire whose port set changes is
     * removed and added (a replace keeps the port set), one whose lwB4 or BR changes is replaced.
     * Both hosts' whole-table loads (REST PUT, binding-table files, Snabb configurations) use it.
     *
     * @param target the softwires wanted, in the order they were given
     * @return the changes, not applied
     * @throws InvalidBindingException if the target holds one key twice, naming the second's position
     */
    public synchronized List<BindingChange> changesTo(Collection<Softwire> target) {
        Map<Long, Softwire> want = new HashMap<>(target.size() * 2);
        int i = 0;
        for (Softwire s : target) {
            if (want.put(spread(s.key().packed()), s) != null) {
                throw new InvalidBindingException(i, Softwire.F_PSID, "entry " + i + ": softwire " + s.key()
                        + " appears twice");
            }
            i++;
        }
        List<BindingChange> changes = new ArrayList<>();
        store.forEach(old -> {
            Softwire s = want.get(spread(old.key().packed()));
            if (s == null || !s.portSet().equals(old.portSet())) {
                changes.add(BindingChange.remove(old.key()));
            }
        });
        for (Softwire s : target) {
            Softwire old = store.get(s.ipv4Int(), s.psid());
            if (old == null || !old.portSet().equals(s.portSet())) {
                changes.add(BindingChange.add(s));
            } else if (!old.equals(s)) {
                changes.add(BindingChange.replace(s));
            }
        }
        return changes;
    }

    private BindingDiff commit(List<BindingChange> changes) {
        List<Softwire> added = new ArrayList<>();
        List<Softwire> removed = new ArrayList<>();
        List<Softwire> replacedOld = new ArrayList<>();
        List<Softwire> replacedNew = new ArrayList<>();
        for (BindingChange c : changes) {
            switch (c.kind()) {
                case ADD: {
                    Softwire s = shareBr(c.softwire());
                    store.put(s);
                    indexLwb4(s);
                    added.add(s);
                    break;
                }
                case REMOVE: {
                    Softwire old = store.remove(c.key().ipv4Int(), c.key().psid());
                    unindexLwb4(old);
                    releaseBr(old.br());
                    removed.add(old);
                    break;
                }
                case REPLACE: {
                    Softwire s = shareBr(c.softwire());
                    Softwire old = store.put(s);
                    unindexLwb4(old);
                    releaseBr(old.br());
                    indexLwb4(s);
                    replacedOld.add(old);
                    replacedNew.add(s);
                    break;
                }
                default:
                    throw new IllegalStateException(c.kind().name());
            }
        }
        return new BindingDiff(added, removed, replacedOld, replacedNew);
    }

    private Softwire shareBr(Softwire s) {
        Ip6Address shared = brIntern.computeIfAbsent(s.br(), b -> b);
        brRefs.computeIfAbsent(shared, b -> new int[1])[0]++;
        return s.withSharedBr(shared);
    }

    private void releaseBr(Ip6Address br) {
        int[] n = brRefs.get(br);
        if (n != null && --n[0] == 0) {
            brRefs.remove(br);
            brIntern.remove(br);
        }
    }

    private void indexLwb4(Softwire s) {
        byLwb4.compute(new B4Key(s.lwb4High(), s.lwb4Low()), (k, v) -> {
            if (v == null) {
                return s;
            }
            if (v instanceof Softwire) {
                return new Softwire[] {(Softwire) v, s};
            }
            Softwire[] a = (Softwire[]) v;
            Softwire[] n = Arrays.copyOf(a, a.length + 1);
            n[a.length] = s;
            return n;
        });
    }

    private void unindexLwb4(Softwire s) {
        byLwb4.computeIfPresent(new B4Key(s.lwb4High(), s.lwb4Low()), (k, v) -> {
            if (v instanceof Softwire) {
                return v.equals(s) ? null : v;
            }
            Softwire[] a = (Softwire[]) v;
            List<Softwire> rest = new ArrayList<>(Arrays.asList(a));
            rest.remove(s);
            return rest.isEmpty() ? null : rest.size() == 1 ? rest.get(0) : rest.toArray(new Softwire[0]);
        });
    }

    /**
     * A packed key scrambled one-to-one, for hash maps keyed by it: Long.hashCode of
     * (IPv4 << 16 | PSID) leaves consecutive addresses × PSIDs in a few thousand buckets (tree
     * bins in profiles of 100k-softwire batches).
     */
    private static long spread(long packed) {
        return packed * 0x9E3779B97F4A7C15L;
    }

    /** The table as it would be after the changes validated so far. */
    private final class Overlay {
        private final Map<Long, Softwire> keys;        // by spread key; null value = removed
        private final Map<Integer, AddressInfo> addrs = new HashMap<>(); // null value = unbound
        private final List<Softwire> before;           // value before each change
        private final Map<Ip6Address, Integer> brDelta = new HashMap<>(); // references gained/lost
        private int brCount = brRefs.size();           // distinct BR addresses after the changes so far

        Overlay(int changes) {
            keys = new HashMap<>(changes * 4 / 3 + 1);
            before = new ArrayList<>(changes);
        }

        private Softwire softwire(long k) {
            Long slot = spread(k);
            return keys.containsKey(slot) ? keys.get(slot) : store.get((int) (k >>> 16), (int) (k & 0xffff));
        }

        private AddressInfo address(int ipv4) {
            if (addrs.containsKey(ipv4)) {
                return addrs.get(ipv4);
            }
            SoftwireStore.Address a = store.address(ipv4);
            return a == null ? null : new AddressInfo(a.shape, a.count);
        }

        void validate(BindingChange c) {
            long k = c.key().packed();
            Softwire existing = softwire(k);
            switch (c.kind()) {
                case ADD:
                    checkPortSet(c.softwire()); // first: a clash of shapes explains more than the key
                    if (existing != null) {
                        throw new InvalidBindingException(Softwire.F_PSID, "a softwire for "
                                + c.key() + " already exists (lwB4 " + existing.lwb4() + ")");
                    }
                    keys.put(spread(k), c.softwire());
                    referenceBr(c.softwire().br(), 1);
                    AddressInfo info = address(c.softwire().ipv4Int());
                    addrs.put(c.softwire().ipv4Int(), new AddressInfo(c.softwire().portSet().shape(),
                            info == null ? 1 : info.count + 1));
                    break;
                case REMOVE:
                    if (existing == null) {
                        throw new InvalidBindingException(Softwire.F_PSID, "no softwire for " + c.key());
                    }
                    keys.put(spread(k), null);
                    referenceBr(existing.br(), -1);
                    AddressInfo before = address(existing.ipv4Int());
                    addrs.put(existing.ipv4Int(), before.count == 1 ? null
                            : new AddressInfo(before.shape, before.count - 1));
                    break;
                case REPLACE:
                    if (existing == null) {
                        throw new InvalidBindingException(Softwire.F_PSID, "no softwire for " + c.key()
                                + " to replace");
                    }
                    if (!existing.portSet().equals(c.softwire().portSet())) {
                        throw new InvalidBindingException(Softwire.F_PSID_LEN, "replace keeps the port set: "
                                + existing.portSet() + " cannot become " + c.softwire().portSet()
                                + " (remove and add instead)");
                    }
                    keys.put(spread(k), c.softwire());
                    referenceBr(existing.br(), -1);
                    referenceBr(c.softwire().br(), 1);
                    break;
                default:
                    throw new IllegalStateException(c.kind().name());
            }
        }

        /**
         * Counts a softwire naming (+1) or no longer naming (−1) {@code br}; refuses the change that
         * would make the softwires name more distinct BR addresses than the data plane indexes.
         */
        private void referenceBr(Ip6Address br, int delta) {
            int[] base = brRefs.get(br);
            int before = (base == null ? 0 : base[0]) + brDelta.getOrDefault(br, 0);
            int after = before + delta;
            brDelta.put(br, after - (base == null ? 0 : base[0]));
            if (before == 0 && after > 0) {
                brCount++;
            } else if (before > 0 && after == 0) {
                brCount--;
            }
            if (brCount > maxBrAddresses) {
                throw new InvalidBindingException(Softwire.F_BR, br + " would be BR address number "
                        + brCount + ": the softwires may name at most " + maxBrAddresses
                        + " distinct BR addresses (the data plane's BR indexes)");
            }
        }

        private void checkPortSet(Softwire s) {
            PortSet ps = s.portSet();
            if (!allowSystemPorts && !ps.isWholeAddress() && ps.containsSystemPorts()) {
                throw new InvalidBindingException(Softwire.F_PSID, "port set " + ps
                        + " contains system ports 0-1023, refused by RFC 7596 §5.1"
                        + " unless port sets with system ports are allowed");
            }
            AddressInfo info = address(s.ipv4Int());
            if (info == null || info.shape == ps.shape()) {
                return; // same shape: distinct PSIDs are disjoint, the key check covers it
            }
            Softwire clash = overlapping(s);
            if (clash != null) {
                throw new InvalidBindingException(Softwire.F_PSID, "port set " + ps + " overlaps "
                        + clash.portSet() + " of the softwire " + clash.key() + " (lwB4 " + clash.lwb4()
                        + ") on the same IPv4 address");
            }
            throw new InvalidBindingException(Softwire.F_PSID_LEN, "port set " + ps + " on " + s.ipv4()
                    + " has shape (" + ps.shape() + ") but the address's other softwires use ("
                    + info.shape + "): the data plane takes the PSID from one shape per address");
        }

        /** Finds a softwire on s's address whose set overlaps s's (different shape). */
        private Softwire overlapping(Softwire s) {
            AddressInfo info = address(s.ipv4Int());
            int n = 1 << info.shape.length();
            for (int psid = 0; psid < n; psid++) {
                Softwire other = softwire(SoftwireKey.pack(s.ipv4Int(), psid));
                if (other != null && other.portSet().overlaps(s.portSet())) {
                    return other;
                }
            }
            return null;
        }
    }
}
