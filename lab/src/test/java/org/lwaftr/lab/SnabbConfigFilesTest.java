package org.lwaftr.lab;

import com.google.common.io.Resources;
import org.junit.Test;
import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.config.SlowPathConfigs;
import org.lwaftr.core.Softwire;
import org.lwaftr.slowpath.SlowPathConfig;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.IpAddress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.junit.Assume.assumeTrue;

/**
 * Whole Snabb configurations load with Snabb's semantics: every {@code softwire-config} file of
 * Snabb's own end-to-end tests (read from the Snabb mirror when it is there, never copied into
 * this repository), our own files of the same schema, and bad input reported as
 * "line N: snabb.path: why" in Snabb's terms.
 */
public class SnabbConfigFilesTest {
    private static final Path MIRROR = Path.of("/work/.mirror/snabbco+snabb/repo");
    private static final String DATA = "src/program/lwaftr/tests/data/";
    private static final Pattern SOFTWIRE = Pattern.compile(
            "softwire \\{\\s*ipv4 [^;]+;\\s*psid (\\d+);[^}]*port-set \\{\\s*psid-length (\\d+);");

    private static String git(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "--git-dir=" + MIRROR));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        assertEquals(String.join(" ", cmd), 0, p.waitFor());
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Port sets holding ports below 1024, counted from the text (RFC 7597 §5.1 with a = 0). */
    private static int systemPortSets(String text) {
        int n = 0;
        Matcher m = SOFTWIRE.matcher(text);
        while (m.find()) {
            int psid = Integer.parseInt(m.group(1));
            int k = Integer.parseInt(m.group(2));
            if (k > 0 && ((long) psid << (16 - k)) < 1024) {
                n++;
            }
        }
        return n;
    }

    private static long count(List<String> warnings, String text) {
        return warnings.stream().filter(w -> w.contains(text)).count();
    }

    @Test
    public void everyConfigurationOfSnabbsEndToEndTestsLoadsWhole() throws Exception {
        if (!Files.isDirectory(MIRROR)) {
            System.out.println("SKIPPED: no Snabb mirror at " + MIRROR + " (Snabb's test configurations)");
            assumeTrue(false);
        }
        List<String> files = new ArrayList<>();
        for (String f : git("ls-tree", "--name-only", "HEAD", DATA).split("\n")) {
            if (f.endsWith(".conf")) {
                files.add(f);
            }
        }
        assertTrue(files.toString(), files.size() >= 15);
        for (String f : files) {
            String text = git("show", "HEAD:" + f);
            LabConfig c;
            try {
                c = SnabbConfigMapper.map(text, 1, 2);
            } catch (RuntimeException e) {
                throw new AssertionError(f + " does not load: " + e.getMessage(), e);
            }
            int softwires = text.split("softwire \\{", -1).length - 1;
            assertEquals(f, softwires, c.softwires().size());
            assertEquals(f, 255, c.policy().hopLimit());
            assertEquals(f + " " + c.warnings(), systemPortSets(text), count(c.warnings(), "holds system ports"));
            if (text.contains("instance {")) {
                assertNotNull(f, c.settings());
                Set<Ip6Address> brs = new LinkedHashSet<>();
                c.softwires().forEach(s -> brs.add(s.br()));
                SlowPathConfigs.of(c.policy(), c.settings(), brs, c.slowPathTuning()); // what the lab builds
            } else {
                assertNull(f, c.settings());
                assertEquals(f, 1, count(c.warnings(), "softwire-config.instance: none configured"));
            }
        }
    }

    private static String own(String name) throws IOException {
        return Resources.toString(Resources.getResource("snabb/" + name), StandardCharsets.UTF_8);
    }

    @Test
    public void systemPortsVlansNextHopsByIpAndFragmentLimits() throws Exception {
        LabConfig c = SnabbConfigMapper.map(own("system-ports-vlan-nexthop-ip.conf"), 1, 2);
        assertEquals(4, c.softwires().size());
        List<String> w = c.warnings();
        assertTrue(w.toString(), w.contains("line 3: softwire-config.binding-table.softwire: 203.0.113.1/psid 0"
                + " (psid-length 4): its port set holds system ports 0-1023; accepted as a deliberate assignment"
                + " (RFC 7596 §5.1)"));
        assertEquals(w.toString(), 1, count(w, "line 21: softwire-config.binding-table.softwire: 203.0.113.2/psid 80"));
        assertEquals("psid 1 of length 4 starts at 4096; k = 0 is a whole address", 2, count(w, "holds system ports"));
        // item 4: the filter is mapped (no warning), onto the Internet side's ingress
        assertEquals(w.toString(), 0, count(w, "ingress-filter"));
        assertEquals(w.toString(), 3, w.size()); // + instance.device
        LwaftrPolicy p = c.policy();
        assertEquals(255, p.hopLimit());
        assertEquals(1500, p.internetMtu());
        assertEquals(1500, p.softwirePayloadMtu());
        assertEquals(100, p.icmp().icmpv4Rate());
        DeviceSettings d = c.settings();
        assertEquals(164, d.internetSide().vlan());
        assertEquals(125, d.lwb4Side().vlan());
        assertEquals("ip", d.internetSide().ingressFilter().expression());
        assertEquals(IpAddress.valueOf("192.0.2.1"), d.internetSide().nextHopIp());
        assertEquals(IpAddress.valueOf("2001:db8:ffff::1:1"), d.lwb4Side().nextHopIp());
        SlowPathConfig s = SlowPathConfigs.of(p, d, Set.of(), c.slowPathTuning());
        assertEquals("the smaller of the two sides' limits", 1, s.maxFragmentsPerReassembly());
        assertEquals(10, s.maxReassemblies());
        assertEquals(255, s.hopLimit());
    }

    /** snabb-softwire-v3's binding-table is an optional container: without it, the table is empty. */
    @Test
    public void configurationWithoutBindingTableLoadsEmpty() throws Exception {
        String good = own("system-ports-vlan-nexthop-ip.conf");
        int from = good.indexOf("  binding-table {");
        String none = good.substring(0, from) + good.substring(good.indexOf("\n  }\n", from) + 5);
        assertTrue(none, !none.contains("softwire {"));
        LabConfig c = SnabbConfigMapper.map(none, 1, 2);
        assertEquals(0, c.softwires().size());
        assertEquals(125, c.settings().lwb4Side().vlan());
    }

    /** Values Snabb's schema takes (uint32) beyond our ranges keep their meaning. */
    @Test
    public void snabbsUint32ExtremesKeepTheirMeaning() throws Exception {
        String good = own("system-ports-vlan-nexthop-ip.conf");
        LabConfig c = SnabbConfigMapper.map(good.replaceFirst("packets 100;", "packets 0;")
                .replace("max-fragments-per-packet 1;", "max-fragments-per-packet 4294967295;")
                .replace("max-fragments-per-packet 8;", "max-fragments-per-packet 100000;"), 1, 2);
        assertTrue("0 packets per period: no ICMPv4 error", !c.policy().icmp().generateIcmpv4Errors());
        assertTrue(c.policy().icmp().generateIcmpv6Errors());
        SlowPathConfig s = SlowPathConfigs.of(c.policy(), c.settings(), Set.of(), c.slowPathTuning());
        assertEquals("no packet has more fragments", 8192, s.maxFragmentsPerReassembly());
        c = SnabbConfigMapper.map(good.replaceFirst("packets 100;", "packets 4294967295;"), 1, 2);
        assertEquals("the slow path's most", 1_000_000, c.policy().icmp().icmpv4Rate());
        assertEquals("line 42: softwire-config.external-interface.error-rate-limiting.packets: '-1' is not a uint32"
                + " (0..4294967295)", error(good.replaceFirst("packets 100;", "packets -1;")));
    }

    /** @return the error of mapping {@code text}, which must fail */
    private static String error(String text) throws IOException {
        try {
            SnabbConfigMapper.map(text, 1, 2);
        } catch (LabConfigException e) {
            return e.getMessage();
        }
        fail("accepted");
        return null;
    }

    @Test
    public void badValuesAreNamedByTheirSnabbPathNotTheNetcfgField() throws Exception {
        String good = own("system-ports-vlan-nexthop-ip.conf");
        assertEquals("line 69: softwire-config.instance.queue.internal-interface.vlan-tag: 4095 is outside 0..4094",
                error(good.replace("vlan-tag 125;", "vlan-tag 4095;")));
        assertEquals("line 44: softwire-config.external-interface.mtu: 100 is outside 576..65535",
                error(good.replace("mtu 1500;", "mtu 100;")));
        assertEquals("line 46: softwire-config.external-interface.reassembly.max-fragments-per-packet: "
                + "0 is outside 1..8192", error(good.replace("max-fragments-per-packet 1;", "max-fragments-per-packet 0;")));
        String noMac = error(good.replace("        mac 02:aa:00:00:00:02;\n", ""));
        assertTrue(noMac, noMac.startsWith("line 55: softwire-config.instance.queue.external-interface.mac: "));
        String badMac = error(good.replace("mac 02:aa:00:00:00:01;", "mac 02:aa:00:00:00;"));
        assertTrue(badMac, badMac.startsWith("line 65: softwire-config.instance.queue.internal-interface.mac: "));
    }

    @Test
    public void bindingEntriesTheTableRefusesAreNamedByLineAndSnabbPath() throws Exception {
        String good = own("system-ports-vlan-nexthop-ip.conf");
        // the second softwire of 203.0.113.1 with another port-set shape (the data plane keys one per address)
        String second = "psid 1;\n      b4-ipv6 2001:db8:100::2;\n      br-address 2001:db8:ffff::1;\n"
                + "      port-set {\n        psid-length ";
        assertTrue(good.contains(second + "4;"));
        String shape = error(good.replace(second + "4;", second + "6;"));
        assertTrue(shape, shape.startsWith("line 12: softwire-config.binding-table.softwire.psid: "
                + "entry 1 (add 203.0.113.1/psid 1): port set psid 1 (offset 0, len 6) overlaps "));
        String twice = error(good.replace("psid 1;", "psid 0;"));
        assertTrue(twice, twice.startsWith("line 12: softwire-config.binding-table.softwire.psid: entry 1"));
        assertTrue(twice, twice.contains("already exists"));
    }
}
