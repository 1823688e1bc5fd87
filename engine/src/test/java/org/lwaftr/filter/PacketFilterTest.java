package org.lwaftr.filter;

import org.junit.Test;
import org.onlab.packet.IpAddress;

import java.math.BigInteger;
import java.util.EnumMap;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.lwaftr.filter.FilterField.*;

/**
 * The pcap-filter compiler: each construct's meaning on packets as the data plane keys them, the
 * entries it takes, and refusals that name the expression, offset and token.
 */
public class PacketFilterTest {

    // ---- packets, as the filter tables see them

    private static Map<FilterField, BigInteger> frame(int etherType, int len) {
        Map<FilterField, BigInteger> p = new EnumMap<>(FilterField.class);
        p.put(ETHER_TYPE, BigInteger.valueOf(etherType));
        p.put(LENGTH, BigInteger.valueOf(len));
        return p;
    }

    private static Map<FilterField, BigInteger> v4(String src, String dst, int proto, int sport, int dport) {
        Map<FilterField, BigInteger> p = frame(0x0800, 100);
        p.put(IPV4_SRC, addr(src));
        p.put(IPV4_DST, addr(dst));
        p.put(IP_PROTO, BigInteger.valueOf(proto));
        if (sport >= 0) {
            p.put(HAS_PORTS, BigInteger.ONE);
            p.put(L4_SRC_PORT, BigInteger.valueOf(sport));
            p.put(L4_DST_PORT, BigInteger.valueOf(dport));
        }
        return p;
    }

    /** A softwire packet on the lwB4 side: IPv6 (next header 4) around IPv4 TCP with ports. */
    private static Map<FilterField, BigInteger> tunnel(String src6, String dst6, String src4, String dst4, int dport) {
        Map<FilterField, BigInteger> p = frame(0x86dd, 154);
        p.put(IPV6_SRC, addr(src6));
        p.put(IPV6_DST, addr(dst6));
        p.put(IP_PROTO, BigInteger.valueOf(4));
        p.put(IPV4_SRC, addr(src4));     // the inner header's fields are in the key too
        p.put(IPV4_DST, addr(dst4));
        p.put(HAS_PORTS, BigInteger.ONE);
        p.put(L4_SRC_PORT, BigInteger.valueOf(1024));
        p.put(L4_DST_PORT, BigInteger.valueOf(dport));
        return p;
    }

    private static BigInteger addr(String a) {
        return new BigInteger(1, IpAddress.valueOf(a).toOctets());
    }

    private static PacketFilter f(String e) {
        return PacketFilter.compile(e);
    }

    // ---- constructs

    @Test
    public void emptyFilterPassesEverythingWithoutEntries() {
        PacketFilter p = f("  ");
        assertTrue(p.passes(frame(0x0806, 60)));
        assertEquals(0, p.entryCount());
    }

    @Test
    public void familyKeywordsMatchTheEtherType() {
        assertTrue(f("ip").passes(v4("10.0.0.1", "10.0.0.2", 6, 1, 2)));
        assertFalse(f("ip").passes(frame(0x0806, 60)));
        assertFalse(f("ip").passes(tunnel("2001:db8::1", "2001:db8::2", "10.0.0.1", "10.0.0.2", 80)));
        assertTrue(f("ip6").passes(tunnel("2001:db8::1", "2001:db8::2", "10.0.0.1", "10.0.0.2", 80)));
        assertTrue(f("arp").passes(frame(0x0806, 60)));
        // "ip": allow IPv4, then deny the rest (one entry each)
        assertEquals(2, f("ip").entryCount());
    }

    @Test
    public void notOfAFamilyIsOneDenyEntry() {
        PacketFilter p = f("not ip6");
        assertEquals(1, p.entryCount());
        assertTrue(p.otherwise());
        assertFalse(p.passes(frame(0x86dd, 80)));
        assertTrue(p.passes(frame(0x0806, 60)));
    }

    @Test
    public void tcpUdpIcmpAreProtocolsOfTheFramesOwnIpHeader() {
        assertTrue(f("tcp").passes(v4("10.0.0.1", "10.0.0.2", 6, 1, 2)));
        assertFalse(f("udp").passes(v4("10.0.0.1", "10.0.0.2", 6, 1, 2)));
        assertTrue(f("icmp").passes(v4("10.0.0.1", "10.0.0.2", 1, -1, -1)));
        // pcap-filter: ip6 proto is the fixed header's next header: softwire TCP is not "tcp"
        assertFalse(f("tcp").passes(tunnel("2001:db8::1", "2001:db8::2", "10.0.0.1", "10.0.0.2", 80)));
        assertTrue(f("ip6 proto 4").passes(tunnel("2001:db8::1", "2001:db8::2", "10.0.0.1", "10.0.0.2", 80)));
        // libpcap: ip6 proto N also matches N behind a fragment header (a fragmented softwire packet)
        Map<FilterField, BigInteger> fragment = tunnel("2001:db8::1", "2001:db8::2", "10.0.0.1", "10.0.0.2", 80);
        fragment.put(IP_PROTO, BigInteger.valueOf(44));
        fragment.put(IPV6_FRAG_NEXT, BigInteger.valueOf(4));
        assertTrue(f("ip6 proto 4").passes(fragment));
        assertFalse(f("ip6 proto 4").passes(frame(0x86dd, 80)));
        assertTrue(f("ip proto \\tcp").passes(v4("10.0.0.1", "10.0.0.2", 6, 1, 2)));
        assertTrue(f("ether proto 0x800").passes(v4("10.0.0.1", "10.0.0.2", 6, 1, 2)));
        assertTrue(f("ether proto \\arp").passes(frame(0x0806, 60)));
    }

    @Test
    public void hostAndNetTestTheFramesOwnAddresses() {
        Map<FilterField, BigInteger> p = v4("192.0.2.1", "198.51.100.7", 17, 53, 53);
        assertTrue(f("host 192.0.2.1").passes(p));
        assertTrue(f("host 198.51.100.7").passes(p));
        assertFalse(f("src host 198.51.100.7").passes(p));
        assertTrue(f("dst 198.51.100.7").passes(p));
        assertTrue(f("src net 192.0.2.0/24").passes(p));
        assertTrue(f("ip src net 192.0.2.0 mask 255.255.255.0").passes(p));
        assertTrue(f("net 192.0").passes(p));  // /16 from two octets, as pcap-filter reads it
        assertFalse(f("src and dst net 192.0.2.0/24").passes(p));
        assertTrue(f("src or dst net 198.51.100.0/24").passes(p));
        // The inner IPv4 of a softwire packet is not "host": pcap-filter sees the outer header.
        Map<FilterField, BigInteger> t = tunnel("2001:db8:1::1", "2001:db8::2", "192.0.2.1", "8.8.8.8", 80);
        assertFalse(f("host 192.0.2.1").passes(t));
        assertTrue(f("src net 2001:db8:1::/48").passes(t));
        assertTrue(f("ip6 dst host 2001:db8::2").passes(t));
        assertFalse(f("dst host 2001:db8::3").passes(t));
    }

    @Test
    public void portsNeedTcpOrUdpRightAfterTheFramesIpHeader() {
        assertTrue(f("port 80").passes(v4("10.0.0.1", "10.0.0.2", 6, 1234, 80)));
        assertTrue(f("port 80").passes(v4("10.0.0.1", "10.0.0.2", 17, 80, 9)));
        assertFalse(f("tcp port 80").passes(v4("10.0.0.1", "10.0.0.2", 17, 80, 9)));
        assertFalse(f("src port 80").passes(v4("10.0.0.1", "10.0.0.2", 6, 1234, 80)));
        assertTrue(f("dst portrange 79-81").passes(v4("10.0.0.1", "10.0.0.2", 6, 1234, 80)));
        assertFalse(f("portrange 81-90").passes(v4("10.0.0.1", "10.0.0.2", 6, 1234, 80)));
        // a non-first fragment has no ports
        assertFalse(f("port 0").passes(v4("10.0.0.1", "10.0.0.2", 6, -1, -1)));
        // softwire TCP on the lwB4 side: next header 4, so not "port 80" for pcap-filter
        assertFalse(f("port 80").passes(tunnel("2001:db8::1", "2001:db8::2", "10.0.0.1", "10.0.0.2", 80)));
    }

    @Test
    public void bareIdReusesTheLastQualifiers() {
        PacketFilter p = f("tcp dst port 80 or 443");
        assertTrue(p.passes(v4("10.0.0.1", "10.0.0.2", 6, 1, 443)));
        assertFalse(p.passes(v4("10.0.0.1", "10.0.0.2", 6, 443, 1)));
        assertTrue(f("host 10.0.0.9 or 10.0.0.2").passes(v4("10.0.0.1", "10.0.0.2", 6, 1, 2)));
    }

    @Test
    public void lengthComparisons() {
        assertFalse(f("len < 0").passes(frame(0x0800, 0)));   // Snabb's "drop everything" test filter
        assertEquals(1, f("len < 0").entryCount());
        assertTrue(f("len <= 100").passes(frame(0x0800, 100)));
        assertFalse(f("len < 100").passes(frame(0x0800, 100)));
        assertTrue(f("len > 99").passes(frame(0x0800, 100)));
        assertTrue(f("len >= 100 && len == 100").passes(frame(0x0800, 100)));
        assertFalse(f("len != 100").passes(frame(0x0800, 100)));
        assertTrue(f("less 100").passes(frame(0x0800, 100)));
        assertFalse(f("greater 101").passes(frame(0x0800, 100)));
    }

    @Test
    public void andOrHaveEqualPrecedenceLeftToRightAndNotBindsTightest() {
        Map<FilterField, BigInteger> arp = frame(0x0806, 60);
        // pcap-filter: "arp or ip and tcp" = "(arp or ip) and tcp": ARP fails
        assertFalse(f("arp or ip and tcp").passes(arp));
        assertTrue(f("arp or (ip and tcp)").passes(arp));
        assertTrue(f("not ip and not ip6").passes(arp));
        assertFalse(f("! (ip or arp)").passes(arp));
    }

    @Test
    public void snabbDocumentationExample() {
        String e = "ip6 and not ((icmp6 and src net 3ffe:501:0:1001::2/128 and dst net 3ffe:507:0:1:200:86ff:fe05:8000/116)"
                + " or (ip6 and udp and src net 3ffe:500::/28 and dst net 3ffe:0501:4819::/64"
                + " and src portrange 2397-2399 and dst port 53))";
        PacketFilter p = f(e);
        Map<FilterField, BigInteger> dns = frame(0x86dd, 90);
        dns.put(IPV6_SRC, addr("3ffe:500::1"));
        dns.put(IPV6_DST, addr("3ffe:501:4819::5"));
        dns.put(IP_PROTO, BigInteger.valueOf(17));
        dns.put(HAS_PORTS, BigInteger.ONE);
        dns.put(L4_SRC_PORT, BigInteger.valueOf(2398));
        dns.put(L4_DST_PORT, BigInteger.valueOf(53));
        assertFalse(p.passes(dns));
        dns.put(L4_SRC_PORT, BigInteger.valueOf(2400));
        assertTrue(p.passes(dns));
        assertFalse(p.passes(frame(0x0800, 60)));
        assertTrue(p.entryCount() <= 6);
    }

    @Test
    public void notHostIsOneDenyRule() {
        // Snabb's performance test filter, 'not src host': deny one cube, pass the rest
        PacketFilter p = f("not src host 192.168.255.0");
        assertEquals(1, p.entryCount());
        assertFalse(p.rules().get(0).allow());
    }

    // ---- refusals

    private static void refused(String e, String... parts) {
        try {
            PacketFilter.compile(e);
            fail("compiled: " + e);
        } catch (FilterException x) {
            assertTrue(x.getMessage(), x.getMessage().startsWith("filter \"" + e + "\": "));
            for (String s : parts) {
                assertTrue(x.getMessage() + " lacks " + s, x.getMessage().contains(s));
            }
        }
    }

    @Test
    public void refusesWhatTheTablesCannotMatch() {
        refused("ether host 1:2:3:4:5:6", "character 12", "'1:2:3:4:5:6'", "MAC");
        refused("icmp[0] == 8", "character 5", "'['", "byte access");
        refused("vlan 100", "character 1", "'vlan'", "not supported");
        refused("tcp and broadcast", "character 9", "'broadcast'");
        refused("host example.com", "'example.com'", "host names");
        refused("port http", "port names");
        refused("net 10.0.0.1/8", "non-network bits");
        refused("portrange 90-80", "start is above its end");
        refused("ip and", "at the end");
        refused("(ip", "at the end", "')'");
        refused("ip ip6", "character 4", "'ip6'", "expected 'and', 'or' or the end");
        refused("sctp port 9", "tcp or udp ports only");
        refused("ip6 host 10.0.0.1", "'ip6' with address 10.0.0.1");
        refused("len < 70000x", "not a number");
        refused("arp host 10.0.0.1", "ARP addresses");
    }

    @Test
    public void refusesFiltersThatNeedTooManyEntries() {
        // port N is 4 entries (TCP/UDP × source/destination), plus the final deny: 128 ports need 513
        StringBuilder e = new StringBuilder("port 1");
        for (int i = 2; i <= 128; i++) {
            e.append(" or ").append(i);
        }
        refused(e.toString(), "needs 513 table entries, a filter may take 512");
        e.setLength(e.length() - " or 128".length());
        assertEquals(509, PacketFilter.compile(e.toString()).entryCount());
        // one 'and' that would multiply 160 rules by 20: refused at that operator
        StringBuilder big = new StringBuilder("(port 1");
        for (int i = 2; i <= 40; i++) {
            big.append(" or ").append(i);
        }
        big.append(") and (host 10.0.0.1");
        for (int i = 2; i <= 10; i++) {
            big.append(" or 10.0.0.").append(i);
        }
        big.append(")");
        refused(big.toString(), "at character " + (big.indexOf(") and (") + 3) + " ('and')",
                "needs more than 1024 table entries");
    }

    @Test
    public void contradictionsCompileToNothing() {
        // four clauses over three fields with distinct values cannot all hold: always false
        PacketFilter p = f("(src port 1 or dst port 2 or len = 60) and (src port 3 or dst port 13 or len = 63)"
                + " and (src port 4 or dst port 14 or len = 64) and (src port 5 or dst port 15 or len = 65)");
        assertEquals(0, p.rules().size());
        assertFalse(p.otherwise());
    }
}
