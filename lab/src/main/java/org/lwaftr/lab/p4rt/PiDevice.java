package org.lwaftr.lab.p4rt;

import org.onosproject.net.pi.model.PiCounterId;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiCounterCellData;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import org.onosproject.net.pi.runtime.PiMeterCellConfig;
import org.onosproject.net.pi.runtime.PiMeterCellId;
import org.onosproject.net.pi.runtime.PiPacketOperation;
import org.onosproject.net.pi.runtime.PiTableEntry;
import p4.v1.P4RuntimeOuterClass.Entity;
import p4.v1.P4RuntimeOuterClass.PacketIn;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A P4Runtime device spoken to in ONOS PI objects: what the lwAFTR translator produces goes in,
 * PI objects come out. The lab controller's counterpart of ONOS's P4Runtime driver.
 */
public final class PiDevice implements AutoCloseable {
    private final P4RuntimeClient client;
    private final P4InfoIndex p4Info;
    private final PiEncoder encoder;
    private final PiDecoder decoder;

    /** Wraps a connected client; {@code p4Info} describes the pipeline the device runs or will run. */
    public PiDevice(P4RuntimeClient client, P4InfoIndex p4Info) {
        this.client = Objects.requireNonNull(client);
        this.p4Info = Objects.requireNonNull(p4Info);
        this.encoder = new PiEncoder(p4Info);
        this.decoder = new PiDecoder(p4Info);
    }

    /** The underlying client (stream events, reconnection). */
    public P4RuntimeClient client() {
        return client;
    }

    /** The P4Info index. */
    public P4InfoIndex p4Info() {
        return p4Info;
    }

    /** Installs the pipeline: this P4Info plus the target config (bmv2 JSON). */
    public void setPipeline(byte[] deviceConfig) {
        client.setPipelineConfig(p4Info.p4Info(), deviceConfig);
    }

    /** A new, empty write batch for this pipeline. */
    public PiWriteBatch batch() {
        return new PiWriteBatch(encoder);
    }

    /** Writes a batch; see {@link P4RuntimeClient#write}. */
    public void write(PiWriteBatch batch) {
        client.write(batch.updates());
    }

    /** Sends a batch without waiting; see {@link P4RuntimeClient#writeAsync}. */
    public PendingWrite writeAsync(PiWriteBatch batch) {
        return client.writeAsync(batch.updates());
    }

    /** Every entry of a table (the default entry is not included by P4Runtime wildcard reads). */
    public List<PiTableEntry> readTable(PiTableId table) {
        return client.read(List.of(encoder.tableRead(table))).stream()
                .map(e -> decoder.tableEntry(e.getTableEntry())).collect(Collectors.toList());
    }

    /** One counter cell's packets and bytes. */
    public PiCounterCellData readCounter(PiCounterCellId cell) {
        Entity e = readOne(encoder.counterCellRead(cell), cell);
        return e.hasCounterEntry() ? decoder.counterCell(e.getCounterEntry()).data()
                : decoder.counterCell(e.getDirectCounterEntry()).data();
    }

    /** Every cell of an indexed counter. */
    public List<PiCounterCell> readCounter(PiCounterId counter) {
        return client.read(List.of(encoder.counterRead(counter))).stream()
                .map(e -> decoder.counterCell(e.getCounterEntry())).collect(Collectors.toList());
    }

    /** One indexed meter cell's configuration. */
    public PiMeterCellConfig readMeter(PiMeterCellId cell) {
        return decoder.meterCellConfig(readOne(encoder.meterCellRead(cell), cell).getMeterEntry());
    }

    /** Sends a packet out through the pipeline's packet-out path. */
    public void packetOut(PiPacketOperation packet) {
        client.packetOut(encoder.packetOut(packet));
    }

    /** Delivers each packet-in, decoded, to {@code consumer} (on a gRPC thread). */
    public void onPacketIn(Consumer<PiPacketOperation> consumer) {
        client.addListener(new StreamListener() {
            @Override
            public void packetIn(PacketIn packet) {
                consumer.accept(decoder.packetIn(packet));
            }
        });
    }

    private Entity readOne(Entity request, Object what) {
        List<Entity> got = client.read(List.of(request));
        if (got.size() != 1) {
            throw new P4RuntimeException(io.grpc.Status.Code.INTERNAL, "read of " + what + " returned " + got.size()
                    + " entities", null);
        }
        return got.get(0);
    }

    /** Closes the client. */
    @Override
    public void close() {
        client.close();
    }
}
