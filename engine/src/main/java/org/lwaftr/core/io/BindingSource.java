package org.lwaftr.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import org.lwaftr.core.BindingTable;
import org.lwaftr.core.InvalidBindingException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.Optional;

/**
 * The binding table a configuration names, inline (RFC 8676 JSON) or as a file (RFC 8676 JSON, CSV
 * or Snabb's format), read again only when it changed: another inline table, another file, or the
 * same file with a new modification time or size. Both hosts poll it (the ONOS app on netcfg changes
 * and on a timer, the standalone controller's {@code --watch}), so an edited file is applied the same
 * way everywhere. The state is updated before the read, so a bad file is reported once, not at
 * every poll, and read again when it changes. Thread-safe.
 */
public final class BindingSource {
    private Object last;
    private FileTime seenTime;
    private long seenSize = -1;

    /**
     * @param inline the inline table, or null
     * @param file   the file, or null (ignored when {@code inline} is given)
     * @return the softwires read, if the source changed since the last call
     * @throws IOException             on a read error (a file named for the first time that does not
     *                                 exist included; a known file missing for a moment, as editors
     *                                 save, is not an error)
     * @throws InvalidBindingException naming the line and field of a bad entry
     */
    public synchronized Optional<ImportedBindings> readIfChanged(JsonNode inline, Path file) throws IOException {
        if (inline != null) {
            if (inline.equals(last)) {
                return Optional.empty();
            }
            last = inline;
            return Optional.of(BindingTableFormats.read(inline.toString(), BindingFormat.RFC8676_JSON));
        }
        if (file == null) {
            last = null;
            return Optional.empty();
        }
        boolean known = file.equals(last);
        if (!Files.exists(file)) {
            if (known) {
                return Optional.empty();
            }
            last = file;
            throw new NoSuchFileException(file.toString(), null, "binding-table file not found");
        }
        FileTime t = Files.getLastModifiedTime(file);
        long size = Files.size(file);
        if (known && t.equals(seenTime) && size == seenSize) {
            return Optional.empty();
        }
        last = file;
        seenTime = t;
        seenSize = size;
        return Optional.of(BindingTableFormats.read(file));
    }

    /**
     * Records {@code file} as read in its current state (the caller loaded it by other means, e.g.
     * at start): the next {@link #readIfChanged} reads it only when it changes.
     *
     * @param file the file
     */
    public synchronized void markRead(Path file) {
        last = file;
        try {
            seenTime = Files.getLastModifiedTime(file);
            seenSize = Files.size(file);
        } catch (IOException e) { // missing now: read when it appears
            seenTime = null;
            seenSize = -1;
        }
    }

    /**
     * A table's error numbers the entries of its own change batch, not the file's lines: finds the
     * line of the conflict by loading the bindings alone (entries that refuse each other do so in any
     * table). An entry refused only by the policy (system ports) keeps the table's message, which
     * names the softwire.
     *
     * @param in             the bindings read
     * @param e              the table's error
     * @param maxBrAddresses the data plane's BR-address limit
     * @return the error naming the line, if the bindings alone show it, else {@code e}
     */
    public static InvalidBindingException located(ImportedBindings in, InvalidBindingException e, int maxBrAddresses) {
        Objects.requireNonNull(e);
        try {
            BindingTableFormats.apply(new BindingTable(true, maxBrAddresses), in, false);
        } catch (InvalidBindingException atLine) {
            return atLine;
        }
        return e;
    }
}
