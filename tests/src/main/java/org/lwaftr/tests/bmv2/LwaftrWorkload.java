package org.lwaftr.tests.bmv2;

import org.lwaftr.lab.p4rt.PiDevice;
import org.lwaftr.lab.p4rt.PiWriteBatch;
import org.lwaftr.pipeconf.gen.Direction;
import org.lwaftr.pipeconf.gen.Side;
import org.onlab.packet.Ethernet;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.MacAddress;
import org.onosproject.net.pi.runtime.PiTableEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark workload: the lwAFTR pipeline with {@value #SOFTWIRES} softwires (250 addresses of
 * 198.18.0.0/15 shared by 4 port sets each, a = 6, k = 2), one 128-byte downstream frame per
 * softwire, in on port 1 and encapsulated out of port 2. {@link LwaftrMixedWorkload} adds the
 * upstream direction.
 */
public class LwaftrWorkload implements BenchWorkload {
    /** Number of softwires installed. */
    public static final int SOFTWIRES = 1000;
    /** Size of every frame sent (as the forwarder baseline's default). */
    public static final int FRAME_BYTES = 128;

    static final int PSIDS = 4;
    static final int A_BITS = 6;
    static final int K_BITS = 2;
    static final MacAddress AFTR_MAC = MacAddress.valueOf("02:af:00:00:00:01");
    static final MacAddress PEER_MAC = MacAddress.valueOf("02:00:00:00:00:02");
    static final Ip6Address BR = Ip6Address.valueOf("2001:db8:ffff::1");
    static final Ip4Address HOST = Ip4Address.valueOf("203.0.113.5");
    private static final int BATCH = 500;

    private final boolean mixed;

    /** Downstream only. */
    public LwaftrWorkload() {
        this(false);
    }

    /** Downstream, or both directions alternately when {@code mixed}. */
    protected LwaftrWorkload(boolean mixed) {
        this.mixed = mixed;
    }

    @Override
    public String name() {
        return mixed ? "lwaftr-mixed" : "lwaftr-down";
    }

    @Override
    public Bmv2Pipeline pipeline() {
        return LwaftrPipeline.pipeline();
    }

    /** IPv4 address of softwire {@code i} (0-based). */
    static Ip4Address address(int i) {
        return Ip4Address.valueOf(Ip4Address.valueOf("198.18.0.1").toInt() + i / PSIDS);
    }

    /** PSID of softwire {@code i}. */
    static int psid(int i) {
        return i % PSIDS;
    }

    /** A port of softwire {@code i}'s set: block 1 of its PSID. */
    static int port(int i) {
        return (1 << (16 - A_BITS)) | (psid(i) << (16 - A_BITS - K_BITS)) | 7;
    }

    /** lwB4 address of softwire {@code i}. */
    public static Ip6Address lwb4(int i) {
        byte[] b = Ip6Address.valueOf("2001:db8:100::").toOctets();
        b[12] = (byte) (i >> 24);
        b[13] = (byte) (i >> 16);
        b[14] = (byte) (i >> 8);
        b[15] = (byte) i;
        return Ip6Address.valueOf(b);
    }

    @Override
    public void install(PiDevice device) {
        List<PiTableEntry> entries = new ArrayList<>(List.of(
                LwaftrTestEntries.portSide(inPort(), 0, mixed ? Side.BOTH : Side.INTERNET, AFTR_MAC),
                LwaftrTestEntries.nextHop(Direction.DOWNSTREAM, outPort(), AFTR_MAC, PEER_MAC, 0),
                LwaftrTestEntries.nextHop(Direction.UPSTREAM, outPort(), AFTR_MAC, PEER_MAC, 0),
                LwaftrTestEntries.brAddress(BR, 1),
                LwaftrTestEntries.brSource(1, BR)));
        for (int i = 0; i < SOFTWIRES; i++) {
            if (psid(i) == 0) {
                entries.add(LwaftrTestEntries.boundIpv4(address(i)));
                entries.add(LwaftrTestEntries.psidShape(address(i), A_BITS, K_BITS));
            }
            entries.add(LwaftrTestEntries.softwire(address(i), psid(i), lwb4(i), 1, i));
        }
        for (int from = 0; from < entries.size(); from += BATCH) {
            PiWriteBatch batch = device.batch();
            entries.subList(from, Math.min(entries.size(), from + BATCH)).forEach(batch::insert);
            device.write(batch);
        }
    }

    @Override
    public List<byte[]> frames() {
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < SOFTWIRES; i++) {
            frames.add(downstream(i));
            if (mixed) {
                frames.add(upstream(i));
            }
        }
        return frames;
    }

    /** A {@value #FRAME_BYTES}-byte UDP frame from the Internet to softwire {@code i}. */
    static byte[] downstream(int i) {
        byte[] payload = LwaftrFrames.filler(FRAME_BYTES - 14 - 20 - 8);
        return LwaftrFrames.ipv4Frame(PEER_MAC, AFTR_MAC, LwaftrFrames.udp(HOST, 443, address(i), port(i), payload));
    }

    /** A {@value #FRAME_BYTES}-byte tunnel frame from softwire {@code i}'s lwB4 to the Internet. */
    static byte[] upstream(int i) {
        byte[] payload = LwaftrFrames.filler(FRAME_BYTES - 14 - 40 - 20 - 8);
        byte[] ip6 = LwaftrFrames.tunnel(lwb4(i), BR, LwaftrFrames.udp(address(i), port(i), HOST, 443, payload));
        return LwaftrFrames.frame(PEER_MAC, AFTR_MAC, 0, Ethernet.TYPE_IPV6, ip6);
    }
}
