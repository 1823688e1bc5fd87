package org.lwaftr.lab.p4rt;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import p4.config.v1.P4InfoOuterClass.P4Info;
import p4.v1.P4RuntimeGrpc;
import p4.v1.P4RuntimeOuterClass.CapabilitiesRequest;
import p4.v1.P4RuntimeOuterClass.Entity;
import p4.v1.P4RuntimeOuterClass.ForwardingPipelineConfig;
import p4.v1.P4RuntimeOuterClass.GetForwardingPipelineConfigRequest;
import p4.v1.P4RuntimeOuterClass.PacketOut;
import p4.v1.P4RuntimeOuterClass.ReadRequest;
import p4.v1.P4RuntimeOuterClass.ReadResponse;
import p4.v1.P4RuntimeOuterClass.SetForwardingPipelineConfigRequest;
import p4.v1.P4RuntimeOuterClass.Uint128;
import p4.v1.P4RuntimeOuterClass.Update;
import p4.v1.P4RuntimeOuterClass.WriteRequest;
import p4.v1.P4RuntimeOuterClass.WriteResponse;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A P4Runtime client for one device: one gRPC channel, one StreamChannel (arbitration, packet I/O)
 * and the unary RPCs (pipeline config, Write, Read). Thread-safe. Not tied to ONOS.
 */
public final class P4RuntimeClient implements AutoCloseable {
    private static final int MAX_MESSAGE_BYTES = 256 * 1024 * 1024;

    private final String target;
    private final long deviceId;
    private final Uint128 electionId;
    private final ManagedChannel channel;
    private final P4RuntimeGrpc.P4RuntimeStub asyncStub;
    private final P4RuntimeGrpc.P4RuntimeBlockingStub stub;
    private final P4RuntimeGrpc.P4RuntimeFutureStub futureStub;
    private final CopyOnWriteArrayList<StreamListener> listeners = new CopyOnWriteArrayList<>();
    private volatile long rpcTimeoutMillis = 60_000;
    private volatile long arbitrationTimeoutMillis = 10_000;
    private volatile P4RuntimeStream stream;
    private volatile ArbitrationResult lastArbitration;

    private P4RuntimeClient(String host, int port, long deviceId, long electionId) {
        this.target = host + ":" + port;
        this.deviceId = deviceId;
        this.electionId = Uint128.newBuilder().setHigh(0).setLow(electionId).build();
        this.channel = ManagedChannelBuilder.forAddress(host, port).usePlaintext()
                .maxInboundMessageSize(MAX_MESSAGE_BYTES).build();
        this.asyncStub = P4RuntimeGrpc.newStub(channel);
        this.stub = P4RuntimeGrpc.newBlockingStub(channel);
        this.futureStub = P4RuntimeGrpc.newFutureStub(channel);
    }

    /**
     * Opens a channel and a stream to {@code host:port} and arbitrates for {@code deviceId}.
     * Check {@link ArbitrationResult#isPrimary()} via {@link #arbitration()}: only the primary
     * may write.
     *
     * @param electionId our election id (higher wins); must be non-zero
     */
    public static P4RuntimeClient connect(String host, int port, long deviceId, long electionId) {
        if (electionId == 0) {
            throw new IllegalArgumentException("electionId must be non-zero (P4Runtime §5.3)");
        }
        P4RuntimeClient client = new P4RuntimeClient(host, port, deviceId, electionId);
        try {
            client.reconnect();
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        return client;
    }

    /**
     * Opens a new StreamChannel (closing the old one) and arbitrates again. Use after
     * {@link StreamListener#streamClosed} or a switch restart.
     */
    public synchronized ArbitrationResult reconnect() {
        P4RuntimeStream old = stream;
        if (old != null) {
            old.close();
        }
        P4RuntimeStream s = new P4RuntimeStream(asyncStub, deviceId, electionId, listeners);
        stream = s;
        try {
            lastArbitration = s.arbitrate(arbitrationTimeoutMillis);
        } catch (P4RuntimeException e) {
            ConnectivityState state = channel.getState(false);
            if (e.code() == Status.Code.DEADLINE_EXCEEDED && state != ConnectivityState.READY) {
                // the stream waits for a connection: nothing answers there, not a slow arbitration
                throw new P4RuntimeException(Status.Code.UNAVAILABLE, "cannot connect to " + target + " (channel "
                        + state + "): " + e.getMessage(), e);
            }
            throw e;
        }
        return lastArbitration;
    }

    /**
     * Lets the channel try to connect now instead of after its back-off (gRPC waits up to minutes
     * between attempts once a server has gone away; a restarted switch is back in seconds).
     */
    public void resetConnectBackoff() {
        channel.resetConnectBackoff();
    }

    /** The result of the last arbitration. */
    public ArbitrationResult arbitration() {
        return lastArbitration;
    }

    /** True while the stream is open and the switch last said we are primary. */
    public boolean isPrimary() {
        P4RuntimeStream s = stream;
        return s != null && s.isPrimary();
    }

    /** True while the StreamChannel is open. */
    public boolean isStreamOpen() {
        P4RuntimeStream s = stream;
        return s != null && !s.isClosed();
    }

    /** Adds a listener for packet-ins and stream events. */
    public void addListener(StreamListener listener) {
        listeners.add(listener);
    }

    /** Removes a listener. */
    public void removeListener(StreamListener listener) {
        listeners.remove(listener);
    }

    /** Deadline of unary calls (default 60 s). */
    public void setRpcTimeout(long millis) {
        this.rpcTimeoutMillis = millis;
    }

    /** The P4Runtime API version the switch implements (Capabilities RPC). */
    public String apiVersion() {
        try {
            return stub().capabilities(CapabilitiesRequest.getDefaultInstance()).getP4RuntimeApiVersion();
        } catch (StatusRuntimeException e) {
            throw failure("Capabilities", e);
        }
    }

    /** Installs a pipeline: P4Info plus the target's config (bmv2: the JSON), VERIFY_AND_COMMIT. */
    public void setPipelineConfig(P4Info p4Info, byte[] deviceConfig) {
        SetForwardingPipelineConfigRequest req = SetForwardingPipelineConfigRequest.newBuilder()
                .setDeviceId(deviceId).setElectionId(electionId)
                .setAction(SetForwardingPipelineConfigRequest.Action.VERIFY_AND_COMMIT)
                .setConfig(ForwardingPipelineConfig.newBuilder().setP4Info(p4Info)
                        .setP4DeviceConfig(ByteString.copyFrom(deviceConfig)))
                .build();
        try {
            stub().setForwardingPipelineConfig(req);
        } catch (StatusRuntimeException e) {
            throw failure("SetForwardingPipelineConfig", e);
        }
    }

    /**
     * True if the switch runs a pipeline (GetForwardingPipelineConfig returns a P4Info with
     * tables). A restarted {@code simple_switch_grpc --no-p4} has none.
     */
    public boolean hasPipeline() {
        GetForwardingPipelineConfigRequest req = GetForwardingPipelineConfigRequest.newBuilder()
                .setDeviceId(deviceId)
                .setResponseType(GetForwardingPipelineConfigRequest.ResponseType.P4INFO_AND_COOKIE).build();
        try {
            return stub().getForwardingPipelineConfig(req).getConfig().getP4Info().getTablesCount() > 0;
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.FAILED_PRECONDITION
                    || e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return false;
            }
            throw failure("GetForwardingPipelineConfig", e);
        }
    }

    /**
     * Sends a batch of updates in one Write.
     *
     * @throws P4RuntimeWriteException listing each failed update and the switch's reason
     */
    public void write(List<Update> updates) {
        if (updates.isEmpty()) {
            return;
        }
        try {
            stub().write(writeRequest(updates));
        } catch (StatusRuntimeException e) {
            throw writeFailure(e, updates);
        }
    }

    /**
     * Sends a batch of updates in one Write and returns at once, so the caller prepares the next
     * while the switch applies this one, without a thread hand-off per Write. Writes in flight
     * together may be applied in any order: a caller that needs order awaits each before
     * sending the next.
     *
     * @return the Write in flight; {@link PendingWrite#await} reports its failure
     */
    public PendingWrite writeAsync(List<Update> updates) {
        if (updates.isEmpty()) {
            return PendingWrite.DONE;
        }
        ListenableFuture<WriteResponse> f = futureStub.withDeadlineAfter(rpcTimeoutMillis, TimeUnit.MILLISECONDS)
                .write(writeRequest(updates));
        return () -> {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof StatusRuntimeException
                        ? writeFailure((StatusRuntimeException) e.getCause(), updates)
                        : new P4RuntimeException(Status.Code.UNKNOWN, "Write to " + target + " device " + deviceId
                        + " failed: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                f.cancel(false);
                throw new P4RuntimeException(Status.Code.CANCELLED, "interrupted while writing to " + target, e);
            }
        };
    }

    private WriteRequest writeRequest(List<Update> updates) {
        return WriteRequest.newBuilder().setDeviceId(deviceId).setElectionId(electionId)
                .addAllUpdates(updates).build();
    }

    private P4RuntimeWriteException writeFailure(StatusRuntimeException e, List<Update> updates) {
        List<UpdateError> errors = updateErrors(e, updates);
        String detail = errors.isEmpty() ? e.getStatus().toString()
                : errors.size() + " of " + updates.size() + " updates failed: "
                + errors.stream().limit(5).map(UpdateError::toString).collect(Collectors.joining("; "))
                + (errors.size() > 5 ? "; ..." : "");
        return new P4RuntimeWriteException(e.getStatus().getCode(), "Write to " + target + " device " + deviceId
                + ": " + detail, errors, updates.size(), e);
    }

    /** Reads entities (each may be a wildcard, e.g. a table id without match) and returns all answers. */
    public List<Entity> read(List<Entity> entities) {
        ReadRequest req = ReadRequest.newBuilder().setDeviceId(deviceId).addAllEntities(entities).build();
        List<Entity> out = new ArrayList<>();
        try {
            Iterator<ReadResponse> it = stub().read(req);
            it.forEachRemaining(r -> out.addAll(r.getEntitiesList()));
        } catch (StatusRuntimeException e) {
            throw failure("Read", e);
        }
        return out;
    }

    /** Sends a packet-out on the stream. */
    public void packetOut(PacketOut packet) {
        P4RuntimeStream s = stream;
        if (s == null) {
            throw new P4RuntimeException(Status.Code.UNAVAILABLE, "no stream to " + target, null);
        }
        s.packetOut(packet);
    }

    /** Closes the stream and the channel. */
    @Override
    public void close() {
        P4RuntimeStream s = stream;
        if (s != null) {
            s.close();
        }
        channel.shutdown();
        try {
            if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
                channel.shutdownNow();
            }
        } catch (InterruptedException e) {
            channel.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private P4RuntimeGrpc.P4RuntimeBlockingStub stub() {
        return stub.withDeadlineAfter(rpcTimeoutMillis, TimeUnit.MILLISECONDS);
    }

    private P4RuntimeException failure(String call, StatusRuntimeException e) {
        return new P4RuntimeException(e.getStatus().getCode(), call + " to " + target + " device " + deviceId
                + " failed: " + e.getStatus(), e);
    }

    // P4Runtime §12.3: a failed Write carries one p4.v1.Error per update in the status details,
    // with canonical_code OK for the updates that succeeded.
    private static List<UpdateError> updateErrors(StatusRuntimeException e, List<Update> updates) {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        List<UpdateError> errors = new ArrayList<>();
        if (status == null) {
            return errors;
        }
        for (int i = 0; i < status.getDetailsCount(); i++) {
            Any detail = status.getDetails(i);
            if (!detail.is(p4.v1.P4RuntimeOuterClass.Error.class)) {
                continue;
            }
            try {
                p4.v1.P4RuntimeOuterClass.Error err = detail.unpack(p4.v1.P4RuntimeOuterClass.Error.class);
                if (err.getCanonicalCode() != Status.Code.OK.value()) {
                    Update u = i < updates.size() ? updates.get(i) : Update.getDefaultInstance();
                    errors.add(new UpdateError(i, u, Status.fromCodeValue(err.getCanonicalCode()).getCode(),
                            err.getMessage()));
                }
            } catch (InvalidProtocolBufferException ex) {
                errors.add(new UpdateError(i, i < updates.size() ? updates.get(i) : Update.getDefaultInstance(),
                        Status.Code.UNKNOWN, "undecodable error detail: " + ex.getMessage()));
            }
        }
        return errors;
    }
}
