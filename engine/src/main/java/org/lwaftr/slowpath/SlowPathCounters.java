package org.lwaftr.slowpath;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the slow path: one per {@link Counter} and one per punt reason code received.
 * Safe for concurrent use.
 */
public final class SlowPathCounters {

    private static final int REASONS = 256;

    private final EnumMap<Counter, LongAdder> counters = new EnumMap<>(Counter.class);
    private final LongAdder[] punted = new LongAdder[REASONS];

    /** Creates counters, all zero. */
    public SlowPathCounters() {
        for (Counter c : Counter.values()) {
            counters.put(c, new LongAdder());
        }
        for (int i = 0; i < REASONS; i++) {
            punted[i] = new LongAdder();
        }
    }

    /** @param c counter to increment */
    public void inc(Counter c) {
        counters.get(c).increment();
    }

    /** @param c counter @param n amount to add */
    public void add(Counter c, long n) {
        counters.get(c).add(n);
    }

    /** @param c counter @return its value */
    public long get(Counter c) {
        return counters.get(c).sum();
    }

    /** @param reasonCode punt reason code (0–255) of a packet received */
    void punted(int reasonCode) {
        punted[reasonCode & 0xff].increment();
    }

    /** @param reasonCode punt reason code @return packets received with it */
    public long puntedCount(int reasonCode) {
        return punted[reasonCode & 0xff].sum();
    }

    /**
     * @return every counter by name: the {@link Counter} keys, then "punted-&lt;reason&gt;" for the
     *         reasons seen (names from {@link SlowPath#reasonName(int)})
     */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Counter c : Counter.values()) {
            out.put(c.key(), counters.get(c).sum());
        }
        for (int i = 0; i < REASONS; i++) {
            long n = punted[i].sum();
            if (n != 0) {
                out.put("punted-" + SlowPath.reasonName(i), n);
            }
        }
        return out;
    }
}
