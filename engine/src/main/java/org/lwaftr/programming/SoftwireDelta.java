package org.lwaftr.programming;

import org.lwaftr.core.PortSetShape;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.SoftwireKey;

/**
 * One softwire's change as a binding table applied it: before and after (null when absent), with
 * counter indexes, and the shape of its IPv4 address before and after — so {@link SoftwireWrites}
 * writes the address's psid_shape/bound_ipv4 entries exactly when the address becomes bound, unbound
 * or reshaped. Made by the ONOS store's mirror (one per map event) and by {@link TableDeltas} (one
 * per softwire of a standalone batch).
 */
public final class SoftwireDelta {
    private final SoftwireKey key;
    private final Softwire oldSoftwire;
    private final int oldCounter;
    private final Softwire newSoftwire;
    private final int newCounter;
    private final PortSetShape oldShape;
    private final PortSetShape newShape;

    /**
     * @param key         the softwire's key
     * @param oldSoftwire before, or null
     * @param oldCounter  its counter index before, or -1
     * @param newSoftwire after, or null
     * @param newCounter  its counter index after, or -1
     * @param oldShape    the shape of the key's IPv4 address before (null: unbound)
     * @param newShape    the shape after (null: unbound)
     */
    public SoftwireDelta(SoftwireKey key, Softwire oldSoftwire, int oldCounter, Softwire newSoftwire, int newCounter,
                  PortSetShape oldShape, PortSetShape newShape) {
        this.key = key;
        this.oldSoftwire = oldSoftwire;
        this.oldCounter = oldCounter;
        this.newSoftwire = newSoftwire;
        this.newCounter = newCounter;
        this.oldShape = oldShape;
        this.newShape = newShape;
    }

    /** @return the key */
    public SoftwireKey key() {
        return key;
    }

    /** @return the softwire before, or null if it was added */
    public Softwire oldSoftwire() {
        return oldSoftwire;
    }

    /** @return its counter index before, or -1 */
    public int oldCounter() {
        return oldCounter;
    }

    /** @return the softwire after, or null if it was removed */
    public Softwire newSoftwire() {
        return newSoftwire;
    }

    /** @return its counter index after, or -1 */
    public int newCounter() {
        return newCounter;
    }

    /** @return the shape of the key's IPv4 address before (null: unbound) */
    public PortSetShape oldShape() {
        return oldShape;
    }

    /** @return the shape of the key's IPv4 address after (null: unbound) */
    public PortSetShape newShape() {
        return newShape;
    }

    /** @return true if the address's psid_shape/bound_ipv4 entries must be (re)written */
    public boolean addressBoundOrReshaped() {
        return newShape != null && newShape != oldShape;
    }

    /** @return true if the address's psid_shape/bound_ipv4 entries must be removed */
    public boolean addressUnbound() {
        return newShape == null && oldShape != null;
    }

    @Override
    public String toString() {
        return key + ": " + oldSoftwire + " -> " + newSoftwire;
    }
}
