package org.lwaftr.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A port set as RFC 7597 §5.1 defines it: PSID offset {@code a}, PSID length {@code k} and the PSID.
 *
 * <p>A port is {@code i·2^(16−a) + psid·2^m + j} with {@code m = 16 − a − k}, {@code 0 ≤ j < 2^m} and
 * {@code i} ranging over {@code 0 … 2^a − 1}, except that for {@code a > 0} the value {@code i = 0} is
 * excluded (RFC 7597 §5.1: "A MUST be larger than 0", which keeps the system ports out of every set).
 * {@code k = 0} means the whole address: every port 0–65535 (RFC 7596 §5.1, "full IPv4 address").
 *
 * <p>Instances are immutable and interned: a binding table with a million softwires holds at most
 * one object per distinct (a, k, psid).
 */
public final class PortSet {

    /** Number of ports in one IPv4 address. */
    public static final int PORTS = 1 << 16;

    /** The highest system port (RFC 7596 §5.1 / RFC 6335: 0–1023). */
    public static final int LAST_SYSTEM_PORT = 1023;

    /** The whole-address set (k = 0). */
    public static final PortSet WHOLE_ADDRESS = new PortSet(0, 0, 0);

    private static final PortSet[][] INTERN = new PortSet[17][];

    private final byte offset;
    private final byte length;
    private final short psid;

    private PortSet(int offset, int length, int psid) {
        this.offset = (byte) offset;
        this.length = (byte) length;
        this.psid = (short) psid;
    }

    /**
     * Returns the port set (a, k, psid).
     *
     * @param offset PSID offset a (0–16)
     * @param length PSID length k (0–16, a + k ≤ 16)
     * @param psid   PSID (0 ≤ psid &lt; 2^k)
     * @return the interned port set
     * @throws IllegalArgumentException naming the field that is out of range
     */
    public static PortSet of(int offset, int length, int psid) {
        if (offset < 0 || offset > 16) {
            throw new IllegalArgumentException("psid-offset " + offset + " is outside 0..16");
        }
        if (length < 0 || length > 16) {
            throw new IllegalArgumentException("psid-len " + length + " is outside 0..16");
        }
        if (offset + length > 16) {
            throw new IllegalArgumentException("psid-offset " + offset + " + psid-len " + length
                    + " exceeds 16 (RFC 7597 §5.1)");
        }
        if (psid < 0 || psid >= (1 << length)) {
            throw new IllegalArgumentException("psid " + psid + " does not fit psid-len " + length
                    + " (must be below " + (1 << length) + ")");
        }
        if (length == 0) {
            if (offset != 0) {
                throw new IllegalArgumentException("psid-offset " + offset
                        + " must be 0 when psid-len is 0 (the whole address)");
            }
            return WHOLE_ADDRESS;
        }
        return intern(offset, length, psid);
    }

    private static PortSet intern(int offset, int length, int psid) {
        // Index by k, then by (a, psid): 17 × 2^k slots per k, filled lazily.
        int slot = (psid << 5) | offset;
        PortSet[] row;
        synchronized (INTERN) {
            row = INTERN[length];
            if (row == null) {
                row = new PortSet[(1 << length) << 5];
                INTERN[length] = row;
            }
            PortSet p = row[slot];
            if (p == null) {
                p = new PortSet(offset, length, psid);
                row[slot] = p;
            }
            return p;
        }
    }

    /** @return PSID offset a */
    public int offset() {
        return offset;
    }

    /** @return PSID length k */
    public int length() {
        return length;
    }

    /** @return the PSID */
    public int psid() {
        return psid & 0xffff;
    }

    /** @return true for k = 0: every port of the address */
    public boolean isWholeAddress() {
        return length == 0;
    }

    /** @return the shape (a, k) this set shares with every set of the same address */
    public PortSetShape shape() {
        return PortSetShape.of(offset, length);
    }

    /**
     * The PSID a port maps to under this set's shape (RFC 7597 §5.1):
     * {@code (port >> (16 − a − k)) & (2^k − 1)}.
     *
     * @param port a 16-bit port
     * @return the PSID
     */
    public int psidOf(int port) {
        return shape().psidOf(port);
    }

    /**
     * @param port a port (0–65535)
     * @return true if the port belongs to this set
     */
    public boolean contains(int port) {
        if (port < 0 || port >= PORTS) {
            return false;
        }
        if (length == 0) {
            return true;
        }
        PortSetShape shape = shape();
        return port >= shape.firstUsablePort() && shape.psidOf(port) == psid();
    }

    /** @return the number of ports in the set */
    public int size() {
        if (length == 0) {
            return PORTS;
        }
        int m = 16 - offset - length;
        int blocks = offset == 0 ? 1 : (1 << offset) - 1;
        return blocks << m;
    }

    /**
     * The set as ascending, disjoint, inclusive port ranges: one range per value of {@code i}.
     *
     * @return the ranges
     */
    public List<PortRange> ranges() {
        if (length == 0) {
            return Collections.singletonList(new PortRange(0, PORTS - 1));
        }
        int m = 16 - offset - length;
        int blockSize = 1 << (16 - offset);
        int firstI = offset == 0 ? 0 : 1;
        List<PortRange> out = new ArrayList<>((1 << offset) - firstI);
        for (int i = firstI; i < (1 << offset); i++) {
            int start = i * blockSize + (psid() << m);
            out.add(new PortRange(start, start + (1 << m) - 1));
        }
        return out;
    }

    /**
     * @param other another port set (any shape)
     * @return true if some port belongs to both
     */
    public boolean overlaps(PortSet other) {
        List<PortRange> a = ranges();
        List<PortRange> b = other.ranges();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            PortRange x = a.get(i);
            PortRange y = b.get(j);
            if (x.last() < y.first()) {
                i++;
            } else if (y.last() < x.first()) {
                j++;
            } else {
                return true;
            }
        }
        return false;
    }

    /** @return true if any system port (0–1023) is in the set (RFC 7596 §5.1) */
    public boolean containsSystemPorts() {
        if (length == 0) {
            return true;
        }
        // The lowest port: i = 1 (or 0 when a = 0), j = 0. No range list: a million-entry batch asks.
        int firstBlock = offset == 0 ? 0 : 1 << (16 - offset);
        return firstBlock + (psid() << (16 - offset - length)) <= LAST_SYSTEM_PORT;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PortSet)) {
            return false;
        }
        PortSet p = (PortSet) o;
        return offset == p.offset && length == p.length && psid == p.psid;
    }

    @Override
    public int hashCode() {
        return Objects.hash(offset, length, psid);
    }

    @Override
    public String toString() {
        return length == 0 ? "whole-address" : "psid " + psid() + " (offset " + offset + ", len " + length + ")";
    }
}
