package org.lwaftr.programming;

import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.translate.BrIndexPlan;
import org.lwaftr.translate.Translator;
import org.onlab.packet.Ip6Address;
import org.onosproject.net.pi.runtime.PiTableEntry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per device, the table entries its configuration gives (port roles, next hops, AFTR addresses, BR
 * entries, filters, {@code aftr_config}), and the smallest change to new ones when its settings,
 * the policy or the BR indexes change: the entries gone, and the entries new or with another
 * action. Both hosts write exactly that change. Not thread-safe: the host's programming lane.
 *
 * @param <D> the host's device identity
 */
public final class DeviceEntries<D> {

    /** What a device's configuration entries lose and gain. */
    public static final class Change {
        /** Entries the device must no longer hold. */
        public final List<PiTableEntry> removed;
        /** Entries the device must hold that it did not, or held with another action. */
        public final List<PiTableEntry> put;

        Change(List<PiTableEntry> removed, List<PiTableEntry> put) {
            this.removed = removed;
            this.put = put;
        }

        /** @return true if nothing differs */
        public boolean isEmpty() {
            return removed.isEmpty() && put.isEmpty();
        }
    }

    private final Translator translator;
    private final Map<D, Map<EntryKey, PiTableEntry>> byDevice = new HashMap<>();

    /** @param translator the translator */
    public DeviceEntries(Translator translator) {
        this.translator = translator;
    }

    /**
     * Computes the device's configuration entries now, remembers them, and says what differs from
     * those remembered before (everything, for a device not remembered).
     *
     * @param device    the device
     * @param settings  its settings with the next hops learned so far (null: none; only the policy's
     *                  and the BR entries then)
     * @param policy    the policy
     * @param brIndexes the index of every BR address a softwire names (the same on every device)
     * @return the change
     */
    public Change update(D device, DeviceSettings settings, LwaftrPolicy policy, Map<Ip6Address, Integer> brIndexes) {
        BrIndexPlan plan = BrIndexPlan.of(brIndexes, settings == null ? List.of() : settings.brAddresses());
        Map<EntryKey, PiTableEntry> now = new LinkedHashMap<>();
        for (PiTableEntry e : translator.deviceEntries(settings, policy, plan)) {
            now.put(EntryKey.of(e), e);
        }
        Map<EntryKey, PiTableEntry> before = byDevice.getOrDefault(device, Map.of());
        List<PiTableEntry> removed = new ArrayList<>();
        before.forEach((k, e) -> {
            if (!now.containsKey(k)) {
                removed.add(e);
            }
        });
        List<PiTableEntry> put = new ArrayList<>();
        now.forEach((k, e) -> {
            PiTableEntry old = before.get(k);
            if (old == null || !old.action().equals(e.action())) {
                put.add(e);
            }
        });
        byDevice.put(device, now);
        return new Change(removed, put);
    }

    /** @return the device's configuration entries last computed (none if not remembered), in order */
    public Map<EntryKey, PiTableEntry> entries(D device) {
        return Collections.unmodifiableMap(byDevice.getOrDefault(device, Map.of()));
    }

    /** Forgets the device: its next {@link #update} puts every entry. */
    public void forget(D device) {
        byDevice.remove(device);
    }
}
