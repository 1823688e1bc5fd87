package org.lwaftr.slowpath;

import org.junit.Test;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.MacAddress;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.lwaftr.slowpath.Fx.*;

/** Configuration validation: every error names its field. */
public class SlowPathConfigTest {

    private static void assertField(String field, Supplier<SlowPathConfigBuilder> b) {
        try {
            b.get().build();
            fail("expected an error on " + field);
        } catch (SlowPathConfigException e) {
            assertEquals(e.getMessage(), field, e.field());
            assertTrue(e.getMessage().startsWith(field + ": "));
        }
    }

    @Test
    public void defaultsAreRfcValues() {
        SlowPathConfig c = config().build();
        assertEquals(64, c.hopLimit());
        assertTrue(c.hairpinning());
        assertTrue(c.icmpv4Errors());
        assertEquals(TimeUnit.SECONDS.toNanos(60), c.reassemblyTimeoutNanos());
        assertTrue(c.isAftrIpv4(AFTR_IPV4.toInt()));
        assertFalse(c.isAftrIpv4(HOST.toInt()));
        assertEquals(LWB4_VLAN, c.lwb4Side().vlan());
    }

    @Test
    public void badValuesNameTheirField() {
        assertField("lwb4-side.mtu", () -> config().lwb4Side(1, 0, LWB4_AFTR_MAC, LWB4_NEXT_HOP, 1279));
        assertField("internet-side.mtu", () -> config().internetSide(2, 0, INET_AFTR_MAC, INET_NEXT_HOP, 575));
        assertField("lwb4-side.vlan", () -> config().lwb4Side(1, 4095, LWB4_AFTR_MAC, LWB4_NEXT_HOP, 1500));
        assertField("internet-side.port", () -> config().internetSide(511, 0, INET_AFTR_MAC, INET_NEXT_HOP, 1500));
        assertField("internet-side.aftr-mac", () -> config().internetSide(2, 0, MacAddress.BROADCAST,
                INET_NEXT_HOP, 1500));
        assertField("lwb4-side.next-hop-mac", () -> config().lwb4Side(1, 0, LWB4_AFTR_MAC, null, 1500));
        assertField("aftr-ipv4-addrs", () -> SlowPathConfig.builder()
                .lwb4Side(1, 0, LWB4_AFTR_MAC, LWB4_NEXT_HOP, 1500)
                .internetSide(2, 0, INET_AFTR_MAC, INET_NEXT_HOP, 1500));
        assertField("aftr-ipv4-addrs", () -> config().aftrIpv4(Ip4Address.valueOf("224.0.0.1")));
        assertField("br-ipv6-addrs", () -> config().brAddress(org.onlab.packet.Ip6Address.valueOf("ff02::1")));
        assertField("hop-limit", () -> config().hopLimit(0));
        assertField("flow-label", () -> config().flowLabel(1 << 20));
        assertField("max-reassemblies", () -> config().maxReassemblies(0));
        assertField("max-fragments-per-reassembly", () -> config().maxFragmentsPerReassembly(0));
        assertField("reassembly-timeout", () -> config().reassemblyTimeout(10, TimeUnit.MINUTES));
        assertField("max-reassembly-bytes", () -> config().maxReassemblyBytes(1000));
        assertField("icmpv4-rate.packets", () -> config().icmpv4Rate(-1, 1, TimeUnit.SECONDS));
        assertField("icmpv6-rate.period", () -> config().icmpv6Rate(10, 0, TimeUnit.SECONDS));
    }
}
