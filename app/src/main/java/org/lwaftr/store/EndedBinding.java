package org.lwaftr.store;

/**
 * A binding that ended (removed, or replaced by another lwB4/BR): kept in the bounded history so
 * that an abuse report (IPv4, port, time) can still name the subscriber (RFC 7422, RFC 8676
 * binding-table-versioning).
 */
public final class EndedBinding {
    private SoftwireRecord record;
    private long until;
    private long version;

    @SuppressWarnings("unused")
    private EndedBinding() {
        // for the serializer
    }

    /**
     * @param record  the binding, with the time it started
     * @param until   when it ended (ms since the epoch)
     * @param version binding-table version that ended it
     */
    public EndedBinding(SoftwireRecord record, long until, long version) {
        this.record = record;
        this.until = until;
        this.version = version;
    }

    /** @return the binding */
    public SoftwireRecord record() {
        return record;
    }

    /** @return when it ended */
    public long until() {
        return until;
    }

    /** @return the table version that ended it */
    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EndedBinding && ((EndedBinding) o).record.equals(record)
                && ((EndedBinding) o).until == until && ((EndedBinding) o).version == version;
    }

    @Override
    public int hashCode() {
        return record.hashCode() * 31 + Long.hashCode(until);
    }

    @Override
    public String toString() {
        return record + " until " + until + " (v" + version + ")";
    }
}
