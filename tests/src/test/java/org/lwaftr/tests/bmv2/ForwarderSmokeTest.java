package org.lwaftr.tests.bmv2;

import io.grpc.Status;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestRule;
import org.lwaftr.lab.p4rt.P4RuntimeClient;
import org.lwaftr.lab.p4rt.P4RuntimeWriteException;
import org.lwaftr.lab.p4rt.PiDevice;
import org.onlab.packet.Ethernet;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiCounterCellData;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import org.onosproject.net.pi.runtime.PiPacketMetadata;
import org.onosproject.net.pi.runtime.PiPacketOperation;
import org.onosproject.net.pi.runtime.PiTableEntry;

import java.util.List;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The whole harness on real bmv2: the trivial forwarder loaded over P4Runtime, entries written
 * as PI objects, frames through veths, packet-in/out, counters, the switch's own errors.
 */
public class ForwarderSmokeTest {
    private static final long WAIT_MS = 5000;
    private static final long QUIET_MS = 500;

    private static Bmv2Fixture bmv2;
    private static Bmv2Switch sw;
    private static FrameIo io;
    private static PiDevice device;

    @Rule
    public TestRule log = bmv2 == null ? (base, d) -> base : bmv2.logOnFailure();

    @Rule
    public final TestRule needsBmv2 = Bmv2Switch.required();

    @BeforeClass
    public static void startSwitch() {
        bmv2 = Bmv2Fixture.start(Forwarder.pipeline(), 2);
        if (bmv2 == null) {
            return;
        }
        sw = bmv2.sw();
        io = bmv2.io();
        device = bmv2.device();
    }

    @AfterClass
    public static void stopSwitch() {
        Bmv2Fixture.stop(bmv2);
    }

    @Before
    public void freshPipeline() {
        bmv2.reset();
    }

    private static Ethernet udpFrame(int payloadByte) {
        return TestFrames.udp4(new byte[]{(byte) payloadByte, 2, 3, 4});
    }

    @Test
    public void forwardsByIngressPortAndDropsByDefault() {
        device.write(device.batch().insert(Forwarder.forward(1, 2)));
        Ethernet frame = udpFrame(1);
        io.send(1, frame);
        io.expectFrame(2, frame, WAIT_MS);
        io.send(2, udpFrame(2)); // no entry for port 2: the default action drops
        io.expectNoFrame(1, QUIET_MS);
        io.expectNoFrame(2, QUIET_MS);
    }

    @Test
    public void entriesReadBackAsWritten() {
        device.write(device.batch().insert(Forwarder.forward(1, 2)).insert(Forwarder.punt(2)));
        assertEquals(List.of(Forwarder.forward(1, 2), Forwarder.punt(2)).size(),
                device.readTable(Forwarder.PORT_FWD).size());
        assertTrue(device.readTable(Forwarder.PORT_FWD).contains(Forwarder.forward(1, 2)));
        assertTrue(device.readTable(Forwarder.PORT_FWD).contains(Forwarder.punt(2)));
    }

    @Test
    public void packetInAndPacketOutRoundTrip() throws Exception {
        device.write(device.batch().insert(Forwarder.punt(1)));
        Ethernet frame = udpFrame(3);
        io.send(1, frame);
        PiPacketOperation in = bmv2.expectPacketIn(WAIT_MS);
        assertArrayEquals(frame.serialize(), in.data().asArray());
        PiPacketMetadata port = in.metadatas().stream()
                .filter(m -> m.id().equals(Forwarder.PACKET_IN_INGRESS_PORT)).findFirst().orElseThrow();
        assertEquals(Forwarder.port(1), port.value());

        device.packetOut(Forwarder.packetOut(2, in.data().asArray()));
        io.expectFrame(2, frame, WAIT_MS);
        io.expectNoFrame(1, QUIET_MS);
    }

    @Test
    public void indexedCounterCountsFramesPerIngressPort() {
        device.write(device.batch().insert(Forwarder.forward(1, 2)));
        Ethernet frame = udpFrame(4);
        int n = 5;
        for (int i = 0; i < n; i++) {
            io.send(1, frame);
        }
        for (int i = 0; i < n; i++) {
            io.expectFrame(2, frame, WAIT_MS);
        }
        PiCounterCellData port1 = device.readCounter(PiCounterCellId.ofIndirect(Forwarder.RX_PORT_COUNTER, 1));
        assertEquals(n, port1.packets());
        assertEquals((long) n * frame.serialize().length, port1.bytes());
        assertEquals(0, device.readCounter(PiCounterCellId.ofIndirect(Forwarder.RX_PORT_COUNTER, 2)).packets());
    }

    @Test
    public void switchErrorsArriveAsPerUpdateErrors() {
        device.write(device.batch().insert(Forwarder.forward(1, 2)));
        try {
            device.write(device.batch().insert(Forwarder.forward(2, 1)).insert(Forwarder.forward(1, 2)));
            fail("duplicate insert accepted");
        } catch (P4RuntimeWriteException e) {
            assertEquals(1, e.errors().size());
            assertEquals(1, e.errors().get(0).index());
            assertEquals(Status.Code.ALREADY_EXISTS, e.errors().get(0).code());
        }
        // CONTINUE_ON_ERROR: the good update of the batch was applied.
        assertEquals(2, device.readTable(Forwarder.PORT_FWD).size());
    }

    @Test
    public void tooWidePortIsRejectedBeforeAnythingIsSent() {
        try {
            device.batch().insert(Forwarder.forward(1, 2)).insert(Forwarder.forward(2, 512));
            fail("512 accepted for a 9-bit port");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("parameter port: value 0x0200 does not fit in 9 bits"));
        }
        assertEquals(0, device.readTable(Forwarder.PORT_FWD).size());
    }

    @Test
    public void defaultEntryIsModifiedNotInserted() throws Exception {
        // An empty match key is the table's default entry (P4Runtime is_default_action).
        PiTableEntry puntByDefault = PiTableEntry.builder().forTable(Forwarder.PORT_FWD)
                .withAction(PiAction.builder().withId(Forwarder.PUNT).build()).build();
        device.write(device.batch().modify(puntByDefault));
        Ethernet frame = udpFrame(5);
        io.send(2, frame);
        PiPacketOperation in = bmv2.expectPacketIn(WAIT_MS);
        assertArrayEquals(frame.serialize(), in.data().asArray());
    }

    @Test
    public void aSecondClientWithLowerElectionIdIsNotPrimary() {
        // P4Runtime §5.4: our client (election id 10) stays primary; a lower id becomes a backup.
        try (P4RuntimeClient other = P4RuntimeClient.connect("127.0.0.1", sw.grpcPort(), Bmv2Switch.DEVICE_ID, 5)) {
            assertFalse(other.arbitration().toString(), other.isPrimary());
            assertEquals(Status.Code.ALREADY_EXISTS, other.arbitration().code());
        }
        assertTrue(device.client().isPrimary());
        assertTrue(device.client().apiVersion().startsWith("1."));
    }
}
