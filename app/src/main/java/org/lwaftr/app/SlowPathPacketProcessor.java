package org.lwaftr.app;

import org.onosproject.net.DeviceId;
import org.onosproject.net.PortNumber;
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

/**
 * Takes the packets lwAFTR devices punt (ARP, NDP, ICMP to the AFTR, fragments, no-binding and
 * too-big cases), runs the slow path on them and sends its answers back: out of a port, or through
 * the pipeline again (PortNumber.TABLE, which the interpreter maps to packet_out.do_forwarding).
 * Packets of other devices are left to other processors.
 */
@Component(immediate = true, service = SlowPathPacketProcessor.class)
public class SlowPathPacketProcessor {

    private static final Logger log = LoggerFactory.getLogger(SlowPathPacketProcessor.class);

    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected PacketService packetService;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected PiPipeconfService pipeconfService;

    private volatile PuntHandler handler = new UnhandledPunts();
    private final PacketProcessor processor = this::process;

    @Activate
    protected void activate() {
        // Director priority: punted lwAFTR packets are ours before any other app sees them.
        packetService.addProcessor(processor, PacketProcessor.director(2));
        log.info("Started");
    }

    @Deactivate
    protected void deactivate() {
        packetService.removeProcessor(processor);
        log.info("Stopped");
    }

    /**
     * @param h the slow path to run punted packets through
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
        if (!pipeconfService.ofDevice(device).map(PipeconfRef.ID::equals).orElse(false)) {
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
        for (PuntReply r : replies) {
            PortNumber out = r.toTable() ? PortNumber.TABLE : PortNumber.portNumber(r.port());
            packetService.emit(new DefaultOutboundPacket(device,
                    DefaultTrafficTreatment.builder().setOutput(out).build(), ByteBuffer.wrap(r.frame())));
        }
        ctx.block();
    }
}
