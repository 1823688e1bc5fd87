package org.lwaftr.app;

import org.onosproject.net.DeviceId;

import java.util.List;
import java.util.Map;

/**
 * The slow path as the packet processor sees it: a punted frame in, frames out. The real handler
 * wraps org.lwaftr.slowpath (one slow-path instance per device, configured from the policy and the
 * device settings); it lives behind this interface so the processor does not depend on its shape.
 */
public interface PuntHandler {

    /**
     * @param device      the AFTR device that punted
     * @param ingressPort the port the frame came in on (packet_in.ingress_port)
     * @param reason      PuntReason_t code (packet_in.reason)
     * @param frame       the Ethernet frame
     * @return frames to send back (empty: drop)
     */
    List<PuntReply> handle(DeviceId device, int ingressPort, int reason, byte[] frame);

    /** @return the slow path's counters by name */
    Map<String, Long> counters();
}
