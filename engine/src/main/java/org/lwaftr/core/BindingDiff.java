package org.lwaftr.core;

import java.util.Collections;
import java.util.List;

/**
 * What an applied batch changed: exactly the softwires whose data-plane entries must be written or
 * removed (incremental programming).
 */
public final class BindingDiff {
    private final List<Softwire> added;
    private final List<Softwire> removed;
    private final List<Softwire> replacedOld;
    private final List<Softwire> replacedNew;

    BindingDiff(List<Softwire> added, List<Softwire> removed,
                List<Softwire> replacedOld, List<Softwire> replacedNew) {
        this.added = Collections.unmodifiableList(added);
        this.removed = Collections.unmodifiableList(removed);
        this.replacedOld = Collections.unmodifiableList(replacedOld);
        this.replacedNew = Collections.unmodifiableList(replacedNew);
    }

    /** @return softwires that were added */
    public List<Softwire> added() {
        return added;
    }

    /** @return softwires that were removed (their last value) */
    public List<Softwire> removed() {
        return removed;
    }

    /** @return the old values of replaced softwires, in the order of {@link #replacedNew()} */
    public List<Softwire> replacedOld() {
        return replacedOld;
    }

    /** @return the new values of replaced softwires */
    public List<Softwire> replacedNew() {
        return replacedNew;
    }

    /** @return true if nothing changed */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && replacedNew.isEmpty();
    }

    /** @return number of changed softwires */
    public int size() {
        return added.size() + removed.size() + replacedNew.size();
    }

    @Override
    public String toString() {
        return "+" + added.size() + " -" + removed.size() + " ~" + replacedNew.size();
    }
}
