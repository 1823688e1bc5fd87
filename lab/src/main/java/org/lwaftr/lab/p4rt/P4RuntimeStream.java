package org.lwaftr.lab.p4rt;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import p4.v1.P4RuntimeGrpc;
import p4.v1.P4RuntimeOuterClass.MasterArbitrationUpdate;
import p4.v1.P4RuntimeOuterClass.PacketOut;
import p4.v1.P4RuntimeOuterClass.StreamMessageRequest;
import p4.v1.P4RuntimeOuterClass.StreamMessageResponse;
import p4.v1.P4RuntimeOuterClass.Uint128;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One StreamChannel RPC: arbitration, packet-out, and dispatch of what the switch sends
 * (packet-in, arbitration updates, stream errors, the end of the stream) to listeners.
 */
final class P4RuntimeStream {
    private final long deviceId;
    private final Uint128 electionId;
    private final List<StreamListener> listeners;
    private final StreamObserver<StreamMessageRequest> requests;
    private final CompletableFuture<ArbitrationResult> firstArbitration = new CompletableFuture<>();
    private final CompletableFuture<Throwable> closed = new CompletableFuture<>();
    private volatile boolean primary;
    private volatile boolean closedByUs;

    P4RuntimeStream(P4RuntimeGrpc.P4RuntimeStub stub, long deviceId, Uint128 electionId,
                    CopyOnWriteArrayList<StreamListener> listeners) {
        this.deviceId = deviceId;
        this.electionId = electionId;
        this.listeners = listeners;
        this.requests = stub.withWaitForReady().streamChannel(new Responses());
    }

    /** Sends our election id and waits for the switch's verdict. */
    ArbitrationResult arbitrate(long timeoutMillis) {
        send(StreamMessageRequest.newBuilder().setArbitration(MasterArbitrationUpdate.newBuilder()
                .setDeviceId(deviceId).setElectionId(electionId)).build());
        try {
            return firstArbitration.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new P4RuntimeException(Status.Code.DEADLINE_EXCEEDED,
                    "no arbitration answer from device " + deviceId + " within " + timeoutMillis + " ms", e);
        } catch (ExecutionException e) {
            throw new P4RuntimeException(Status.fromThrowable(e.getCause()).getCode(),
                    "stream to device " + deviceId + " failed during arbitration: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new P4RuntimeException(Status.Code.CANCELLED, "interrupted during arbitration", e);
        }
    }

    void packetOut(PacketOut packet) {
        if (isClosed()) {
            throw new P4RuntimeException(Status.Code.UNAVAILABLE, "stream to device " + deviceId + " is closed",
                    closed.getNow(null));
        }
        send(StreamMessageRequest.newBuilder().setPacket(packet).build());
    }

    boolean isPrimary() {
        return primary && !isClosed();
    }

    boolean isClosed() {
        return closed.isDone();
    }

    /** Ends the stream from our side (the switch then forgets our arbitration); listeners are not told. */
    void close() {
        closedByUs = true;
        if (!isClosed()) {
            synchronized (requests) {
                requests.onCompleted();
            }
        }
    }

    // StreamObserver is not thread-safe: serialize senders.
    private void send(StreamMessageRequest request) {
        synchronized (requests) {
            requests.onNext(request);
        }
    }

    private final class Responses implements StreamObserver<StreamMessageResponse> {
        @Override
        public void onNext(StreamMessageResponse msg) {
            switch (msg.getUpdateCase()) {
                case PACKET:
                    listeners.forEach(l -> l.packetIn(msg.getPacket()));
                    break;
                case ARBITRATION:
                    com.google.rpc.Status s = msg.getArbitration().getStatus();
                    Status.Code code = Status.fromCodeValue(s.getCode()).getCode();
                    primary = code == Status.Code.OK;
                    firstArbitration.complete(new ArbitrationResult(primary, code, s.getMessage()));
                    listeners.forEach(l -> l.arbitration(primary));
                    break;
                case ERROR:
                    listeners.forEach(l -> l.streamError(msg.getError()));
                    break;
                default:
                    break; // digests and idle-timeout notifications: not used by the lwAFTR
            }
        }

        @Override
        public void onError(Throwable t) {
            end(t);
        }

        @Override
        public void onCompleted() {
            end(null);
        }

        private void end(Throwable cause) {
            primary = false;
            firstArbitration.completeExceptionally(cause != null ? cause
                    : Status.UNAVAILABLE.withDescription("stream closed by the switch").asRuntimeException());
            if (closed.complete(cause) && !closedByUs) {
                listeners.forEach(l -> l.streamClosed(cause));
            }
        }
    }
}
