package org.lwaftr.lab.p4rt;

import p4.v1.P4RuntimeOuterClass.PacketIn;
import p4.v1.P4RuntimeOuterClass.StreamError;

/**
 * Events of a P4Runtime StreamChannel. Called on gRPC threads, one event at a time per stream;
 * implementations should return quickly.
 */
public interface StreamListener {
    /** A packet-in arrived. */
    default void packetIn(PacketIn packet) {
    }

    /** The switch told us whether we are primary (after our arbitration or another client's). */
    default void arbitration(boolean primary) {
    }

    /** The switch reported an error for a stream message (e.g. a malformed packet-out). */
    default void streamError(StreamError error) {
    }

    /**
     * The stream ended: the switch went away or closed it. {@code cause} is null for a clean end.
     * Call {@link P4RuntimeClient#reconnect()} to open a new stream and arbitrate again.
     */
    default void streamClosed(Throwable cause) {
    }
}
