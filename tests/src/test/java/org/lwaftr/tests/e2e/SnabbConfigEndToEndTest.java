package org.lwaftr.tests.e2e;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.TestRule;
import org.lwaftr.tests.bmv2.Bmv2Switch;
import org.lwaftr.tests.bmv2.FrameIo;
import org.lwaftr.tests.bmv2.LwaftrFrames;
import org.lwaftr.tests.e2e.SnabbSuite.Row;
import org.onlab.packet.ARP;
import org.onlab.packet.Data;
import org.onlab.packet.Ethernet;
import org.onlab.packet.ICMP;
import org.onlab.packet.IPacket;
import org.onlab.packet.IPv4;
import org.onlab.packet.IPv6;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.MacAddress;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.lwaftr.tests.e2e.E2eSetup.AFTR_MAC_B4;
import static org.lwaftr.tests.e2e.E2eSetup.AFTR_MAC_INET;
import static org.lwaftr.tests.e2e.E2eSetup.AFTR_V4;
import static org.lwaftr.tests.e2e.E2eSetup.AFTR_V6;
import static org.lwaftr.tests.e2e.E2eSetup.B4_ROUTER;
import static org.lwaftr.tests.e2e.E2eSetup.HOST;
import static org.lwaftr.tests.e2e.E2eSetup.INET_PORT;
import static org.lwaftr.tests.e2e.E2eSetup.INET_ROUTER;
import static org.lwaftr.tests.e2e.E2eSetup.LWB4_PORT;
import static org.lwaftr.tests.e2e.E2eSetup.OTHER;
import static org.lwaftr.tests.e2e.E2eSetup.SHARED;
import static org.lwaftr.tests.e2e.E2eSetup.arp;
import static org.lwaftr.tests.e2e.E2eSetup.neighborAdvertisement;
import static org.lwaftr.tests.e2e.E2eSetup.neighborSolicitation;
import static org.lwaftr.tests.e2e.E2eSetup.udp;

/**
 * A whole Snabb configuration ({@code snabb-softwire-v3}, written as Snabb's tests write theirs:
 * {@code src/test/resources/snabb/vlan-system-ports.conf}) loaded by the lab command with
 * {@code --snabb-config}, forwarding on bmv2 with Snabb's semantics: VLAN tags on both sides, a
 * binding whose port set holds system ports, hop limit 255, ICMPv4 errors with TTL 255, neighbour
 * solicitations answered only for the interface address. The rows are the table form of Snabb's
 * suite ({@link SnabbSuite}). Also: bad Snabb input ends the command with exit status 2 and one
 * line naming file, line and Snabb path.
 */
public class SnabbConfigEndToEndTest {
    private static final long SLOW = 60_000;
    static final int B4_VLAN = 125;
    static final int INET_VLAN = 164;
    private static final int HOP_LIMIT = 255;
    static final Ip6Address BR1 = Ip6Address.valueOf("2001:db8:ffff::1");
    private static final Ip6Address BR2 = Ip6Address.valueOf("2001:db8:ffff::2");
    static final Ip6Address B4_A = Ip6Address.valueOf("2001:db8:1::10"); // 198.51.100.1 psid 0/4
    private static final Ip6Address B4_B = Ip6Address.valueOf("2001:db8:1::11"); // 198.51.100.1 psid 1/4
    private static final Ip6Address B4_C = Ip6Address.valueOf("2001:db8:2::1");  // 198.51.100.2 whole
    private static final Ip6Address ROUTER6 = Ip6Address.valueOf("2001:db8:ffff::99");
    private Bmv2Switch sw;
    private FrameIo io;
    private LabProcess lab;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public TestRule logs = LabProcess.outputOnFailure(() -> lab, () -> sw);

    @After
    public void stop() {
        if (lab != null) {
            lab.close();
        }
        E2eSetup.close(io, sw);
    }

    private Path conf(String name) throws IOException {
        Path f = tmp.getRoot().toPath().resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/snabb/" + name)) {
            Files.copy(in, f);
        }
        return f;
    }

    /** A switch, and the lab command on it with {@code --snabb-config} (skipped without bmv2). */
    private Path startLab(String name) throws IOException {
        Bmv2Switch.assumeAvailable();
        sw = Bmv2Switch.start(2, Path.of("target", "bmv2"));
        io = FrameIo.open(sw);
        Path conf = conf(name);
        lab = LabProcess.start("--target", "127.0.0.1:" + sw.grpcPort(), "--snabb-config", conf.toString(),
                "--lwb4-port", String.valueOf(LWB4_PORT), "--internet-port", String.valueOf(INET_PORT));
        return conf;
    }

    // ------------------------------------------------------------------ frames, tagged as configured

    static Ethernet tagged(Ethernet e, int vlan) {
        e.setVlanID((short) vlan);
        return e;
    }

    static Ethernet fromInternet(IPv4 ip) {
        return tagged(LwaftrFrames.ethernet(INET_ROUTER, AFTR_MAC_INET, Ethernet.TYPE_IPV4, ip), INET_VLAN);
    }

    static Ethernet toInternet(IPv4 ip) {
        return tagged(LwaftrFrames.ethernet(AFTR_MAC_INET, INET_ROUTER, Ethernet.TYPE_IPV4, ip), INET_VLAN);
    }

    static Ethernet fromLwb4(Ip6Address src, Ip6Address dst, byte nextHeader, IPacket payload, int hopLimit) {
        IPv6 ip6 = LwaftrFrames.ipv6(src, dst, nextHeader, payload);
        ip6.setHopLimit((byte) hopLimit);
        return tagged(LwaftrFrames.ethernet(B4_ROUTER, AFTR_MAC_B4, Ethernet.TYPE_IPV6, ip6), B4_VLAN);
    }

    /** RFC 7596 §6.2 with Snabb's fixed hop limit 255 (traffic class = TOS 0, flow label 0). */
    static Ethernet toLwb4(Ip6Address br, Ip6Address lwb4, IPv4 inner) {
        IPv6 ip6 = LwaftrFrames.ipv6(br, lwb4, LwaftrFrames.PROTO_IPV4, inner);
        ip6.setHopLimit((byte) HOP_LIMIT);
        return tagged(LwaftrFrames.ethernet(AFTR_MAC_B4, B4_ROUTER, Ethernet.TYPE_IPV6, ip6), B4_VLAN);
    }

    /** RFC 4861 §4.3: a solicitation from the lwB4-side router for {@code target}. */
    static Ethernet solicitation(Ip6Address target) {
        return tagged(neighborSolicitation(B4_ROUTER, ROUTER6, target, B4_ROUTER), B4_VLAN);
    }

    /** RFC 4861 §7.2.4: solicited, router, override (ours: see docs/snabb-parity.md), our MAC. */
    static Ethernet advertisement(Ip6Address target) {
        return tagged(neighborAdvertisement(AFTR_MAC_B4, B4_ROUTER, target, ROUTER6, target, AFTR_MAC_B4), B4_VLAN);
    }

    /**
     * RFC 7596 §6.2 / RFC 1812 §4.3.2.3: ICMPv4 3/1 from the AFTR's address quoting the whole
     * datagram, TTL 255 as Snabb; the identification is the AFTR's (taken from {@code got}: unique
     * per datagram, RFC 6864, where Snabb sends 0).
     */
    static Ethernet hostUnreachable(IPv4 quoted, byte[] got) {
        byte[] q = quoted.serialize();
        byte[] body = Arrays.copyOf(new byte[4], 4 + q.length);
        System.arraycopy(q, 0, body, 4, q.length);
        ICMP icmp = new ICMP();
        icmp.setIcmpType((byte) 3);
        icmp.setIcmpCode((byte) 1);
        icmp.setPayload(new Data(body));
        IPv4 ip = new IPv4();
        ip.setSourceAddress(AFTR_V4.toInt());
        ip.setDestinationAddress(HOST.toInt());
        ip.setProtocol(IPv4.PROTOCOL_ICMP);
        ip.setTtl((byte) HOP_LIMIT);
        int id = got.length > 22 ? ((got[22] & 0xff) << 8) | (got[23] & 0xff) : 0; // 14 + 4 (tag) + 4
        ip.setIdentification((short) id);
        ip.setPayload(icmp);
        return toInternet(ip);
    }

    /** The rows: Snabb's suite in table form, for vlan-system-ports.conf. */
    static List<Row> rows() {
        String a = "softwire 198.51.100.1/psid 0 ";
        String b = "softwire 198.51.100.1/psid 1 ";
        String c = "softwire 198.51.100.2/psid 0 ";
        return List.of(
            new Row("downstream to port 80 of a port set holding system ports, hop limit 255",
                INET_PORT, fromInternet(udp(HOST, 53, SHARED, 80, 64)),
                LWB4_PORT, got -> toLwb4(BR1, B4_A, udp(HOST, 53, SHARED, 80, 63)),
                Map.of(a + "downstream", 1L, a + "upstream", 0L)),
            new Row("upstream from port 80 of that softwire, decapsulated as it was",
                LWB4_PORT, fromLwb4(B4_A, BR1, LwaftrFrames.PROTO_IPV4, udp(SHARED, 80, HOST, 53, 64), 64),
                INET_PORT, got -> toInternet(udp(SHARED, 80, HOST, 53, 64)),
                Map.of(a + "upstream", 1L)),
            new Row("hairpinned to a whole address, from its softwire's BR, hop limit 255",
                LWB4_PORT, fromLwb4(B4_B, BR1, LwaftrFrames.PROTO_IPV4, udp(SHARED, 4100, OTHER, 5000, 64), 64),
                LWB4_PORT, got -> toLwb4(BR2, B4_C, udp(SHARED, 4100, OTHER, 5000, 63)),
                Map.of(b + "downstream", 0L, b + "upstream", 1L, c + "downstream", 1L, c + "upstream", 0L)),
            new Row("unbound port: ICMPv4 3/1 with TTL 255",
                INET_PORT, fromInternet(udp(HOST, 53, SHARED, 9000, 64)),
                INET_PORT, got -> hostUnreachable(udp(HOST, 53, SHARED, 9000, 64), got),
                Map.of("punt DOWNSTREAM_NO_BINDING", 1L, "slow-path punted-downstream-no-binding", 1L,
                        "slow-path out-icmpv4-3-1", 1L, "slow-path lab-packet-in", 1L, "slow-path lab-packet-out", 1L)),
            new Row("neighbour solicitation for the interface address: answered",
                LWB4_PORT, solicitation(AFTR_V6), LWB4_PORT, got -> advertisement(AFTR_V6),
                Map.of("punt NDP", 1L, "slow-path punted-ndp", 1L, "slow-path out-ndp-na", 1L,
                        "slow-path lab-packet-in", 1L, "slow-path lab-packet-out", 1L)),
            new Row("neighbour solicitation for a BR address only softwires name: not answered (as Snabb)",
                LWB4_PORT, solicitation(BR1), 0, null,
                Map.of("punt NDP", 1L, "slow-path punted-ndp", 1L, "slow-path drop-ignored", 1L,
                        "slow-path lab-packet-in", 1L)));
    }

    @Test
    public void wholeSnabbConfigurationForwardsOnBmv2() throws Exception {
        Path conf = startLab("vlan-system-ports.conf");
        String warn = lab.awaitOutput("warning: " + conf + ": line 3: softwire-config.binding-table.softwire: "
                + "198.51.100.1/psid 0 (psid-length 4): its port set holds system ports 0-1023", SLOW);
        assertTrue(warn, warn.endsWith("accepted as a deliberate assignment (RFC 7596 §5.1)"));
        lab.awaitOutput("device 1: converged", SLOW);
        SnabbSuite.run(lab, io, List.of(LWB4_PORT, INET_PORT), rows());
        lab.command("quit");
        assertEquals(0, lab.awaitExit(SLOW));
    }

    static final Ip4Address INET_ROUTER_IP = Ip4Address.valueOf("192.0.2.1");
    static final Ip6Address B4_ROUTER_IP = Ip6Address.valueOf("2001:db8:ffff::b4");

    /** RFC 826: "who has 192.0.2.1? tell 192.0.2.254", broadcast, tagged. */
    static Ethernet arpRequest() {
        return tagged(arp(ARP.OP_REQUEST, AFTR_MAC_INET, AFTR_V4, MacAddress.ZERO, INET_ROUTER_IP, MacAddress.BROADCAST),
                INET_VLAN);
    }

    static Ethernet arpReply() {
        return tagged(arp(ARP.OP_REPLY, INET_ROUTER, INET_ROUTER_IP, AFTR_MAC_INET, AFTR_V4, AFTR_MAC_INET), INET_VLAN);
    }

    /** RFC 4861 §7.2.2: the AFTR's solicitation for the router, to its solicited-node group, tagged. */
    static Ethernet routerSolicitation() {
        return tagged(neighborSolicitation(AFTR_MAC_B4, AFTR_V6, B4_ROUTER_IP, AFTR_MAC_B4), B4_VLAN);
    }

    /** The router's solicited advertisement (override set, its link-layer address). */
    static Ethernet routerAdvertisement() {
        return tagged(neighborAdvertisement(B4_ROUTER, AFTR_MAC_B4, B4_ROUTER_IP, AFTR_V6, B4_ROUTER_IP, B4_ROUTER),
                B4_VLAN);
    }

    /** {@code ip}'s payload bytes [from, to) as an IPv4 fragment (offset in bytes, MF). */
    static IPv4 fragment(IPv4 ip, int from, int to, boolean more) {
        byte[] whole = ip.serialize();
        IPv4 f = new IPv4();
        f.setSourceAddress(ip.getSourceAddress());
        f.setDestinationAddress(ip.getDestinationAddress());
        f.setProtocol(ip.getProtocol());
        f.setTtl(ip.getTtl());
        f.setIdentification((short) 0x4242);
        f.setFlags((byte) (more ? 1 : 0));
        f.setFragmentOffset((short) (from / 8));
        f.setPayload(new Data(Arrays.copyOfRange(whole, 20 + from, 20 + to)));
        return f;
    }

    /**
     * Next hops given by IP in a Snabb configuration, VLAN-tagged: the AFTR asks (one ARP request,
     * one neighbour solicitation, exact frames), learns from the answers, forwards to the learned
     * MACs, and asks nothing more once answered (as Snabb, within our 60 s refresh). With
     * {@code max-fragments-per-packet 1} nothing fragmented is reassembled.
     */
    @Test
    public void nextHopsByIpAndFragmentLimitOfASnabbConfiguration() throws Exception {
        startLab("next-hop-ip.conf");
        lab.awaitOutput("device 1: converged", SLOW);
        E2eProbe.expectExactly(io, INET_PORT, arpRequest());
        E2eProbe.expectExactly(io, LWB4_PORT, routerSolicitation());
        io.send(INET_PORT, arpReply());
        io.send(LWB4_PORT, routerAdvertisement());
        Ethernet down = toLwb4(BR1, Ip6Address.valueOf("2001:db8:1::1"), udp(HOST, 53, SHARED, 1030, 63));
        byte[] want = down.serialize();
        long deadline = System.currentTimeMillis() + 10_000;
        boolean forwarded = false;
        while (!forwarded && System.currentTimeMillis() < deadline) { // until the learned next_hop is written
            io.clear();
            io.send(INET_PORT, fromInternet(udp(HOST, 53, SHARED, 1030, 64)));
            try {
                forwarded = Arrays.equals(want, io.expectBytes(LWB4_PORT, 300));
            } catch (AssertionError notYet) {
                // retry
            }
        }
        assertTrue("downstream to the learned MAC, hop limit 255", forwarded);
        io.clear();
        // answered: no more requests (Snabb stops asking; we refresh after 60 s)
        io.expectNoFrame(LWB4_PORT, 3000);
        io.expectNoFrame(INET_PORT, 100);
        IPv4 whole = udp(HOST, 53, SHARED, 1030, 64);
        String a = "softwire 198.51.100.1/psid 1 ";
        SnabbSuite.run(lab, io, List.of(LWB4_PORT, INET_PORT), List.of(
            new Row("upstream to the learned Internet router",
                LWB4_PORT, fromLwb4(Ip6Address.valueOf("2001:db8:1::1"), BR1, LwaftrFrames.PROTO_IPV4,
                        udp(SHARED, 1030, HOST, 53, 64), 64),
                INET_PORT, got -> toInternet(udp(SHARED, 1030, HOST, 53, 64)), Map.of(a + "upstream", 1L)),
            new Row("first fragment: held (1 fragment is the limit)",
                INET_PORT, fromInternet(fragment(whole, 0, 8, true)), 0, null,
                Map.of("punt IPV4_FRAGMENT", 1L, "slow-path punted-ipv4-fragment", 1L,
                        "slow-path fragments-received", 1L, "slow-path lab-packet-in", 1L)),
            new Row("second fragment: over max-fragments-per-packet 1, nothing reassembled",
                INET_PORT, fromInternet(fragment(whole, 8, 16, false)), 0, null,
                Map.of("punt IPV4_FRAGMENT", 1L, "slow-path punted-ipv4-fragment", 1L,
                        "slow-path fragments-received", 1L, "slow-path reassembly-invalid", 1L,
                        "slow-path lab-packet-in", 1L))));
        lab.command("quit");
        assertEquals(0, lab.awaitExit(SLOW));
    }

    /** Bad input at start: exit status 2, one line "error: FILE: line N: snabb.path: why", no stack trace. */
    @Test
    public void badSnabbInputExitsWith2NamingFileLineAndSnabbPath() throws Exception {
        Path good = conf("vlan-system-ports.conf");
        String text = Files.readString(good);
        assertBad(text.replace("vlan-tag 125;", "vlan-tag 4095;"),
                ": line 59: softwire-config.instance.queue.internal-interface.vlan-tag: 4095 is outside 0..4094");
        assertBad(text.replace("psid 1;", "psid 0;"),
                ": line 12: softwire-config.binding-table.softwire.psid: entry 1 (add 198.51.100.1/psid 0): "
                        + "a softwire for 198.51.100.1/psid 0 already exists (lwB4 2001:db8:1::10)");
        assertBad(text.replace("psid-length 0;", "psid-length 17;"),
                ": line 27, column 21: softwire-config.binding-table.softwire.port-set.psid-length: 17 is outside 0..16");
        assertBad(text.replace("mtu 1500;", "mtu 1500"),
                ": line 37, column 5: softwire-config.external-interface.mtu: expected ';' or '{' after 'mtu 1500', "
                        + "got 'reassembly' (missing ';' at the end of line 36?)");
    }

    private void assertBad(String text, String expected) throws Exception {
        Path f = tmp.newFile().toPath();
        Files.writeString(f, text);
        lab = LabProcess.start("--target", "127.0.0.1:1", "--snabb-config", f.toString(), "--lwb4-port", "1",
                "--internet-port", "2");
        assertEquals(lab.output(), 2, lab.awaitExit(SLOW));
        assertEquals("error: " + f + expected + "\n", lab.output());
    }
}
