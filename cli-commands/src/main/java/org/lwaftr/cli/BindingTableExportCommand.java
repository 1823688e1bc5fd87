package org.lwaftr.cli;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.lwaftr.api.LwaftrService;
import org.lwaftr.config.BindInstances;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.io.BindingFormat;
import org.lwaftr.core.io.BindingTableFormats;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Writes the binding table to a file in RFC 8676 JSON, CSV or Snabb form (by {@code --format} or the
 * file's extension), through a temporary file renamed into place: readers never see half a table.
 */
@Service
@Command(scope = "onos", name = "lwaftr-binding-table-export", description = "Writes the binding table"
        + " to a file (RFC 8676 JSON, CSV, Snabb)")
public class BindingTableExportCommand extends LwaftrCommand {

    @Argument(index = 0, name = "file", description = "the file to write", required = true)
    @Completion(FileCompleter.class)
    String file;

    @Option(name = "--format", description = "json, csv or snabb (default: from the file's extension)")
    String format;

    @Override
    protected void run() {
        Path target = Path.of(file).toAbsolutePath();
        BindingFormat f = format == null ? BindingFormat.byExtension(target.getFileName().toString()) : named(format);
        if (f == null) {
            error("Error: --format: %s (nothing was written)", format == null
                    ? "cannot tell the format of " + file + ": name it .json, .csv or .conf, or give --format"
                    : "'" + format + "' is not json, csv or snabb");
            return;
        }
        LwaftrService service = service();
        long start = System.nanoTime();
        List<Softwire> softwires = service.softwires(0, service.count());
        try {
            Path tmp = Files.createTempFile(target.getParent(), ".lwaftr-export", ".tmp");
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16)) {
                BindingTableFormats.write(w, f, softwires, BindInstances.of(service.policy()));
            } catch (IOException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            error("Error: cannot write %s: %s", file, e.getMessage());
            return;
        }
        print("%d softwires written to %s (%s) in %.1f s", softwires.size(), file, f,
                (System.nanoTime() - start) / 1e9);
    }

    private static BindingFormat named(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "json":
                return BindingFormat.RFC8676_JSON;
            case "csv":
                return BindingFormat.CSV;
            case "snabb":
                return BindingFormat.SNABB;
            default:
                return null;
        }
    }
}
