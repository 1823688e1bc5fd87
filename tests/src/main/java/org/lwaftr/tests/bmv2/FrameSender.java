package org.lwaftr.tests.bmv2;

import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;

/** Injects frames on one interface through a pcap handle. */
public final class FrameSender implements AutoCloseable {
    private final String iface;
    private final PcapHandle tx;

    /** Opens a send handle on {@code iface}. */
    public FrameSender(String iface) {
        this.iface = iface;
        try {
            this.tx = new PcapHandle.Builder(iface).snaplen(65_535).timeoutMillis(20).build();
        } catch (PcapNativeException e) {
            throw new IllegalStateException("cannot open pcap on " + iface + ": " + e.getMessage(), e);
        }
    }

    /** Sends one frame. */
    public void send(byte[] frame) {
        try {
            tx.sendPacket(frame);
        } catch (PcapNativeException | NotOpenException e) {
            throw new IllegalStateException("cannot send on " + iface + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        tx.close();
    }
}
