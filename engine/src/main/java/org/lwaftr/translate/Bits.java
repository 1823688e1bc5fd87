package org.lwaftr.translate;

import org.lwaftr.core.Addresses;
import org.onlab.util.ImmutableByteSequence;

/**
 * Byte strings of exactly a field's width (⌈bits/8⌉ bytes, big-endian), checked to fit: what both
 * ONOS's PI translation and a P4Runtime encoder accept.
 */
final class Bits {
    /** Fields up to this wide share one instance per value (PSIDs, indexes, masks). */
    private static final int SHARED_MAX_BITS = 16;
    /**
     * Per width, the values built so far: the softwires' entries then share their few distinct
     * PSID and BR-index sequences (two fewer buffers per entry kept). Filled racily: the sequences are immutable (and
     * safely published through their final field), so a lost race only builds one twice.
     */
    private static final ImmutableByteSequence[][] SHARED = new ImmutableByteSequence[SHARED_MAX_BITS + 1][];

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
        if (bits <= SHARED_MAX_BITS && bits > 0) {
            ImmutableByteSequence[] shared = SHARED[bits];
            if (shared == null) {
                shared = new ImmutableByteSequence[1 << bits];
                SHARED[bits] = shared;
            }
            ImmutableByteSequence v = shared[(int) value];
            if (v == null) {
                v = build(value, bits);
                shared[(int) value] = v;
            }
            return v;
        }
        return build(value, bits);
    }

    private static ImmutableByteSequence build(long value, int bits) {
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
