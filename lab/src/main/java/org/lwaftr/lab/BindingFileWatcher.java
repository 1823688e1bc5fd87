package org.lwaftr.lab;

import org.lwaftr.config.BindInstances;
import org.lwaftr.core.BindingDiff;
import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.io.BindingSource;
import org.lwaftr.core.io.ImportedBindings;
import org.lwaftr.pipeconf.DataPlaneLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code --watch FILE}: polls a binding-table file and, when it changed, makes the controller's
 * table equal to it with the smallest diff (only the entries of changed softwires are written).
 * A file with a bad entry changes nothing; the error names line and field.
 */
final class BindingFileWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BindingFileWatcher.class);

    private final Path file;
    private final LabController controller;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(LabThreads.daemon("lab-watch"));
    private final BindingSource source = new BindingSource();

    BindingFileWatcher(Path file, LabController controller, long periodMillis) {
        this.file = file;
        this.controller = controller;
        source.markRead(file); // loaded at start
        timer.scheduleWithFixedDelay(this::check, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Checks once: applies the file if it changed since the last check. */
    void check() {
        try {
            Optional<ImportedBindings> in = source.readIfChanged(null, file);
            if (in.isEmpty()) {
                return;
            }
            BindInstances.notApplied(file.toString(), in.get().instance(), controller.service().policy())
                    .forEach(w -> log.warn("{}", w));
            BindingDiff d;
            try {
                d = controller.replaceAll(in.get().softwires());
            } catch (InvalidBindingException e) {
                throw BindingSource.located(in.get(), e, DataPlaneLimits.BR_ADDRESSES);
            }
            log.info("{} changed: {} added, {} removed, {} replaced", file, d.added().size(), d.removed().size(),
                    d.replacedNew().size());
        } catch (IOException | RuntimeException e) {
            log.error("{} not applied (nothing changed): {}", file, e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
