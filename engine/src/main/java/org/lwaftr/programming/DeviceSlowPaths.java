package org.lwaftr.programming;

import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.config.SlowPathConfigs;
import org.lwaftr.core.BindingTable;
import org.lwaftr.slowpath.NextHopResolver;
import org.lwaftr.slowpath.SlowPath;
import org.lwaftr.slowpath.SlowPathConfigBuilder;
import org.lwaftr.slowpath.SlowPathConfigException;
import org.onlab.packet.Ip6Address;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * One slow path per device (its sides, MACs and addresses differ), on the host's binding table,
 * rebuilt only when what it is built from changes (policy, device settings, the BR addresses the
 * softwires name): a slow path holds rate-limit, reassembly and counter state. Each device keeps
 * its next-hop resolver across rebuilds, so what it learned of next hops given by IP stays. The
 * ONOS app holds one per device it programs; the standalone controller one for its targets (copies
 * of one AFTR). Thread-safe.
 *
 * @param <D> the host's device identity
 */
public final class DeviceSlowPaths<D> {

    private final BindingTable table;
    private final LongSupplier nanoTime;
    private final Function<D, NextHopResolver> newResolver;
    private final Consumer<SlowPathConfigBuilder> tuning;
    private final AtomicInteger ids = new AtomicInteger(new SecureRandom().nextInt());
    private final Map<D, SlowPath> slowPaths = new ConcurrentHashMap<>();
    private final Map<D, List<Object>> builtFrom = new ConcurrentHashMap<>();
    private final Map<D, NextHopResolver> resolvers = new ConcurrentHashMap<>();

    /**
     * @param table       the binding table the slow paths read
     * @param nanoTime    clock of rate limits, reassembly timeouts and next-hop resolution
     * @param newResolver a device's next-hop resolver, made once per device
     * @param tuning      settings beyond the policy's (Snabb's reassembly limits; none: {@code b -> { }})
     */
    public DeviceSlowPaths(BindingTable table, LongSupplier nanoTime, Function<D, NextHopResolver> newResolver,
                           Consumer<SlowPathConfigBuilder> tuning) {
        this.table = table;
        this.nanoTime = nanoTime;
        this.newResolver = newResolver;
        this.tuning = tuning;
    }

    /**
     * The device's slow path for this configuration, rebuilt if it changed.
     *
     * @param device   the device
     * @param policy   the policy in force
     * @param settings the device's settings; null: the device has none (forgotten, null returned)
     * @param brs      the BR addresses the softwires name
     * @return its slow path, or null without settings
     * @throws SlowPathConfigException naming the field the slow path cannot work with
     */
    public SlowPath get(D device, LwaftrPolicy policy, DeviceSettings settings, Set<Ip6Address> brs) {
        if (settings == null) {
            forget(device);
            return null;
        }
        List<Object> inputs = List.of(policy, settings, Set.copyOf(brs));
        SlowPath sp = slowPaths.get(device);
        if (sp != null && inputs.equals(builtFrom.get(device))) {
            return sp;
        }
        NextHopResolver r = resolvers.computeIfAbsent(device, newResolver);
        sp = new SlowPath(SlowPathConfigs.of(policy, settings, brs, tuning), table, nanoTime, ids::incrementAndGet, r);
        slowPaths.put(device, sp);
        builtFrom.put(device, inputs);
        return sp;
    }

    /** @return the slow path last built for the device, or null */
    public SlowPath current(D device) {
        return slowPaths.get(device);
    }

    /** Forgets the device's slow path and resolver. */
    public void forget(D device) {
        slowPaths.remove(device);
        builtFrom.remove(device);
        resolvers.remove(device);
    }

    /** @return every slow path built */
    public Collection<SlowPath> all() {
        return slowPaths.values();
    }

    /** @return the slow paths' counters, summed by name */
    public Map<String, Long> counters() {
        Map<String, Long> out = new TreeMap<>();
        slowPaths.values().forEach(sp -> sp.counters().forEach((k, v) -> out.merge(k, v, Long::sum)));
        return out;
    }
}
