package org.lwaftr.rest;

import org.lwaftr.core.Softwire;

import javax.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads a whole binding table sent to {@code PUT /binding-table}, in the format its Content-Type
 * names ({@link FormatsBindingTableReader} is the implementation in use).
 */
public interface BindingTableReader {

    /**
     * @param type the request's Content-Type (never null; defaults to JSON)
     * @param body the body
     * @return the softwires, in document order
     * @throws IOException                                 if the body cannot be read
     * @throws org.lwaftr.core.InvalidBindingException     naming the entry (or line) and field
     * @throws javax.ws.rs.NotSupportedException           for a Content-Type it cannot read (415)
     */
    Table read(MediaType type, InputStream body) throws IOException;

    /** A table read from a document: its softwires and where each was written. */
    interface Table {
        /** @return the softwires in document order */
        List<Softwire> softwires();

        /**
         * @param index position in {@link #softwires()}
         * @return where that entry is in the document, e.g. "entry 3" or "line 12"
         */
        String where(int index);
    }
}
