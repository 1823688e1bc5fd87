package org.lwaftr.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lwaftr.core.CounterValue;
import org.lwaftr.api.SoftwireStats;

import java.util.Map;

/**
 * JSON of counters: RFC 8676 traffic-stat style {@code {packets, bytes}} cells.
 */
public final class StatsCodec {

    private StatsCodec() {
    }

    /**
     * @param v a counter
     * @return {@code {packets, bytes}}
     */
    public static ObjectNode counter(CounterValue v) {
        ObjectNode o = SoftwireCodec.MAPPER.createObjectNode();
        o.put("packets", v.packets());
        o.put("bytes", v.bytes());
        return o;
    }

    /**
     * @param byReason reason → counter
     * @return {@code {reason: {packets, bytes}, ...}}
     */
    public static ObjectNode reasons(Map<String, CounterValue> byReason) {
        ObjectNode o = SoftwireCodec.MAPPER.createObjectNode();
        byReason.forEach((r, v) -> o.set(r, counter(v)));
        return o;
    }

    /**
     * @param s one softwire's traffic
     * @return {@code {binding-entry, counter-index, downstream, upstream}}
     */
    public static ObjectNode encode(SoftwireStats s) {
        ObjectNode o = SoftwireCodec.MAPPER.createObjectNode();
        o.set(SoftwireCodec.F_BINDING_ENTRY, SoftwireCodec.encode(s.softwire()));
        o.put("counter-index", s.counterIndex());
        o.set("downstream", counter(s.downstream()));
        o.set("upstream", counter(s.upstream()));
        return o;
    }
}
