package org.lwaftr.core.io;

import org.lwaftr.core.Softwire;

import java.util.Collections;
import java.util.List;

/**
 * The complete result of reading a binding-table file: every softwire, the line each was written
 * on (so that a later refusal by the binding table can still point at the file), and the
 * settings that came with the table in formats that carry them.
 */
public final class ImportedBindings {

    private final BindingFormat format;
    private final List<Softwire> softwires;
    private final int[] lines;
    private final BindInstance instance;
    private final ConfigNode config;

    ImportedBindings(BindingFormat format, EntryList entries, BindInstance instance, ConfigNode config) {
        this.format = format;
        this.softwires = Collections.unmodifiableList(entries.softwires());
        this.lines = entries.lines();
        this.instance = instance;
        this.config = config;
    }

    /** @return the format the file was read as */
    public BindingFormat format() {
        return format;
    }

    /** @return the softwires, in file order */
    public List<Softwire> softwires() {
        return softwires;
    }

    /**
     * @param entry index into {@link #softwires()}
     * @return the 1-based line where that entry starts
     */
    public int lineOf(int entry) {
        return lines[entry];
    }

    /** @return the RFC 8676 bind-instance settings (JSON only), or null */
    public BindInstance instance() {
        return instance;
    }

    /**
     * @return for a Snabb configuration, the rest of it (interfaces, instances…) as a tree, with
     *     the softwires left out (they are in {@link #softwires()}); null for other formats
     */
    public ConfigNode config() {
        return config;
    }
}
