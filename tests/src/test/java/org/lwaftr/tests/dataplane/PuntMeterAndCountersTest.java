package org.lwaftr.tests.dataplane;

import org.junit.Test;
import org.lwaftr.pipeconf.gen.DropReason;
import org.lwaftr.pipeconf.gen.LwaftrP4;
import org.lwaftr.pipeconf.gen.PuntReason;
import org.onlab.packet.IPv4;
import org.onosproject.net.pi.runtime.PiCounterCellData;
import org.onosproject.net.pi.runtime.PiMeterCellConfig;
import org.onosproject.net.pi.runtime.PiMeterCellId;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.lwaftr.tests.bmv2.LwaftrFrames.PROTO_GRE;
import static org.lwaftr.tests.bmv2.LwaftrFrames.portless;
import static org.lwaftr.tests.bmv2.LwaftrFrames.udp;
import static org.lwaftr.tests.dataplane.DownstreamTest.fromInternet;
import static org.lwaftr.tests.dataplane.Net.A;
import static org.lwaftr.tests.dataplane.Net.FREE_PSID;
import static org.lwaftr.tests.dataplane.Net.HOST;
import static org.lwaftr.tests.dataplane.Net.INET_PORT;
import static org.lwaftr.tests.dataplane.Net.INET_ROUTER_MAC;
import static org.lwaftr.tests.dataplane.Net.OTHER_MAC;
import static org.lwaftr.tests.dataplane.Net.SHARED;
import static org.lwaftr.tests.dataplane.Net.port;
import static org.lwaftr.tests.bmv2.LwaftrFrames.ipv4Frame;

/** RFC 7596 §9 punt rate limiting (punt_meter) and the per-reason counters. */
public class PuntMeterAndCountersTest extends LwaftrTestBase {
    private static final int BURST = 20;

    private static final byte[] NO_BINDING = fromInternet(udp(HOST, 53, SHARED, port(FREE_PSID)));

    private static byte[] ttlExpired() {
        IPv4 ip = udp(HOST, 53, SHARED, port(A.psid));
        ip.setTtl((byte) 1);
        return fromInternet(ip);
    }

    /** punt_meter[reason] at 1 packet/s with bursts of 1 packet (committed and peak). */
    private static PiMeterCellConfig onePerSecond(PuntReason reason) {
        return PiMeterCellConfig.builder()
                .withMeterCellId(PiMeterCellId.ofIndirect(LwaftrP4.METER_PUNT_METER, reason.code()))
                .withCommittedBand(1, 1).withPeakBand(1, 1).build();
    }

    /** Receives packet-ins until none comes for a while; returns how many. */
    private static int drainPacketIns() {
        int n = 0;
        while (true) {
            try {
                bmv2.expectPacketIn(500);
                n++;
            } catch (AssertionError none) {
                return n;
            }
        }
    }

    private static void awaitCounted(long total, PuntReason punt, DropReason drop) {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (punts(punt).packets() + drops(drop).packets() < total && System.currentTimeMillis() < deadline) {
            sleep(10);
        }
    }

    @Test
    public void rfc7596Sec9PuntsOverTheMeterRateAreDroppedAndCounted() {
        device.write(device.batch().modify(onePerSecond(PuntReason.DOWNSTREAM_NO_BINDING)));
        long start = System.nanoTime();
        for (int i = 0; i < BURST; i++) {
            send(INET_PORT, NO_BINDING);
        }
        long sendSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        awaitCounted(BURST, PuntReason.DOWNSTREAM_NO_BINDING, DropReason.PUNT_METER);
        int punted = drainPacketIns();

        // A burst of 1 passes, then 1 per second of sending at most (plus one for rounding).
        assertTrue("punted " + punted, punted >= 1 && punted <= 2 + sendSeconds);
        assertEquals(new PiCounterCellData(punted, (long) punted * NO_BINDING.length),
                punts(PuntReason.DOWNSTREAM_NO_BINDING));
        assertEquals(new PiCounterCellData(BURST - punted, (long) (BURST - punted) * NO_BINDING.length),
                drops(DropReason.PUNT_METER));
        assertEquals(Map.of(DropReason.PUNT_METER.code(), (long) (BURST - punted)),
                nonZero(LwaftrP4.COUNTER_DROP_STATS));
    }

    @Test
    public void rfc7596Sec9TheMeterOfOneReasonDoesNotLimitAnother() {
        device.write(device.batch().modify(onePerSecond(PuntReason.DOWNSTREAM_NO_BINDING)));
        byte[] frame = ttlExpired();
        for (int i = 0; i < 5; i++) {
            send(INET_PORT, frame);
        }
        for (int i = 0; i < 5; i++) {
            expectPunt(PuntReason.TTL_EXPIRED, INET_PORT, frame);
        }
        assertEquals(Map.of(PuntReason.TTL_EXPIRED.code(), 5L), nonZero(LwaftrP4.COUNTER_PUNT_STATS));
        assertEquals(Map.of(), nonZero(LwaftrP4.COUNTER_DROP_STATS));
    }

    @Test
    public void rfc7596Sec9AResetMeterPassesEveryPunt() {
        PiMeterCellConfig limited = onePerSecond(PuntReason.DOWNSTREAM_NO_BINDING);
        device.write(device.batch().modify(limited));
        device.write(device.batch().modify(PiMeterCellConfig.reset(limited.cellId())));
        for (int i = 0; i < 5; i++) {
            send(INET_PORT, NO_BINDING);
        }
        for (int i = 0; i < 5; i++) {
            expectPunt(PuntReason.DOWNSTREAM_NO_BINDING, INET_PORT, NO_BINDING);
        }
        assertEquals(Map.of(), nonZero(LwaftrP4.COUNTER_DROP_STATS));
    }

    @Test
    public void rfc8676TrafficStatsAreCountedPerReasonInPacketsAndBytes() {
        byte[] ttl = ttlExpired();
        byte[] noPort = fromInternet(portless(HOST, SHARED, PROTO_GRE));
        byte[] otherMac = ipv4Frame(INET_ROUTER_MAC, OTHER_MAC, udp(HOST, 1, SHARED, port(A.psid)));
        send(INET_PORT, ttl);
        send(INET_PORT, ttl);
        send(INET_PORT, NO_BINDING);
        send(INET_PORT, noPort);
        send(INET_PORT, otherMac);
        send(INET_PORT, otherMac);
        send(INET_PORT, otherMac);
        expectPunt(PuntReason.TTL_EXPIRED, INET_PORT, ttl);
        expectPunt(PuntReason.TTL_EXPIRED, INET_PORT, ttl);
        expectPunt(PuntReason.DOWNSTREAM_NO_BINDING, INET_PORT, NO_BINDING);
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (drops(DropReason.NOT_FOR_AFTR).packets() < 3 && System.currentTimeMillis() < deadline) {
            sleep(10);
        }
        assertEquals(Map.of(PuntReason.TTL_EXPIRED.code(), 2L, PuntReason.DOWNSTREAM_NO_BINDING.code(), 1L),
                nonZero(LwaftrP4.COUNTER_PUNT_STATS));
        assertEquals(Map.of(DropReason.NO_PORT.code(), 1L, DropReason.NOT_FOR_AFTR.code(), 3L),
                nonZero(LwaftrP4.COUNTER_DROP_STATS));
        assertEquals(2L * ttl.length, punts(PuntReason.TTL_EXPIRED).bytes());
        assertEquals(NO_BINDING.length, punts(PuntReason.DOWNSTREAM_NO_BINDING).bytes());
        assertEquals(noPort.length, drops(DropReason.NO_PORT).bytes());
        assertEquals(3L * otherMac.length, drops(DropReason.NOT_FOR_AFTR).bytes());
    }
}
