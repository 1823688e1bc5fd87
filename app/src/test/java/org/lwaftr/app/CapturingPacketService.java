package org.lwaftr.app;

import org.onosproject.net.packet.OutboundPacket;
import org.onosproject.net.packet.PacketProcessor;
import org.onosproject.net.packet.PacketServiceAdapter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A packet service that keeps the processor added and records the packets emitted. */
final class CapturingPacketService extends PacketServiceAdapter {
    /** The processor the component added. */
    volatile PacketProcessor processor;
    /** Packets emitted, in order. */
    final List<OutboundPacket> emitted = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void addProcessor(PacketProcessor p, int priority) {
        processor = p;
    }

    @Override
    public void emit(OutboundPacket packet) {
        emitted.add(packet);
    }
}
