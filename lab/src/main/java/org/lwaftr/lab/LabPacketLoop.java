package org.lwaftr.lab;

import org.lwaftr.pipeconf.PacketInMetadata;
import org.lwaftr.pipeconf.PacketOuts;
import org.lwaftr.slowpath.OutboundPacket;
import org.lwaftr.slowpath.SlowPath;
import org.onlab.util.ImmutableByteSequence;
import org.onosproject.net.pi.model.PiPipelineInterpreter.PiInterpreterException;
import org.onosproject.net.pi.runtime.PiPacketOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Packet-in → the app's slow path → packet-outs, as the ONOS app's SlowPathPacketProcessor does:
 * the punt reason and ingress port come from the packet-in metadata (pipeconf's
 * {@link PacketInMetadata}); each reply leaves on its port or is re-injected into the pipeline
 * ({@link PacketOuts}). Packets are handled in arrival order on one thread, off the gRPC threads.
 */
final class LabPacketLoop implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LabPacketLoop.class);

    private final Supplier<SlowPath> slowPath;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(LabThreads.daemon("lab-packets"));
    private final AtomicLong packetIns = new AtomicLong();
    private final AtomicLong packetOuts = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    /** @param slowPath the slow path in force (rebuilt by the controller when its config changes) */
    LabPacketLoop(Supplier<SlowPath> slowPath) {
        this.slowPath = slowPath;
    }

    /** Queues a packet-in from {@code target}. */
    void packetIn(LabTarget target, PiPacketOperation in) {
        worker.execute(() -> handle(target, in));
    }

    private void handle(LabTarget target, PiPacketOperation in) {
        packetIns.incrementAndGet();
        try {
            PacketInMetadata md = PacketInMetadata.of(in);
            List<OutboundPacket> out = slowPath.get().handle(in.data().asArray(), (int) md.ingressPort(),
                    md.reasonCode());
            packetOuts(target, out);
        } catch (PiInterpreterException | RuntimeException e) {
            failures.incrementAndGet();
            log.warn("{}: packet-in not handled: {}", target.spec(), e.toString());
        }
    }

    private void packetOuts(LabTarget target, List<OutboundPacket> out) throws PiInterpreterException {
        for (OutboundPacket p : out) {
            ImmutableByteSequence frame = ImmutableByteSequence.copyFrom(p.frame());
            target.device().packetOut(p.isReinject() ? PacketOuts.reinject(frame)
                    : PacketOuts.toPort(frame, p.port()));
            packetOuts.incrementAndGet();
        }
    }

    /**
     * Sends packets the controller originates (next-hop requests), in order with the answers to
     * packet-ins.
     */
    void send(LabTarget target, List<OutboundPacket> out) {
        worker.execute(() -> {
            try {
                packetOuts(target, out);
            } catch (PiInterpreterException | RuntimeException e) {
                failures.incrementAndGet();
                log.warn("{}: packet-out failed: {}", target.spec(), e.toString());
            }
        });
    }

    /** @return packet-ins handled */
    long packetIns() {
        return packetIns.get();
    }

    /** @return packet-outs sent */
    long packetOuts() {
        return packetOuts.get();
    }

    /** @return packet-ins that failed (bad metadata, stream down) */
    long failures() {
        return failures.get();
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
