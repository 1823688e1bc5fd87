package org.lwaftr.cli;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.lwaftr.api.LwaftrService;
import org.lwaftr.codec.CliText;
import org.lwaftr.config.BindInstances;
import org.lwaftr.core.BindingChange;
import org.lwaftr.core.BindingDiff;
import org.lwaftr.core.BindingTable;
import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.io.BindingFormat;
import org.lwaftr.core.io.BindingTableFormats;
import org.lwaftr.core.io.ImportedBindings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a binding-table file (RFC 8676 JSON, CSV or Snabb {@code softwire-config}) as ONE atomic
 * batch: added to the table, or replacing it with {@code --replace} (smallest diff). Large files show
 * their progress; a bad entry is named by its line and nothing is applied.
 */
@Service
@Command(scope = "onos", name = "lwaftr-binding-table-import", description = "Loads a binding-table file"
        + " (RFC 8676 JSON, CSV, Snabb) in one atomic batch")
public class BindingTableImportCommand extends LwaftrCommand {

    @Argument(index = 0, name = "file", description = "the file (.json, .csv, .conf; else the content tells)",
            required = true)
    @Completion(FileCompleter.class)
    String file;

    @Option(name = "--replace", description = "make the table exactly the file (default: add to it)")
    boolean replace;

    @Override
    protected void run() {
        Path path = Path.of(file);
        ImportedBindings imported;
        long start = System.nanoTime();
        try (InputStream in = new ProgressInputStream(Files.newInputStream(path), Files.size(path),
                line -> print("reading %s: %s", file, line))) {
            imported = BindingTableFormats.read(in, BindingFormat.byExtension(path.getFileName().toString()));
        } catch (IOException e) {
            error("Error: cannot read %s: %s (nothing was applied)", file, e.getMessage());
            return;
        } catch (InvalidBindingException e) {
            error("Error: %s: %s (nothing was applied)", file, e.getMessage());
            return;
        }
        List<Softwire> softwires = imported.softwires();
        print("%s: %d softwires (%s) read in %.1f s; applying as one batch", file, softwires.size(),
                imported.format(), (System.nanoTime() - start) / 1e9);
        LwaftrService service = service();
        BindInstances.notApplied(file, imported.instance(), service.policy()).forEach(w -> print("warning: %s", w));
        try {
            // Entries that conflict with each other are named by their line before the service sees them.
            new BindingTable(service.policy().allowSystemPorts()).addAll(softwires);
        } catch (InvalidBindingException e) {
            error("Error: %s", located(imported, e));
            return;
        }
        BindingDiff diff;
        try {
            if (replace) {
                diff = service.replaceAll(softwires);
            } else {
                List<BindingChange> adds = new ArrayList<>(softwires.size());
                softwires.forEach(s -> adds.add(BindingChange.add(s)));
                diff = service.apply(adds);
            }
        } catch (InvalidBindingException e) {
            // Adds keep the file's order: the entry is the line's; a replacement's diff has its own order.
            error("Error: %s", replace ? file + ": " + e.getMessage() + " (nothing was applied)" : located(imported, e));
            return;
        }
        print("%s", CliText.diff(diff, service.tableVersion()));
    }

    private String located(ImportedBindings imported, InvalidBindingException e) {
        int i = e.entry();
        if (i < 0 || i >= imported.softwires().size()) {
            return file + ": " + e.getMessage() + " (nothing was applied)";
        }
        String msg = e.getMessage();
        int colon = msg.indexOf(": ");
        String why = colon >= 0 && msg.startsWith("entry ") ? msg.substring(colon + 2) : msg;
        return file + " line " + imported.lineOf(i) + ": " + why + " (nothing was applied)";
    }
}
