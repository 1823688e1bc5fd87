package org.lwaftr.app;

import org.lwaftr.store.SoftwireStore;
import org.onosproject.net.DeviceId;
import org.onosproject.net.PortNumber;
import org.onosproject.net.config.NetworkConfigService;
import org.onosproject.net.flow.DefaultTrafficTreatment;
import org.onosproject.net.packet.DefaultOutboundPacket;
import org.onosproject.net.packet.InboundPacket;
import org.onosproject.net.packet.PacketContext;
import org.onosproject.net.packet.PacketProcessor;
import org.onosproject.net.packet.PacketService;
import org.onosproject.net.pi.service.PiPipeconfService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import static org.onlab.util.Tools.groupedThreads;

/**
 * Takes the packets lwAFTR devices punt (ARP, NDP, ICMP to the AFTR, fragments, no-binding and
 * too-big cases), runs the slow path on them and sends its answers back: out of a port, or through
 * the pipeline again (PortNumber.TABLE, which the interpreter maps to packet_out.do_forwarding).
 * Packets of other devices are left to other processors. The slow path is org.lwaftr.slowpath,
 * one instance per device, configured from the policy and the device's settings.
 */
@Component(immediate = true, service = SlowPathPacketProcessor.class)
public class SlowPathPacketProcessor {

    private static final Logger log = LoggerFactory.getLogger(SlowPathPacketProcessor.class);

    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected PacketService packetService;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected PiPipeconfService pipeconfService;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected AppConfigRoot root;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected NetworkConfigService netcfgService;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected SoftwireStore store;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected LearnedNextHops nextHops;

    /** Clock of the slow path's rate limits and reassembly timeouts (tests set a fake one). */
    LongSupplier nanoTime = System::nanoTime;

    private volatile PuntHandler handler;
    private SlowPathPuntHandler slowPath;
    private final PacketProcessor processor = this::process;
    private ScheduledExecutorService expiry;

    @Activate
    protected void activate() {
        slowPath = new SlowPathPuntHandler(root.config(), store, nanoTime, nextHops);
        handler = slowPath;
        // Reassemblies also expire as fragments arrive; this catches the ones nobody completes.
        expiry = Executors.newSingleThreadScheduledExecutor(groupedThreads("lwaftr", "reassembly-expiry", log));
        expiry.scheduleWithFixedDelay(() -> {
            if (handler == slowPath) {
                slowPath.expireReassemblies();
            }
        }, EXPIRY_SECONDS, EXPIRY_SECONDS, TimeUnit.SECONDS);
        // Next hops given by IP: requests due (first, retries with back-off, refreshes).
        if (resolveMillis > 0) {
            expiry.scheduleWithFixedDelay(this::resolveNextHops, 0, resolveMillis, TimeUnit.MILLISECONDS);
        }
        // Director priority: punted lwAFTR packets are ours before any other app sees them.
        packetService.addProcessor(processor, PacketProcessor.director(2));
        log.info("Started");
    }

    @Deactivate
    protected void deactivate() {
        packetService.removeProcessor(processor);
        expiry.shutdownNow();
        log.info("Stopped");
    }

    private static final long EXPIRY_SECONDS = 5;
    /** How often resolution requests are looked at (the resolver decides which are due); tests: 0 = never. */
    long resolveMillis = 500;

    /** Sends the ARP requests / neighbour solicitations due on the devices this instance programs. */
    void resolveNextHops() {
        if (handler != slowPath) {
            return;
        }
        for (DeviceId device : nextHops.programmedDevices()) {
            try {
                emit(device, slowPath.resolveNextHops(device));
            } catch (RuntimeException e) {
                log.warn("next-hop resolution failed on {}", device, e);
            }
        }
    }

    /**
     * @param h the slow path to run punted packets through (replaces org.lwaftr.slowpath; the lab
     *          controller and tests)
     */
    public void setPuntHandler(PuntHandler h) {
        handler = Objects.requireNonNull(h);
    }

    /** @return the slow path's counters */
    public Map<String, Long> counters() {
        return handler.counters();
    }

    private void process(PacketContext ctx) {
        if (ctx.isHandled()) {
            return;
        }
        InboundPacket in = ctx.inPacket();
        DeviceId device = in.receivedFrom().deviceId();
        if (!LwaftrDevices.isLwaftr(pipeconfService, device)) {
            return;
        }
        ByteBuffer buf = in.unparsed().duplicate();
        byte[] frame = new byte[buf.remaining()];
        buf.get(frame);
        int port = (int) in.receivedFrom().port().toLong();
        List<PuntReply> replies;
        try {
            replies = handler.handle(device, port, PuntReasons.reasonOf(in), frame);
        } catch (RuntimeException e) {
            log.warn("slow path failed on a packet from {}/{}", device, port, e);
            ctx.block();
            return;
        }
        emit(device, replies);
        ctx.block();
    }

    private void emit(DeviceId device, List<PuntReply> replies) {
        for (PuntReply r : replies) {
            PortNumber out = r.toTable() ? PortNumber.TABLE : PortNumber.portNumber(r.port());
            packetService.emit(new DefaultOutboundPacket(device,
                    DefaultTrafficTreatment.builder().setOutput(out).build(), ByteBuffer.wrap(r.frame())));
        }
    }
}
