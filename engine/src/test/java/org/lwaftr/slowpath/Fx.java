package org.lwaftr.slowpath;

import org.lwaftr.core.BindingTable;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.onlab.packet.Data;
import org.onlab.packet.Ethernet;
import org.onlab.packet.IPacket;
import org.onlab.packet.IPv4;
import org.onlab.packet.IPv6;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.MacAddress;
import org.onlab.packet.UDP;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.Assert.assertEquals;

/** Test fixture: one AFTR, two softwires, frames built with ONOS, an independent checksum. */
final class Fx {

    static final int LWB4_PORT = 1;
    static final int LWB4_VLAN = 100;
    static final int INET_PORT = 2;
    static final MacAddress LWB4_AFTR_MAC = MacAddress.valueOf("02:00:00:00:00:01");
    static final MacAddress LWB4_NEXT_HOP = MacAddress.valueOf("02:00:00:00:00:fd");
    static final MacAddress INET_AFTR_MAC = MacAddress.valueOf("02:00:00:00:00:02");
    static final MacAddress INET_NEXT_HOP = MacAddress.valueOf("02:00:00:00:00:fe");
    static final MacAddress LWB4_MAC = MacAddress.valueOf("02:00:00:00:0b:04");

    static final Ip4Address AFTR_IPV4 = Ip4Address.valueOf("192.0.2.1");
    static final Ip6Address BR = Ip6Address.valueOf("2001:db8::1");
    static final Ip6Address AFTR_IPV6 = Ip6Address.valueOf("2001:db8::a");
    /** Shared address: a = 6, k = 6, PSID 1 → ports 1040–1055, 2064–2079, … */
    static final Ip4Address SHARED = Ip4Address.valueOf("198.51.100.1");
    static final int BOUND_PORT = 1040;
    static final int UNBOUND_PORT = 1056;
    static final Ip6Address LWB4 = Ip6Address.valueOf("2001:db8:1::1");
    /** Whole address (k = 0). */
    static final Ip4Address WHOLE = Ip4Address.valueOf("198.51.100.2");
    static final Ip6Address LWB4_WHOLE = Ip6Address.valueOf("2001:db8:2::2");
    static final Ip4Address HOST = Ip4Address.valueOf("203.0.113.7");

    private Fx() {
    }

    /** TTL of the ICMPv4 errors the AFTR originates with {@link #config()}: its hop limit (RFC 1812 §4.2.2.9). */
    static final int ERROR_TTL = config().build().hopLimit();

    static SlowPathConfigBuilder config() {
        return SlowPathConfig.builder()
                .lwb4Side(LWB4_PORT, LWB4_VLAN, LWB4_AFTR_MAC, LWB4_NEXT_HOP, 1500)
                .internetSide(INET_PORT, 0, INET_AFTR_MAC, INET_NEXT_HOP, 1500)
                .aftrIpv4(AFTR_IPV4).aftrIpv6(AFTR_IPV6).brAddress(BR)
                .icmpv4Rate(100, 1, TimeUnit.SECONDS).icmpv6Rate(100, 1, TimeUnit.SECONDS);
    }

    static BindingTable table() {
        BindingTable t = new BindingTable();
        t.addAll(Arrays.asList(
                Softwire.of(SHARED, PortSet.of(6, 6, 1), LWB4, BR),
                Softwire.of(WHOLE, PortSet.WHOLE_ADDRESS, LWB4_WHOLE, BR)));
        return t;
    }

    /** A fake clock, in nanoseconds. */
    static final class Clock {
        long now = 1_000_000_000L;

        long get() {
            return now;
        }
    }

    static SlowPath slowPath(SlowPathConfig cfg, Clock clock) {
        AtomicInteger ids = new AtomicInteger(0x1234);
        return new SlowPath(cfg, table(), clock::get, ids::getAndIncrement);
    }

    static SlowPath slowPath() {
        return slowPath(config().build(), new Clock());
    }

    static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7 + 3);
        }
        return b;
    }

    /** A UDP datagram with n payload bytes. */
    static IPv4 udp4(Ip4Address src, Ip4Address dst, int sport, int dport, int n, int ttl, boolean df) {
        UDP udp = new UDP();
        udp.setSourcePort(sport);
        udp.setDestinationPort(dport);
        udp.setPayload(new Data(pattern(n)));
        IPv4 ip = new IPv4();
        ip.setSourceAddress(src.toInt());
        ip.setDestinationAddress(dst.toInt());
        ip.setTtl((byte) ttl);
        ip.setIdentification((short) 0x4242);
        ip.setFlags((byte) (df ? 2 : 0));
        ip.setProtocol(IPv4.PROTOCOL_UDP);
        ip.setPayload(udp);
        return ip;
    }

    static IPv6 encap(IPacket inner, Ip6Address src, Ip6Address dst) {
        IPv6 ip6 = new IPv6();
        ip6.setNextHeader((byte) 4);
        ip6.setHopLimit((byte) 64);
        ip6.setSourceAddress(src.toOctets());
        ip6.setDestinationAddress(dst.toOctets());
        ip6.setPayload(inner);
        return ip6;
    }

    /** A frame received on the Internet side (untagged). */
    static byte[] fromInternet(IPacket l3, short etherType) {
        Ethernet eth = new Ethernet();
        eth.setSourceMACAddress(INET_NEXT_HOP);
        eth.setDestinationMACAddress(INET_AFTR_MAC);
        eth.setEtherType(etherType);
        eth.setPayload(l3);
        return eth.serialize();
    }

    static byte[] fromInternet(IPv4 ip) {
        return fromInternet(ip, Ethernet.TYPE_IPV4);
    }

    /** A frame received on the lwB4 side (VLAN 100). */
    static byte[] fromLwb4(IPacket l3) {
        Ethernet eth = new Ethernet();
        eth.setSourceMACAddress(LWB4_MAC);
        eth.setDestinationMACAddress(LWB4_AFTR_MAC);
        eth.setVlanID((short) LWB4_VLAN);
        eth.setEtherType(Ethernet.TYPE_IPV6);
        eth.setPayload(l3);
        return eth.serialize();
    }

    static Ethernet parse(OutboundPacket p) throws Exception {
        byte[] f = p.frame();
        return Ethernet.deserializer().deserialize(f, 0, f.length);
    }

    static byte[] hex(String s) {
        String h = s.replaceAll("\\s+", "");
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x & 0xff));
        }
        return sb.toString();
    }

    /**
     * RFC 1071 sum computed a second way (modulo 65535), to check the slow path's checksums.
     *
     * @return true if the bytes (plus the pseudo-header words) sum to 0xffff (all ones)
     */
    static boolean sumsToOnes(byte[] b, int off, int len, long... extraWords) {
        long s = 0;
        for (int i = 0; i < len; i += 2) {
            int hi = b[off + i] & 0xff;
            int lo = i + 1 < len ? b[off + i + 1] & 0xff : 0;
            s += hi * 256 + lo;
        }
        for (long w : extraWords) {
            s += w;
        }
        return s != 0 && s % 0xffff == 0;
    }

    /** Asserts the IPv4 header checksum at off. */
    static void assertIpv4HeaderChecksum(byte[] b, int off) {
        int hl = (b[off] & 0x0f) * 4;
        assertEquals("IPv4 header checksum", true, sumsToOnes(b, off, hl));
    }

    /** Asserts the ICMPv6 checksum of the IPv6 packet at off (ICMPv6 right after the header). */
    static void assertIcmpv6Checksum(byte[] b, int off) {
        int len = ((b[off + 4] & 0xff) << 8) | (b[off + 5] & 0xff);
        long[] words = new long[16 + 3];
        for (int i = 0; i < 16; i++) {
            words[i] = ((b[off + 8 + 2 * i] & 0xff) << 8) | (b[off + 9 + 2 * i] & 0xff);
        }
        words[16] = len >>> 16;
        words[17] = len & 0xffff;
        words[18] = 58;
        assertEquals("ICMPv6 checksum", true, sumsToOnes(b, off + 40, len, words));
    }

    /** Asserts the ICMPv4 checksum of the IPv4 packet at off. */
    static void assertIcmpv4Checksum(byte[] b, int off) {
        int hl = (b[off] & 0x0f) * 4;
        int total = ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
        assertEquals("ICMP checksum", true, sumsToOnes(b, off + hl, total - hl));
    }

    /** An ICMPv6 message from src to dst on the lwB4 side, its checksum set. */
    static byte[] icmp6Frame(Ip6Address src, Ip6Address dst, int type, byte[] body, int hopLimit, MacAddress ethDst) {
        org.onlab.packet.ICMP6 icmp6 = new org.onlab.packet.ICMP6();
        icmp6.setIcmpType((byte) type);
        icmp6.setIcmpCode((byte) 0);
        icmp6.setPayload(new Data(body));
        IPv6 ip6 = new IPv6();
        ip6.setNextHeader((byte) 58);
        ip6.setHopLimit((byte) hopLimit);
        ip6.setSourceAddress(src.toOctets());
        ip6.setDestinationAddress(dst.toOctets());
        ip6.setPayload(icmp6);
        byte[] f = fromLwb4(ip6);
        System.arraycopy(ethDst.toBytes(), 0, f, 0, 6);
        Checksums.setIcmpv6(f, 18, 58, f.length - 58);
        return f;
    }
}
