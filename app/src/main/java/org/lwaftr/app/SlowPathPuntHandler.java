package org.lwaftr.app;

import org.lwaftr.programming.DeviceSlowPaths;
import org.lwaftr.slowpath.NextHopResolver;
import org.lwaftr.slowpath.OutboundPacket;
import org.lwaftr.slowpath.SlowPath;
import org.lwaftr.slowpath.SlowPathConfigException;
import org.lwaftr.store.SoftwireStore;
import org.onosproject.net.DeviceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private final DeviceSlowPaths<DeviceId> slowPaths;
    private final LongAdder noSettings = new LongAdder();
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
        this.learned = learned;
        this.slowPaths = new DeviceSlowPaths<>(store.table(), nanoTime,
                d -> new NextHopResolver(nanoTime, (lwb4, inet) -> learned.update(d, lwb4, inet)), b -> { });
    }

    /** The slow path of a device for its current configuration (null: the device has no settings). */
    private SlowPath slowPath(DeviceId device) {
        try {
            return slowPaths.get(device, config.policy(), config.device(device), store.brIndexes().keySet());
        } catch (SlowPathConfigException e) {
            log.error("no slow path for {}: {} {}", device, e.field(), e.getMessage());
            return null;
        }
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
        slowPaths.all().forEach(SlowPath::expireReassemblies);
    }

    @Override
    public Map<String, Long> counters() {
        Map<String, Long> out = slowPaths.counters();
        long n = noSettings.sum();
        if (n > 0) {
            out.put("drop-no-device-settings", n);
        }
        return out;
    }
}
