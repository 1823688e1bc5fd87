package org.lwaftr.slowpath;

import org.junit.Test;
import org.onlab.packet.ARP;
import org.onlab.packet.Ethernet;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.MacAddress;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.lwaftr.slowpath.Fx.*;

/**
 * Next hops given by address: requests (RFC 826, RFC 4861 §7.2.2), retries and refreshes,
 * learning from ARP packets and neighbour advertisements (RFC 4861 §7.2.5), and the slow path's
 * own packets waiting for it.
 */
public class NextHopResolverTest {

    private static final int ARP_REASON = 1;
    private static final int NDP_REASON = 2;
    private static final int ICMPV4_TO_AFTR = 3;
    private static final Ip4Address NH4 = Ip4Address.valueOf("192.0.2.254");
    private static final Ip6Address NH6 = Ip6Address.valueOf("2001:db8::fe");
    private static final MacAddress ROUTER4 = MacAddress.valueOf("02:00:00:00:04:04");
    private static final MacAddress ROUTER6 = MacAddress.valueOf("02:00:00:00:06:06");
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final Clock clock = new Clock();
    private final List<MacAddress[]> heard = new ArrayList<>();
    private final NextHopResolver resolver = new NextHopResolver(clock::get,
            (l, i) -> heard.add(new MacAddress[] {l, i}));

    private static SlowPathConfigBuilder byAddress() {
        return config().lwb4Side(LWB4_PORT, LWB4_VLAN, LWB4_AFTR_MAC, null, 1500).lwb4NextHopIp(NH6)
                .internetSide(INET_PORT, 0, INET_AFTR_MAC, null, 1500).internetNextHopIp(NH4);
    }

    private SlowPath slowPath(SlowPathConfig cfg) {
        return new SlowPath(cfg, table(), clock::get, () -> 0x1234, resolver);
    }

    private SlowPath slowPath() {
        return slowPath(byAddress().build());
    }

    /** An ARP packet received on {@code port} from {@code sender}. */
    private static byte[] arpFrom(short op, Ip4Address sender, MacAddress sha, Ip4Address target) {
        ARP a = NdpArp.arp(op, sha, sender.toOctets(), op == ARP.OP_REPLY ? INET_AFTR_MAC.toBytes() : new byte[6],
                target.toOctets());
        byte[] f = fromInternet(a, Ethernet.TYPE_ARP);
        System.arraycopy(ROUTER4.toBytes(), 0, f, 6, 6);
        return f;
    }

    /** An NA body: flags (R, S, O), target, optional target link-layer address option. */
    private static byte[] na(int flags, Ip6Address target, byte[] option) {
        byte[] b = new byte[20 + (option == null ? 0 : option.length)];
        b[0] = (byte) flags;
        System.arraycopy(target.toOctets(), 0, b, 4, 16);
        if (option != null) {
            System.arraycopy(option, 0, b, 20, option.length);
        }
        return b;
    }

    private static byte[] tlla(MacAddress mac) {
        byte[] o = new byte[8];
        o[0] = 2;
        o[1] = 1;
        System.arraycopy(mac.toBytes(), 0, o, 2, 6);
        return o;
    }

    private static final int R = 0x80;
    private static final int S = 0x40;
    private static final int O = 0x20;

    private static byte[] naFrame(int flags, Ip6Address target, byte[] option, int hopLimit) {
        return icmp6Frame(NH6, AFTR_IPV6, 136, na(flags, target, option), hopLimit, LWB4_AFTR_MAC);
    }

    private static OutboundPacket only(List<OutboundPacket> out, int port) {
        for (OutboundPacket p : out) {
            if (p.port() == port) {
                return p;
            }
        }
        fail("nothing out of port " + port + ": " + out);
        return null;
    }

    @Test
    public void rfc826UnresolvedInternetNextHopIsAskedByABroadcastRequestFromTheAftrAddress() {
        slowPath();
        OutboundPacket p = only(resolver.due(), INET_PORT);
        assertEquals("ffffffffffff" + "020000000002" + "0806"
                + "0001" + "0800" + "06" + "04" + "0001"
                + "020000000002" + "c0000201" + "000000000000" + "c00002fe", hex(p.frame()));
        assertEquals(1L, (long) resolver.counters().get("out-arp-request"));
    }

    @Test
    public void rfc4861Sec722SolicitationGoesToTheSolicitedNodeGroupWithTheSourceLinkLayerAddress() {
        slowPath();
        OutboundPacket p = only(resolver.due(), LWB4_PORT);
        String got = hex(p.frame());
        // Checksum (frame offset 60) checked separately.
        assertEquals("3333ff0000fe" + "020000000001" + "8100" + "0064" + "86dd"
                + "60000000" + "0020" + "3a" + "ff"
                + "20010db80000000000000000" + "0000000a"
                + "ff020000000000000000" + "0001ff0000fe"
                + "87" + "00" + "xxxx" + "00000000"
                + "20010db80000000000000000000000fe"
                + "01" + "01" + "020000000001", got.substring(0, 120) + "xxxx" + got.substring(124));
        assertIcmpv6Checksum(p.frame(), 18);
        assertEquals(1L, (long) resolver.counters().get("out-ndp-ns"));
    }

    @Test
    public void unansweredRequestsAreRetriedWithBackOffUpToThirtySeconds() {
        slowPath();
        assertEquals(2, resolver.due().size());
        List<Long> sentAt = new ArrayList<>();
        for (int s = 1; s <= 200; s++) {
            clock.now += SECOND;
            if (!resolver.due().isEmpty()) {
                sentAt.add((long) s);
            }
        }
        // 1, 2, 4, 8, 16 s apart, then every 30 s.
        assertEquals(List.of(1L, 3L, 7L, 15L, 31L, 61L, 91L, 121L, 151L, 181L), sentAt);
    }

    @Test
    public void rfc826ReplyFromTheNextHopIsLearnedAndUsedForTheSlowPathsPackets() {
        SlowPath sp = slowPath();
        resolver.due();
        // Before: an echo reply toward the Internet has no next hop.
        byte[] ping = fromInternet(IcmpErrorsTest.echo(HOST, AFTR_IPV4, 7));
        assertTrue(sp.handle(ping, INET_PORT, ICMPV4_TO_AFTR).isEmpty());
        assertEquals(1L, (long) sp.counters().get("drop-no-next-hop"));

        assertTrue(sp.handle(arpFrom(ARP.OP_REPLY, NH4, ROUTER4, AFTR_IPV4), INET_PORT, ARP_REASON).isEmpty());
        assertEquals(ROUTER4, resolver.internetMac());
        assertEquals(1, heard.size());
        assertNull(heard.get(0)[0]);
        assertEquals(ROUTER4, heard.get(0)[1]);
        assertEquals(1L, (long) sp.counters().get("next-hop-learned"));
        assertEquals(0L, (long) sp.counters().get("drop-ignored"));

        List<OutboundPacket> out = sp.handle(ping, INET_PORT, ICMPV4_TO_AFTR);
        assertEquals(1, out.size());
        assertEquals("020000000404" + "020000000002" + "0800", hex(out.get(0).frame()).substring(0, 28));

        // Resolved: no more requests until the refresh, then one.
        clock.now += 59 * SECOND;
        assertTrue(resolver.due().stream().noneMatch(p -> p.port() == INET_PORT));
        clock.now += SECOND;
        only(resolver.due(), INET_PORT);
        // The same MAC again is not a change.
        sp.handle(arpFrom(ARP.OP_REPLY, NH4, ROUTER4, AFTR_IPV4), INET_PORT, ARP_REASON);
        assertEquals(1, heard.size());
        assertEquals(2L, (long) sp.counters().get("next-hop-learned"));
    }

    @Test
    public void rfc826MergeTheNextHopsOwnRequestUpdatesItsMacAndIsAnswered() {
        SlowPath sp = slowPath();
        sp.handle(arpFrom(ARP.OP_REPLY, NH4, ROUTER4, AFTR_IPV4), INET_PORT, ARP_REASON);
        MacAddress replaced = MacAddress.valueOf("02:00:00:00:04:05");
        List<OutboundPacket> out = sp.handle(arpFrom(ARP.OP_REQUEST, NH4, replaced, AFTR_IPV4), INET_PORT,
                ARP_REASON);
        assertEquals(1, out.size());
        assertEquals(replaced, resolver.internetMac());
        assertEquals(2, heard.size());
        assertEquals(2L, (long) sp.counters().get("next-hop-changed"));
    }

    @Test
    public void arpRepliesFromAnotherAddressOrTheWrongSideOrBroadcastSenderAreNotLearned() {
        SlowPath sp = slowPath();
        sp.handle(arpFrom(ARP.OP_REPLY, HOST, ROUTER4, AFTR_IPV4), INET_PORT, ARP_REASON);
        sp.handle(arpFrom(ARP.OP_REPLY, NH4, ROUTER4, AFTR_IPV4), LWB4_PORT, ARP_REASON);
        assertEquals(2L, (long) sp.counters().get("drop-ignored"));
        sp.handle(arpFrom(ARP.OP_REPLY, NH4, MacAddress.BROADCAST, AFTR_IPV4), INET_PORT, ARP_REASON);
        assertEquals(1L, (long) sp.counters().get("drop-malformed"));
        assertNull(resolver.internetMac());
        assertTrue(heard.isEmpty());
    }

    @Test
    public void rfc4861Sec725SolicitedAdvertisementWithTargetLinkLayerAddressIsLearned() {
        SlowPath sp = slowPath();
        assertTrue(sp.handle(naFrame(R | S | O, NH6, tlla(ROUTER6), 255), LWB4_PORT, NDP_REASON).isEmpty());
        assertEquals(ROUTER6, resolver.lwb4Mac());
        assertEquals(ROUTER6, heard.get(0)[0]);
        // ICMPv6 errors and echo replies toward the lwB4s now leave to the router.
        assertEquals(ROUTER6, sp.nextHops().mac(sp.config().lwb4Side()));
    }

    @Test
    public void rfc4861Sec725OverrideDecidesWhetherAKnownMacChanges() {
        SlowPath sp = slowPath();
        sp.handle(naFrame(R | S | O, NH6, tlla(ROUTER6), 255), LWB4_PORT, NDP_REASON);
        MacAddress other = MacAddress.valueOf("02:00:00:00:06:07");
        sp.handle(naFrame(R | S, NH6, tlla(other), 255), LWB4_PORT, NDP_REASON);
        assertEquals("O = 0 keeps the known MAC", ROUTER6, resolver.lwb4Mac());
        sp.handle(naFrame(R | O, NH6, tlla(other), 255), LWB4_PORT, NDP_REASON);
        assertEquals("unsolicited O = 1 replaces it", other, resolver.lwb4Mac());
        assertEquals(2, heard.size());
    }

    @Test
    public void rfc4861Sec711InvalidOrForeignAdvertisementsAreNotLearned() {
        SlowPath sp = slowPath();
        sp.handle(naFrame(S | O, NH6, null, 255), LWB4_PORT, NDP_REASON);                 // no TLLA (§7.2.5)
        sp.handle(naFrame(S | O, LWB4, tlla(ROUTER6), 255), LWB4_PORT, NDP_REASON);       // another target
        sp.handle(naFrame(S | O, NH6, tlla(ROUTER6), 255), INET_PORT, NDP_REASON);        // wrong side
        assertEquals(3L, (long) sp.counters().get("drop-ignored"));
        sp.handle(naFrame(S | O, NH6, tlla(ROUTER6), 64), LWB4_PORT, NDP_REASON);         // hop limit
        sp.handle(naFrame(S | O, NH6, new byte[] {2, 0, 0, 0, 0, 0, 0, 0}, 255), LWB4_PORT, NDP_REASON); // length 0
        sp.handle(naFrame(S | O, NH6, tlla(MacAddress.BROADCAST), 255), LWB4_PORT, NDP_REASON);
        sp.handle(icmp6Frame(NH6, Ip6Address.valueOf("ff02::1"), 136, na(S | O, NH6, tlla(ROUTER6)), 255,
                LWB4_AFTR_MAC), LWB4_PORT, NDP_REASON);                                     // solicited, multicast
        assertEquals(4L, (long) sp.counters().get("drop-malformed"));
        byte[] bad = naFrame(S | O, NH6, tlla(ROUTER6), 255);
        bad[bad.length - 1] ^= 1;                                                            // checksum
        sp.handle(bad, LWB4_PORT, NDP_REASON);
        assertEquals(1L, (long) sp.counters().get("drop-bad-checksum"));
        assertNull(resolver.lwb4Mac());
        assertTrue(heard.isEmpty());
    }

    @Test
    public void aRebuiltSlowPathKeepsWhatWasLearnedUnlessTheNextHopChanged() {
        slowPath().handle(naFrame(R | S | O, NH6, tlla(ROUTER6), 255), LWB4_PORT, NDP_REASON);
        slowPath(byAddress().hopLimit(32).build());
        assertEquals(ROUTER6, resolver.lwb4Mac());
        assertEquals(1, heard.size());
        slowPath(byAddress().lwb4NextHopIp(Ip6Address.valueOf("2001:db8::fd")).build());
        assertNull(resolver.lwb4Mac());
        assertEquals(2, heard.size());
        assertNull(heard.get(1)[0]);
    }

    @Test
    public void aNextHopGivenByMacIsNeverAsked() {
        new SlowPath(config().build(), table(), clock::get, () -> 1, resolver);
        assertTrue(resolver.due().isEmpty());
    }

    @Test
    public void anIpv6NextHopNeedsAnAftrIpv6AddressAndNotAlsoAMac() {
        try {
            SlowPathConfig.builder().lwb4Side(LWB4_PORT, 0, LWB4_AFTR_MAC, null, 1500).lwb4NextHopIp(NH6)
                    .internetSide(INET_PORT, 0, INET_AFTR_MAC, INET_NEXT_HOP, 1500).aftrIpv4(AFTR_IPV4).build();
            fail("no source address");
        } catch (SlowPathConfigException e) {
            assertEquals("lwb4-side.next-hop-ip", e.field());
        }
        try {
            config().lwb4NextHopIp(NH6).build();
            fail("MAC and address");
        } catch (SlowPathConfigException e) {
            assertEquals("lwb4-side.next-hop-ip", e.field());
        }
    }
}
