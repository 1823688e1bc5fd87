package org.lwaftr.app;

import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.config.SlowPathConfigs;
import org.lwaftr.slowpath.NextHopResolver;
import org.lwaftr.slowpath.OutboundPacket;
import org.lwaftr.slowpath.SlowPath;
import org.lwaftr.slowpath.SlowPathConfig;
import org.lwaftr.slowpath.SlowPathConfigException;
import org.lwaftr.store.SoftwireStore;
import org.onlab.packet.Ip6Address;
import org.onosproject.net.DeviceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * {@link PuntHandler} running org.lwaftr.slowpath: one slow path per AFTR device (its sides, MACs
 * and addresses differ), on the local binding table, rebuilt when its configuration changes.
 */
final class SlowPathPuntHandler implements PuntHandler {

    private static final Logger log = LoggerFactory.getLogger(SlowPathPuntHandler.class);

    private final ConfigReader config;
    private final SoftwireStore store;
    private final LongSupplier nanoTime;
    private final AtomicInteger ids = new AtomicInteger(new SecureRandom().nextInt());
    private final Map<DeviceId, SlowPath> slowPaths = new ConcurrentHashMap<>();
    /** What each slow path was built from: rebuilt only when this changes (it holds rate and reassembly state). */
    private final Map<DeviceId, List<Object>> builtFrom = new ConcurrentHashMap<>();
    private final LongAdder noSettings = new LongAdder();
    /** Per device, kept across slow-path rebuilds: what it learned of next hops given by IP stays. */
    private final Map<DeviceId, NextHopResolver> resolvers = new ConcurrentHashMap<>();
    private final LearnedNextHops learned;

    /**
     * @param config   netcfg reader
     * @param store    the binding table
     * @param nanoTime clock of rate limits, reassembly timeouts and next-hop resolution
     * @param learned  where resolved next-hop MACs go (the device programmer writes them)
     */
    SlowPathPuntHandler(ConfigReader config, SoftwireStore store, LongSupplier nanoTime, LearnedNextHops learned) {
        this.config = config;
        this.store = store;
        this.nanoTime = nanoTime;
        this.learned = learned;
    }

    /** The slow path of a device for its current configuration (null: the device has no settings). */
    private SlowPath slowPath(DeviceId device) {
        DeviceSettings settings = config.device(device);
        if (settings == null) {
            slowPaths.remove(device);
            builtFrom.remove(device);
            resolvers.remove(device);
            return null;
        }
        LwaftrPolicy policy = config.policy();
        Set<Ip6Address> brs = store.brIndexes().keySet();
        List<Object> inputs = List.of(policy, settings, brs);
        SlowPath sp = slowPaths.get(device);
        if (sp != null && inputs.equals(builtFrom.get(device))) {
            return sp;
        }
        try {
            SlowPathConfig cfg = SlowPathConfigs.of(policy, settings, brs);
            NextHopResolver r = resolvers.computeIfAbsent(device, d -> new NextHopResolver(nanoTime,
                    (lwb4, inet) -> learned.update(d, lwb4, inet)));
            sp = new SlowPath(cfg, store.table(), nanoTime, ids::incrementAndGet, r);
        } catch (SlowPathConfigException e) {
            log.error("no slow path for {}: {} {}", device, e.field(), e.getMessage());
            return null;
        }
        slowPaths.put(device, sp);
        builtFrom.put(device, inputs);
        return sp;
    }

    @Override
    public List<PuntReply> handle(DeviceId device, int ingressPort, int reason, byte[] frame) {
        SlowPath sp = slowPath(device);
        if (sp == null) {
            noSettings.increment();
            return List.of();
        }
        return replies(sp.handle(frame, ingressPort, reason));
    }

    private static List<PuntReply> replies(List<OutboundPacket> packets) {
        List<PuntReply> out = new ArrayList<>();
        for (OutboundPacket p : packets) {
            out.add(p.isReinject() ? PuntReply.toPipeline(p.frame()) : PuntReply.toPort(p.port(), p.frame()));
        }
        return out;
    }

    /**
     * The ARP requests / neighbour solicitations due for a device's next hops given by IP (call
     * every second or so); also re-reports what its resolver knows (after a mastership change).
     *
     * @param device a device this instance programs
     * @return the requests to send
     */
    List<PuntReply> resolveNextHops(DeviceId device) {
        SlowPath sp = slowPath(device);
        if (sp == null) {
            return List.of();
        }
        NextHopResolver r = sp.nextHops();
        learned.update(device, r.lwb4Mac(), r.internetMac());
        return replies(r.due());
    }

    /** Drops reassemblies past their timeout on every device. */
    void expireReassemblies() {
        slowPaths.values().forEach(SlowPath::expireReassemblies);
    }

    @Override
    public Map<String, Long> counters() {
        Map<String, Long> out = new TreeMap<>();
        slowPaths.values().forEach(sp -> sp.counters().forEach((k, v) -> out.merge(k, v, Long::sum)));
        long n = noSettings.sum();
        if (n > 0) {
            out.put("drop-no-device-settings", n);
        }
        return out;
    }
}
