package org.lwaftr.lab.p4rt;

import com.google.protobuf.ByteString;
import org.onlab.util.ImmutableByteSequence;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Conversion of values between ONOS byte sequences and P4Runtime byte strings.
 *
 * <p>P4Runtime 1.x (spec §8.4) sends the canonical form: no leading zero bytes, zero as the single
 * byte 0x00. PI 0.1.x (simple_switch_grpc) accepts canonical and zero-padded strings alike and
 * answers reads in canonical form, so we always send canonical strings and, on decoding, widen
 * values to whole bytes of their P4 width, as ONOS's own PI objects have them.
 */
public final class P4Values {
    private static final ByteString ZERO = ByteString.copyFrom(new byte[]{0});

    private P4Values() {
    }

    /**
     * Canonical byte string of {@code value}.
     *
     * @param what names the value in the error ("table T, match field F")
     * @throws IllegalArgumentException if the value has more significant bits than {@code bitwidth}
     */
    public static ByteString encode(ImmutableByteSequence value, int bitwidth, String what) {
        return encode(value, bitwidth, () -> what);
    }

    /**
     * Canonical byte string of {@code value}; {@code what} is only called for an error message.
     *
     * @throws IllegalArgumentException if the value has more significant bits than {@code bitwidth}
     */
    public static ByteString encode(ImmutableByteSequence value, int bitwidth, Supplier<String> what) {
        if (value == null) {
            throw new IllegalArgumentException(what.get() + ": value missing");
        }
        // Read the sequence in place (asArray() would copy it once more before ByteString does).
        ByteBuffer buf = value.asReadOnlyBuffer();
        int end = buf.limit();
        int first = buf.position();
        while (first < end && buf.get(first) == 0) {
            first++;
        }
        if (first == end) {
            return ZERO;
        }
        int bits = (end - first - 1) * 8 + (32 - Integer.numberOfLeadingZeros(buf.get(first) & 0xff));
        if (bits > bitwidth) {
            checkFits(value.asArray(), firstNonZero(value.asArray()), bitwidth, what.get());
        }
        buf.position(first);
        return ByteString.copyFrom(buf);
    }

    /**
     * Value of a P4Runtime byte string (canonical or padded) as ceil(bitwidth / 8) bytes.
     *
     * @throws IllegalArgumentException if it has more significant bits than {@code bitwidth}
     */
    public static ImmutableByteSequence decode(ByteString value, int bitwidth, String what) {
        byte[] bytes = value.toByteArray();
        int first = firstNonZero(bytes);
        int width = (bitwidth + 7) / 8;
        byte[] out = new byte[width];
        if (first < bytes.length) {
            checkFits(bytes, first, bitwidth, what);
            int n = bytes.length - first;
            System.arraycopy(bytes, first, out, width - n, n);
        }
        return ImmutableByteSequence.copyFrom(out);
    }

    /** The value as an unsigned number, for messages and range checks (at most 8 significant bytes). */
    public static long toLong(ImmutableByteSequence value, String what) {
        byte[] bytes = value.asArray();
        int first = firstNonZero(bytes);
        if (bytes.length - first > 8) {
            throw new IllegalArgumentException(what + ": value " + value + " exceeds 64 bits");
        }
        long v = 0;
        for (int i = first; i < bytes.length; i++) {
            v = (v << 8) | (bytes[i] & 0xff);
        }
        return v;
    }

    /** Number of significant bits of a value (0 for zero). */
    public static int significantBits(byte[] bytes) {
        int first = firstNonZero(bytes);
        if (first == bytes.length) {
            return 0;
        }
        return (bytes.length - first - 1) * 8 + (32 - Integer.numberOfLeadingZeros(bytes[first] & 0xff));
    }

    private static void checkFits(byte[] bytes, int first, int bitwidth, String what) {
        int bits = significantBits(bytes);
        if (bits > bitwidth) {
            throw new IllegalArgumentException(what + ": value 0x" + hex(Arrays.copyOfRange(bytes, first, bytes.length))
                    + " does not fit in " + bitwidth + " bits");
        }
    }

    private static int firstNonZero(byte[] bytes) {
        int i = 0;
        while (i < bytes.length && bytes[i] == 0) {
            i++;
        }
        return i;
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02x", b & 0xff));
        }
        return sb.length() == 0 ? "00" : sb.toString();
    }
}
