package org.lwaftr.api;

import org.lwaftr.core.Softwire;

/**
 * Who had an IPv4 address and port at some time (RFC 7422 / RFC 8676 binding-table-versioning): the
 * softwire and the interval it was bound.
 */
public final class BindingRecord {

    /** {@link #until()} of a binding still in force. */
    public static final long CURRENT = Long.MAX_VALUE;

    private final Softwire softwire;
    private final long since;
    private final long until;

    /**
     * @param softwire the softwire
     * @param since    bound from (ms since the epoch)
     * @param until    bound until, exclusive ({@link #CURRENT} if still bound)
     */
    public BindingRecord(Softwire softwire, long since, long until) {
        this.softwire = softwire;
        this.since = since;
        this.until = until;
    }

    /** @return the softwire */
    public Softwire softwire() {
        return softwire;
    }

    /** @return start of the binding, ms since the epoch */
    public long since() {
        return since;
    }

    /** @return end of the binding (exclusive), or {@link #CURRENT} */
    public long until() {
        return until;
    }

    /** @return true if still bound */
    public boolean isCurrent() {
        return until == CURRENT;
    }

    @Override
    public String toString() {
        return softwire + " from " + since + (isCurrent() ? " (current)" : " until " + until);
    }
}
