package org.lwaftr.api;

import org.lwaftr.core.Softwire;
import org.onosproject.event.AbstractEvent;

/**
 * A softwire changed (on any cluster instance; every instance posts the event once its local table
 * holds the change).
 */
public final class LwaftrEvent extends AbstractEvent<LwaftrEvent.Type, Softwire> {

    /** Kinds of change. */
    public enum Type {
        /** A softwire was added. */
        SOFTWIRE_ADDED,
        /** A softwire was removed; the subject is its last value. */
        SOFTWIRE_REMOVED,
        /** A softwire got a new lwB4 or BR address (or port set); {@link #previous()} is the old value. */
        SOFTWIRE_UPDATED
    }

    private final Softwire previous;

    /**
     * @param type     kind
     * @param subject  the softwire (new value, or last value if removed)
     * @param previous the old value of an update, else null
     */
    public LwaftrEvent(Type type, Softwire subject, Softwire previous) {
        super(type, subject);
        this.previous = previous;
    }

    /** @return the old value of an updated softwire, or null */
    public Softwire previous() {
        return previous;
    }
}
