package org.lwaftr.tests.e2e;

import org.junit.ClassRule;
import org.junit.Test;
import org.lwaftr.config.SideSettings;
import org.lwaftr.core.Softwire;
import org.lwaftr.lab.LabController;
import org.lwaftr.lab.LabPipeline;
import org.lwaftr.lab.TargetSpec;
import org.lwaftr.tests.bmv2.Bmv2Switch;
import org.onlab.packet.ARP;
import org.onlab.packet.Ethernet;
import org.onlab.packet.ICMP6;
import org.onlab.packet.IPv4;
import org.onlab.packet.IPv6;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.MacAddress;
import org.onlab.packet.ndp.NeighborSolicitation;

import java.util.List;
import java.util.function.Predicate;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.lwaftr.tests.e2e.E2eSetup.*;

/**
 * Next hops given by IP on bmv2 with the lab controller: the AFTR asks (ARP, RFC 826; neighbour
 * solicitation, RFC 4861 §7.2.2), the emulated routers answer, and only then does traffic leave,
 * to the learned MACs.
 */
public class LabNextHopEndToEndTest {
    private static final Ip4Address INET_ROUTER_IP = Ip4Address.valueOf("192.0.2.1");
    private static final Ip6Address B4_ROUTER_IP = Ip6Address.valueOf("2001:db8:ffff::b4");
    /** The requests come at once and are repeated with back-off: wait long enough for one. */
    private static final long REQUEST_WAIT = 15_000;
    @ClassRule
    public static final E2eSwitch BMV2 = new E2eSwitch("bmv2-nexthop");

    /** The next frame out of {@code port} that {@code wanted} accepts (skipping others). */
    private static Ethernet await(int port, Predicate<Ethernet> wanted, long millis, String what) {
        long deadline = System.currentTimeMillis() + millis;
        while (true) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new AssertionError("no " + what + " out of port " + port + " within " + millis + " ms");
            }
            Ethernet e;
            try {
                e = BMV2.io().expectFrame(port, left);
            } catch (AssertionError timeout) {
                throw new AssertionError("no " + what + " out of port " + port + " within " + millis + " ms");
            }
            if (wanted.test(e)) {
                return e;
            }
        }
    }

    private static boolean isTunnel(Ethernet e) {
        return e.getEtherType() == Ethernet.TYPE_IPV6 && ((IPv6) e.getPayload()).getNextHeader() == 4;
    }

    private static boolean isNs(Ethernet e) {
        return e.getEtherType() == Ethernet.TYPE_IPV6 && e.getPayload().getPayload() instanceof ICMP6
                && ((ICMP6) e.getPayload().getPayload()).getIcmpType() == ICMP6.NEIGHBOR_SOLICITATION;
    }

    @Test
    public void rfc826AndRfc4861NextHopsAreResolvedThenTrafficLeavesToTheLearnedMacs() {
        Softwire s = shared(1);
        LabController lab = LabController.start(config(icmp(true, true, 300, 1), List.of(s),
                        new SideSettings(LWB4_PORT, 0, AFTR_MAC_B4, B4_ROUTER_IP),
                        new SideSettings(INET_PORT, 0, AFTR_MAC_INET, INET_ROUTER_IP)),
                List.of(new TargetSpec("127.0.0.1", BMV2.sw().grpcPort(), Bmv2Switch.DEVICE_ID)), LabPipeline.lwaftr());
        try {
            assertTrue("lab controller converged", lab.awaitConverged(30_000));

            // The AFTR asks: a broadcast ARP request from its IPv4 address …
            Ethernet req = await(INET_PORT, e -> e.getEtherType() == Ethernet.TYPE_ARP, REQUEST_WAIT, "ARP request");
            assertEquals(MacAddress.BROADCAST, req.getDestinationMAC());
            assertEquals(AFTR_MAC_INET, req.getSourceMAC());
            ARP arp = (ARP) req.getPayload();
            assertEquals(ARP.OP_REQUEST, arp.getOpCode());
            assertArrayEquals(AFTR_MAC_INET.toBytes(), arp.getSenderHardwareAddress());
            assertArrayEquals(AFTR_V4.toOctets(), arp.getSenderProtocolAddress());
            assertArrayEquals(INET_ROUTER_IP.toOctets(), arp.getTargetProtocolAddress());
            // … and a neighbour solicitation to the router's solicited-node group.
            Ethernet ns = await(LWB4_PORT, LabNextHopEndToEndTest::isNs, REQUEST_WAIT, "neighbour solicitation");
            assertEquals(MacAddress.valueOf("33:33:ff:00:00:b4"), ns.getDestinationMAC());
            IPv6 nsIp = (IPv6) ns.getPayload();
            assertEquals(Ip6Address.valueOf("ff02::1:ff00:b4"), Ip6Address.valueOf(nsIp.getDestinationAddress()));
            assertEquals(AFTR_V6, Ip6Address.valueOf(nsIp.getSourceAddress()));
            assertEquals(255, nsIp.getHopLimit() & 0xff);
            NeighborSolicitation sol = (NeighborSolicitation) nsIp.getPayload().getPayload();
            assertArrayEquals(B4_ROUTER_IP.toOctets(), sol.getTargetAddress());

            // Unresolved: downstream traffic has no next_hop entry yet (dropped as NO_NEXT_HOP).
            BMV2.io().clear();
            BMV2.io().send(INET_PORT, fromInternet(udp(HOST, 53, SHARED, port(s), 64)));
            try {
                await(LWB4_PORT, LabNextHopEndToEndTest::isTunnel, 1000, "tunnel packet");
                throw new IllegalStateException("a packet left toward the lwB4s before the next hop was resolved");
            } catch (AssertionError expected) {
                // nothing left
            }

            // The routers answer.
            BMV2.io().send(INET_PORT, arpReply());
            BMV2.io().send(LWB4_PORT, neighborAdvertisement());

            // Downstream and upstream leave to the learned MACs (once the entries are written).
            Ethernet down = null;
            Ethernet up = null;
            long deadline = System.currentTimeMillis() + 10_000;
            while ((down == null || up == null) && System.currentTimeMillis() < deadline) {
                BMV2.io().clear();
                BMV2.io().send(INET_PORT, fromInternet(udp(HOST, 53, SHARED, port(s), 64)));
                BMV2.io().send(LWB4_PORT, fromLwb4(s.lwb4(), udp(SHARED, port(s), HOST, 53, 64)));
                try {
                    down = down != null ? down : await(LWB4_PORT, LabNextHopEndToEndTest::isTunnel, 300, "tunnel");
                } catch (AssertionError notYet) {
                    // retry
                }
                try {
                    up = up != null ? up : await(INET_PORT, e -> e.getEtherType() == Ethernet.TYPE_IPV4, 300, "IPv4");
                } catch (AssertionError notYet) {
                    // retry
                }
            }
            assertTrue("downstream frame after resolution", down != null);
            assertTrue("upstream frame after resolution", up != null);
            assertEquals(B4_ROUTER, down.getDestinationMAC());
            assertEquals(AFTR_MAC_B4, down.getSourceMAC());
            assertEquals(s.lwb4(), Ip6Address.valueOf(((IPv6) down.getPayload()).getDestinationAddress()));
            assertEquals(INET_ROUTER, up.getDestinationMAC());
            assertEquals(AFTR_MAC_INET, up.getSourceMAC());
            assertEquals(SHARED.toInt(), ((IPv4) up.getPayload()).getSourceAddress());
            long learned = lab.slowPathCounters().getOrDefault("next-hop-learned", 0L);
            assertTrue("answers learned: " + lab.slowPathCounters(), learned >= 2);
        } finally {
            lab.close();
        }
    }

    /** RFC 826 reply from the Internet router to the AFTR. */
    private static Ethernet arpReply() {
        return arp(ARP.OP_REPLY, INET_ROUTER, INET_ROUTER_IP, AFTR_MAC_INET, AFTR_V4, AFTR_MAC_INET);
    }

    /** RFC 4861 §7.2.4 solicited advertisement from the lwB4-side router, with its link-layer address. */
    private static Ethernet neighborAdvertisement() {
        return E2eSetup.neighborAdvertisement(B4_ROUTER, AFTR_MAC_B4, B4_ROUTER_IP, AFTR_V6, B4_ROUTER_IP, B4_ROUTER);
    }
}
