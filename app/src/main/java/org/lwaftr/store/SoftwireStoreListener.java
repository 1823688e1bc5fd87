package org.lwaftr.store;

import org.lwaftr.programming.SoftwireDelta;
import org.onlab.packet.Ip6Address;

import java.util.List;
import java.util.Map;

/**
 * Receives what changed in the local mirror, in the order it was applied (on the store's event
 * thread: implementations hand work off quickly).
 */
public interface SoftwireStoreListener {

    /**
     * @param deltas softwire changes applied to the local mirror
     */
    void softwiresChanged(List<SoftwireDelta> deltas);

    /**
     * @param brIndexes the cluster-wide BR indexes after a change
     */
    void brIndexesChanged(Map<Ip6Address, Integer> brIndexes);
}
