package org.lwaftr.core;

import org.junit.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

/** The lock-free int map behind the binding table's addresses. */
public class IntMapTest {

    @Test
    public void behavesLikeAHashMapThroughGrowthRemovalAndReuse() {
        IntMap<String> m = new IntMap<>();
        Map<Integer, String> ref = new HashMap<>();
        Random r = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            int k = 1 + r.nextInt(5000);
            if (r.nextInt(3) == 0) {
                m.remove(k);
                ref.remove(k);
            } else {
                m.put(k, "v" + i);
                ref.put(k, "v" + i);
            }
            if (i % 997 == 0) {
                int probe = 1 + r.nextInt(6000);
                assertEquals(ref.get(probe), m.get(probe));
            }
        }
        for (int k = 1; k <= 6000; k++) {
            assertEquals(ref.get(k), m.get(k));
        }
        Map<Integer, String> seen = new HashMap<>();
        m.forEach(seen::put);
        assertEquals(ref, seen);
    }

    @Test
    public void negativeKeysWorkAndZeroIsRefused() {
        IntMap<String> m = new IntMap<>();
        m.put(-1, "broadcast-ish");
        m.put(0xc0000201, "192.0.2.1");
        assertEquals("broadcast-ish", m.get(-1));
        assertEquals("192.0.2.1", m.get(0xc0000201));
        assertNull(m.get(0));
        try {
            m.put(0, "x");
            throw new AssertionError("key 0 accepted");
        } catch (IllegalArgumentException expected) {
            assertNull(m.get(0));
        }
    }
}
