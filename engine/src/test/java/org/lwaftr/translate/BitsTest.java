package org.lwaftr.translate;

import org.junit.Test;
import org.onlab.util.ImmutableByteSequence;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertSame;

/** Field values of exactly the field's width; small ones shared, with the same bytes. */
public class BitsTest {

    @Test
    public void valuesHaveTheFieldsWholeBytesBigEndian() {
        assertArrayEquals(new byte[] {0x01, 0x02}, Bits.of(0x102, 16).asArray());
        assertArrayEquals(new byte[] {0x00, 0x3f}, Bits.of(63, 16).asArray());
        assertArrayEquals(new byte[] {0x05}, Bits.of(5, 3).asArray());
        assertArrayEquals(new byte[] {0x00, 0x00, 0x01}, Bits.of(1, 20).asArray());
        assertArrayEquals(new byte[] {0x0a, 0x00, 0x00, 0x01}, Bits.of(0x0a000001L, 32).asArray());
    }

    @Test
    public void smallValuesAreSharedAndStayEqual() {
        ImmutableByteSequence a = Bits.of(41, 16);
        assertSame(a, Bits.of(41, 16));
        assertArrayEquals(new byte[] {0x00, 41}, a.asArray());
        // the same value of another width is its own sequence
        assertArrayEquals(new byte[] {41}, Bits.of(41, 8).asArray());
    }

    @Test(expected = IllegalArgumentException.class)
    public void aValueWiderThanASharedWidthIsRefused() {
        Bits.of(0x10000, 16);
    }

    @Test(expected = IllegalArgumentException.class)
    public void aValueWiderThanANarrowFieldIsRefused() {
        Bits.of(8, 3);
    }
}
