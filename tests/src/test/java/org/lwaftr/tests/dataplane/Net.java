package org.lwaftr.tests.dataplane;

import org.lwaftr.pipeconf.gen.Direction;
import org.lwaftr.pipeconf.gen.Side;
import org.lwaftr.tests.bmv2.AftrSettings;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.MacAddress;
import org.onosproject.net.pi.runtime.PiTableEntry;

import java.util.List;

import static org.lwaftr.tests.bmv2.LwaftrTestEntries.aftrIpv4;
import static org.lwaftr.tests.bmv2.LwaftrTestEntries.boundIpv4;
import static org.lwaftr.tests.bmv2.LwaftrTestEntries.brAddress;
import static org.lwaftr.tests.bmv2.LwaftrTestEntries.brSource;
import static org.lwaftr.tests.bmv2.LwaftrTestEntries.nextHop;
import static org.lwaftr.tests.bmv2.LwaftrTestEntries.portSide;
import static org.lwaftr.tests.bmv2.LwaftrTestEntries.psidShape;

/**
 * The network of the packet tests. Port 1 faces the lwB4s, port 2 the Internet (both untagged);
 * ports 3 and 4 have no role unless a test gives them one.
 *
 * <p>Address 198.51.100.1 is shared with a = 6, k = 6 (RFC 7597 §5.1): PSID = (port >> 4) & 63,
 * ports below 1024 (the i = 0 block) excluded. Softwire A holds PSID 1, B PSID 2, both of it; PSID 3
 * has no softwire. Softwire C holds the whole of 198.51.100.9 (k = 0). A and C use BR 1, B uses
 * BR 2, so "A's packet sent to BR 2" is a configured BR that is not A's.
 */
final class Net {
    static final int LWB4_PORT = 1;
    static final int INET_PORT = 2;
    static final int PORT3 = 3;
    static final int PORT4 = 4;
    static final int PORTS = 4;

    static final MacAddress AFTR_LWB4_MAC = MacAddress.valueOf("02:af:00:00:00:01");
    static final MacAddress AFTR_INET_MAC = MacAddress.valueOf("02:af:00:00:00:02");
    /** The router toward the lwB4s: sends upstream frames, receives downstream ones. */
    static final MacAddress LWB4_ROUTER_MAC = MacAddress.valueOf("02:b4:00:00:00:01");
    /** The Internet router: sends downstream frames, receives upstream ones. */
    static final MacAddress INET_ROUTER_MAC = MacAddress.valueOf("02:1e:00:00:00:02");
    static final MacAddress OTHER_MAC = MacAddress.valueOf("02:99:99:99:99:99");

    static final Ip6Address BR1 = Ip6Address.valueOf("2001:db8:ffff::1");
    static final Ip6Address BR2 = Ip6Address.valueOf("2001:db8:ffff::2");
    static final Ip6Address NOT_A_BR = Ip6Address.valueOf("2001:db8:ffff::99");
    static final Ip4Address AFTR_IPV4 = Ip4Address.valueOf("192.0.2.1");
    static final Ip4Address SHARED = Ip4Address.valueOf("198.51.100.1");
    static final Ip4Address WHOLE = Ip4Address.valueOf("198.51.100.9");
    static final Ip4Address UNBOUND = Ip4Address.valueOf("198.51.100.77");
    static final Ip4Address HOST = Ip4Address.valueOf("203.0.113.5");
    static final Ip6Address STRANGER = Ip6Address.valueOf("2001:db8:bad::1");

    static final int SHARED_A = 6;
    static final int SHARED_K = 6;

    static final Softwire A = new Softwire(SHARED, 1, Ip6Address.valueOf("2001:db8:1::a"), 1, BR1, 1);
    static final Softwire B = new Softwire(SHARED, 2, Ip6Address.valueOf("2001:db8:1::b"), 2, BR2, 2);
    static final Softwire C = new Softwire(WHOLE, 0, Ip6Address.valueOf("2001:db8:2::c"), 1, BR1, 3);

    /** PSID 3 of the shared address has no softwire. */
    static final int FREE_PSID = 3;

    /** The settings tests start from: non-default hop limit and flow label so they are seen. */
    static final AftrSettings SETTINGS = AftrSettings.defaults().withHopLimit(42).withFlowLabel(0xabcde);

    private Net() {
    }

    /**
     * A port of the shared address: block {@code i} (1..63), PSID {@code psid}, offset {@code j}
     * (0..15) within the PSID's run, i.e. (i << 10) | (psid << 4) | j.
     */
    static int port(int i, int psid, int j) {
        return (i << 10) | (psid << 4) | j;
    }

    /** The first port of {@code psid} in block 1. */
    static int port(int psid) {
        return port(1, psid, 0);
    }

    /** Everything but the configuration: ports, next hops, BRs, addresses, shapes, softwires. */
    static List<PiTableEntry> entries() {
        return List.of(
                portSide(LWB4_PORT, 0, Side.LWB4, AFTR_LWB4_MAC),
                portSide(INET_PORT, 0, Side.INTERNET, AFTR_INET_MAC),
                nextHop(Direction.DOWNSTREAM, LWB4_PORT, AFTR_LWB4_MAC, LWB4_ROUTER_MAC, 0),
                nextHop(Direction.UPSTREAM, INET_PORT, AFTR_INET_MAC, INET_ROUTER_MAC, 0),
                brAddress(BR1, 1), brAddress(BR2, 2),
                brSource(1, BR1), brSource(2, BR2),
                aftrIpv4(AFTR_IPV4),
                boundIpv4(SHARED), boundIpv4(WHOLE),
                psidShape(SHARED, SHARED_A, SHARED_K), psidShape(WHOLE, 0, 0),
                A.entry(), B.entry(), C.entry());
    }
}
