package org.lwaftr.lab.p4rt;

import io.grpc.Status;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.onosproject.net.pi.model.PiPacketMetadataId;
import org.onosproject.net.pi.model.PiPacketOperationType;
import org.onosproject.net.pi.runtime.PiPacketMetadata;
import org.onosproject.net.pi.runtime.PiPacketOperation;
import org.onosproject.net.pi.runtime.PiTableEntry;
import p4.v1.P4RuntimeOuterClass.Entity;
import p4.v1.P4RuntimeOuterClass.TableEntry;
import p4.v1.P4RuntimeOuterClass.Update;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.lwaftr.lab.p4rt.PiFixtures.binding;
import static org.lwaftr.lab.p4rt.PiFixtures.bytes;
import static org.lwaftr.lab.p4rt.PiFixtures.drop;
import static org.lwaftr.lab.p4rt.PiFixtures.softwire;

/** The client against a fake P4Runtime server on loopback (real gRPC, real protos). */
public class P4RuntimeClientTest {
    private FakeP4RuntimeServer server;
    private P4RuntimeClient client;

    @Before
    public void setUp() throws Exception {
        server = new FakeP4RuntimeServer();
        client = P4RuntimeClient.connect("127.0.0.1", server.port(), 1, 10);
    }

    @After
    public void tearDown() {
        client.close();
        server.close();
    }

    @Test
    public void arbitrationMakesTheHighestElectionIdPrimary() {
        assertTrue(client.arbitration().isPrimary());
        assertTrue(client.isPrimary());
        try (P4RuntimeClient lower = P4RuntimeClient.connect("127.0.0.1", server.port(), 1, 5)) {
            assertFalse(lower.arbitration().isPrimary());
            assertEquals(Status.Code.ALREADY_EXISTS, lower.arbitration().code());
        }
        assertEquals("1.2.0-fake", client.apiVersion());
    }

    @Test
    public void pipelineConfigIsVerifyAndCommitWithP4InfoAndJson() {
        P4InfoIndex p4Info = TestP4Info.load();
        client.setPipelineConfig(p4Info.p4Info(), new byte[]{'{', '}'});
        assertEquals(1, server.pipelines.size());
        assertEquals("VERIFY_AND_COMMIT", server.pipelines.get(0).getAction().name());
        assertEquals(p4Info.p4Info(), server.pipelines.get(0).getConfig().getP4Info());
        assertEquals(10, server.pipelines.get(0).getElectionId().getLow());
    }

    @Test
    public void writeErrorsAreDecodedPerUpdate() {
        Update good = insertInto(1);
        Update bad = insertInto(FakeP4RuntimeServer.BAD_TABLE);
        try {
            client.write(List.of(good, bad, good));
            fail();
        } catch (P4RuntimeWriteException e) {
            assertEquals(3, e.batchSize());
            assertEquals(1, e.errors().size());
            UpdateError err = e.errors().get(0);
            assertEquals(1, err.index());
            assertEquals(Status.Code.INVALID_ARGUMENT, err.code());
            assertEquals("Invalid table id", err.message());
            assertEquals(bad, err.update());
            assertTrue(e.getMessage(), e.getMessage().contains("1 of 3 updates failed: update #1 (INSERT TABLE_ENTRY)"));
        }
    }

    private static Update insertInto(int tableId) {
        return Update.newBuilder().setType(Update.Type.INSERT).setEntity(Entity.newBuilder()
                .setTableEntry(TableEntry.newBuilder().setTableId(tableId))).build();
    }

    @Test
    public void anAsyncWriteReportsItsFailureWhenAwaited() {
        Update good = insertInto(1);
        Update bad = insertInto(FakeP4RuntimeServer.BAD_TABLE);
        PendingWrite ok = client.writeAsync(List.of(good));
        PendingWrite failing = client.writeAsync(List.of(bad, good));
        ok.await();
        try {
            failing.await();
            fail();
        } catch (P4RuntimeWriteException e) {
            assertEquals(2, e.batchSize());
            assertEquals(1, e.errors().size());
            assertEquals(0, e.errors().get(0).index());
            assertEquals(bad, e.errors().get(0).update());
        }
        assertEquals(2, server.written.size()); // both Writes reached the switch (their good updates)
    }

    @Test
    public void piDeviceWritesAndReadsBackEntries() {
        PiDevice device = new PiDevice(client, TestP4Info.load());
        PiTableEntry entry = binding(0x0a000001, 3, softwire(1, 0, 5));
        device.write(device.batch().insert(entry).insert(binding(0x0a000002, 0, drop())));
        List<PiTableEntry> back = device.readTable(entry.table());
        assertEquals(2, back.size());
        assertEquals(entry, back.get(0));
    }

    @Test
    public void packetOutAndPacketInAsPiOperations() throws Exception {
        PiDevice device = new PiDevice(client, TestP4Info.load());
        LinkedBlockingQueue<PiPacketOperation> got = new LinkedBlockingQueue<>();
        device.onPacketIn(got::add);
        device.packetOut(PiPacketOperation.builder().withType(PiPacketOperationType.PACKET_OUT)
                .withData(bytes(0xca, 0xfe)).withMetadata(PiPacketMetadata.builder()
                        .withId(PiPacketMetadataId.of("egress_port")).withValue(bytes(0, 7)).build()).build());
        PiPacketOperation in = got.poll(10, TimeUnit.SECONDS);
        assertNotNull("no packet-in", in);
        assertEquals(bytes(0xca, 0xfe), in.data());
        // The fake echoes packet_out metadata id 1 (egress_port); in packet_in, id 1 is ingress_port.
        assertEquals(bytes(0, 7), in.metadatas().iterator().next().value());
    }

    @Test
    public void streamLossIsReportedAndReconnectArbitratesAgain() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        client.addListener(new StreamListener() {
            @Override
            public void streamClosed(Throwable cause) {
                closed.countDown();
            }
        });
        server.dropStreams();
        assertTrue("stream close not reported", closed.await(10, TimeUnit.SECONDS));
        assertFalse(client.isStreamOpen());
        assertFalse(client.isPrimary());
        try {
            client.packetOut(p4.v1.P4RuntimeOuterClass.PacketOut.getDefaultInstance());
            fail();
        } catch (P4RuntimeException e) {
            assertEquals(Status.Code.UNAVAILABLE, e.code());
        }
        assertTrue(client.reconnect().isPrimary());
        assertTrue(client.isStreamOpen());
    }
}
