package org.lwaftr.core;

/**
 * The shape (a, k) that every port set on one IPv4 address shares: the data plane keys its binding
 * table by (IPv4 address, PSID) and learns how to take the PSID from a port from one shape per
 * address (design: "PSID from a port", constant shifts). RFC 7597 §5.1.
 */
public final class PortSetShape {

    private static final PortSetShape[] SHAPES = new PortSetShape[17 * 17];

    static {
        for (int a = 0; a <= 16; a++) {
            for (int k = 0; a + k <= 16; k++) {
                SHAPES[a * 17 + k] = new PortSetShape(a, k);
            }
        }
    }

    private final int offset;
    private final int length;

    private PortSetShape(int offset, int length) {
        this.offset = offset;
        this.length = length;
    }

    /**
     * @param offset PSID offset a
     * @param length PSID length k
     * @return the shape
     */
    public static PortSetShape of(int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > 16) {
            throw new IllegalArgumentException("bad port-set shape: psid-offset " + offset
                    + ", psid-len " + length + " (need a + k <= 16)");
        }
        return SHAPES[offset * 17 + length];
    }

    /** @return PSID offset a */
    public int offset() {
        return offset;
    }

    /** @return PSID length k */
    public int length() {
        return length;
    }

    /** @return the right shift that brings the PSID to bit 0: 16 − a − k */
    public int shift() {
        return 16 - offset - length;
    }

    /** @return the PSID mask 2^k − 1 */
    public int mask() {
        return (1 << length) - 1;
    }

    /**
     * The lowest port that belongs to any set of this shape: 2^(16−a) for a &gt; 0 (RFC 7597 §5.1
     * excludes i = 0), else 0. The data plane treats lower ports as unbound.
     *
     * @return the first usable port
     */
    public int firstUsablePort() {
        return (offset == 0 || length == 0) ? 0 : 1 << (16 - offset);
    }

    /**
     * @param port a 16-bit port
     * @return its PSID: (port >> (16 − a − k)) &amp; (2^k − 1)
     */
    public int psidOf(int port) {
        return (port >>> shift()) & mask();
    }

    @Override
    public String toString() {
        return "psid-offset " + offset + ", psid-len " + length;
    }
}
