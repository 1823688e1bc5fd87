package org.lwaftr.app;

import org.lwaftr.config.DeviceSettings;
import org.lwaftr.programming.NextHopMacs;
import org.onlab.packet.MacAddress;
import org.onosproject.net.DeviceId;
import org.osgi.service.component.annotations.Component;

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

    private final NextHopMacs<DeviceId> learned = new NextHopMacs<>();
    private final Set<DeviceId> programmed = ConcurrentHashMap.newKeySet();
    private final CopyOnWriteArrayList<Consumer<DeviceId>> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param device a device
     * @param lwb4   its lwB4 side's learned next-hop MAC, or null
     * @param inet   its Internet side's learned next-hop MAC, or null
     */
    public void update(DeviceId device, MacAddress lwb4, MacAddress inet) {
        if (learned.update(device, lwb4, inet)) {
            listeners.forEach(l -> l.accept(device));
        }
    }

    /**
     * @param device   a device
     * @param settings its settings (null: none)
     * @return the settings with the MACs learned for their next-hop-ip sides
     */
    public DeviceSettings resolve(DeviceId device, DeviceSettings settings) {
        return learned.resolve(device, settings);
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
