package org.lwaftr.core.io;

import org.lwaftr.core.BindingDiff;
import org.lwaftr.core.BindingTable;
import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.Softwire;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * One door to the three binding-table formats: RFC 8676 JSON, Snabb configuration, CSV.
 *
 * <p>Reading never applies anything: it returns every softwire of the file or throws an
 * {@link InvalidBindingException} naming the line and field. {@link #apply} then changes the
 * binding table in one atomic batch, and if the table refuses an entry (a duplicate, overlapping
 * port sets, system ports), the error names that entry's line in the file.
 */
public final class BindingTableFormats {

    private static final int SNIFF = 4096;

    private BindingTableFormats() {
    }

    /**
     * Reads a file, choosing the format by extension (.json, .csv, .conf) or else by content.
     *
     * @param file the file
     * @return the softwires
     * @throws IOException             on read errors
     * @throws InvalidBindingException at the first problem
     */
    public static ImportedBindings read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, BindingFormat.byExtension(file.getFileName().toString()));
        }
    }

    /**
     * @param in     the file's bytes (UTF-8); not closed
     * @param format the format, or null to detect it from the content
     * @return the softwires
     * @throws IOException             on read errors
     * @throws InvalidBindingException at the first problem
     */
    public static ImportedBindings read(InputStream in, BindingFormat format) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
        BindingFormat f = format != null ? format : sniff(b);
        switch (f) {
            case RFC8676_JSON:
                return Rfc8676JsonReader.read(b, null);
            case CSV:
                return CsvBindings.read(reader(b));
            default:
                return SnabbConfig.readBindingTable(reader(b));
        }
    }

    /**
     * @param text   the whole file
     * @param format the format, or null to detect it
     * @return the softwires
     * @throws InvalidBindingException at the first problem
     */
    public static ImportedBindings read(String text, BindingFormat format) {
        try {
            return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), format);
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory failed", e);
        }
    }

    private static Reader reader(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private static BindingFormat sniff(BufferedInputStream in) throws IOException {
        in.mark(SNIFF);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        return BindingFormat.byContent(new String(head, StandardCharsets.UTF_8));
    }

    /**
     * Writes a file in the format its extension names (JSON: default instance settings).
     *
     * @param file      the file
     * @param softwires the softwires
     * @throws IOException if writing fails
     */
    public static void write(Path file, Collection<Softwire> softwires) throws IOException {
        BindingFormat f = BindingFormat.byExtension(file.getFileName().toString());
        if (f == null) {
            throw new IllegalArgumentException("cannot tell the format of " + file
                    + ": name it .json, .csv or .conf");
        }
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                StandardCharsets.UTF_8), 1 << 16)) {
            write(w, f, softwires, null);
        }
    }

    /**
     * @param out       where to write (flushed, not closed)
     * @param format    the format
     * @param softwires the softwires
     * @param settings  bind-instance settings for JSON (null for defaults); ignored otherwise
     * @throws IOException if writing fails
     */
    public static void write(Writer out, BindingFormat format, Collection<Softwire> softwires,
                             BindInstance settings) throws IOException {
        switch (format) {
            case RFC8676_JSON:
                Rfc8676JsonWriter.write(out, settings, softwires, true);
                break;
            case CSV:
                CsvBindings.write(out, softwires);
                break;
            default:
                SnabbConfig.writeBindingTable(out, softwires, true);
        }
    }

    /**
     * Applies an import to a binding table in one atomic batch.
     *
     * @param table    the table
     * @param imported what was read
     * @param replace  true: the table becomes exactly the import (smallest diff); false: the
     *                 softwires are added to what the table holds
     * @return what changed
     * @throws InvalidBindingException naming the file line of the entry the table refused; the
     *                                 table is then unchanged
     */
    public static BindingDiff apply(BindingTable table, ImportedBindings imported, boolean replace) {
        try {
            return replace ? table.replaceAll(imported.softwires()) : table.addAll(imported.softwires());
        } catch (InvalidBindingException e) {
            // A replacement's changes are not in file order: find the entries that conflict with
            // each other by loading the import alone into an empty table.
            InvalidBindingException located = replace ? inIsolation(table.allowsSystemPorts(), imported) : e;
            if (located == null || located.entry() < 0 || located.entry() >= imported.softwires().size()) {
                throw e;
            }
            int line = imported.lineOf(located.entry());
            throw new InvalidBindingException(line, located.field(), "line " + line + ": " + located.getMessage());
        }
    }

    private static InvalidBindingException inIsolation(boolean allowSystemPorts, ImportedBindings imported) {
        try {
            new BindingTable(allowSystemPorts).addAll(imported.softwires());
            return null;
        } catch (InvalidBindingException e) {
            return e;
        }
    }
}
