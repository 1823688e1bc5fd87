package org.lwaftr.store;

import org.lwaftr.core.PortSetShape;

/**
 * Per bound IPv4 address: the shape its port sets share and how many softwires use it. Read and
 * written by every transaction that touches the address, so two instances cannot commit
 * softwires of different shapes (or overlapping sets) on one address at the same time.
 */
public final class AddressRecord {
    private byte psidOffset;
    private byte psidLength;
    private int count;

    @SuppressWarnings("unused")
    private AddressRecord() {
        // for the serializer
    }

    /**
     * @param shape the shape
     * @param count number of softwires
     */
    public AddressRecord(PortSetShape shape, int count) {
        psidOffset = (byte) shape.offset();
        psidLength = (byte) shape.length();
        this.count = count;
    }

    /** @return the shape */
    public PortSetShape shape() {
        return PortSetShape.of(psidOffset, psidLength);
    }

    /** @return the number of softwires on the address */
    public int count() {
        return count;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressRecord && ((AddressRecord) o).psidOffset == psidOffset
                && ((AddressRecord) o).psidLength == psidLength && ((AddressRecord) o).count == count;
    }

    @Override
    public int hashCode() {
        return (psidOffset * 17 + psidLength) * 31 + count;
    }

    @Override
    public String toString() {
        return shape() + " ×" + count;
    }
}
