package org.lwaftr.store;

import org.lwaftr.api.BindingRecord;
import org.lwaftr.core.BindingChange;
import org.lwaftr.core.BindingDiff;
import org.lwaftr.core.BindingTable;
import org.lwaftr.core.SoftwireKey;
import org.onlab.packet.Ip6Address;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster-wide binding table: every instance sees the same softwires, counter indexes and BR
 * indexes, and keeps a local {@link BindingTable} in sync for lookups.
 */
public interface SoftwireStore {

    /**
     * Applies a batch atomically across the cluster.
     *
     * @param changes          the batch, in order
     * @param allowSystemPorts whether port sets holding ports 0–1023 may be added (RFC 7596 §5.1)
     * @param maxSoftwires     most softwires the table may hold afterwards (RFC 8676 softwire-num-max)
     * @return what changed
     * @throws org.lwaftr.core.InvalidBindingException naming entry and field; nothing applied
     * @throws StoreBusyException if concurrent writers kept conflicting; nothing applied
     */
    BindingDiff apply(List<BindingChange> changes, boolean allowSystemPorts, int maxSoftwires);

    /** @return the local mirror of the table (read only) */
    BindingTable table();

    /**
     * @param key a softwire key
     * @return its data-plane counter index, or -1 if unknown
     */
    int counterIndex(SoftwireKey key);

    /** @return BR address → its cluster-wide index */
    Map<Ip6Address, Integer> brIndexes();

    /** @return the binding-table version (RFC 8676 binding-table-versioning), +1 per batch */
    long version();

    /**
     * Who had an IPv4 address and port at a time (RFC 7422): the current binding if it started by
     * then, else an ended one from the bounded history.
     *
     * @param ipv4 IPv4 address as an int
     * @param port port (or ICMP identifier)
     * @param time ms since the epoch
     * @return the binding, if known
     */
    Optional<BindingRecord> whoHad(int ipv4, int port, long time);

    /** @return the time since which the history is complete (0: since the store began) */
    long historyCompleteSince();

    /**
     * @param listener receives local mirror changes
     */
    void addListener(SoftwireStoreListener listener);

    /**
     * @param listener a listener to remove
     */
    void removeListener(SoftwireStoreListener listener);
}
