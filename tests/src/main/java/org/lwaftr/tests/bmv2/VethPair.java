package org.lwaftr.tests.bmv2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A veth pair in the root namespace: the switch side is given to bmv2 as a port, the test
 * side is where frames are sent and captured. IPv6 is disabled on both ends so the kernel
 * emits no ND/MLD noise, and deleting either end removes the pair.
 */
final class VethPair implements AutoCloseable {
    private final String switchSide;
    private final String testSide;

    private VethPair(String switchSide, String testSide) {
        this.switchSide = switchSide;
        this.testSide = testSide;
    }

    /** Creates and brings up {@code <prefix>s} and {@code <prefix>t} (names at most 15 chars). */
    static VethPair create(String prefix) {
        VethPair v = new VethPair(prefix + "s", prefix + "t");
        Commands.run("ip", "link", "add", v.switchSide, "type", "veth", "peer", "name", v.testSide);
        try {
            for (String dev : new String[]{v.switchSide, v.testSide}) {
                Commands.run("sysctl", "-q", "-w", "net.ipv6.conf." + dev + ".disable_ipv6=1");
                Commands.run("ip", "link", "set", "dev", dev, "mtu", "9500", "up");
            }
        } catch (RuntimeException e) {
            v.close();
            throw e;
        }
        return v;
    }

    String switchSide() {
        return switchSide;
    }

    String testSide() {
        return testSide;
    }

    /** Frames the kernel received on the test side (what the switch sent out of this port). */
    long testSideRxPackets() {
        try {
            return Long.parseLong(Files.readString(Path.of("/sys/class/net", testSide, "statistics", "rx_packets")).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        Commands.runQuietly("ip", "link", "del", switchSide);
    }
}
