package org.lwaftr.lab.p4rt;

import com.google.protobuf.ByteString;
import org.junit.Test;
import org.onosproject.net.pi.model.PiCounterId;
import org.onosproject.net.pi.model.PiMeterId;
import org.onosproject.net.pi.model.PiPacketMetadataId;
import org.onosproject.net.pi.model.PiPacketOperationType;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import org.onosproject.net.pi.runtime.PiMatchKey;
import org.onosproject.net.pi.runtime.PiMeterCellConfig;
import org.onosproject.net.pi.runtime.PiMeterCellId;
import org.onosproject.net.pi.runtime.PiOptionalFieldMatch;
import org.onosproject.net.pi.runtime.PiPacketMetadata;
import org.onosproject.net.pi.runtime.PiPacketOperation;
import org.onosproject.net.pi.runtime.PiTableEntry;
import p4.v1.P4RuntimeOuterClass.CounterData;
import p4.v1.P4RuntimeOuterClass.CounterEntry;
import p4.v1.P4RuntimeOuterClass.Entity;
import p4.v1.P4RuntimeOuterClass.Index;
import p4.v1.P4RuntimeOuterClass.PacketIn;
import p4.v1.P4RuntimeOuterClass.PacketMetadata;
import p4.v1.P4RuntimeOuterClass.PacketOut;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.lwaftr.lab.p4rt.PiFixtures.ACL;
import static org.lwaftr.lab.p4rt.PiFixtures.PROTO;
import static org.lwaftr.lab.p4rt.PiFixtures.bytes;
import static org.lwaftr.lab.p4rt.PiFixtures.drop;

public class PiCellAndPacketCodecTest {
    private static final PiCounterId STATS = PiCounterId.of("Ing.softwire_stats");
    private static final PiMeterId PUNT = PiMeterId.of("Ing.punt_meter");

    private final P4InfoIndex p4Info = TestP4Info.load();
    private final PiEncoder encoder = new PiEncoder(p4Info);
    private final PiDecoder decoder = new PiDecoder(p4Info);

    @Test
    public void indexedCounterCellReadAndReply() {
        Entity e = encoder.counterCellRead(PiCounterCellId.ofIndirect(STATS, 17));
        assertEquals(302055013, e.getCounterEntry().getCounterId());
        assertEquals(17, e.getCounterEntry().getIndex().getIndex());
        CounterEntry reply = e.getCounterEntry().toBuilder()
                .setData(CounterData.newBuilder().setPacketCount(3).setByteCount(300)).build();
        PiCounterCell cell = decoder.counterCell(reply);
        assertEquals(PiCounterCellId.ofIndirect(STATS, 17), cell.cellId());
        assertEquals(3, cell.data().packets());
        assertEquals(300, cell.data().bytes());
    }

    @Test
    public void counterIndexOutsideArrayIsRejected() {
        try {
            encoder.counterCellRead(PiCounterCellId.ofIndirect(STATS, 2048));
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("Ing.softwire_stats(id 302055013): index 2048 outside 0..2047"));
        }
    }

    @Test
    public void wholeCounterReadHasNoIndex() {
        Entity e = encoder.counterRead(STATS);
        assertFalse(e.getCounterEntry().hasIndex());
        try {
            encoder.counterRead(PiCounterId.of("Ing.acl_hits"));
            fail();
        } catch (IllegalArgumentException ex) {
            assertTrue(ex.getMessage(), ex.getMessage().contains("is direct"));
        }
    }

    @Test
    public void directCounterReadCarriesTheEntryKey() {
        PiTableEntry entry = PiTableEntry.builder().forTable(ACL).withMatchKey(PiMatchKey.builder()
                .addFieldMatch(new PiOptionalFieldMatch(PROTO, bytes(6))).build()).withAction(drop())
                .withPriority(3).build();
        Entity e = encoder.counterCellRead(PiCounterCellId.ofDirect(entry));
        assertEquals(33554435, e.getDirectCounterEntry().getTableEntry().getTableId());
        assertEquals(3, e.getDirectCounterEntry().getTableEntry().getPriority());
        assertFalse(e.getDirectCounterEntry().getTableEntry().hasAction());
    }

    @Test
    public void meterConfigAndResetRoundTrip() {
        PiMeterCellId cell = PiMeterCellId.ofIndirect(PUNT, 2);
        PiMeterCellConfig config = PiMeterCellConfig.builder().withMeterCellId(cell)
                .withCommittedBand(100, 10).withPeakBand(200, 20).build();
        Entity e = encoder.meterEntity(config);
        assertEquals(100, e.getMeterEntry().getConfig().getCir());
        assertEquals(20, e.getMeterEntry().getConfig().getPburst());
        assertEquals(config, decoder.meterCellConfig(e.getMeterEntry()));
        Entity reset = encoder.meterEntity(PiMeterCellConfig.reset(cell));
        assertFalse(reset.getMeterEntry().hasConfig());
        assertTrue(decoder.meterCellConfig(reset.getMeterEntry()).isDefaultConfig());
    }

    @Test
    public void meterWithOneBandIsRejected() {
        PiMeterCellConfig config = PiMeterCellConfig.builder().withMeterCellId(PiMeterCellId.ofIndirect(PUNT, 0))
                .withCommittedBand(100, 10).build();
        try {
            encoder.meterEntity(config);
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("meter Ing.punt_meter: a configuration needs both"));
        }
    }

    @Test
    public void packetOutCarriesMetadataIdsAndCanonicalValues() {
        PiPacketOperation op = PiPacketOperation.builder().withType(PiPacketOperationType.PACKET_OUT)
                .withData(bytes(1, 2, 3))
                .withMetadata(PiPacketMetadata.builder().withId(PiPacketMetadataId.of("egress_port"))
                        .withValue(bytes(0, 2)).build()).build();
        PacketOut out = encoder.packetOut(op);
        assertEquals(ByteString.copyFrom(new byte[]{1, 2, 3}), out.getPayload());
        assertEquals(1, out.getMetadata(0).getMetadataId());
        assertEquals(ByteString.copyFrom(new byte[]{2}), out.getMetadata(0).getValue());
    }

    @Test
    public void packetOutMetadataTooWideIsRejected() {
        PiPacketOperation op = PiPacketOperation.builder().withType(PiPacketOperationType.PACKET_OUT)
                .withData(bytes(1)).withMetadata(PiPacketMetadata.builder()
                        .withId(PiPacketMetadataId.of("egress_port")).withValue(bytes(2, 0)).build()).build();
        try {
            encoder.packetOut(op);
            fail();
        } catch (IllegalArgumentException e) {
            assertEquals("packet_out metadata egress_port: value 0x0200 does not fit in 9 bits", e.getMessage());
        }
    }

    @Test
    public void packetInDecodesMetadataToFieldWidth() {
        PacketIn in = PacketIn.newBuilder().setPayload(ByteString.copyFrom(new byte[]{9, 8}))
                .addMetadata(PacketMetadata.newBuilder().setMetadataId(1).setValue(ByteString.copyFrom(new byte[]{1})))
                .addMetadata(PacketMetadata.newBuilder().setMetadataId(2).setValue(ByteString.copyFrom(new byte[]{4})))
                .build();
        PiPacketOperation op = decoder.packetIn(in);
        assertEquals(PiPacketOperationType.PACKET_IN, op.type());
        assertEquals(bytes(9, 8), op.data());
        PiPacketMetadata port = op.metadatas().stream()
                .filter(m -> m.id().equals(PiPacketMetadataId.of("ingress_port"))).findFirst().orElseThrow();
        assertEquals(bytes(0, 1), port.value());
    }

    @Test
    public void indexMessageIsP4RuntimeIndex() {
        // Guard against proto drift: the Index wrapper is what PI expects for indexed cells.
        assertEquals(5, Index.newBuilder().setIndex(5).build().getIndex());
    }
}
