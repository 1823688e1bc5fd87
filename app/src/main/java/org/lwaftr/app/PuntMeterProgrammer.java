package org.lwaftr.app;

import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.config.PuntMeterPolicy;
import org.lwaftr.translate.Translator;
import org.onosproject.net.DeviceId;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the devices' {@code punt_meter} at the policy's {@code punt-meter} (RFC 7596 §9: the
 * lwAFTR rate-limits what reaches its control plane; an unconfigured bmv2 meter passes everything).
 * Remembers per device what was written, so only a change of the punt meter rewrites the cells.
 *
 * <p>A failed write is retried with back-off ({@link #RETRY_FIRST_MS} doubling up to
 * {@link #RETRY_MAX_MS}) until it succeeds or the device is no longer programmed: ONOS re-asserts
 * mastership of a P4Runtime switch under a new term every ~20 s when the switch does not
 * acknowledge an unchanged election id (bmv2/PI 0.1.2), and a write caught in that instant is
 * refused (PERMISSION_DENIED). Flow rules come back with ONOS's flow poll; meter cells only so.
 * Runs on the programmer's single worker thread only (retries are handed back to it).
 */
final class PuntMeterProgrammer {

    /** First retry delay after a failed write. */
    static final long RETRY_FIRST_MS = 500;
    /** Longest retry delay. */
    static final long RETRY_MAX_MS = 10_000;

    /** Runs a task on the programmer's worker after a delay. */
    interface Scheduler {
        /**
         * @param delayMs how long to wait
         * @param task    what to run then, on the programmer's worker
         */
        void after(long delayMs, Runnable task);
    }

    private final MeterWriter meters;
    private final Translator translator;
    private final ConfigReader config;
    private final Scheduler scheduler;
    /** Per device, the punt meter last written successfully. */
    private final Map<DeviceId, PuntMeterPolicy> written = new HashMap<>();
    /** Per device whose last write failed, the delay of its next retry. */
    private final Map<DeviceId, Long> backoff = new HashMap<>();
    /** Devices with a retry scheduled and not run yet (one at a time per device). */
    private final Set<DeviceId> retryPending = new HashSet<>();

    PuntMeterProgrammer(MeterWriter meters, Translator translator, ConfigReader config, Scheduler scheduler) {
        this.meters = meters;
        this.translator = translator;
        this.config = config;
        this.scheduler = scheduler;
    }

    /**
     * Writes the cells whatever was written before: the device was (re)programmed and may have
     * lost its meter configuration with its pipeline.
     *
     * @param dev the device
     */
    void program(DeviceId dev) {
        written.remove(dev);
        backoff.remove(dev);
        refresh(List.of(dev));
    }

    /**
     * Writes the cells to the devices whose punt meter differs from the policy's; a failed write
     * is retried later.
     *
     * @param devices the programmed devices
     */
    void refresh(Collection<DeviceId> devices) {
        LwaftrPolicy policy = config.policy();
        PuntMeterPolicy want = policy.puntMeter();
        for (DeviceId dev : devices) {
            if (want.equals(written.get(dev))) {
                continue;
            }
            if (meters.write(dev, translator.puntMeters(policy))) {
                written.put(dev, want);
                backoff.remove(dev);
            } else {
                failed(dev);
            }
        }
    }

    private void failed(DeviceId dev) {
        long delay = backoff.merge(dev, RETRY_FIRST_MS, (d, first) -> Math.min(2 * d, RETRY_MAX_MS));
        if (retryPending.add(dev)) {
            scheduler.after(delay, () -> retry(dev));
        }
    }

    private void retry(DeviceId dev) {
        retryPending.remove(dev);
        if (backoff.containsKey(dev)) { // still failed and still programmed
            refresh(List.of(dev));
        }
    }

    /** @param dev a device no longer programmed by this instance (a retry due for it writes nothing) */
    void forget(DeviceId dev) {
        written.remove(dev);
        backoff.remove(dev);
    }
}
