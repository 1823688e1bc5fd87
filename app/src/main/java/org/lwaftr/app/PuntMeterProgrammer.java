package org.lwaftr.app;

import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.config.PuntMeterPolicy;
import org.lwaftr.translate.Translator;
import org.onosproject.net.DeviceId;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the devices' {@code punt_meter} at the policy's {@code punt-meter} (RFC 7596 §9: the
 * lwAFTR rate-limits what reaches its control plane; an unconfigured bmv2 meter passes everything).
 * Remembers per device what was written, so only a change of the punt meter rewrites the cells.
 * Runs on the programmer's single worker thread only.
 */
final class PuntMeterProgrammer {

    private final MeterWriter meters;
    private final Translator translator;
    private final ConfigReader config;
    /** Per device, the punt meter last written successfully. */
    private final Map<DeviceId, PuntMeterPolicy> written = new HashMap<>();

    PuntMeterProgrammer(MeterWriter meters, Translator translator, ConfigReader config) {
        this.meters = meters;
        this.translator = translator;
        this.config = config;
    }

    /**
     * Writes the cells whatever was written before: the device was (re)programmed and may have
     * lost its meter configuration with its pipeline.
     *
     * @param dev the device
     */
    void program(DeviceId dev) {
        written.remove(dev);
        refresh(List.of(dev));
    }

    /**
     * Writes the cells to the devices whose punt meter differs from the policy's (a failed write is
     * retried at the next call).
     *
     * @param devices the programmed devices
     */
    void refresh(Collection<DeviceId> devices) {
        LwaftrPolicy policy = config.policy();
        PuntMeterPolicy want = policy.puntMeter();
        for (DeviceId dev : devices) {
            if (!want.equals(written.get(dev)) && meters.write(dev, translator.puntMeters(policy))) {
                written.put(dev, want);
            }
        }
    }

    /** @param dev a device no longer programmed by this instance */
    void forget(DeviceId dev) {
        written.remove(dev);
    }
}
