package org.lwaftr.slowpath;

import org.junit.Test;
import org.onlab.packet.ARP;
import org.onlab.packet.Ethernet;
import org.onlab.packet.IPv4;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.lwaftr.slowpath.Fx.*;

/**
 * Bad input never escapes: random bytes, every truncation and random corruptions of valid frames,
 * for every reason code. Each is counted, and none may end as an internal error (an exception the
 * slow path did not expect).
 */
public class FuzzTest {

    private static final int[] REASONS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 99, 255, -1};

    private static List<byte[]> validFrames() {
        List<byte[]> out = new ArrayList<>();
        out.add(fromInternet(udp4(HOST, SHARED, 53, UNBOUND_PORT, 40, 1, false)));
        out.add(fromInternet(udp4(HOST, SHARED, 53, BOUND_PORT, 1480, 64, false)));
        out.add(fromInternet(IcmpErrorsTest.echo(HOST, AFTR_IPV4, 5)));
        IPv4 frag = udp4(HOST, SHARED, 53, BOUND_PORT, 40, 64, false);
        frag.setFlags((byte) 1);
        out.add(fromInternet(frag));
        out.add(fromLwb4(encap(udp4(SHARED, HOST, BOUND_PORT, 53, 1480, 64, false), LWB4, BR)));
        out.add(fromLwb4(encap(frag, LWB4, BR)));
        out.add(icmp6Frame(LWB4, BR, 128, pattern(16), 64, LWB4_AFTR_MAC));
        out.add(Icmpv6RelayTest.error(2, 0, 1400, encap(udp4(HOST, SHARED, 53, BOUND_PORT, 40, 63, false), BR, LWB4)
                .serialize()));
        out.add(Icmpv6RelayTest.error(1, 0, 0, encap(udp4(SHARED, WHOLE, BOUND_PORT, 9, 40, 63, false), BR,
                LWB4_WHOLE).serialize()));
        byte[] ns = new byte[28];
        System.arraycopy(BR.toOctets(), 0, ns, 4, 16);
        ns[20] = 1;
        ns[21] = 1;
        out.add(icmp6Frame(LWB4, BR, 135, ns, 255, LWB4_AFTR_MAC));
        ARP arp = new ARP();
        arp.setHardwareType(ARP.HW_TYPE_ETHERNET).setProtocolType(ARP.PROTO_TYPE_IP)
                .setHardwareAddressLength((byte) 6).setProtocolAddressLength((byte) 4).setOpCode(ARP.OP_REQUEST)
                .setSenderHardwareAddress(INET_NEXT_HOP.toBytes()).setSenderProtocolAddress(HOST.toOctets())
                .setTargetHardwareAddress(new byte[6]).setTargetProtocolAddress(AFTR_IPV4.toOctets());
        out.add(fromInternet(arp, Ethernet.TYPE_ARP));
        return out;
    }

    private static void feedAll(SlowPath sp, byte[] frame) {
        for (int reason : REASONS) {
            assertNotNull(sp.handle(frame, LWB4_PORT, reason));
            assertNotNull(sp.handle(frame, INET_PORT, reason));
        }
    }

    @Test
    public void randomBytesForEveryReason() {
        SlowPath sp = slowPath();
        Random rnd = new Random(42);
        for (int i = 0; i < 3000; i++) {
            byte[] b = new byte[rnd.nextInt(200)];
            rnd.nextBytes(b);
            if (b.length > 13 && rnd.nextBoolean()) {
                // Plausible ethertypes reach deeper.
                int[] types = {0x0800, 0x86dd, 0x0806, 0x8100};
                int t = types[rnd.nextInt(types.length)];
                b[12] = (byte) (t >> 8);
                b[13] = (byte) t;
            }
            feedAll(sp, b);
        }
        feedAll(sp, null);
        assertEquals(sp.counters().toString(), 0L, (long) sp.counters().get("drop-internal-error"));
    }

    @Test
    public void everyTruncationAndCorruptionOfValidFrames() {
        SlowPath sp = slowPath();
        Random rnd = new Random(7);
        for (byte[] valid : validFrames()) {
            for (int len = 0; len <= Math.min(valid.length, 120); len++) {
                feedAll(sp, Arrays.copyOf(valid, len));
            }
            for (int i = 0; i < 300; i++) {
                byte[] b = valid.clone();
                for (int j = 0; j < 1 + rnd.nextInt(4); j++) {
                    b[rnd.nextInt(Math.min(b.length, 90))] = (byte) rnd.nextInt(256);
                }
                feedAll(sp, b);
            }
        }
        assertEquals(sp.counters().toString(), 0L, (long) sp.counters().get("drop-internal-error"));
        assertEquals(0L + sp.counterSet().get(Counter.DROP_INTERNAL_ERROR), 0L);
    }

    @Test
    public void unknownReasonsAreCountedAndDropped() {
        SlowPath sp = slowPath();
        byte[] f = fromInternet(udp4(HOST, SHARED, 53, UNBOUND_PORT, 40, 64, false));
        assertEquals(0, sp.handle(f, INET_PORT, 0).size());
        assertEquals(0, sp.handle(f, INET_PORT, 13).size());
        assertEquals(0, sp.handle(f, INET_PORT, 200).size());
        assertEquals(3L, (long) sp.counters().get("drop-unknown-reason"));
        assertEquals(1L, (long) sp.counters().get("punted-13"));
    }

    @Test
    public void aFrameThatContradictsItsReasonIsMalformed() {
        SlowPath sp = slowPath();
        byte[] ipv4 = fromInternet(udp4(HOST, SHARED, 53, UNBOUND_PORT, 40, 64, false));
        assertEquals(0, sp.handle(ipv4, INET_PORT, 9).size());           // UPSTREAM_NO_BINDING needs IPv6
        assertEquals(0, sp.handle(ipv4, INET_PORT, 10).size());          // TTL_EXPIRED with TTL 64
        byte[] truncated = Arrays.copyOf(ipv4, ipv4.length - 1);         // total length beyond the frame
        assertEquals(0, sp.handle(truncated, INET_PORT, 8).size());
        assertEquals(3L, (long) sp.counters().get("drop-malformed"));
        assertEquals(1L, (long) sp.counters().get("punted-upstream-no-binding"));
    }
}
