package org.lwaftr.rest;

import org.lwaftr.core.Softwire;
import org.lwaftr.core.io.BindingFormat;
import org.lwaftr.core.io.BindingTableFormats;
import org.lwaftr.core.io.ImportedBindings;

import javax.ws.rs.NotSupportedException;
import javax.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads {@code PUT /binding-table} bodies with the core's streaming readers
 * ({@link BindingTableFormats}): RFC 8676 JSON ({@code application/json}), CSV ({@code text/csv})
 * and Snabb lwAFTR softwire-config ({@code text/plain} or {@code application/x-snabb-softwire-config}).
 * Errors name the line and field; nothing is returned unless the whole document is valid.
 */
public class FormatsBindingTableReader implements BindingTableReader {

    /** Media type for a Snabb softwire-config document. */
    public static final MediaType SNABB = new MediaType("application", "x-snabb-softwire-config");
    /** Media type for CSV. */
    public static final MediaType CSV = new MediaType("text", "csv");

    @Override
    public Table read(MediaType type, InputStream body) throws IOException {
        ImportedBindings imported = BindingTableFormats.read(body, formatOf(type));
        List<Softwire> softwires = imported.softwires();
        return new Table() {
            @Override
            public List<Softwire> softwires() {
                return softwires;
            }

            @Override
            public String where(int index) {
                int line = imported.lineOf(index);
                return line > 0 ? "entry " + index + " (line " + line + ")" : "entry " + index;
            }
        };
    }

    static BindingFormat formatOf(MediaType type) {
        if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return BindingFormat.RFC8676_JSON;
        }
        if (type.isCompatible(CSV)) {
            return BindingFormat.CSV;
        }
        if (type.isCompatible(SNABB) || type.isCompatible(MediaType.TEXT_PLAIN_TYPE)) {
            return BindingFormat.SNABB;
        }
        throw new NotSupportedException("Content-Type " + type + " is not a binding-table format: send "
                + "application/json (RFC 8676), text/csv, or text/plain (Snabb softwire-config)");
    }
}
