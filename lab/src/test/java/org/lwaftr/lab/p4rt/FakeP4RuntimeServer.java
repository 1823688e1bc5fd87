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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal P4Runtime server on loopback for client tests: arbitration by highest election id,
 * Write that fails updates whose table id is {@link #BAD_TABLE} with per-update details, Read
 * answering what was written, packet-outs echoed back as packet-ins.
 */
final class FakeP4RuntimeServer implements AutoCloseable {
    static final int BAD_TABLE = 999;

    final List<SetForwardingPipelineConfigRequest> pipelines = new CopyOnWriteArrayList<>();
    final List<Entity> written = new CopyOnWriteArrayList<>();
    private final List<StreamObserver<StreamMessageResponse>> streams = new CopyOnWriteArrayList<>();
    private final Server server;
    private volatile long highestElection;

    FakeP4RuntimeServer() throws IOException {
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(new Service())
                .build().start();
    }

    int port() {
        return server.getPort();
    }

    /** Ends every open stream with UNAVAILABLE, as a crashing switch would. */
    void dropStreams() {
        streams.forEach(s -> s.onError(Status.UNAVAILABLE.withDescription("switch going away").asRuntimeException()));
        streams.clear();
        highestElection = 0;
    }

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
