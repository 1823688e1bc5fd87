package org.lwaftr.app;

import org.onosproject.net.DeviceId;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The handler in force until a slow path is plugged in: counts punts by reason and sends nothing.
 */
final class UnhandledPunts implements PuntHandler {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public List<PuntReply> handle(DeviceId device, int ingressPort, int reason, byte[] frame) {
        counts.computeIfAbsent("unhandled-reason-" + reason, k -> new LongAdder()).increment();
        return List.of();
    }

    @Override
    public Map<String, Long> counters() {
        Map<String, Long> out = new java.util.TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
