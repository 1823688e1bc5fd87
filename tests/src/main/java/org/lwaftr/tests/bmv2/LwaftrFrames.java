package org.lwaftr.tests.bmv2;

import org.onlab.packet.Data;
import org.onlab.packet.Ethernet;
import org.onlab.packet.ICMP;
import org.onlab.packet.ICMPEcho;
import org.onlab.packet.IPacket;
import org.onlab.packet.IPv4;
import org.onlab.packet.IPv6;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.MacAddress;
import org.onlab.packet.TCP;
import org.onlab.packet.UDP;
import org.onlab.packet.ipv6.DestinationOptions;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Packets an lwAFTR sees, built with org.onlab.packet: IPv4 (TCP, UDP, ICMP echo and errors,
 * portless protocols), IPv4-in-IPv6 tunnel packets and Ethernet frames, optionally VLAN-tagged.
 * IPv4 objects are turned into bytes by {@link #bytes(IPv4)}, which recomputes every checksum
 * with {@link Checksums}.
 */
public final class LwaftrFrames {
    /** Default L4 payload. */
    public static final byte[] PAYLOAD = "lwAFTR packet test payload".getBytes(StandardCharsets.US_ASCII);
    /** TTL of built IPv4 packets. */
    public static final byte TTL = 64;
    /** Hop limit of built IPv6 packets. */
    public static final byte HOP_LIMIT = 64;
    /** IP protocol number of GRE, a protocol without ports. */
    public static final byte PROTO_GRE = 47;
    /** IPv6 next header of IPv4. */
    public static final byte PROTO_IPV4 = 4;

    private LwaftrFrames() {
    }

    /** An IPv4 packet (TTL 64, TOS 0, identification 0x1234, no flags) carrying {@code l4}. */
    public static IPv4 ipv4(Ip4Address src, Ip4Address dst, byte protocol, IPacket l4) {
        IPv4 ip = new IPv4();
        ip.setSourceAddress(src.toInt());
        ip.setDestinationAddress(dst.toInt());
        ip.setProtocol(protocol);
        ip.setTtl(TTL);
        ip.setIdentification((short) 0x1234);
        ip.setPayload(l4);
        return ip;
    }

    /** TCP SYN src:sport → dst:dport carrying {@link #PAYLOAD}. */
    public static IPv4 tcp(Ip4Address src, int sport, Ip4Address dst, int dport) {
        TCP tcp = new TCP();
        tcp.setSourcePort(sport);
        tcp.setDestinationPort(dport);
        tcp.setSequence(0x01020304);
        tcp.setFlags((short) 0x02);
        tcp.setWindowSize((short) 8192);
        tcp.setPayload(new Data(PAYLOAD));
        return ipv4(src, dst, IPv4.PROTOCOL_TCP, tcp);
    }

    /** UDP src:sport → dst:dport carrying {@link #PAYLOAD}. */
    public static IPv4 udp(Ip4Address src, int sport, Ip4Address dst, int dport) {
        return udp(src, sport, dst, dport, PAYLOAD);
    }

    /** UDP src:sport → dst:dport carrying {@code payload}. */
    public static IPv4 udp(Ip4Address src, int sport, Ip4Address dst, int dport, byte[] payload) {
        UDP udp = new UDP();
        udp.setSourcePort(sport);
        udp.setDestinationPort(dport);
        udp.setPayload(new Data(payload));
        return ipv4(src, dst, IPv4.PROTOCOL_UDP, udp);
    }

    /** ICMP echo request ({@code request}) or reply with identifier {@code id}. */
    public static IPv4 echo(Ip4Address src, Ip4Address dst, boolean request, int id, int seq) {
        ICMPEcho echo = new ICMPEcho();
        echo.setIdentifier((short) id);
        echo.setSequenceNum((short) seq);
        echo.setPayload(new Data(PAYLOAD));
        ICMP icmp = new ICMP();
        icmp.setIcmpType(request ? ICMP.TYPE_ECHO_REQUEST : ICMP.TYPE_ECHO_REPLY);
        icmp.setIcmpCode((byte) 0);
        icmp.setPayload(echo);
        return ipv4(src, dst, IPv4.PROTOCOL_ICMP, icmp);
    }

    /**
     * ICMP error {@code type}/{@code code} quoting the IPv4 header and first 8 payload bytes of
     * {@code quoted} (RFC 792).
     */
    public static IPv4 icmpError(Ip4Address src, Ip4Address dst, int type, int code, IPv4 quoted) {
        byte[] q = bytes(quoted);
        int len = Math.min(q.length, (q[0] & 0x0f) * 4 + 8);
        byte[] body = new byte[4 + len]; // 4 unused bytes, then the quote
        System.arraycopy(q, 0, body, 4, len);
        ICMP icmp = new ICMP();
        icmp.setIcmpType((byte) type);
        icmp.setIcmpCode((byte) code);
        icmp.setPayload(new Data(body));
        return ipv4(src, dst, IPv4.PROTOCOL_ICMP, icmp);
    }

    /** A packet of a protocol without ports (e.g. {@link #PROTO_GRE}). */
    public static IPv4 portless(Ip4Address src, Ip4Address dst, byte protocol) {
        return ipv4(src, dst, protocol, new Data(PAYLOAD));
    }

    /** The packet's bytes with correct IPv4 header and L4 checksums. */
    public static byte[] bytes(IPv4 ip) {
        byte[] b = ip.serialize();
        Checksums.fixIpv4(b, 0);
        return b;
    }

    /**
     * An RFC 791 fragment of {@code datagram} (bytes with a 20-byte header): its header with
     * {@code ttl}, total length, MF and offset set (DF kept) over payload bytes [offset, offset + len).
     */
    public static byte[] ipv4Fragment(byte[] datagram, int ttl, int offset, int len, boolean more) {
        byte[] f = new byte[20 + len];
        System.arraycopy(datagram, 0, f, 0, 20);
        System.arraycopy(datagram, 20 + offset, f, 20, len);
        f[2] = (byte) ((20 + len) >> 8);
        f[3] = (byte) (20 + len);
        f[6] = (byte) ((datagram[6] & 0x40) | (more ? 0x20 : 0) | (offset >> 11));
        f[7] = (byte) (offset >> 3);
        f[8] = (byte) ttl;
        Checksums.fixIpv4(f, 0);
        return f;
    }

    /**
     * An RFC 8200 §4.5 fragment: IPv6 header (traffic class 0, flow label 0, hop limit 64),
     * Fragment header (next header 4, {@code id}, {@code offset}, M = {@code more}) and {@code data}.
     */
    public static byte[] ipv6Fragment(Ip6Address src, Ip6Address dst, int id, int offset, boolean more, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(48 + data.length);
        b.putInt(0x60000000).putShort((short) (8 + data.length)).put((byte) 44).put(HOP_LIMIT);
        b.put(src.toOctets()).put(dst.toOctets());
        b.put(PROTO_IPV4).put((byte) 0).putShort((short) (offset | (more ? 1 : 0))).putInt(id);
        return b.put(data).array();
    }

    /** An IPv6 header (traffic class 0, flow label 0, hop limit 64) over {@code payload} bytes. */
    public static IPv6 ipv6(Ip6Address src, Ip6Address dst, byte nextHeader, byte[] payload) {
        return ipv6(src, dst, nextHeader, new Data(payload));
    }

    /** An IPv6 header (traffic class 0, flow label 0, hop limit 64) over {@code payload}. */
    public static IPv6 ipv6(Ip6Address src, Ip6Address dst, byte nextHeader, IPacket payload) {
        IPv6 ip6 = new IPv6();
        ip6.setSourceAddress(src.toOctets());
        ip6.setDestinationAddress(dst.toOctets());
        ip6.setHopLimit(HOP_LIMIT);
        ip6.setNextHeader(nextHeader);
        ip6.setPayload(payload);
        return ip6;
    }

    /** The IPv4-in-IPv6 packet a lwB4 sends (RFC 7596 §5.1): {@code lwb4} → {@code br}. */
    public static byte[] tunnel(Ip6Address lwb4, Ip6Address br, IPv4 inner) {
        return ipv6(lwb4, br, PROTO_IPV4, bytes(inner)).serialize();
    }

    /**
     * As {@link #tunnel}, with a Destination Options header carrying {@code options} (padded by the
     * caller to 6 + 8n bytes) between the IPv6 header and the IPv4 packet.
     */
    public static byte[] tunnelWithOptions(Ip6Address lwb4, Ip6Address br, IPv4 inner, byte[] options) {
        DestinationOptions opts = new DestinationOptions();
        opts.setNextHeader(PROTO_IPV4);
        opts.setHeaderExtLength((byte) ((options.length + 2) / 8 - 1));
        opts.setOptions(options);
        opts.setPayload(new Data(bytes(inner)));
        return ipv6(lwb4, br, IPv6.PROTOCOL_DSTOPT, opts).serialize();
    }

    /** As {@link #tunnel}, with the RFC 2473 §5.1 Tunnel Encapsulation Limit option (limit 4) as Linux sends it. */
    public static byte[] tunnelWithEncapsulationLimit(Ip6Address lwb4, Ip6Address br, IPv4 inner) {
        return tunnelWithOptions(lwb4, br, inner, new byte[]{4, 1, 4, 1, 1, 0}); // option 4 len 1, PadN
    }

    /** An Ethernet frame of {@code etherType} over {@code l3} bytes, tagged with {@code vlan} unless 0. */
    public static byte[] frame(MacAddress src, MacAddress dst, int vlan, short etherType, byte[] l3) {
        Ethernet eth = ethernet(src, dst, etherType, new Data(l3));
        if (vlan != 0) {
            eth.setVlanID((short) vlan);
        }
        return eth.serialize();
    }

    /** An untagged Ethernet frame of {@code etherType} over {@code payload}, as an object (to compare). */
    public static Ethernet ethernet(MacAddress src, MacAddress dst, short etherType, IPacket payload) {
        Ethernet eth = new Ethernet();
        eth.setSourceMACAddress(src);
        eth.setDestinationMACAddress(dst);
        eth.setEtherType(etherType);
        eth.setPayload(payload);
        return eth;
    }

    /** An untagged IPv4 frame. */
    public static byte[] ipv4Frame(MacAddress src, MacAddress dst, IPv4 ip) {
        return frame(src, dst, 0, Ethernet.TYPE_IPV4, bytes(ip));
    }

    /** An untagged IPv6 frame over IPv6 packet bytes. */
    public static byte[] ipv6Frame(MacAddress src, MacAddress dst, byte[] ip6) {
        return frame(src, dst, 0, Ethernet.TYPE_IPV6, ip6);
    }

    /** {@code n} bytes of filler (for sizing packets). */
    public static byte[] filler(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 0x5a);
        return b;
    }
}
