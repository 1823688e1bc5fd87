package org.lwaftr.tests.e2e;

import org.junit.After;
import org.junit.ClassRule;
import org.junit.Test;
import org.lwaftr.lab.LabConfig;
import org.lwaftr.lab.LabController;
import org.lwaftr.lab.LabPipeline;
import org.lwaftr.lab.SnabbConfigMapper;
import org.lwaftr.lab.TargetSpec;
import org.lwaftr.tests.bmv2.Bmv2Switch;
import org.lwaftr.tests.bmv2.FrameIo;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.Assert.assertTrue;
import static org.lwaftr.tests.e2e.E2eSetup.*;

/**
 * A Snabb lwAFTR configuration with ingress and egress filters on both interfaces, loaded by the
 * lab controller into bmv2: what the filters let through is forwarded exactly, the rest is dropped
 * and counted per filter.
 */
public class LabFilterEndToEndTest {
    @ClassRule
    public static final E2eSwitch BMV2 = new E2eSwitch("bmv2-filter");
    private LabController lab;

    /** Snabb's snabb-softwire-v3 syntax, the network of {@link E2eSetup}. */
    private static final String SNABB = "softwire-config {\n"
            + "  binding-table {\n"
            + "    softwire { ipv4 198.51.100.1; psid 1; b4-ipv6 2001:db8:1::1; br-address 2001:db8:ffff::1;\n"
            + "      port-set { psid-length 6; } }\n"
            + "  }\n"
            + "  external-interface {\n"
            + "    ingress-filter \"ip and not udp port 9\";\n"
            + "    egress-filter \"not dst net 192.0.2.0/24\";\n"
            + "  }\n"
            + "  internal-interface {\n"
            + "    ingress-filter \"ip6 and src net 2001:db8:1::/48\";\n"
            + "    egress-filter \"ip6 proto 4\";\n"
            + "  }\n"
            + "  instance { device lab; queue { id 0;\n"
            + "    external-interface { ip 192.0.2.254; mac 02:aa:00:00:00:02; next-hop { mac 02:bb:00:00:00:02; } }\n"
            + "    internal-interface { ip 2001:db8:ffff::fe; mac 02:aa:00:00:00:01; next-hop { mac 02:bb:00:00:00:01; } }\n"
            + "  } }\n"
            + "}\n";

    @After
    public void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    public void snabbFiltersLoadAndFilterOnBmv2() throws Exception {
        Bmv2Switch sw = BMV2.sw();
        FrameIo io = BMV2.io();
        io.clear();
        LabConfig cfg = SnabbConfigMapper.map(SNABB, LWB4_PORT, INET_PORT);
        lab = LabController.start(cfg, List.of(new TargetSpec("127.0.0.1", sw.grpcPort(), Bmv2Switch.DEVICE_ID)),
                LabPipeline.lwaftr());
        assertTrue("lab controller converged", lab.awaitConverged(30_000));

        // allowed both ways: UDP 53 ⇄ the softwire's port
        E2eProbe.awaitDownstream(io, shared(1), 255, 10_000); // Snabb encapsulates with hop limit 255
        E2eProbe.upstreamExactly(io, shared(1));

        // the external ingress filter refuses port 9
        io.send(INET_PORT, fromInternet(udp(HOST, 9, SHARED, port(shared(1)), 64)));
        // the internal ingress filter refuses another lwB4 prefix (before any binding check)
        io.send(LWB4_PORT, fromLwb4(org.onlab.packet.Ip6Address.valueOf("2001:db8:9::1"),
                udp(SHARED, port(shared(1)), HOST, 53, 64)));
        // the external egress filter refuses 192.0.2.0/24 after decapsulation
        io.send(LWB4_PORT, fromLwb4(shared(1).lwb4(), udp(SHARED, port(shared(1)), org.onlab.packet.Ip4Address.valueOf("192.0.2.77"), 53, 64)));
        io.expectNoFrame(LWB4_PORT, 500);
        io.expectNoFrame(INET_PORT, 0);

        String report = lab.report();
        // as the CLI's lwaftr-stats prints them (CliText): reason, padding, count
        for (String line : List.of("filter internet-side.ingress-filter.denied +1 pkts",
                "filter lwb4-side.ingress-filter.denied +1 pkts", "filter internet-side.egress-filter.denied +1 pkts",
                "drop FILTERED +3 pkts")) {
            assertTrue(line + " in\n" + report, Pattern.compile("(?m)^  " + line + " / ").matcher(report).find());
        }
    }
}
