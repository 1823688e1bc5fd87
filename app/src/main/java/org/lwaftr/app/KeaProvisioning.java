package org.lwaftr.app;

import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.provisioning.KeaReservationsFile;
import org.lwaftr.store.SoftwireStore;
import org.onosproject.net.config.NetworkConfigListener;
import org.onosproject.net.config.NetworkConfigService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * RFC 7596 §6.1 in ONOS: when the policy names {@code kea-reservations} (the reservations file and
 * the lwB4 identities), that file is kept equal to the binding table (the engine's
 * {@link KeaReservationsFile}, as the standalone controller's {@code --kea-reservations}): rewritten
 * when the table or the identities change, and when the policy names other files.
 */
@Component(immediate = true, service = KeaProvisioning.class)
public class KeaProvisioning {

    private static final Logger log = LoggerFactory.getLogger(KeaProvisioning.class);
    /** How often the file is checked against the table. */
    static final long PERIOD_MILLIS = 1000;

    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected AppConfigRoot root;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected NetworkConfigService netcfgService;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected SoftwireStore store;

    /** Tests call {@link #current()}'s refresh themselves. */
    boolean timers = true;
    private KeaReservationsFile file;
    private List<String> filesNamed = List.of();
    private final NetworkConfigListener netcfgListener = e -> {
        if (e.configClass() == LwaftrAppConfig.class) {
            follow();
        }
    };

    @Activate
    protected void activate() {
        netcfgService.addListener(netcfgListener);
        follow();
        log.info("Started");
    }

    @Deactivate
    protected synchronized void deactivate() {
        netcfgService.removeListener(netcfgListener);
        if (file != null) {
            file.close();
            file = null;
        }
        log.info("Stopped");
    }

    /** Starts, replaces or stops the file's keeper as the policy names it. */
    synchronized void follow() {
        LwaftrPolicy p = root.config().policy();
        List<String> named = p.keaReservationsFile() == null ? List.of()
                : List.of(p.keaReservationsFile(), p.keaIdentitiesFile());
        if (Objects.equals(named, filesNamed)) {
            return;
        }
        if (file != null) {
            file.close();
            file = null;
        }
        filesNamed = named;
        if (!named.isEmpty()) {
            file = new KeaReservationsFile(Path.of(named.get(1)), Path.of(named.get(0)), store::version,
                    () -> store.table().softwires());
            if (timers) {
                file.start(PERIOD_MILLIS);
            }
            log.info("Kea reservations {} follow the binding table (identities {})", named.get(0), named.get(1));
        }
    }

    /** @return the keeper of the file the policy names, or null */
    synchronized KeaReservationsFile current() {
        return file;
    }
}
