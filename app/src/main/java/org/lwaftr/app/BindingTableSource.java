package org.lwaftr.app;

import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.io.BindingFormat;
import org.lwaftr.core.io.BindingTableFormats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The binding table the policy names: inline ({@code binding-table}, RFC 8676 JSON) or a file
 * ({@code binding-table-file}: RFC 8676 JSON, CSV or Snabb's format, by extension or content).
 * Remembers what it read last so an unchanged source is not read again.
 */
final class BindingTableSource {

    private Object last;

    /**
     * @param policy the policy in force
     * @return the softwires of its binding table if it names one that changed since the last call
     * @throws IOException on a file read error
     * @throws org.lwaftr.core.InvalidBindingException naming the line and field of a bad entry
     */
    synchronized Optional<List<Softwire>> readIfChanged(LwaftrPolicy policy) throws IOException {
        Object source = policy.bindingTable() != null ? policy.bindingTable() : policy.bindingTableFile();
        if (source == null || Objects.equals(source, last)) {
            last = source;
            return Optional.empty();
        }
        List<Softwire> softwires = policy.bindingTable() != null
                ? BindingTableFormats.read(policy.bindingTable().toString(), BindingFormat.RFC8676_JSON).softwires()
                : BindingTableFormats.read(Path.of(policy.bindingTableFile())).softwires();
        last = source;
        return Optional.of(softwires);
    }
}
