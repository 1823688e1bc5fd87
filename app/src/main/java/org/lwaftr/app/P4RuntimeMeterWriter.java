package org.lwaftr.app;

import org.onosproject.net.DeviceId;
import org.onosproject.net.pi.runtime.PiMeterCellConfig;
import org.onosproject.p4runtime.api.P4RuntimeWriteClient;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;

/**
 * {@link MeterWriter} over ONOS 2.7's P4Runtime client, like {@link P4RuntimeCounterReader}: a
 * P4Runtime Write (MODIFY) of the cells on this instance's client to the device. Writes need the
 * primary client, which the master instance holds; the programmer calls this only as master.
 */
@Component(immediate = true, service = MeterWriter.class)
public class P4RuntimeMeterWriter extends P4RuntimeAccess implements MeterWriter {

    private static final Logger log = LoggerFactory.getLogger(P4RuntimeMeterWriter.class);

    @Override
    public boolean write(DeviceId device, Collection<PiMeterCellConfig> cells) {
        Target t = target(device);
        if (t == null) {
            log.warn("meters of {} not written: no P4Runtime client or pipeconf", device);
            return false;
        }
        P4RuntimeWriteClient.WriteResponse r;
        try {
            r = t.client.write(t.p4DeviceId, t.pipeconf).modify(cells).submitSync();
        } catch (RuntimeException e) { // e.g. a cell the pipeconf cannot translate: keep the lane alive
            log.warn("meters of {} not written", device, e);
            return false;
        }
        if (!r.isSuccess()) {
            r.failed().forEach(f -> log.warn("meter cell {} of {} not written: {} {}", f.handle(), device,
                    f.status(), f.explanation()));
            return false;
        }
        return true;
    }
}
