package org.lwaftr.slowpath;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Reassemblies in flight, bounded in number and in bytes held, oldest first. A packet whose
 * fragments do not all arrive within the timeout is abandoned (RFC 8200 §4.5, RFC 791); when the
 * table is full the oldest reassemblies make room for the new data. Thread-safe.
 *
 * @param <K> the reassembly key (RFC 791 / RFC 8200 identification tuple)
 */
final class ReassemblyTable<K> {

    private final LinkedHashMap<K, FragmentBuffer> buffers = new LinkedHashMap<>();
    private final int maxEntries;
    private final int maxFragments;
    private final long maxBytes;
    private long bytes;
    private final long timeout;
    private final LongSupplier clock;
    private final SlowPathCounters counters;

    ReassemblyTable(SlowPathConfig cfg, LongSupplier clock, SlowPathCounters counters) {
        this.maxEntries = cfg.maxReassemblies();
        this.maxFragments = cfg.maxFragmentsPerReassembly();
        this.maxBytes = cfg.maxReassemblyBytes();
        this.timeout = cfg.reassemblyTimeoutNanos();
        this.clock = clock;
        this.counters = counters;
    }

    /**
     * Adds one fragment to its reassembly, creating it if needed.
     *
     * @return the buffer if the packet is now complete (and removed from the table), else null
     */
    synchronized FragmentBuffer add(K key, int maxPayload, int offset, byte[] src, int from, int len,
                                    boolean more, Object firstContext) {
        long now = clock.getAsLong();
        expire(now);
        FragmentBuffer buf = buffers.get(key);
        if (buf == null) {
            if (buffers.size() >= maxEntries) {
                evictOldest();
            }
            buf = new FragmentBuffer(now, maxFragments, maxPayload);
            buffers.put(key, buf);
        }
        counters.inc(Counter.FRAGMENTS_RECEIVED);
        int before = buf.capacity();
        FragmentBuffer.Result r = buf.add(offset, src, from, len, more);
        bytes += buf.capacity() - before;
        Iterator<FragmentBuffer> older = buffers.values().iterator();
        while (bytes > maxBytes && older.hasNext()) {
            FragmentBuffer b = older.next();
            if (b != buf) {
                bytes -= b.capacity();
                older.remove();
                counters.inc(Counter.REASSEMBLY_EVICTED);
            }
        }
        if (bytes > maxBytes) {
            r = FragmentBuffer.Result.INVALID;       // this packet alone is more than the budget
        }
        if (offset == 0 && r != FragmentBuffer.Result.OVERLAP && r != FragmentBuffer.Result.INVALID) {
            buf.first(firstContext);
        }
        switch (r) {
            case OVERLAP:
                remove(key);
                counters.inc(Counter.REASSEMBLY_OVERLAP);
                return null;
            case INVALID:
                remove(key);
                counters.inc(Counter.REASSEMBLY_INVALID);
                return null;
            case COMPLETE:
                remove(key);
                return buf;
            default:
                return null;
        }
    }

    /** Abandons the reassemblies older than the timeout. */
    synchronized void expire() {
        expire(clock.getAsLong());
    }

    private void expire(long now) {
        Iterator<Map.Entry<K, FragmentBuffer>> it = buffers.entrySet().iterator();
        while (it.hasNext()) {
            FragmentBuffer b = it.next().getValue();
            if (now - b.created < timeout) {
                break;                       // insertion order: the rest are younger
            }
            it.remove();
            bytes -= b.capacity();
            counters.inc(Counter.REASSEMBLY_TIMEOUT);
        }
    }

    private void remove(K key) {
        FragmentBuffer b = buffers.remove(key);
        if (b != null) {
            bytes -= b.capacity();
        }
    }

    private void evictOldest() {
        Iterator<FragmentBuffer> oldest = buffers.values().iterator();
        bytes -= oldest.next().capacity();
        oldest.remove();
        counters.inc(Counter.REASSEMBLY_EVICTED);
    }

    /** @return bytes held by the reassemblies in flight */
    synchronized long bytes() {
        return bytes;
    }

    /** @return reassemblies in flight */
    synchronized int size() {
        return buffers.size();
    }
}
