package org.lwaftr.tests.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.DeviceSettingsCodec;
import org.lwaftr.config.IcmpPolicy;
import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.config.PortBinding;
import org.lwaftr.config.PolicyCodec;
import org.lwaftr.config.PortRole;
import org.lwaftr.config.SideSettings;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.lwaftr.lab.LabConfig;
import org.lwaftr.tests.bmv2.Bmv2Switch;
import org.lwaftr.tests.bmv2.FrameIo;
import org.lwaftr.tests.bmv2.LwaftrFrames;
import org.onlab.packet.ARP;
import org.onlab.packet.Ethernet;
import org.onlab.packet.ICMP6;
import org.onlab.packet.IPv4;
import org.onlab.packet.IPv6;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.MacAddress;
import org.onlab.packet.ndp.NeighborAdvertisement;
import org.onlab.packet.ndp.NeighborDiscoveryOptions;
import org.onlab.packet.ndp.NeighborSolicitation;

import java.util.List;

/** The lab network of the end-to-end tests: lwB4s on port 1, the Internet on port 2. */
final class E2eSetup {
    static final int LWB4_PORT = 1;
    static final int INET_PORT = 2;
    static final MacAddress AFTR_MAC_B4 = MacAddress.valueOf("02:aa:00:00:00:01");
    static final MacAddress AFTR_MAC_INET = MacAddress.valueOf("02:aa:00:00:00:02");
    static final MacAddress B4_ROUTER = MacAddress.valueOf("02:bb:00:00:00:01");
    static final MacAddress INET_ROUTER = MacAddress.valueOf("02:bb:00:00:00:02");
    static final Ip4Address AFTR_V4 = Ip4Address.valueOf("192.0.2.254");
    static final Ip6Address AFTR_V6 = Ip6Address.valueOf("2001:db8:ffff::fe");
    static final Ip6Address BR = Ip6Address.valueOf("2001:db8:ffff::1");
    static final Ip4Address HOST = Ip4Address.valueOf("203.0.113.9");
    static final Ip4Address SHARED = Ip4Address.valueOf("198.51.100.1");
    static final Ip4Address OTHER = Ip4Address.valueOf("198.51.100.2");

    private E2eSetup() {
    }

    /** Closes a test class's frame I/O and switch, either of which may be null (never started). */
    static void close(FrameIo io, Bmv2Switch sw) {
        if (io != null) {
            io.close();
        }
        if (sw != null) {
            sw.close();
        }
    }

    /** Softwire {@code psid} of 198.51.100.1 (6-bit PSIDs, ports psid·1024 …+1023). */
    static Softwire shared(int psid) {
        return Softwire.of(SHARED, PortSet.of(0, 6, psid), Ip6Address.valueOf("2001:db8:1::" + psid), BR);
    }

    /** The whole address 198.51.100.2 (hairpin partner). */
    static Softwire whole() {
        return Softwire.of(OTHER, PortSet.WHOLE_ADDRESS, Ip6Address.valueOf("2001:db8:2::1"), BR);
    }

    static int port(Softwire s) {
        return s.portSet().psid() * 1024 + 7;
    }

    static LabConfig config(IcmpPolicy icmp, List<Softwire> softwires) {
        return config(LwaftrPolicy.builder().icmp(icmp).build(), softwires);
    }

    /** As {@link #config(IcmpPolicy, List)} with the given sides (next hops by MAC or by IP). */
    static LabConfig config(IcmpPolicy icmp, List<Softwire> softwires, SideSettings b4, SideSettings inet) {
        return config(LwaftrPolicy.builder().icmp(icmp).build(), softwires, b4, inet);
    }

    /** The lab network with {@code p} as the policy (MTUs, hairpinning, ...). */
    static LabConfig config(LwaftrPolicy p, List<Softwire> softwires) {
        return config(p, softwires, new SideSettings(LWB4_PORT, 0, AFTR_MAC_B4, B4_ROUTER),
                new SideSettings(INET_PORT, 0, AFTR_MAC_INET, INET_ROUTER));
    }

    private static LabConfig config(LwaftrPolicy p, List<Softwire> softwires, SideSettings b4, SideSettings inet) {
        DeviceSettings d = new DeviceSettings(b4, inet,
                List.of(new PortBinding(LWB4_PORT, 0, PortRole.LWB4, AFTR_MAC_B4),
                        new PortBinding(INET_PORT, 0, PortRole.INTERNET, AFTR_MAC_INET)),
                List.of(AFTR_V4), List.of(AFTR_V6), List.of(BR));
        return new LabConfig(p, d, softwires, b -> { }, List.of());
    }

    /**
     * {@code cfg}'s policy and device settings as the app's netcfg JSON (docs/netcfg.md), written
     * by the app's own codecs, for {@code lab.sh --netcfg}.
     */
    static String netcfg(LabConfig cfg) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.putObject("apps").putObject("org.lwaftr.app").set("lwaftr", PolicyCodec.encode(cfg.policy()));
        root.putObject("devices").putObject("device:bmv2:lab").set("lwaftr",
                DeviceSettingsCodec.encode(cfg.settings()));
        return root.toPrettyString();
    }

    /** ICMP policy: ICMPv4 errors on/off, rates per period (s). */
    static IcmpPolicy icmp(boolean v4Errors, boolean v6Errors, int v4Rate, int period) {
        return new IcmpPolicy(true, true, v4Errors, v6Errors, v4Rate, 300, period);
    }

    // ------------------------------------------------------------------ frames

    static IPv4 udp(Ip4Address src, int sport, Ip4Address dst, int dport, int ttl) {
        IPv4 ip = LwaftrFrames.udp(src, sport, dst, dport, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        ip.setTtl((byte) ttl);
        return ip;
    }

    static IPv4 tcp(Ip4Address src, int sport, Ip4Address dst, int dport) {
        return LwaftrFrames.tcp(src, sport, dst, dport);
    }

    /** RFC 7596 §8.1: the identifier is the port. */
    static IPv4 echo(Ip4Address src, Ip4Address dst, int id, boolean request) {
        return LwaftrFrames.echo(src, dst, request, id, 0);
    }

    /** From the Internet router to the AFTR. */
    static Ethernet fromInternet(IPv4 ip) {
        return LwaftrFrames.ethernet(INET_ROUTER, AFTR_MAC_INET, Ethernet.TYPE_IPV4, ip);
    }

    /**
     * RFC 7596 §6.2 / RFC 2473: what the AFTR must send toward {@code to}'s lwB4 for a packet from the
     * Internet — {@code ip} (built by the caller with the TTL already decremented) in IPv6 from the BR,
     * traffic class 0 (the TOS), flow label 0, hop limit 64 (the policy defaults), to the lwB4 router.
     */
    static Ethernet toLwb4(Softwire to, IPv4 ip) {
        return LwaftrFrames.ethernet(AFTR_MAC_B4, B4_ROUTER, Ethernet.TYPE_IPV6,
                LwaftrFrames.ipv6(BR, to.lwb4(), LwaftrFrames.PROTO_IPV4, ip));
    }

    /** RFC 7596 §6.2: what the AFTR must send toward the Internet for a lwB4's {@code ip}: the packet as it was. */
    static Ethernet toInternet(IPv4 ip) {
        return LwaftrFrames.ethernet(AFTR_MAC_INET, INET_ROUTER, Ethernet.TYPE_IPV4, ip);
    }

    /** From an (emulated) lwB4: IPv4 in IPv6 (RFC 2473) from {@code lwb4} to the BR. */
    static Ethernet fromLwb4(Ip6Address lwb4, IPv4 ip) {
        return LwaftrFrames.ethernet(B4_ROUTER, AFTR_MAC_B4, Ethernet.TYPE_IPV6,
                LwaftrFrames.ipv6(lwb4, BR, LwaftrFrames.PROTO_IPV4, ip));
    }

    /** RFC 826: an Ethernet/IPv4 ARP packet from {@code senderMac}, in a frame to {@code ethDst}. */
    static Ethernet arp(short op, MacAddress senderMac, Ip4Address senderIp, MacAddress targetMac, Ip4Address targetIp,
                        MacAddress ethDst) {
        ARP a = new ARP();
        a.setHardwareType(ARP.HW_TYPE_ETHERNET).setProtocolType(ARP.PROTO_TYPE_IP)
                .setHardwareAddressLength((byte) 6).setProtocolAddressLength((byte) 4).setOpCode(op)
                .setSenderHardwareAddress(senderMac.toBytes()).setSenderProtocolAddress(senderIp.toOctets())
                .setTargetHardwareAddress(targetMac.toBytes()).setTargetProtocolAddress(targetIp.toOctets());
        return LwaftrFrames.ethernet(senderMac, ethDst, Ethernet.TYPE_ARP, a);
    }

    /**
     * RFC 4861 §4.3 / §7.2.2: a solicitation for {@code target} from {@code src}, to the target's
     * solicited-node group (RFC 4291 §2.7.1) and its MAC (RFC 2464 §7), hop limit 255.
     */
    static Ethernet neighborSolicitation(MacAddress ethSrc, Ip6Address src, Ip6Address target, MacAddress slla) {
        NeighborSolicitation ns = new NeighborSolicitation();
        ns.setTargetAddress(target.toOctets());
        ns.addOption(NeighborDiscoveryOptions.TYPE_SOURCE_LL_ADDRESS, slla.toBytes());
        byte[] group = IPv6.getSolicitNodeAddress(target.toOctets());
        return LwaftrFrames.ethernet(ethSrc, MacAddress.valueOf(IPv6.getMCastMacAddress(group)), Ethernet.TYPE_IPV6,
                ndp(ICMP6.NEIGHBOR_SOLICITATION, ns, src, Ip6Address.valueOf(group)));
    }

    /** RFC 4861 §4.4 / §7.2.4: a solicited advertisement (R, S and O set) of {@code target}'s {@code tlla}. */
    static Ethernet neighborAdvertisement(MacAddress ethSrc, MacAddress ethDst, Ip6Address src, Ip6Address dst,
                                          Ip6Address target, MacAddress tlla) {
        NeighborAdvertisement na = new NeighborAdvertisement();
        na.setRouterFlag((byte) 1);
        na.setSolicitedFlag((byte) 1);
        na.setOverrideFlag((byte) 1);
        na.setTargetAddress(target.toOctets());
        na.addOption(NeighborDiscoveryOptions.TYPE_TARGET_LL_ADDRESS, tlla.toBytes());
        return LwaftrFrames.ethernet(ethSrc, ethDst, Ethernet.TYPE_IPV6,
                ndp(ICMP6.NEIGHBOR_ADVERTISEMENT, na, src, dst));
    }

    private static IPv6 ndp(byte type, org.onlab.packet.IPacket message, Ip6Address src, Ip6Address dst) {
        ICMP6 icmp6 = new ICMP6();
        icmp6.setIcmpType(type);
        icmp6.setIcmpCode((byte) 0);
        icmp6.setPayload(message);
        IPv6 ip6 = LwaftrFrames.ipv6(src, dst, IPv6.PROTOCOL_ICMP6, icmp6);
        ip6.setHopLimit((byte) 255); // RFC 4861 §7.1
        return ip6;
    }
}
