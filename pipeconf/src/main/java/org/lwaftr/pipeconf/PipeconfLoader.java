package org.lwaftr.pipeconf;

import org.onosproject.net.pi.service.PiPipeconfService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the lwAFTR pipeconf with ONOS while this bundle is active.
 */
@Component(immediate = true)
public class PipeconfLoader {

    private final Logger log = LoggerFactory.getLogger(getClass());

    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected PiPipeconfService pipeconfService;

    @Activate
    protected void activate() {
        // A reinstalled bundle replaces the pipeconf its previous version left behind.
        if (pipeconfService.getPipeconf(LwaftrPipeconf.ID).isPresent()) {
            pipeconfService.unregister(LwaftrPipeconf.ID);
        }
        pipeconfService.register(LwaftrPipeconf.build());
        log.info("Registered pipeconf {}", LwaftrPipeconf.ID);
    }

    @Deactivate
    protected void deactivate() {
        if (pipeconfService.getPipeconf(LwaftrPipeconf.ID).isPresent()) {
            pipeconfService.unregister(LwaftrPipeconf.ID);
        }
        log.info("Unregistered pipeconf {}", LwaftrPipeconf.ID);
    }
}
