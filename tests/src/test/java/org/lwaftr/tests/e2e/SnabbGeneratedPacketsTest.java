package org.lwaftr.tests.e2e;

import org.junit.Test;
import org.lwaftr.config.SlowPathConfigs;
import org.lwaftr.core.BindingTable;
import org.lwaftr.core.Softwire;
import org.lwaftr.lab.LabConfig;
import org.lwaftr.lab.SnabbConfigMapper;
import org.lwaftr.pipeconf.gen.PuntReason;
import org.lwaftr.slowpath.NextHopResolver;
import org.lwaftr.slowpath.OutboundPacket;
import org.lwaftr.slowpath.SlowPath;
import org.lwaftr.tests.bmv2.FrameIo;
import org.onlab.packet.Ethernet;
import org.onlab.packet.IPv4;
import org.onlab.packet.Ip6Address;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.lwaftr.tests.e2e.E2eSetup.AFTR_V6;
import static org.lwaftr.tests.e2e.E2eSetup.B4_ROUTER;
import static org.lwaftr.tests.e2e.E2eSetup.HOST;
import static org.lwaftr.tests.e2e.E2eSetup.INET_PORT;
import static org.lwaftr.tests.e2e.E2eSetup.INET_ROUTER;
import static org.lwaftr.tests.e2e.E2eSetup.LWB4_PORT;
import static org.lwaftr.tests.e2e.E2eSetup.SHARED;
import static org.lwaftr.tests.e2e.E2eSetup.udp;
import static org.lwaftr.tests.e2e.SnabbConfigEndToEndTest.BR1;

/**
 * The packets the AFTR generates itself for the Snabb configurations of
 * {@link SnabbConfigEndToEndTest}, without a switch: the slow path the lab command builds from
 * them (same mapping, same {@link SlowPathConfigs}) answers the rows' punted frames with exactly
 * the rows' expected frames (docs/snabb-parity.md: NA flags, the targets answered, ICMPv4 TTL 255,
 * requests for next hops given by IP and none once answered).
 */
public class SnabbGeneratedPacketsTest {
    private long now = 1_000_000_000L;

    private static LabConfig config(String name) throws Exception {
        try (InputStream in = SnabbGeneratedPacketsTest.class.getResourceAsStream("/snabb/" + name)) {
            return SnabbConfigMapper.map(new String(in.readAllBytes(), StandardCharsets.UTF_8), LWB4_PORT, INET_PORT);
        }
    }

    /** As LabController builds it. */
    private SlowPath slowPath(LabConfig c, NextHopResolver resolver) {
        BindingTable table = new BindingTable(c.policy().allowSystemPorts());
        table.addAll(c.softwires());
        Set<Ip6Address> brs = new LinkedHashSet<>();
        c.softwires().stream().map(Softwire::br).forEach(brs::add);
        return new SlowPath(SlowPathConfigs.of(c.policy(), c.settings(), brs, c.slowPathTuning()), table, resolver);
    }

    private static void assertFrame(Ethernet want, OutboundPacket got, int port) {
        assertEquals(port, got.port());
        byte[] w = want.serialize();
        assertTrue("\n expected " + FrameIo.hex(w) + "\n actual   " + FrameIo.hex(got.frame()),
                Arrays.equals(w, got.frame()));
    }

    @Test
    public void neighbourSolicitationsAndIcmpErrorsOfASnabbConfiguration() throws Exception {
        SlowPath sp = slowPath(config("vlan-system-ports.conf"), new NextHopResolver(() -> now, (l, i) -> { }));
        List<OutboundPacket> out = sp.handle(SnabbConfigEndToEndTest.solicitation(AFTR_V6).serialize(), LWB4_PORT,
                PuntReason.NDP.code());
        assertEquals(1, out.size());
        assertFrame(SnabbConfigEndToEndTest.advertisement(AFTR_V6), out.get(0), LWB4_PORT);

        assertEquals("a BR only softwires name (Snabb's ndp_incoming_ns_secondary)", List.of(),
                sp.handle(SnabbConfigEndToEndTest.solicitation(BR1).serialize(), LWB4_PORT, PuntReason.NDP.code()));

        IPv4 unbound = udp(HOST, 53, SHARED, 9000, 64);
        out = sp.handle(SnabbConfigEndToEndTest.fromInternet(unbound).serialize(), INET_PORT,
                PuntReason.DOWNSTREAM_NO_BINDING.code());
        assertEquals(1, out.size());
        assertFrame(SnabbConfigEndToEndTest.hostUnreachable(udp(HOST, 53, SHARED, 9000, 64), out.get(0).frame()),
                out.get(0), INET_PORT);
        assertEquals("TTL 255 as Snabb", 255, out.get(0).frame()[18 + 8] & 0xff);
    }

    @Test
    public void nextHopsByIpAreAskedForUntilAnsweredThenNotAgainWithinTheRefresh() throws Exception {
        NextHopResolver r = new NextHopResolver(() -> now, (l, i) -> { });
        SlowPath sp = slowPath(config("next-hop-ip.conf"), r);
        List<OutboundPacket> asked = r.due();
        assertEquals(2, asked.size());
        assertFrame(SnabbConfigEndToEndTest.routerSolicitation(), asked.get(0), LWB4_PORT);
        assertFrame(SnabbConfigEndToEndTest.arpRequest(), asked.get(1), INET_PORT);
        assertEquals(List.of(), sp.handle(SnabbConfigEndToEndTest.arpReply().serialize(), INET_PORT,
                PuntReason.ARP.code()));
        assertEquals(List.of(), sp.handle(SnabbConfigEndToEndTest.routerAdvertisement().serialize(), LWB4_PORT,
                PuntReason.NDP.code()));
        assertEquals(B4_ROUTER, r.lwb4Mac());
        assertEquals(INET_ROUTER, r.internetMac());
        now += TimeUnit.SECONDS.toNanos(59);
        assertEquals("answered: nothing more until the refresh", List.of(), r.due());
    }
}
