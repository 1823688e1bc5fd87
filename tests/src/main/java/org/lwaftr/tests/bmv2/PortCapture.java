package org.lwaftr.tests.bmv2;

import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Frames arriving on one test-side interface (sent by the switch), captured by a pcap handle
 * on a thread of its own into a queue. Frames this side sends are not captured (direction IN).
 */
final class PortCapture implements AutoCloseable {
    private final String iface;
    private final PcapHandle rx;
    private final FrameSender tx;
    private final LinkedBlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile boolean running = true;

    PortCapture(String iface) throws PcapNativeException {
        this.iface = iface;
        this.rx = new PcapHandle.Builder(iface).snaplen(65_535).timeoutMillis(20).immediateMode(true)
                .promiscuousMode(PcapNetworkInterface.PromiscuousMode.PROMISCUOUS)
                .direction(PcapHandle.PcapDirection.IN).build();
        this.tx = new FrameSender(iface);
        this.reader = new Thread(this::readLoop, "capture-" + iface);
        reader.setDaemon(true);
        reader.start();
    }

    void send(byte[] frame) {
        tx.send(frame);
    }

    /** Next captured frame, or null after {@code timeoutMillis}. */
    byte[] poll(long timeoutMillis) throws InterruptedException {
        return frames.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    void clear() {
        frames.clear();
    }

    String iface() {
        return iface;
    }

    private void readLoop() {
        while (running) {
            try {
                byte[] f = rx.getNextRawPacket(); // null on timeout or breakloop
                if (f != null && !KernelNoise.isNoise(f)) {
                    frames.add(f);
                }
            } catch (NotOpenException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            // pcap_next() may block without packets (immediate mode ignores the timeout on Linux):
            // breakloop wakes it (libpcap >= 1.10 uses an eventfd for this).
            rx.breakLoop();
            reader.join(2000);
        } catch (NotOpenException e) {
            // already closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (reader.isAlive()) {
            throw new IllegalStateException("capture thread on " + iface + " does not stop");
        }
        rx.close();
        tx.close();
    }
}
