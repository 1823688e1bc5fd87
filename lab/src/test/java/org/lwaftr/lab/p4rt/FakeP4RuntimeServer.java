package org.lwaftr.lab.p4rt;

import com.google.protobuf.Any;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import p4.v1.P4RuntimeGrpc;
import p4.v1.P4RuntimeOuterClass.CapabilitiesRequest;
import p4.v1.P4RuntimeOuterClass.CapabilitiesResponse;
import p4.v1.P4RuntimeOuterClass.Entity;
import p4.v1.P4RuntimeOuterClass.MasterArbitrationUpdate;
import p4.v1.P4RuntimeOuterClass.PacketIn;
import p4.v1.P4RuntimeOuterClass.ReadRequest;
import p4.v1.P4RuntimeOuterClass.ReadResponse;
import p4.v1.P4RuntimeOuterClass.SetForwardingPipelineConfigRequest;
import p4.v1.P4RuntimeOuterClass.SetForwardingPipelineConfigResponse;
import p4.v1.P4RuntimeOuterClass.StreamMessageRequest;
import p4.v1.P4RuntimeOuterClass.StreamMessageResponse;
import p4.v1.P4RuntimeOuterClass.Update;
import p4.v1.P4RuntimeOuterClass.WriteRequest;
import p4.v1.P4RuntimeOuterClass.WriteResponse;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal P4Runtime server on loopback for client tests: arbitration by highest election id,
 * Write that fails updates whose table id is {@link #BAD_TABLE} with per-update details, Read
 * answering what was written, packet-outs echoed back as packet-ins.
 */
public final class FakeP4RuntimeServer implements AutoCloseable {
    static final int BAD_TABLE = 999;

    /** One Write as the server saw it. */
    public static final class WriteRecord {
        /** System.nanoTime() when it arrived and when it was answered. */
        public final long arrived;
        public final long answered;
        /** Number of DELETE updates, and of all updates. */
        public final int deletes;
        public final int updates;

        WriteRecord(long arrived, long answered, int deletes, int updates) {
            this.arrived = arrived;
            this.answered = answered;
            this.deletes = deletes;
            this.updates = updates;
        }
    }

    private final List<WriteRecord> writeLog = new CopyOnWriteArrayList<>();
    private final AtomicInteger writesInProgress = new AtomicInteger();
    private final AtomicInteger mostWritesInProgress = new AtomicInteger();
    private volatile long writeDelayMillis;

    final List<SetForwardingPipelineConfigRequest> pipelines = new CopyOnWriteArrayList<>();
    final List<Entity> written = new CopyOnWriteArrayList<>();
    private final List<StreamObserver<StreamMessageResponse>> streams = new CopyOnWriteArrayList<>();
    private final Server server;
    private volatile long highestElection;

    /** Starts on a free loopback port. */
    public FakeP4RuntimeServer() throws IOException {
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(new Service())
                .build().start();
    }

    /** The port it listens on. */
    public int port() {
        return server.getPort();
    }

    /** Each Write is answered this long after it arrived (so Writes sent without waiting overlap). */
    public void delayWrites(long millis) {
        writeDelayMillis = millis;
    }

    /** The Writes answered so far, by arrival. */
    public List<WriteRecord> writes() {
        List<WriteRecord> out = new ArrayList<>(writeLog);
        out.sort(Comparator.comparingLong(w -> w.arrived));
        return out;
    }

    /** The most Writes that were in progress at once. */
    public int mostWritesInProgress() {
        return mostWritesInProgress.get();
    }

    /** Ends every open stream with UNAVAILABLE, as a crashing switch would. */
    void dropStreams() {
        streams.forEach(s -> s.onError(Status.UNAVAILABLE.withDescription("switch going away").asRuntimeException()));
        streams.clear();
        highestElection = 0;
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.shutdownNow();
    }

    private final class Service extends P4RuntimeGrpc.P4RuntimeImplBase {
        @Override
        public StreamObserver<StreamMessageRequest> streamChannel(StreamObserver<StreamMessageResponse> out) {
            streams.add(out);
            return new StreamObserver<>() {
                @Override
                public void onNext(StreamMessageRequest req) {
                    if (req.hasArbitration()) {
                        long id = req.getArbitration().getElectionId().getLow();
                        boolean primary = id >= highestElection;
                        highestElection = Math.max(highestElection, id);
                        Status status = primary ? Status.OK : Status.ALREADY_EXISTS;
                        synchronized (out) {
                            out.onNext(StreamMessageResponse.newBuilder().setArbitration(
                                    MasterArbitrationUpdate.newBuilder().mergeFrom(req.getArbitration())
                                            .setStatus(com.google.rpc.Status.newBuilder()
                                                    .setCode(status.getCode().value()))).build());
                        }
                    } else if (req.hasPacket()) {
                        synchronized (out) {
                            out.onNext(StreamMessageResponse.newBuilder().setPacket(PacketIn.newBuilder()
                                    .setPayload(req.getPacket().getPayload())
                                    .addAllMetadata(req.getPacket().getMetadataList())).build());
                        }
                    }
                }

                @Override
                public void onError(Throwable t) {
                    streams.remove(out);
                }

                @Override
                public void onCompleted() {
                    streams.remove(out);
                    out.onCompleted();
                }
            };
        }

        @Override
        public void write(WriteRequest req, StreamObserver<WriteResponse> out) {
            long arrived = System.nanoTime();
            mostWritesInProgress.accumulateAndGet(writesInProgress.incrementAndGet(), Math::max);
            try {
                Thread.sleep(writeDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int deletes = (int) req.getUpdatesList().stream().filter(u -> u.getType() == Update.Type.DELETE).count();
            writesInProgress.decrementAndGet();
            writeLog.add(new WriteRecord(arrived, System.nanoTime(), deletes, req.getUpdatesCount()));
            com.google.rpc.Status.Builder details = com.google.rpc.Status.newBuilder()
                    .setCode(Status.Code.UNKNOWN.value()).setMessage("Write failure");
            boolean failed = false;
            for (Update u : req.getUpdatesList()) {
                boolean bad = u.getEntity().getTableEntry().getTableId() == BAD_TABLE;
                failed |= bad;
                if (!bad) {
                    written.add(u.getEntity());
                }
                details.addDetails(Any.pack(p4.v1.P4RuntimeOuterClass.Error.newBuilder()
                        .setCanonicalCode((bad ? Status.Code.INVALID_ARGUMENT : Status.Code.OK).value())
                        .setMessage(bad ? "Invalid table id" : "").build()));
            }
            if (failed) {
                out.onError(StatusProto.toStatusRuntimeException(details.build()));
            } else {
                out.onNext(WriteResponse.getDefaultInstance());
                out.onCompleted();
            }
        }

        @Override
        public void read(ReadRequest req, StreamObserver<ReadResponse> out) {
            out.onNext(ReadResponse.newBuilder().addAllEntities(written).build());
            out.onCompleted();
        }

        @Override
        public void setForwardingPipelineConfig(SetForwardingPipelineConfigRequest req,
                                                StreamObserver<SetForwardingPipelineConfigResponse> out) {
            pipelines.add(req);
            out.onNext(SetForwardingPipelineConfigResponse.getDefaultInstance());
            out.onCompleted();
        }

        @Override
        public void capabilities(CapabilitiesRequest req, StreamObserver<CapabilitiesResponse> out) {
            out.onNext(CapabilitiesResponse.newBuilder().setP4RuntimeApiVersion("1.2.0-fake").build());
            out.onCompleted();
        }
    }
}
