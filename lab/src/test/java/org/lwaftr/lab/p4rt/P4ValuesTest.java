package org.lwaftr.lab.p4rt;

import com.google.protobuf.ByteString;
import org.junit.Test;
import org.onlab.util.ImmutableByteSequence;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

public class P4ValuesTest {
    private static ByteString bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return ByteString.copyFrom(out);
    }

    @Test
    public void encodesCanonicallyWithoutLeadingZeros() {
        assertEquals(bytes(0x01, 0x02), P4Values.encode(ImmutableByteSequence.copyFrom(0x0102), 32, "x"));
        assertEquals(bytes(0x00), P4Values.encode(ImmutableByteSequence.copyFrom(0), 32, "x"));
        assertEquals(bytes(0x01, 0xff), P4Values.encode(ImmutableByteSequence.copyFrom((short) 0x1ff), 9, "x"));
    }

    @Test
    public void rejectsValuesWiderThanTheFieldNamingIt() {
        try {
            P4Values.encode(ImmutableByteSequence.copyFrom((short) 0x200), 9, "table T, match field port");
            fail();
        } catch (IllegalArgumentException e) {
            assertEquals("table T, match field port: value 0x0200 does not fit in 9 bits", e.getMessage());
        }
    }

    @Test
    public void decodesCanonicalAndPaddedToFieldWidth() {
        ImmutableByteSequence expected = ImmutableByteSequence.copyFrom(new byte[]{0, 0, 1, 2});
        assertEquals(expected, P4Values.decode(bytes(1, 2), 32, "x"));
        assertEquals(expected, P4Values.decode(bytes(0, 0, 0, 0, 1, 2), 32, "x"));
        assertEquals(ImmutableByteSequence.copyFrom(new byte[]{0, 0}), P4Values.decode(bytes(0), 9, "x"));
        assertArrayEquals(new byte[]{0x01, (byte) 0xff}, P4Values.decode(bytes(1, 0xff), 9, "x").asArray());
    }

    @Test
    public void decodeRejectsTooWideValues() {
        try {
            P4Values.decode(bytes(2, 0), 9, "packet_in metadata ingress_port");
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("packet_in metadata ingress_port: value 0x0200"));
        }
    }

    @Test
    public void significantBits() {
        assertEquals(0, P4Values.significantBits(new byte[]{0, 0}));
        assertEquals(1, P4Values.significantBits(new byte[]{0, 1}));
        assertEquals(9, P4Values.significantBits(new byte[]{1, 0}));
        assertEquals(0x0102, P4Values.toLong(ImmutableByteSequence.copyFrom(0x0102), "x"));
    }
}
