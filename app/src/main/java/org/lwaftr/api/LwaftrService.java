package org.lwaftr.api;

import org.lwaftr.core.CounterValue;

import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.core.BindingChange;
import org.lwaftr.core.BindingDiff;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.SoftwireKey;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onosproject.event.ListenerService;
import org.onosproject.net.DeviceId;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lwAFTR (RFC 7596) control plane: the cluster-wide binding table, its policy, and statistics.
 * CLI, REST and GUI use only this.
 */
public interface LwaftrService extends ListenerService<LwaftrEvent, LwaftrListener> {

    // ---------------------------------------------------------------- softwires

    /**
     * Applies a batch of changes atomically: all of it, on every instance and AFTR device, or none.
     *
     * @param changes adds, removes and replaces, applied in order
     * @return what changed
     * @throws org.lwaftr.core.InvalidBindingException naming the entry and field; nothing applied
     * @throws IllegalStateException if concurrent writers kept conflicting; nothing applied, retry
     */
    BindingDiff apply(List<BindingChange> changes);

    /**
     * Makes the binding table equal to {@code target}, as the smallest atomic batch.
     *
     * @param target every softwire the table must hold afterwards
     * @return what changed
     * @throws org.lwaftr.core.InvalidBindingException naming the entry and field; nothing applied
     */
    BindingDiff replaceAll(Collection<Softwire> target);

    // ---------------------------------------------------------------- queries

    /**
     * @param ipv4 an IPv4 address
     * @param port a port (or ICMP identifier)
     * @return the softwire owning them (RFC 7596 §6.2)
     */
    Optional<Softwire> lookup(Ip4Address ipv4, int port);

    /**
     * @param key (IPv4, PSID)
     * @return the softwire
     */
    Optional<Softwire> get(SoftwireKey key);

    /**
     * @param lwb4 an lwB4 address
     * @return its softwires
     */
    List<Softwire> byLwb4(Ip6Address lwb4);

    /**
     * @param br a BR address
     * @return the softwires it terminates
     */
    List<Softwire> byBr(Ip6Address br);

    /**
     * @param offset first position, in key order (IPv4, then PSID)
     * @param limit  most softwires returned
     * @return one page of the table
     */
    List<Softwire> softwires(int offset, int limit);

    /** @return number of softwires */
    int count();

    /** @return RFC 8676 binding-table-versioning version (+1 per applied batch) */
    long tableVersion();

    /**
     * RFC 7422: who had an IPv4 address and port at a time (abuse reports).
     *
     * @param ipv4        the address
     * @param port        the port
     * @param epochMillis the time
     * @return the binding then, if known (see {@link #historyCompleteSince()})
     */
    Optional<BindingRecord> whoHad(Ip4Address ipv4, int port, long epochMillis);

    /** @return the time since which {@link #whoHad} knows every binding (0: since the start) */
    long historyCompleteSince();

    // ---------------------------------------------------------------- configuration (read)

    /** @return the app-wide policy in force */
    LwaftrPolicy policy();

    /** @return the settings of every configured AFTR device */
    Map<DeviceId, DeviceSettings> deviceSettings();

    /** @return the AFTR devices this instance programs (available, mastered, lwAFTR pipeconf) */
    Set<DeviceId> programmedDevices();

    /**
     * @param device an AFTR device
     * @return its settings with the next-hop MACs this instance resolved for sides configured with
     *     {@code next-hop-ip} (a side not resolved yet has no next-hop MAC); empty if not configured
     */
    Optional<DeviceSettings> resolvedSettings(DeviceId device);

    // ---------------------------------------------------------------- statistics

    /**
     * @param key a softwire
     * @return its traffic in both directions, summed over the AFTR devices
     */
    Optional<SoftwireStats> stats(SoftwireKey key);

    /**
     * @param device an AFTR device
     * @return packets punted to the controller, by reason
     */
    Map<String, CounterValue> puntCounters(DeviceId device);

    /**
     * @param device an AFTR device
     * @return packets dropped by the data plane, by reason
     */
    Map<String, CounterValue> dropCounters(DeviceId device);

    /**
     * @param device an AFTR device
     * @return packets passed and denied by each side's ingress and egress filter
     *         ({@code lwb4-side.ingress-filter.denied}, ...); empty if the service has none
     */
    default Map<String, CounterValue> filterCounters(DeviceId device) {
        return Map.of();
    }

    /** @return the slow path's counters (punted packets handled, ICMP sent, rate-limited, ...) */
    Map<String, Long> slowPathCounters();
}
