package org.lwaftr.lab;

import org.junit.Test;
import org.lwaftr.config.DeviceSettings;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** Snabb's ingress-filter / egress-filter: mapped to the sides' filters, or refused naming the line. */
public class SnabbFilterMappingTest {

    private static String conf(String external, String internal) {
        return "softwire-config {\n"
                + "  binding-table {\n"
                + "    softwire { ipv4 198.51.100.1; psid 1; b4-ipv6 2001:db8:1::1; br-address 2001:db8:ffff::1;\n"
                + "      port-set { psid-length 6; } }\n"
                + "  }\n"
                + "  external-interface {\n" + external + "  }\n"
                + "  internal-interface {\n" + internal + "  }\n"
                + "  instance { device x; queue { id 0;\n"
                + "    external-interface { ip 192.0.2.254; mac 02:aa:00:00:00:02; next-hop { mac 02:bb:00:00:00:02; } }\n"
                + "    internal-interface { ip 2001:db8:ffff::fe; mac 02:aa:00:00:00:01; next-hop { mac 02:bb:00:00:00:01; } }\n"
                + "  } }\n"
                + "}\n";
    }

    @Test
    public void snabbTestFiltersMapToBothSides() throws Exception {
        // as in Snabb's tests/data/no_icmp_with_filters_accept.conf and ..._drop.conf
        LabConfig c = SnabbConfigMapper.map(conf("    ingress-filter ip;\n    egress-filter \"len < 0\";\n",
                "    ingress-filter ip6;\n    egress-filter ip6;\n"), 1, 2);
        DeviceSettings d = c.settings();
        assertEquals("ip", d.internetSide().ingressFilter().expression());
        assertEquals("len < 0", d.internetSide().egressFilter().expression());
        assertEquals("ip6", d.lwb4Side().ingressFilter().expression());
        assertEquals("ip6", d.lwb4Side().egressFilter().expression());
        assertTrue(c.warnings().toString(), c.warnings().stream().noneMatch(w -> w.contains("filter")));
    }

    @Test
    public void noFilterMeansNone() throws Exception {
        DeviceSettings d = SnabbConfigMapper.map(conf("", ""), 1, 2).settings();
        assertNull(d.lwb4Side().ingressFilter());
        assertNull(d.internetSide().egressFilter());
    }

    @Test
    public void aFilterTheSwitchCannotMatchIsRefusedNamingPathLineAndToken() throws Exception {
        try {
            SnabbConfigMapper.map(conf("", "    egress-filter \"ip6 and ether host 1:2:3:4:5:6\";\n"), 1, 2);
            fail("mapped");
        } catch (LabConfigException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith(
                    "line 9: softwire-config.internal-interface.egress-filter: filter \"ip6 and ether host"));
            assertTrue(e.getMessage(), e.getMessage().contains("('1:2:3:4:5:6')"));
        }
    }
}
