package org.lwaftr.app;

import org.lwaftr.config.DeviceSettings;
import org.onlab.packet.MacAddress;
import org.onosproject.net.DeviceId;
import org.osgi.service.component.annotations.Component;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The next-hop MACs this instance resolved (next-hop-ip in a device's netcfg), shared by the
 * slow path, which learns them, and the device programmer, which writes {@code next_hop} only
 * once a side is resolved. Also says which devices to resolve for: those this instance programs
 * (their packet-ins come here).
 */
@Component(immediate = true, service = LearnedNextHops.class)
public class LearnedNextHops {

    private static final MacAddress[] NONE = new MacAddress[2];

    private final Map<DeviceId, MacAddress[]> learned = new ConcurrentHashMap<>();
    private final Set<DeviceId> programmed = ConcurrentHashMap.newKeySet();
    private final CopyOnWriteArrayList<Consumer<DeviceId>> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param device a device
     * @param lwb4   its lwB4 side's learned next-hop MAC, or null
     * @param inet   its Internet side's learned next-hop MAC, or null
     */
    public void update(DeviceId device, MacAddress lwb4, MacAddress inet) {
        MacAddress[] now = {lwb4, inet};
        MacAddress[] before = learned.put(device, now);
        if (before == null || !Objects.equals(before[0], lwb4) || !Objects.equals(before[1], inet)) {
            listeners.forEach(l -> l.accept(device));
        }
    }

    /**
     * @param device   a device
     * @param settings its settings (null: none)
     * @return the settings with the MACs learned for their next-hop-ip sides
     */
    public DeviceSettings resolve(DeviceId device, DeviceSettings settings) {
        if (settings == null) {
            return null;
        }
        MacAddress[] m = learned.getOrDefault(device, NONE);
        return settings.withLearnedNextHops(m[0], m[1]);
    }

    /** @param l told the device whose learned MACs changed */
    public void addListener(Consumer<DeviceId> l) {
        listeners.add(l);
    }

    /** @param l a listener added before */
    public void removeListener(Consumer<DeviceId> l) {
        listeners.remove(l);
    }

    /** @param device now programmed by this instance: resolve its next hops */
    public void programmed(DeviceId device) {
        programmed.add(device);
    }

    /**
     * @param device no longer programmed here: stop resolving. What was learned stays: the slow
     *               path's resolver keeps it too and reports it again, so forgetting it here only
     *               left a device programmed again (mastership regained, reconnect) without its
     *               next_hop entry (NO_NEXT_HOP drops) until that report.
     */
    public void forget(DeviceId device) {
        programmed.remove(device);
    }

    /** @return the devices whose next hops this instance resolves */
    public Set<DeviceId> programmedDevices() {
        return Set.copyOf(programmed);
    }
}
