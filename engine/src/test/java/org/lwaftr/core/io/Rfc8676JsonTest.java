package org.lwaftr.core.io;

import org.junit.Test;
import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.onlab.packet.Ip6Address;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.lwaftr.core.io.Samples.fails;

/** RFC 8676 ietf-softwire-br binding tables in the RFC 7951 JSON encoding. */
public class Rfc8676JsonTest {

    private static ImportedBindings read(String json) throws Exception {
        return Rfc8676JsonReader.read(new StringReader(json), null);
    }

    /** A document whose one binding entry has the given members (entry opens at line 5). */
    private static String oneEntry(String... members) {
        return "{\"ietf-softwire-br:br-instances\": {\"binding\": {\"bind-instance\": [{\n"
                + "  \"name\": \"b1\", \"softwire-num-max\": 10, \"softwire-payload-mtu\": 1460,\n"
                + "  \"softwire-path-mru\": 1500,\n"
                + "  \"binding-table\": {\"binding-entry\": [\n"
                + "    {\n      " + String.join(",\n      ", members) + "\n    }\n  ]}\n}]}}}\n";
    }

    private static final String IPV6INFO = "\"binding-ipv6info\": \"2001:db8::1\"";
    private static final String IPV4 = "\"binding-ipv4-addr\": \"192.0.2.1\"";
    private static final String PORTSET = "\"port-set\": {\"psid-offset\": 0, \"psid-len\": 6, \"psid\": 1}";
    private static final String BR = "\"br-ipv6-addr\": \"2001:db8::ff\"";

    @Test
    public void roundTripKeepsSoftwiresAndInstanceSettings() throws Exception {
        List<Softwire> s = Samples.mixed();
        BindInstance settings = new BindInstance().name("edge-1").version("18446744073709551615")
                .date("2024-05-01T12:00:00Z").softwireNumMax(1000000L).softwirePayloadMtu(1460)
                .softwirePathMru(1540).enableHairpinning(false).allowIncomingIcmpv4(true).icmpv4Rate(100L)
                .generateIcmpv4Errors(false).generateIcmpv6Errors(true).icmpv6Rate(50L);
        String json = Samples.json(s, settings);
        assertTrue(json, json.contains("\"ietf-softwire-br:br-instances\""));
        assertTrue("RFC 7951 §6.1: uint64 is a string", json.contains("\"version\" : \"18446744073709551615\""));
        ImportedBindings in = read(json);
        assertEquals(s, in.softwires());
        BindInstance i = in.instance();
        assertEquals("edge-1", i.name());
        assertEquals("18446744073709551615", i.version());
        assertEquals("2024-05-01T12:00:00Z", i.date());
        assertEquals(Long.valueOf(1000000), i.softwireNumMax());
        assertEquals(Integer.valueOf(1540), i.softwirePathMru());
        assertEquals(Boolean.FALSE, i.enableHairpinning());
        assertEquals(Long.valueOf(100), i.icmpv4Rate());
        assertEquals(Boolean.FALSE, i.generateIcmpv4Errors());
        assertEquals(Long.valueOf(50), i.icmpv6Rate());
        assertEquals(BindingFormat.RFC8676_JSON, in.format());
    }

    @Test
    public void defaultsFillTheMandatoryInstanceLeaves() throws Exception {
        ImportedBindings in = read(Samples.json(Samples.mixed(), null));
        assertEquals(BindInstance.DEFAULT_NAME, in.instance().name());
        assertEquals(Long.valueOf(Samples.mixed().size()), in.instance().softwireNumMax());
        assertEquals(Integer.valueOf(Rfc8676JsonWriter.DEFAULT_PAYLOAD_MTU), in.instance().softwirePayloadMtu());
        assertNull(in.instance().enableHairpinning());
    }

    @Test
    public void rfc7596Sec51PrefixFormBuildsTheLwb4Address() throws Exception {
        ImportedBindings in = read(oneEntry("\"binding-ipv6info\": \"2001:db8:aa:bb::/64\"", IPV4, PORTSET, BR));
        Softwire s = in.softwires().get(0);
        assertEquals(Ip6Address.valueOf("2001:db8:aa:bb:0:c000:201:1"), s.lwb4());
        assertEquals("exported as the built /128, imported equal", in.softwires(),
                read(Samples.json(in.softwires(), null)).softwires());
        fails(6, "binding-entry.binding-ipv6info", () -> read(oneEntry("\"binding-ipv6info\": \"2001:db8::/96\"",
                IPV4, PORTSET, BR)));
    }

    @Test
    public void bareTableEntryListAndArrayAreAccepted() throws Exception {
        String entry = "{" + IPV6INFO + "," + IPV4 + "," + PORTSET + "," + BR + "}";
        Softwire expect = Samples.sw("192.0.2.1", 0, 6, 1, "2001:db8::1", Ip6Address.valueOf("2001:db8::ff"));
        assertEquals(List.of(expect), read("{\"binding-table\": {\"binding-entry\": [" + entry + "]}}").softwires());
        assertEquals(List.of(expect), read("{\"ietf-softwire-br:binding-entry\": [" + entry + "]}").softwires());
        assertEquals(List.of(expect), read("[" + entry + "]").softwires());
        assertNull(read("[" + entry + "]").instance());
        assertEquals("numbers as strings are tolerated", List.of(expect), read("[{" + IPV6INFO + "," + IPV4
                + ",\"port-set\": {\"psid-len\": \"6\", \"psid\": \"1\"}," + BR + "}]").softwires());
    }

    @Test
    public void otherModulesAndStateDataAreSkipped() throws Exception {
        String doc = "{\"ietf-interfaces:interfaces\": {\"interface\": [{\"name\": \"eth0\"}]},\n"
                + "\"ietf-softwire-br:br-instances\": {\"binding\": {\"bind-instance\": [{\"name\": \"x\",\n"
                + "\"traffic-stat\": {\"sent-ipv4-packets\": \"5\"},\n"
                + "\"binding-table\": {\"binding-entry\": [{" + IPV6INFO + "," + IPV4 + "," + PORTSET + "," + BR
                + "}]}}]}}}";
        assertEquals(1, read(doc).softwires().size());
        assertEquals("x", read(doc).instance().name());
    }

    @Test
    public void severalInstancesNeedAName() throws Exception {
        String entry = "{" + IPV6INFO + "," + IPV4 + "," + PORTSET + "," + BR + "}";
        String doc = "{\"ietf-softwire-br:br-instances\": {\"binding\": {\"bind-instance\": ["
                + "{\"name\": \"a\", \"binding-table\": {\"binding-entry\": [" + entry + "]}},"
                + "{\"name\": \"b\", \"binding-table\": {\"binding-entry\": []}}]}}}";
        try {
            read(doc);
            fail("two instances, no name");
        } catch (InvalidBindingException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("[a, b]"));
        }
        assertEquals(1, Rfc8676JsonReader.read(new StringReader(doc), "a").softwires().size());
        assertEquals(0, Rfc8676JsonReader.read(new StringReader(doc), "b").softwires().size());
    }

    @Test
    public void badIpv4NamesLineAndField() throws Exception {
        InvalidCheck.message(fails(7, "binding-entry.binding-ipv4-addr", () -> read(oneEntry(IPV6INFO,
                "\"binding-ipv4-addr\": \"192.0.2\"", PORTSET, BR))),
                "line 7, column 28: binding-entry.binding-ipv4-addr: '192.0.2' is not an IPv4 address"
                        + " (need a.b.c.d, each 0-255)");
    }

    @Test
    public void psidOutOfRangeNamesLineAndField() throws Exception {
        fails(8, "binding-entry.port-set.psid", () -> read(oneEntry(IPV6INFO, IPV4,
                "\"port-set\": {\"psid-offset\": 0, \"psid-len\": 6, \"psid\": 65536}", BR)));
        InvalidCheck.contains(fails(8, "binding-entry.port-set.psid", () -> read(oneEntry(IPV6INFO, IPV4,
                "\"port-set\": {\"psid-offset\": 0, \"psid-len\": 6, \"psid\": 64}", BR))), "does not fit psid-len 6");
        fails(8, "binding-entry.port-set.psid-len", () -> read(oneEntry(IPV6INFO, IPV4,
                "\"port-set\": {\"psid-len\": 17, \"psid\": 0}", BR)));
        fails(8, "binding-entry.port-set.psid-offset", () -> read(oneEntry(IPV6INFO, IPV4,
                "\"port-set\": {\"psid-offset\": 12, \"psid-len\": 6, \"psid\": 0}", BR)));
        fails(8, "binding-entry.port-set.psid", () -> read(oneEntry(IPV6INFO, IPV4,
                "\"port-set\": {\"psid-len\": 6, \"psid\": -1}", BR)));
    }

    @Test
    public void missingFieldNamesTheEntry() throws Exception {
        fails(5, "binding-entry.br-ipv6-addr", () -> read(oneEntry(IPV6INFO, IPV4, PORTSET)));
        fails(5, "binding-entry.port-set.psid", () -> read(oneEntry(IPV6INFO, IPV4,
                "\"port-set\": {\"psid-len\": 6}", BR)));
    }

    @Test
    public void unknownMemberAndWrongTypesAreRefused() throws Exception {
        InvalidCheck.contains(fails(9, "binding-entry.br-addr", () -> read(oneEntry(IPV6INFO, IPV4, PORTSET,
                "\"br-addr\": \"2001:db8::ff\""))), "unknown member");
        fails(6, "binding-entry.binding-ipv6info", () -> read(oneEntry("\"binding-ipv6info\": 5", IPV4, PORTSET,
                BR)));
        fails(2, "bind-instance.softwire-num-max", () -> read(oneEntry(IPV6INFO, IPV4, PORTSET, BR)
                .replace("\"softwire-num-max\": 10", "\"softwire-num-max\": 0")));
        fails(2, "bind-instance.colour", () -> read(oneEntry(IPV6INFO, IPV4, PORTSET, BR)
                .replace("\"name\": \"b1\"", "\"colour\": \"b1\"")));
    }

    @Test
    public void moreEntriesThanSoftwireNumMaxIsRefused() throws Exception {
        InvalidCheck.contains(fails(2, "bind-instance.softwire-num-max", () -> read(oneEntry(IPV6INFO, IPV4,
                PORTSET, BR).replace("\"softwire-num-max\": 10", "\"softwire-num-max\": 1")
                .replace("}\n  ]}", "}, {" + IPV6INFO + ", \"binding-ipv4-addr\": \"192.0.2.2\"," + PORTSET + ","
                        + BR + "}\n  ]}"))), "2 entries, more than softwire-num-max 1");
    }

    @Test
    public void syntaxErrorsCarryTheirLine() throws Exception {
        InvalidCheck.contains(fails(9, null, () -> read(oneEntry(IPV6INFO, IPV4, PORTSET, BR + ",,"))),
                "JSON syntax");
        fails(3, null, () -> read("{\"binding-table\": {\"binding-entry\": [\n{" + IPV6INFO + ",\n"));
        fails(1, null, () -> read("{\"something-else\": {}}"));
    }

    @Test
    public void psidLen16IsReadButNotWrittenAsRfc8676RangeIs0To15() throws Exception {
        ImportedBindings in = read("[{" + IPV6INFO + "," + IPV4 + ",\"port-set\": {\"psid-len\": 16, \"psid\": 4660},"
                + BR + "}]");
        assertEquals(PortSet.of(0, 16, 4660), in.softwires().get(0).portSet());
        try {
            Rfc8676JsonWriter.write(new StringWriter(), null, in.softwires(), false);
            fail("psid-len 16 written");
        } catch (InvalidBindingException e) {
            assertEquals(Softwire.F_PSID_LEN, e.field());
        }
        assertFalse(Samples.json(Samples.mixed(), null).isEmpty());
    }
}
