package org.lwaftr.app;

import org.onosproject.net.DeviceId;
import org.onosproject.net.config.NetworkConfigService;
import org.onosproject.net.config.basics.BasicDeviceConfig;
import org.onosproject.net.pi.model.PiPipeconf;
import org.onosproject.net.pi.service.PiPipeconfService;
import org.onosproject.p4runtime.api.P4RuntimeClient;
import org.onosproject.p4runtime.api.P4RuntimeController;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Optional;

/**
 * What the components that read or write P4 cells directly share (ONOS 2.7 has no core service for
 * indexed counters, nor usable one for indexed meters): the P4Runtime client ONOS keeps per device,
 * its pipeconf and its P4Runtime device id. References are inherited (bnd's
 * {@code dsannotations-options: inherit}, set by the ONOS parent pom).
 */
public abstract class P4RuntimeAccess {

    private static final Logger log = LoggerFactory.getLogger(P4RuntimeAccess.class);

    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected P4RuntimeController controller;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected PiPipeconfService pipeconfService;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected NetworkConfigService netcfgService;

    /** A device's P4Runtime client with what every request needs. */
    static final class Target {
        final P4RuntimeClient client;
        final long p4DeviceId;
        final PiPipeconf pipeconf;

        private Target(P4RuntimeClient client, long p4DeviceId, PiPipeconf pipeconf) {
            this.client = client;
            this.p4DeviceId = p4DeviceId;
            this.pipeconf = pipeconf;
        }
    }

    /**
     * @param device a device
     * @return its client, device id and pipeconf, or null if ONOS has no client or pipeconf for it
     */
    Target target(DeviceId device) {
        P4RuntimeClient client = controller.get(device);
        Optional<PiPipeconf> pipeconf = pipeconfService.getPipeconf(device);
        if (client == null || pipeconf.isEmpty()) {
            log.debug("no P4Runtime client or pipeconf for {}", device);
            return null;
        }
        BasicDeviceConfig cfg = netcfgService.getConfig(device, BasicDeviceConfig.class);
        return new Target(client, parseDeviceId(cfg == null ? null : cfg.managementAddress()), pipeconf.get());
    }

    /**
     * The P4Runtime device id: the device_id query parameter of the management address (ONOS's
     * convention).
     *
     * @param managementAddress e.g. grpc://10.0.0.1:50001?device_id=1
     * @return its device_id, 1 if absent (simple_switch_grpc's default)
     */
    static long parseDeviceId(String managementAddress) {
        if (managementAddress == null) {
            return 1;
        }
        try {
            String q = URI.create(managementAddress).getQuery();
            if (q != null) {
                for (String kv : q.split("&")) {
                    if (kv.startsWith("device_id=")) {
                        return Long.parseUnsignedLong(kv.substring("device_id=".length()));
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            log.warn("bad management address {}", managementAddress);
        }
        return 1;
    }
}
