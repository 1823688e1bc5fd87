package org.lwaftr.core;

import org.junit.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * RFC 7597 §5.1 port-set arithmetic, checked against a brute-force enumeration of all 65536 ports.
 */
public class PortSetTest {

    /** Ports of (a, k, psid) by the RFC's definition, enumerated the long way. */
    private static boolean[] enumerate(int a, int k, int psid) {
        boolean[] in = new boolean[65536];
        if (k == 0) {
            java.util.Arrays.fill(in, true);
            return in;
        }
        int m = 16 - a - k;
        for (int i = (a == 0 ? 0 : 1); i < (1 << a); i++) {
            for (int j = 0; j < (1 << m); j++) {
                in[(i << (16 - a)) + (psid << m) + j] = true;
            }
        }
        return in;
    }

    @Test
    public void rfc7597Sec51MembershipSizeRangesPsidMatchBruteForceForEveryShape() {
        int shapes = 0;
        for (int a = 0; a <= 16; a++) {
            for (int k = 0; a + k <= 16; k++) {
                if (k == 0 && a != 0) {
                    continue; // k = 0 is the whole address, offset must be 0
                }
                shapes++;
                // every PSID for small k; for large k a spread of PSIDs (first, last, and a stride)
                int n = 1 << k;
                int step = n <= 256 ? 1 : n / 61;
                for (int psid = 0; psid < n; psid += step) {
                    check(a, k, psid);
                }
                check(a, k, n - 1);
            }
        }
        assertEquals("all (a, k) with a + k <= 16 and k > 0, plus the whole address", 137, shapes);
    }

    private static void check(int a, int k, int psid) {
        PortSet ps = PortSet.of(a, k, psid);
        boolean[] in = enumerate(a, k, psid);
        int count = 0;
        List<PortRange> expected = new ArrayList<>();
        int start = -1;
        for (int p = 0; p < 65536; p++) {
            String what = "a=" + a + " k=" + k + " psid=" + psid + " port=" + p;
            assertEquals(what, in[p], ps.contains(p));
            if (in[p]) {
                count++;
                if (k > 0) {
                    assertEquals(what, psid, ps.psidOf(p));
                }
                if (start < 0) {
                    start = p;
                }
            }
            if (!in[p] && start >= 0) {
                expected.add(new PortRange(start, p - 1));
                start = -1;
            }
        }
        if (start >= 0) {
            expected.add(new PortRange(start, 65535));
        }
        assertEquals("size a=" + a + " k=" + k, count, ps.size());
        assertEquals("ranges a=" + a + " k=" + k + " psid=" + psid, merge(ps.ranges()), expected);
        boolean system = false;
        for (int p = 0; p <= 1023; p++) {
            system |= in[p];
        }
        assertEquals("system ports a=" + a + " k=" + k + " psid=" + psid, system, ps.containsSystemPorts());
    }

    /** Adjacent ranges (possible when m = 16 − a) are one range in a brute-force scan. */
    private static List<PortRange> merge(List<PortRange> in) {
        List<PortRange> out = new ArrayList<>();
        for (PortRange r : in) {
            if (!out.isEmpty() && out.get(out.size() - 1).last() + 1 == r.first()) {
                PortRange prev = out.remove(out.size() - 1);
                out.add(new PortRange(prev.first(), r.last()));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    @Test
    public void psidOfEveryPortFollowsShiftAndMaskForEveryShape() {
        for (int a = 0; a <= 16; a++) {
            for (int k = 1; a + k <= 16; k++) {
                PortSetShape shape = PortSetShape.of(a, k);
                int[] count = new int[1 << k];
                for (int p = shape.firstUsablePort(); p < 65536; p++) {
                    int psid = shape.psidOf(p);
                    count[psid]++;
                    assertTrue(PortSet.of(a, k, psid).contains(p));
                }
                // every port from the first usable one belongs to exactly one set of the shape
                for (int psid = 0; psid < (1 << k); psid++) {
                    assertEquals(PortSet.of(a, k, psid).size(), count[psid]);
                }
            }
        }
    }

    @Test
    public void overlapMatchesBruteForceAcrossDifferentLengths() {
        int[][] sets = {{6, 6, 0}, {6, 6, 1}, {6, 4, 0}, {6, 4, 1}, {0, 6, 0}, {0, 4, 0}, {0, 4, 15},
            {0, 0, 0}, {4, 8, 255}, {4, 2, 3}, {10, 6, 63}, {0, 16, 1023}, {0, 16, 1024}, {8, 8, 16}};
        for (int[] x : sets) {
            for (int[] y : sets) {
                PortSet p = PortSet.of(x[0], x[1], x[2]);
                PortSet q = PortSet.of(y[0], y[1], y[2]);
                boolean[] a = enumerate(x[0], x[1], x[2]);
                boolean[] b = enumerate(y[0], y[1], y[2]);
                boolean brute = false;
                for (int i = 0; i < 65536 && !brute; i++) {
                    brute = a[i] && b[i];
                }
                assertEquals(p + " vs " + q, brute, p.overlaps(q));
                assertEquals(p.overlaps(q), q.overlaps(p));
            }
        }
    }

    @Test
    public void validationNamesTheField() {
        expect(() -> PortSet.of(10, 7, 0), "psid-offset 10 + psid-len 7 exceeds 16");
        expect(() -> PortSet.of(6, 6, 64), "psid 64 does not fit psid-len 6");
        expect(() -> PortSet.of(-1, 6, 0), "psid-offset -1");
        expect(() -> PortSet.of(0, 17, 0), "psid-len 17");
        expect(() -> PortSet.of(6, 0, 0), "psid-offset 6 must be 0 when psid-len is 0");
        expect(() -> PortSet.of(0, 0, 1), "psid 1 does not fit psid-len 0");
    }

    @Test
    public void wholeAddressAndInterning() {
        assertSame(PortSet.WHOLE_ADDRESS, PortSet.of(0, 0, 0));
        assertTrue(PortSet.WHOLE_ADDRESS.isWholeAddress());
        assertEquals(65536, PortSet.WHOLE_ADDRESS.size());
        assertSame(PortSet.of(6, 6, 5), PortSet.of(6, 6, 5));
        assertFalse(PortSet.of(6, 6, 5).isWholeAddress());
        // RFC 7597 §5.1 example: a=6, k=8 → 2^6−1 = 63 ranges of 4 ports each
        assertEquals(63, PortSet.of(6, 8, 0x34).ranges().size());
        assertEquals(252, PortSet.of(6, 8, 0x34).size());
        assertEquals(new PortRange(1232, 1235), PortSet.of(6, 8, 0x34).ranges().get(0));
    }

    static void expect(Runnable r, String fragment) {
        try {
            r.run();
            fail("expected an error containing: " + fragment);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage() + " should contain " + fragment, e.getMessage().contains(fragment));
        }
    }
}
