package org.lwaftr.translate;

import org.lwaftr.core.Addresses;
import org.onlab.util.ImmutableByteSequence;

/**
 * Byte strings of exactly a field's width (⌈bits/8⌉ bytes, big-endian), checked to fit: what both
 * ONOS's PI translation and a P4Runtime encoder accept.
 */
final class Bits {

    private Bits() {
    }

    /**
     * @param value an unsigned value
     * @param bits  the field width (1–64)
     * @return the value in ⌈bits/8⌉ bytes
     * @throws IllegalArgumentException if the value does not fit
     */
    static ImmutableByteSequence of(long value, int bits) {
        if (bits < 64 && (value >>> bits) != 0) {
            throw new IllegalArgumentException("value " + Long.toUnsignedString(value) + " does not fit "
                    + bits + " bits");
        }
        int n = (bits + 7) / 8;
        byte[] b = new byte[n];
        for (int i = n - 1; i >= 0; i--) {
            b[i] = (byte) value;
            value >>>= 8;
        }
        return ImmutableByteSequence.copyFrom(b);
    }

    /**
     * @param hi upper 64 bits
     * @param lo lower 64 bits
     * @return 16 bytes
     */
    static ImmutableByteSequence of128(long hi, long lo) {
        return ImmutableByteSequence.copyFrom(Addresses.octets(hi, lo));
    }

    /**
     * @param octets bytes of an address (4, 6 or 16)
     * @return them
     */
    static ImmutableByteSequence of(byte[] octets) {
        return ImmutableByteSequence.copyFrom(octets);
    }
}
