package org.lwaftr.core.io;

import org.junit.Test;
import org.lwaftr.core.BindingTable;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.SoftwireKey;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.lwaftr.core.io.Samples.fails;

/** The Snabb lwAFTR configuration syntax (snabb-softwire-v3). */
public class SnabbConfigTest {

    private static Reader sample() {
        return new InputStreamReader(SnabbConfigTest.class.getResourceAsStream("snabb-lwaftr.conf"),
                StandardCharsets.UTF_8);
    }

    private static ImportedBindings read(String text) throws Exception {
        return SnabbConfig.readBindingTable(new StringReader(text));
    }

    /** One softwire block with the given body lines, inside softwire-config/binding-table (body from line 4). */
    private static String oneSoftwire(String... body) {
        return "softwire-config {\n  binding-table {\n    softwire {\n      " + String.join("\n      ", body)
                + "\n    }\n  }\n}\n";
    }

    private static final String[] GOOD = {"ipv4 192.0.2.1;", "psid 1;", "b4-ipv6 2001:db8::1;",
        "br-address 2001:db8::ff;", "port-set { psid-length 6; }"};

    @Test
    public void realisticConfigParsesWithItsOtherSections() throws Exception {
        ImportedBindings in;
        try (Reader r = sample()) {
            in = SnabbConfig.readBindingTable(r);
        }
        List<Softwire> s = in.softwires();
        assertEquals(5, s.size());
        assertEquals(Samples.sw("198.51.100.1", 0, 6, 1, "2001:db8:1::1", Ip6Address.valueOf("2001:db8:ffff::1")),
                s.get(0));
        assertEquals("reserved-ports-bit-count is the PSID offset a", PortSet.of(4, 4, 5), s.get(3).portSet());
        assertEquals(Ip6Address.valueOf("2001:db8:2::5"), s.get(3).lwb4());
        assertTrue(s.get(4).portSet().isWholeAddress());
        assertEquals(9, in.lineOf(0));
        assertEquals(35, in.lineOf(3));

        ConfigNode c = in.config();
        assertEquals("1460", c.value("softwire-config", "external-interface", "mtu"));
        assertEquals("'+' joins quoted strings", "ip and not (ip[6:2] & 0x3fff != 0)",
                c.value("softwire-config", "external-interface", "ingress-filter"));
        assertEquals("true", c.value("softwire-config", "internal-interface", "hairpinning"));
        assertEquals("00:05.0", c.value("softwire-config", "instance", "device"));
        assertEquals("2001:db8:ffff::fe", c.value("softwire-config", "instance", "queue", "internal-interface",
                "next-hop", "ip"));
        assertEquals("7", c.value("softwire-config", "binding-table", "version", "number"));
        assertEquals("softwires are not kept as nodes", 0,
                c.find("softwire-config", "binding-table").children("softwire").size());
        assertEquals("softwire-config.external-interface.error-rate-limiting.packets",
                c.find("softwire-config", "external-interface", "error-rate-limiting", "packets").path());

        BindingTable t = new BindingTable();
        BindingTableFormats.apply(t, in, true);
        assertEquals(5, t.size());
        assertEquals(s.get(1), t.lookup(Ip4Address.valueOf("198.51.100.1").toInt(), 2048));
    }

    @Test
    public void wholeTreeKeepsEveryStatement() throws Exception {
        ConfigNode root;
        try (Reader r = sample()) {
            root = SnabbConfig.parse(r);
        }
        ConfigNode table = root.find("softwire-config", "binding-table");
        assertEquals(5, table.children("softwire").size());
        ConfigNode first = table.children("softwire").get(0);
        assertEquals("6", first.value("port-set", "psid-length"));
        assertEquals(9, first.line());
        assertEquals(5, first.column());
        assertEquals("lab-lwaftr", root.value("softwire-config", "name"));
        assertNull(root.find("softwire-config", "no-such-thing"));
    }

    @Test
    public void roundTripIncludingWholeAddressesAndBothShapes() throws Exception {
        List<Softwire> s = Samples.mixed();
        assertEquals(s, read(Samples.snabb(s)).softwires());
        StringWriter bare = new StringWriter();
        SnabbConfig.writeBindingTable(bare, s, false);
        assertTrue(bare.toString().startsWith("binding-table {"));
        assertEquals("a bare binding-table block is accepted", s, read(bare.toString()).softwires());
    }

    @Test
    public void b4Ipv6MayBeAPrefixRfc7596Sec51() throws Exception {
        ImportedBindings in = read(oneSoftwire("ipv4 192.0.2.1;", "psid 3;", "b4-ipv6 2001:db8:7:8::/64;",
                "br-address 2001:db8::ff;", "port-set { psid-length 6; }"));
        assertEquals(Ip6Address.valueOf("2001:db8:7:8:0:c000:201:3"), in.softwires().get(0).lwb4());
        assertEquals("exported as the built address, imported equal", in.softwires(),
                read(Samples.snabb(in.softwires())).softwires());
    }

    @Test
    public void commentsAndQuotedValuesAreAccepted() throws Exception {
        ImportedBindings in = read("/* head */ binding-table { // the table\n softwire { ipv4 \"192.0.2.1\"; "
                + "psid '1'; b4-ipv6 2001:db8::1;/*x*/br-address 2001:db8::ff; port-set { psid-length 6; } } }");
        assertEquals(1, in.softwires().size());
        assertEquals(new SoftwireKey(0xc0000201, 1), in.softwires().get(0).key());
    }

    @Test
    public void psidThatIsNotSixteenBitsNamesLineAndField() throws Exception {
        InvalidCheck.message(fails(5, "softwire-config.binding-table.softwire.psid", () -> read(oneSoftwire("ipv4 192.0.2.1;", "psid 70000;",
                "b4-ipv6 2001:db8::1;", "br-address 2001:db8::ff;", "port-set { psid-length 6; }"))),
                "line 5, column 12: softwire-config.binding-table.softwire.psid: 70000 is not a 16-bit value");
    }

    @Test
    public void psidBeyondItsLengthNamesThePsidLine() throws Exception {
        InvalidCheck.contains(fails(5, "softwire-config.binding-table.softwire.psid", () -> read(oneSoftwire("ipv4 192.0.2.1;", "psid 64;",
                "b4-ipv6 2001:db8::1;", "br-address 2001:db8::ff;", "port-set { psid-length 6; }"))),
                "softwire-config.binding-table.softwire.psid: 64 does not fit psid-len 6");
    }

    @Test
    public void badIpv4NamesLineAndField() throws Exception {
        InvalidCheck.contains(fails(4, "softwire-config.binding-table.softwire.ipv4", () -> read(oneSoftwire("ipv4 192.0.2.256;", "psid 1;",
                "b4-ipv6 2001:db8::1;", "br-address 2001:db8::ff;", "port-set { psid-length 6; }"))),
                "'192.0.2.256' is not an IPv4 address");
        InvalidCheck.contains(fails(4, "softwire-config.binding-table.softwire.ipv4", () -> read(oneSoftwire("ipv4 224.0.0.1;", "psid 1;",
                "b4-ipv6 2001:db8::1;", "br-address 2001:db8::ff;", "port-set { psid-length 6; }"))),
                "multicast");
    }

    @Test
    public void missingFieldNamesTheSoftwire() throws Exception {
        fails(3, "softwire-config.binding-table.softwire.br-address", () -> read(oneSoftwire("ipv4 192.0.2.1;", "psid 1;",
                "b4-ipv6 2001:db8::1;", "port-set { psid-length 6; }")));
        fails(3, "softwire-config.binding-table.softwire.port-set.psid-length", () -> read(oneSoftwire(GOOD[0], GOOD[1], GOOD[2], GOOD[3])));
        fails(5, "softwire-config.binding-table.softwire.psid", () -> read(oneSoftwire(GOOD[0], "psid;", GOOD[2], GOOD[3], GOOD[4])));
    }

    @Test
    public void unknownKeywordIsRefused() throws Exception {
        InvalidCheck.contains(fails(7, "softwire-config.binding-table.softwire.br", () -> read(oneSoftwire(GOOD[0], GOOD[1], GOOD[2],
                "br 1;", GOOD[4]))), "unknown keyword");
        fails(4, "softwire-config.binding-table.softwires", () -> read("softwire-config {\n  binding-table {\n"
                + "    // typo follows\n    softwires { }\n  }\n}\n"));
        fails(10, "softwire-config.binding-table.softwire.port-set.shift", () -> read(oneSoftwire(GOOD[0], GOOD[1], GOOD[2], GOOD[3],
                "port-set {", "  psid-length 6;", "  shift 10;", "}")));
        InvalidCheck.contains(fails(3, "softwire-config.binding-table.psid-map", () -> read("softwire-config {\n binding-table {\n"
                + "  psid-map { addr 192.0.2.1; psid-length 6; }\n }\n}\n")), "snabb-softwire-v2");
    }

    @Test
    public void fieldGivenTwiceIsRefused() throws Exception {
        fails(5, "softwire-config.binding-table.softwire.ipv4", () -> read(oneSoftwire(GOOD[0], "ipv4 192.0.2.2;", GOOD[1], GOOD[2], GOOD[3],
                GOOD[4])));
    }

    @Test
    public void unterminatedBlockNamesWhereItOpened() throws Exception {
        String text = "softwire-config {\n  binding-table {\n    softwire {\n      ipv4 192.0.2.1;\n";
        InvalidCheck.contains(fails(5, "softwire-config.binding-table.softwire", () -> read(text)),
                "'softwire {' opened at line 3 has no closing '}'");
        fails(1, null, () -> read("}"));
        InvalidCheck.contains(fails(2, null, () -> read("binding-table {\n /* never closed }\n")), "'*/'");
        InvalidCheck.contains(fails(2, null, () -> read("binding-table {\n x \"never closed;\n}\n")),
                "unterminated string");
    }

    @Test
    public void missingSemicolonPointsAtTheNextStatement() throws Exception {
        InvalidCheck.contains(fails(5, "softwire-config.binding-table.softwire.ipv4", () -> read(oneSoftwire("ipv4 192.0.2.1", GOOD[1],
                GOOD[2], GOOD[3], GOOD[4]))), "missing ';' at the end of line 4");
    }

    @Test
    public void fileWithoutBindingTableIsAnErrorNotAnEmptyTable() throws Exception {
        fails(1, "softwire-config.binding-table", () -> read("softwire-config { external-interface { mtu 1460; } }"));
        assertEquals(0, read("softwire-config { binding-table { } }").softwires().size());
        fails(2, "binding-table", () -> read("binding-table { }\nbinding-table { }\n"));
    }
}
