package org.lwaftr.tests.dataplane;

import org.lwaftr.tests.bmv2.Bmv2Switch;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.rules.TestRule;
import org.lwaftr.lab.p4rt.PiDevice;
import org.lwaftr.lab.p4rt.PiWriteBatch;
import org.lwaftr.pipeconf.PacketInMetadata;
import org.lwaftr.pipeconf.gen.Direction;
import org.lwaftr.pipeconf.gen.DropReason;
import org.lwaftr.pipeconf.gen.LwaftrP4;
import org.lwaftr.pipeconf.gen.PuntReason;
import org.lwaftr.tests.bmv2.AftrSettings;
import org.lwaftr.tests.bmv2.Bmv2Fixture;
import org.lwaftr.tests.bmv2.FrameIo;
import org.lwaftr.tests.bmv2.LwaftrPipeline;
import org.lwaftr.tests.bmv2.LwaftrTestEntries;
import org.onlab.packet.DeserializationException;
import org.onlab.packet.Ethernet;
import org.onosproject.net.pi.model.PiCounterId;
import org.onosproject.net.pi.model.PiPipelineInterpreter.PiInterpreterException;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiCounterCellData;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import org.onosproject.net.pi.runtime.PiPacketOperation;
import org.onosproject.net.pi.runtime.PiTableEntry;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

/**
 * One bmv2 switch per test class running the committed lwAFTR pipeline; before each test the
 * pipeline is reloaded (empty tables, zero counters) and {@link Net}'s entries and settings are
 * written. Assertions are exact: frames byte for byte, packet-ins with reason, port and payload,
 * counters cell by cell; after each test nothing else may come out.
 */
public abstract class LwaftrTestBase {
    static final long WAIT_MS = 3000;
    static final long QUIET_MS = 150;

    static Bmv2Fixture bmv2;
    static PiDevice device;

    @Rule
    public TestRule log = bmv2 == null ? (base, d) -> base : bmv2.logOnFailure();

    @Rule
    public final TestRule needsBmv2 = Bmv2Switch.required();

    @BeforeClass
    public static void startSwitch() {
        bmv2 = Bmv2Fixture.start(LwaftrPipeline.pipeline(), Net.PORTS);
        if (bmv2 != null) {
            device = bmv2.device();
        }
    }

    @AfterClass
    public static void stopSwitch() {
        Bmv2Fixture.stop(bmv2);
        bmv2 = null;
    }

    @Before
    public void installNet() {
        bmv2.reset();
        PiWriteBatch batch = device.batch();
        Net.entries().forEach(batch::insert);
        device.write(batch.modify(LwaftrTestEntries.config(Net.SETTINGS)));
    }

    @After
    public void nothingElseCameOut() {
        assertQuiet(50);
    }

    // ---- configuration

    /** Replaces the lwAFTR settings. */
    static void configure(AftrSettings s) {
        device.write(device.batch().modify(LwaftrTestEntries.config(s)));
    }

    static void insert(PiTableEntry... entries) {
        PiWriteBatch b = device.batch();
        for (PiTableEntry e : entries) {
            b.insert(e);
        }
        device.write(b);
    }

    static void modify(PiTableEntry... entries) {
        PiWriteBatch b = device.batch();
        for (PiTableEntry e : entries) {
            b.modify(e);
        }
        device.write(b);
    }

    // ---- frames

    static void send(int port, byte[] frame) {
        bmv2.io().send(port, frame);
    }

    /** The next frame out of {@code port} must be {@code expected}, byte for byte; returns it. */
    static byte[] expectOut(int port, byte[] expected) {
        byte[] got = bmv2.io().expectBytes(port, WAIT_MS);
        assertFrame("port " + port, expected, got);
        return got;
    }

    /**
     * The next packet-in must carry {@code reason}, {@code ingressPort} and the frame as sent.
     */
    static void expectPunt(PuntReason reason, int ingressPort, byte[] frame) {
        PiPacketOperation in = bmv2.expectPacketIn(WAIT_MS);
        PacketInMetadata md;
        try {
            md = PacketInMetadata.of(in);
        } catch (PiInterpreterException e) {
            throw new AssertionError("bad packet-in " + in + ": " + e.getMessage(), e);
        }
        assertEquals("punt reason of " + md, reason, md.reason().orElse(null));
        assertEquals("ingress port of " + md, ingressPort, md.ingressPort());
        assertFrame("packet-in payload", frame, in.data().asArray());
    }

    /**
     * Waits until drop_stats[{@code reason}] reaches {@code packets}, then asserts that nothing came
     * out and no other drop reason was counted.
     */
    static void expectDrops(DropReason reason, long packets) {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (drops(reason).packets() < packets && System.currentTimeMillis() < deadline) {
            sleep(10);
        }
        assertQuiet(QUIET_MS);
        Map<Integer, Long> want = new TreeMap<>();
        want.put(reason.code(), packets);
        assertEquals("drop_stats by reason code", want, nonZero(LwaftrP4.COUNTER_DROP_STATS));
    }

    /** One drop with {@code reason}, nothing else. */
    static void expectDrop(DropReason reason) {
        expectDrops(reason, 1);
    }

    /** Nothing out of any port and no packet-in within {@code windowMillis}. */
    static void assertQuiet(long windowMillis) {
        sleep(windowMillis);
        for (int p = 1; p <= Net.PORTS; p++) {
            bmv2.io().expectNoFrame(p, 0);
        }
        bmv2.expectNoPacketIn(0);
    }

    // ---- counters

    static PiCounterCellData softwireStats(Softwire s, Direction d) {
        return device.readCounter(PiCounterCellId.ofIndirect(LwaftrP4.COUNTER_SOFTWIRE_STATS, s.cell(d)));
    }

    static PiCounterCellData punts(PuntReason r) {
        return device.readCounter(PiCounterCellId.ofIndirect(LwaftrP4.COUNTER_PUNT_STATS, r.code()));
    }

    static PiCounterCellData drops(DropReason r) {
        return device.readCounter(PiCounterCellId.ofIndirect(LwaftrP4.COUNTER_DROP_STATS, r.code()));
    }

    /** Packets per index of the non-zero cells of a reason counter. */
    static Map<Integer, Long> nonZero(PiCounterId counter) {
        Map<Integer, Long> out = new TreeMap<>();
        for (PiCounterCell c : device.readCounter(counter)) {
            if (c.data().packets() != 0) {
                out.put((int) c.cellId().index(), c.data().packets());
            }
        }
        return out;
    }

    /** Asserts softwire_stats of {@code s} in {@code d}: {@code packets} packets of {@code bytes} bytes. */
    static void assertSoftwireStats(Softwire s, Direction d, long packets, long bytes) {
        assertEquals("softwire_stats[" + s.cell(d) + "] (" + s + ", " + d + ")", new PiCounterCellData(packets, bytes),
                softwireStats(s, d));
    }

    /** Asserts punt_stats[r] = one punt of {@code frame}, and no other punt reason counted. */
    static void assertPuntCounted(PuntReason r, byte[] frame) {
        assertEquals("punt_stats[" + r + "]", new PiCounterCellData(1, frame.length), punts(r));
        assertEquals("punt_stats by reason code", Map.of(r.code(), 1L), nonZero(LwaftrP4.COUNTER_PUNT_STATS));
    }

    // ---- helpers

    static void assertFrame(String what, byte[] expected, byte[] actual) {
        if (Arrays.equals(expected, actual)) {
            return;
        }
        int at = 0;
        while (at < Math.min(expected.length, actual.length) && expected[at] == actual[at]) {
            at++;
        }
        fail(what + ": frames differ at byte " + at + " (lengths " + expected.length + ", " + actual.length + ")"
                + "\n expected " + describe(expected) + "\n   " + FrameIo.hex(expected)
                + "\n actual   " + describe(actual) + "\n   " + FrameIo.hex(actual));
    }

    private static String describe(byte[] frame) {
        try {
            return Ethernet.deserializer().deserialize(frame, 0, frame.length).toString();
        } catch (DeserializationException | RuntimeException e) {
            return "(unparseable)";
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
