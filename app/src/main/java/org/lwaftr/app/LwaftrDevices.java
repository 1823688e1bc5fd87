package org.lwaftr.app;

import org.lwaftr.pipeconf.LwaftrPipeconf;
import org.onosproject.net.DeviceId;
import org.onosproject.net.pi.service.PiPipeconfService;

/**
 * Which devices are AFTRs: those whose pipeconf is the lwAFTR pipeconf, compared by id (the
 * pipeconf module's constant), never by name patterns.
 */
final class LwaftrDevices {

    private LwaftrDevices() {
    }

    /**
     * @param pipeconfs the pipeconf service
     * @param device    a device
     * @return true if it runs the lwAFTR pipeconf
     */
    static boolean isLwaftr(PiPipeconfService pipeconfs, DeviceId device) {
        return pipeconfs.ofDevice(device).map(LwaftrPipeconf.ID::equals).orElse(false);
    }
}
