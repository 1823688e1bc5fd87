package org.lwaftr.tests.dataplane;

import org.junit.Test;
import org.lwaftr.pipeconf.gen.DropReason;
import org.lwaftr.pipeconf.gen.PuntReason;
import org.lwaftr.tests.bmv2.LwaftrFrames;
import org.onlab.packet.ARP;
import org.onlab.packet.Data;
import org.onlab.packet.Ethernet;
import org.onlab.packet.ICMP6;
import org.onlab.packet.IPv6;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.MacAddress;
import org.onlab.packet.ndp.NeighborDiscoveryOptions;
import org.onlab.packet.ndp.NeighborSolicitation;

import static org.lwaftr.tests.bmv2.LwaftrFrames.echo;
import static org.lwaftr.tests.bmv2.LwaftrFrames.ipv6;
import static org.lwaftr.tests.bmv2.LwaftrFrames.tcp;
import static org.lwaftr.tests.bmv2.LwaftrFrames.udp;
import static org.lwaftr.tests.dataplane.DownstreamTest.fromInternet;
import static org.lwaftr.tests.dataplane.Net.A;
import static org.lwaftr.tests.dataplane.Net.AFTR_IPV4;
import static org.lwaftr.tests.dataplane.Net.AFTR_LWB4_MAC;
import static org.lwaftr.tests.dataplane.Net.BR1;
import static org.lwaftr.tests.dataplane.Net.HOST;
import static org.lwaftr.tests.dataplane.Net.INET_PORT;
import static org.lwaftr.tests.dataplane.Net.INET_ROUTER_MAC;
import static org.lwaftr.tests.dataplane.Net.LWB4_PORT;
import static org.lwaftr.tests.dataplane.Net.LWB4_ROUTER_MAC;
import static org.lwaftr.tests.dataplane.Net.SETTINGS;
import static org.lwaftr.tests.dataplane.Net.SHARED;
import static org.lwaftr.tests.dataplane.UpstreamTest.fromLwb4;

/** Packets for the AFTR itself: ICMP echo, ARP, neighbour discovery (answered by the controller). */
public class ToAftrTest extends LwaftrTestBase {
    private static final Ip6Address LINK_LOCAL = Ip6Address.valueOf("fe80::b4");

    private static void expectPuntOf(int port, byte[] frame, PuntReason reason) {
        send(port, frame);
        expectPunt(reason, port, frame);
        assertPuntCounted(reason, frame);
    }

    static byte[] arpRequest(Ip4Address target) {
        ARP arp = new ARP();
        arp.setHardwareType(ARP.HW_TYPE_ETHERNET);
        arp.setProtocolType(ARP.PROTO_TYPE_IP);
        arp.setHardwareAddressLength((byte) 6);
        arp.setProtocolAddressLength((byte) 4);
        arp.setOpCode(ARP.OP_REQUEST);
        arp.setSenderHardwareAddress(INET_ROUTER_MAC.toBytes());
        arp.setSenderProtocolAddress(HOST.toOctets());
        arp.setTargetHardwareAddress(MacAddress.ZERO.toBytes());
        arp.setTargetProtocolAddress(target.toOctets());
        return LwaftrFrames.frame(INET_ROUTER_MAC, MacAddress.BROADCAST, 0, Ethernet.TYPE_ARP, arp.serialize());
    }

    /** A neighbour solicitation for {@code target} to its solicited-node group (RFC 4861 §4.3). */
    private static byte[] neighbourSolicitation(Ip6Address target) {
        NeighborSolicitation ns = new NeighborSolicitation();
        ns.setTargetAddress(target.toOctets());
        ns.addOption(NeighborDiscoveryOptions.TYPE_SOURCE_LL_ADDRESS, LWB4_ROUTER_MAC.toBytes());
        ICMP6 icmp6 = new ICMP6();
        icmp6.setIcmpType(ICMP6.NEIGHBOR_SOLICITATION);
        icmp6.setPayload(ns);
        byte[] t = target.toOctets();
        Ip6Address group = Ip6Address.valueOf(new byte[]{(byte) 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, (byte) 0xff,
                t[13], t[14], t[15]});
        IPv6 ip6 = ipv6(LINK_LOCAL, group, IPv6.PROTOCOL_ICMP6, icmp6);
        ip6.setHopLimit((byte) 255);
        MacAddress groupMac = MacAddress.valueOf(new byte[]{0x33, 0x33, (byte) 0xff, t[13], t[14], t[15]});
        return LwaftrFrames.frame(LWB4_ROUTER_MAC, groupMac, 0, Ethernet.TYPE_IPV6, ip6.serialize());
    }

    private static byte[] icmp6ToBr(byte type, byte code, byte[] body) {
        return icmp6ToBr(A.lwb4, type, code, body);
    }

    private static byte[] icmp6ToBr(Ip6Address src, byte type, byte code, byte[] body) {
        ICMP6 icmp6 = new ICMP6();
        icmp6.setIcmpType(type);
        icmp6.setIcmpCode(code);
        icmp6.setPayload(new Data(body));
        return fromLwb4(ipv6(src, BR1, IPv6.PROTOCOL_ICMP6, icmp6).serialize());
    }

    @Test
    public void rfc792EchoToAnAftrAddressIsPuntedForAnAnswer() {
        expectPuntOf(INET_PORT, fromInternet(echo(HOST, AFTR_IPV4, true, 77, 1)), PuntReason.ICMPV4_TO_AFTR);
    }

    @Test
    public void rfc792EchoToAnAftrAddressIsPuntedEvenWhenIncomingIcmpIsRefused() {
        // The policy protects subscribers; the AFTR's own address still answers pings.
        configure(SETTINGS.withAllowIncomingIcmp(false));
        expectPuntOf(INET_PORT, fromInternet(echo(HOST, AFTR_IPV4, true, 77, 1)), PuntReason.ICMPV4_TO_AFTR);
    }

    @Test
    public void nonIcmpToAnAftrAddressIsDropped() {
        send(INET_PORT, fromInternet(tcp(HOST, 5555, AFTR_IPV4, 22)));
        expectDrop(DropReason.AFTR_OTHER);
    }

    @Test
    public void rfc4443EchoToABrAddressIsPunted() {
        expectPuntOf(LWB4_PORT, icmp6ToBr(ICMP6.ECHO_REQUEST, (byte) 0, new byte[]{0, 1, 0, 1, 'h', 'i'}),
                PuntReason.ICMPV6_TO_BR);
    }

    @Test
    public void rfc2473Sec8Icmpv6ErrorToABrIsPuntedForRelay() {
        byte[] quoted = LwaftrFrames.tunnel(BR1, A.lwb4, udp(HOST, 53, SHARED, 1040));
        byte[] body = new byte[4 + quoted.length];
        body[2] = 0x05;
        body[3] = (byte) 0x00; // MTU 1280
        System.arraycopy(quoted, 0, body, 4, quoted.length);
        expectPuntOf(LWB4_PORT, icmp6ToBr(ICMP6.PKT_TOO_BIG, (byte) 0, body), PuntReason.ICMPV6_TO_BR);
    }

    /** Routers anywhere between the AFTR and the lwB4s send these: the source is not checked. */
    private static byte[] routerErrorToBr(byte type, byte code) {
        byte[] quoted = LwaftrFrames.tunnel(BR1, A.lwb4, udp(HOST, 53, SHARED, 1040));
        byte[] body = new byte[4 + quoted.length];
        System.arraycopy(quoted, 0, body, 4, quoted.length);
        return icmp6ToBr(Ip6Address.valueOf("2001:db8:ff::99"), type, code, body);
    }

    @Test
    public void rfc2473Sec8DestinationUnreachableFromARouterIsPuntedForRelay() {
        expectPuntOf(LWB4_PORT, routerErrorToBr(ICMP6.DEST_UNREACH, (byte) 3), PuntReason.ICMPV6_TO_BR);
    }

    @Test
    public void rfc2473Sec8HopLimitExceededFromARouterIsPuntedForRelay() {
        expectPuntOf(LWB4_PORT, routerErrorToBr(ICMP6.TIME_EXCEED, (byte) 0), PuntReason.ICMPV6_TO_BR);
    }

    @Test
    public void rfc826ArpForAnAftrAddressIsPunted() {
        expectPuntOf(INET_PORT, arpRequest(AFTR_IPV4), PuntReason.ARP);
    }

    @Test
    public void rfc826ArpForAnotherAddressIsDropped() {
        send(INET_PORT, arpRequest(HOST));
        expectDrop(DropReason.NOT_FOR_AFTR);
    }

    @Test
    public void rfc4861NeighbourSolicitationOnTheLwb4SideIsPunted() {
        expectPuntOf(LWB4_PORT, neighbourSolicitation(BR1), PuntReason.NDP);
    }

    @Test
    public void rfc4861NeighbourDiscoveryOnTheInternetSideIsDropped() {
        send(INET_PORT, neighbourSolicitation(BR1));
        expectDrop(DropReason.NOT_FOR_AFTR);
    }

    @Test
    public void unicastNeighbourSolicitationToTheAftrMacIsPunted() {
        byte[] multicast = neighbourSolicitation(BR1);
        byte[] unicast = multicast.clone();
        System.arraycopy(AFTR_LWB4_MAC.toBytes(), 0, unicast, 0, 6);
        expectPuntOf(LWB4_PORT, unicast, PuntReason.NDP);
    }

    @Test
    public void arpOnTheLwb4SideForAnAftrAddressIsAlsoPunted() {
        expectPuntOf(LWB4_PORT, arpRequest(AFTR_IPV4), PuntReason.ARP);
    }
}
