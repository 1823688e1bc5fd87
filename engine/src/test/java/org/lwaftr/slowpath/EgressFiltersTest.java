package org.lwaftr.slowpath;

import org.junit.Test;
import org.lwaftr.filter.FilterField;
import org.lwaftr.filter.FrameFields;
import org.lwaftr.filter.PacketFilter;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.lwaftr.slowpath.Fx.*;

/**
 * The sides' egress filters on the slow path's own packets sent straight to a port (the switch's
 * egress_filter never sees them): an ICMPv4 error the Internet side's filter refuses is not sent.
 */
public class EgressFiltersTest {
    private static final int DOWNSTREAM_NO_BINDING = 8;
    private static final int UPSTREAM_NO_BINDING = 9;

    private static SlowPath withFilters(String lwb4, String internet) {
        return slowPath(config().egressFilters(lwb4 == null ? null : PacketFilter.compile(lwb4),
                internet == null ? null : PacketFilter.compile(internet)).build(), new Clock());
    }

    private static byte[] downstreamMiss() {
        return fromInternet(udp4(HOST, SHARED, 53, UNBOUND_PORT, 20, 64, false));
    }

    @Test
    public void anIcmpv4ErrorTheInternetEgressFilterRefusesIsNotSent() {
        SlowPath sp = withFilters(null, "not icmp");
        assertTrue(sp.handle(downstreamMiss(), INET_PORT, DOWNSTREAM_NO_BINDING).isEmpty());
        assertEquals(1L, (long) sp.counters().get("drop-filtered"));
    }

    @Test
    public void whatTheFilterAllowsIsSentAndTheOtherSidesFilterDoesNotApply() {
        SlowPath sp = withFilters("len < 0", "icmp and dst host " + HOST);
        List<OutboundPacket> out = sp.handle(downstreamMiss(), INET_PORT, DOWNSTREAM_NO_BINDING);
        assertEquals(1, out.size());
        assertEquals(0L, (long) sp.counters().get("drop-filtered"));
        // the lwB4 side refuses everything: an ICMPv6 error toward a lwB4 is not sent
        byte[] up = fromLwb4(encap(udp4(SHARED, HOST, UNBOUND_PORT, 53, 20, 64, false), LWB4, BR));
        assertTrue(sp.handle(up, LWB4_PORT, UPSTREAM_NO_BINDING).isEmpty());
        assertEquals(1L, (long) sp.counters().get("drop-filtered"));
    }

    @Test
    public void frameFieldsAreReadBehindTheVlanTagAsTheSwitchReadsThem() {
        byte[] up = fromLwb4(encap(udp4(SHARED, HOST, 1234, 53, 20, 64, false), LWB4, BR));
        Map<FilterField, BigInteger> f = FrameFields.of(up);
        assertEquals(BigInteger.valueOf(0x86dd), f.get(FilterField.ETHER_TYPE));
        assertEquals(BigInteger.valueOf(4), f.get(FilterField.IP_PROTO));
        assertEquals(BigInteger.valueOf(up.length - (LWB4_VLAN == 0 ? 0 : 4)), f.get(FilterField.LENGTH));
        assertEquals(null, f.get(FilterField.HAS_PORTS));   // the inner UDP is not the frame's own
        assertTrue(PacketFilter.compile("ip6 proto 4 and src host " + LWB4).passes(f));
    }
}
