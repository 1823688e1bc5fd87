package org.lwaftr.lab;

import org.lwaftr.core.BindingDiff;
import org.lwaftr.core.BindingTable;
import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.io.BindingTableFormats;
import org.lwaftr.core.io.ImportedBindings;
import org.lwaftr.pipeconf.DataPlaneLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
    private FileTime seen;
    private long seenSize = -1;

    BindingFileWatcher(Path file, LabController controller, long periodMillis) {
        this.file = file;
        this.controller = controller;
        try {
            seen = Files.exists(file) ? Files.getLastModifiedTime(file) : null;
            seenSize = Files.exists(file) ? Files.size(file) : -1;
        } catch (IOException e) {
            seen = null;
        }
        timer.scheduleWithFixedDelay(this::check, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Checks once: applies the file if it changed since the last check. */
    void check() {
        try {
            if (!Files.exists(file)) {
                return;
            }
            FileTime t = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            if (t.equals(seen) && size == seenSize) {
                return;
            }
            seen = t;
            seenSize = size;
            ImportedBindings in = BindingTableFormats.read(file);
            BindingDiff d;
            try {
                d = controller.replaceAll(in.softwires());
            } catch (InvalidBindingException e) {
                throw located(in, e);
            }
            log.info("{} changed: {} added, {} removed, {} replaced", file, d.added().size(), d.removed().size(),
                    d.replacedNew().size());
        } catch (IOException | RuntimeException e) {
            log.error("{} not applied (nothing changed): {}", file, e.getMessage());
        }
    }

    /**
     * The table's error numbers the entries of its own change batch, not the file's lines: finds the
     * line of the conflict by loading the file alone (entries that refuse each other do so in any
     * table). An entry refused only by the policy (system ports) keeps the table's message, which
     * names the softwire.
     */
    private static InvalidBindingException located(ImportedBindings in, InvalidBindingException e) {
        try {
            BindingTableFormats.apply(new BindingTable(true, DataPlaneLimits.BR_ADDRESSES), in, false);
        } catch (InvalidBindingException atLine) {
            return atLine;
        }
        return e;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
