package org.lwaftr.pipeconf;

import org.onosproject.net.driver.DriverAdminService;
import org.onosproject.net.driver.DriverProvider;
import org.onosproject.net.pi.service.PiPipeconfService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Registers the lwAFTR pipeconf with ONOS while this bundle is active.
 *
 * <p>ONOS 2.7 merges a pipeconf's behaviours into a device driver ({@code bmv2:<pipeconf id>}) once
 * and keeps it after the pipeconf is unregistered. A bundle reinstalled (the app deactivated and
 * activated again) would leave devices on the old bundle's behaviour classes, which the new
 * bundle's code does not recognise ({@code device.is(LwaftrCells.class)} false): the loader removes
 * those merged drivers, and ONOS merges new ones from the pipeconf registered now.
 */
@Component(immediate = true)
public class PipeconfLoader {

    private final Logger log = LoggerFactory.getLogger(getClass());

    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected PiPipeconfService pipeconfService;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected DriverAdminService driverAdminService;

    @Activate
    protected void activate() {
        // A reinstalled bundle replaces the pipeconf its previous version left behind.
        if (pipeconfService.getPipeconf(LwaftrPipeconf.ID).isPresent()) {
            pipeconfService.unregister(LwaftrPipeconf.ID);
        }
        removeMergedDrivers();
        pipeconfService.register(LwaftrPipeconf.build());
        log.info("Registered pipeconf {}", LwaftrPipeconf.ID);
    }

    @Deactivate
    protected void deactivate() {
        if (pipeconfService.getPipeconf(LwaftrPipeconf.ID).isPresent()) {
            pipeconfService.unregister(LwaftrPipeconf.ID);
        }
        removeMergedDrivers();
        log.info("Unregistered pipeconf {}", LwaftrPipeconf.ID);
    }

    /** Unregisters the drivers ONOS merged with this pipeconf (named {@code <base driver>:<pipeconf id>}). */
    private void removeMergedDrivers() {
        String suffix = ":" + LwaftrPipeconf.ID.id();
        List<DriverProvider> merged = driverAdminService.getProviders().stream()
                .filter(p -> p.getDrivers().stream().anyMatch(d -> d.name().endsWith(suffix)))
                .collect(Collectors.toList());
        merged.forEach(driverAdminService::unregisterProvider);
        if (!merged.isEmpty()) {
            log.info("Removed {} driver(s) merged with an earlier {}", merged.size(), LwaftrPipeconf.ID);
        }
    }
}
