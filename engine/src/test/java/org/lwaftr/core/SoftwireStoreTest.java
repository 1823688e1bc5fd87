package org.lwaftr.core;

import org.junit.Test;
import org.onlab.packet.Ip6Address;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;

/** Per-address PSID arrays behind the binding table (RFC 7596 §6.2 lookups). */
public class SoftwireStoreTest {

    private static final Ip6Address BR = Ip6Address.valueOf("2001:db8::1");

    private static Softwire sw(int ipv4, int a, int k, int psid) {
        return Softwire.of(ipv4, PortSet.of(a, k, psid), 0x20010db800000000L, ((long) ipv4 << 16) | psid, BR);
    }

    @Test
    public void sparseSixteenBitPsidsUsePagesAndLookUpByPort() {
        SoftwireStore st = new SoftwireStore();
        int ip = 0xc0000201;
        Softwire s80 = sw(ip, 0, 16, 80);
        Softwire s54192 = sw(ip, 0, 16, 54192);
        st.put(s80);
        st.put(s54192);
        assertEquals(2, st.size());
        assertSame(s80, st.lookup(ip, 80));
        assertSame(s54192, st.lookup(ip, 54192));
        assertNull(st.lookup(ip, 81));
        assertEquals("only two of 64 pages exist", 2, countPages(st.address(ip)));
        assertSame(s80, st.remove(ip, 80));
        assertNull(st.remove(ip, 80));
        assertSame(s54192, st.remove(ip, 54192));
        assertNull("the address goes with its last softwire", st.address(ip));
        assertEquals(0, st.size());
    }

    private static int countPages(SoftwireStore.Address a) {
        int n = 0;
        for (Softwire[] p : a.pages) {
            n += p == null ? 0 : 1;
        }
        return n;
    }

    @Test
    public void rfc7597Sec51LookupHonoursOffsetAndExcludedBlock() {
        SoftwireStore st = new SoftwireStore();
        int ip = 0xc6336401;
        Softwire s = sw(ip, 6, 6, 5); // ports i*1024 + 5*16 + j, i >= 1
        st.put(s);
        assertSame(s, st.lookup(ip, 1024 + 80));
        assertSame("last block, last port", s, st.lookup(ip, 63 * 1024 + 5 * 16 + 15));
        assertNull(st.lookup(ip, 63 * 1024 + 6 * 16));
        assertNull("i = 0 is excluded", st.lookup(ip, 80));
        assertNull(st.get(ip, 64));
        assertSame(s, st.get(ip, 5));
    }

    /** Readers racing one writer never see a softwire under another key. */
    @Test
    public void concurrentReadersSeeOnlyConsistentSoftwires() throws Exception {
        BindingTable t = new BindingTable();
        int base = 0xc6120000;
        AtomicReference<String> wrong = new AtomicReference<>();
        List<Thread> readers = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        for (int r = 0; r < 2; r++) {
            Thread th = new Thread(() -> {
                int i = 0;
                while (!stop.get() && wrong.get() == null) {
                    int ip = base + (i % 300);
                    int port = 1024 + (i * 7919) % 64512;
                    Softwire s = t.lookup(ip, port);
                    if (s != null && (s.ipv4Int() != ip || !s.portSet().contains(port))) {
                        wrong.set(s + " returned for " + ip + ":" + port);
                    }
                    i++;
                }
            });
            th.start();
            readers.add(th);
        }
        for (int round = 0; round < 30; round++) {
            List<Softwire> batch = new ArrayList<>();
            int k = round % 2 == 0 ? 6 : 4; // reshape every address each round
            for (int a = 0; a < 300; a++) {
                for (int psid = 0; psid < (1 << k); psid++) {
                    batch.add(sw(base + a, 6, k, psid));
                }
            }
            t.replaceAll(batch);
            assertEquals(batch.size(), t.size());
        }
        stop.set(true);
        for (Thread th : readers) {
            th.join();
        }
        assertNull(wrong.get(), wrong.get());
    }
}
