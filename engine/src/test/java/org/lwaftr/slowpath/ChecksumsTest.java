package org.lwaftr.slowpath;

import org.junit.Test;
import org.onlab.packet.Data;
import org.onlab.packet.ICMP6;
import org.onlab.packet.IPv6;

import java.util.Arrays;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.lwaftr.slowpath.Fx.*;

/** RFC 1071 checksums, and why the slow path recomputes the ones ONOS writes. */
public class ChecksumsTest {

    @Test
    public void rfc1071FoldKeepsFoldingUntilNoCarry() {
        assertEquals(0x0001, Checksums.fold(0x1_0000L));
        assertEquals(0x0002, Checksums.fold(0x2_ffffL));              // one fold gives 0x10001
        assertEquals(0xfffd, Checksums.checksum(0x2_ffffL));
        byte[] odd = {0x12, 0x34, 0x56};                               // trailing byte padded with zero
        assertEquals(0x1234 + 0x5600, Checksums.sum(odd, 0, 3, 0));
    }

    private static IPv6 icmp6Of(byte[] body) {
        ICMP6 icmp6 = new ICMP6();
        icmp6.setIcmpType((byte) 1);
        icmp6.setIcmpCode((byte) 5);
        icmp6.setPayload(new Data(body));
        IPv6 ip6 = new IPv6();
        ip6.setNextHeader((byte) 58);
        ip6.setSourceAddress(BR.toOctets());
        ip6.setDestinationAddress(LWB4.toOctets());
        ip6.setPayload(icmp6);
        return ip6;
    }

    /**
     * ONOS 2.7 folds the 32-bit sum once; when that fold carries its checksum is off by one. 942
     * bytes of 0x09 from BR to lwB4 is such a message (found by searching with ONOS's algorithm).
     */
    @Test
    public void onosIcmpv6ChecksumIsWrongForSomeLongMessagesAndOursIsNot() {
        byte[] body = new byte[942];
        Arrays.fill(body, (byte) 0x09);
        byte[] b = icmp6Of(body).serialize();
        assertFalse("ONOS's checksum", sumsToOnes(b, 40, b.length - 40, pseudo(b)));
        Egress.finish(b, 0, true);
        assertTrue("recomputed", sumsToOnes(b, 40, b.length - 40, pseudo(b)));
    }

    private static long[] pseudo(byte[] b) {
        long[] w = new long[19];
        for (int i = 0; i < 16; i++) {
            w[i] = ((b[8 + 2 * i] & 0xff) << 8) | (b[9 + 2 * i] & 0xff);
        }
        w[17] = b.length - 40;
        w[18] = 58;
        return w;
    }

    @Test
    public void ipv4HeaderChecksumIsVerifiedOnInput() {
        SlowPath sp = slowPath();
        byte[] f = fromInternet(udp4(HOST, SHARED, 53, UNBOUND_PORT, 20, 64, false));
        f[14 + 10] ^= 1;
        assertTrue(sp.handle(f, INET_PORT, 8).isEmpty());
        assertEquals(1L, (long) sp.counters().get("drop-bad-checksum"));
    }
}
