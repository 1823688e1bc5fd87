package org.lwaftr.app;

import org.onosproject.net.DeviceId;
import org.onosproject.net.config.NetworkConfigService;
import org.onosproject.net.config.basics.BasicDeviceConfig;
import org.onosproject.net.pi.model.PiPipeconf;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiCounterCellHandle;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import org.onosproject.net.pi.service.PiPipeconfService;
import org.onosproject.p4runtime.api.P4RuntimeClient;
import org.onosproject.p4runtime.api.P4RuntimeController;
import org.onosproject.p4runtime.api.P4RuntimeReadClient;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * {@link CounterReader} over ONOS 2.7's P4Runtime client (onos-protocols-p4runtime-api): ONOS has
 * no core service for indexed counters, so the cells are read with a P4Runtime Read of their
 * handles, on this instance's client to the device (reads are allowed to non-primary clients).
 */
@Component(immediate = true, service = CounterReader.class)
public class P4RuntimeCounterReader implements CounterReader {

    private static final Logger log = LoggerFactory.getLogger(P4RuntimeCounterReader.class);

    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected P4RuntimeController controller;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected PiPipeconfService pipeconfService;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected NetworkConfigService netcfgService;

    @Override
    public Collection<PiCounterCell> read(DeviceId device, Collection<PiCounterCellId> cells) {
        P4RuntimeClient client = controller.get(device);
        Optional<PiPipeconf> pipeconf = pipeconfService.getPipeconf(device);
        if (client == null || pipeconf.isEmpty()) {
            log.debug("no P4Runtime client or pipeconf for {}", device);
            return List.of();
        }
        List<PiCounterCellHandle> handles = new ArrayList<>(cells.size());
        cells.forEach(c -> handles.add(PiCounterCellHandle.of(device, c)));
        P4RuntimeReadClient.ReadResponse r = client.read(p4DeviceId(netcfgService, device), pipeconf.get())
                .handles(handles).submitSync();
        if (!r.isSuccess()) {
            log.warn("counter read from {} failed: {}", device, r.explanation());
            return List.of();
        }
        return r.all(PiCounterCell.class);
    }

    /**
     * @param netcfgService the network config service
     * @param device        a device
     * @return its P4Runtime device id: the device_id query parameter of the management address
     *         (ONOS's convention)
     */
    static long p4DeviceId(NetworkConfigService netcfgService, DeviceId device) {
        BasicDeviceConfig cfg = netcfgService.getConfig(device, BasicDeviceConfig.class);
        String addr = cfg == null ? null : cfg.managementAddress();
        return parseDeviceId(addr);
    }

    /**
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
