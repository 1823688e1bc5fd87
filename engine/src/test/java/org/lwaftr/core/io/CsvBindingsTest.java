package org.lwaftr.core.io;

import org.junit.Test;
import org.lwaftr.core.Softwire;
import org.onlab.packet.Ip6Address;

import java.io.StringReader;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.lwaftr.core.io.Samples.fails;

/** The CSV binding table: ipv4,psid_offset,psid_len,psid,lwb4,br. */
public class CsvBindingsTest {

    private static final String H = CsvBindings.HEADER + "\n";

    private static ImportedBindings read(String csv) throws Exception {
        return CsvBindings.read(new StringReader(csv));
    }

    @Test
    public void roundTripIncludingWholeAddresses() throws Exception {
        List<Softwire> s = Samples.mixed();
        String csv = Samples.csv(s);
        assertTrue(csv.startsWith(H));
        assertTrue(csv, csv.contains("\n203.0.113.9,0,0,0,2001:db8:3::9,2001:db8::1\n"));
        assertEquals(s, read(csv).softwires());
    }

    @Test
    public void commentsBlankLinesSpacesAndPrefixesAreAccepted() throws Exception {
        ImportedBindings in = read("# exported by hand\n\n ipv4, psid_offset, psid_len, psid, lwb4, br\n"
                + "192.0.2.1, 0, 6, 1, 2001:db8:5:6::/64, 2001:db8::ff\n# end\n");
        Softwire s = in.softwires().get(0);
        assertEquals("RFC 7596 §5.1 address from the prefix", Ip6Address.valueOf("2001:db8:5:6:0:c000:201:1"),
                s.lwb4());
        assertEquals(4, in.lineOf(0));
        assertEquals(in.softwires(), read(Samples.csv(in.softwires())).softwires());
    }

    @Test
    public void badColumnCountNamesTheLine() throws Exception {
        InvalidCheck.contains(fails(3, null, () -> read(H + "192.0.2.1,0,6,1,2001:db8::1,2001:db8::ff\n"
                + "192.0.2.1,0,6,2,2001:db8::2\n")), "expected 6 columns");
        fails(2, null, () -> read(H + "192.0.2.1,0,6,1,2001:db8::1,2001:db8::ff,extra\n"));
    }

    @Test
    public void badValuesNameLineAndColumn() throws Exception {
        InvalidCheck.message(fails(2, "ipv4", () -> read(H + "192.0.2.300,0,6,1,2001:db8::1,2001:db8::ff\n")),
                "line 2: ipv4: '192.0.2.300' is not an IPv4 address (need a.b.c.d, each 0-255)");
        fails(2, "psid", () -> read(H + "192.0.2.1,0,6,70000,2001:db8::1,2001:db8::ff\n"));
        fails(2, "psid", () -> read(H + "192.0.2.1,0,6,64,2001:db8::1,2001:db8::ff\n"));
        fails(2, "psid_len", () -> read(H + "192.0.2.1,0,x,1,2001:db8::1,2001:db8::ff\n"));
        fails(2, "lwb4", () -> read(H + "192.0.2.1,0,6,1,2001:db8::1::,2001:db8::ff\n"));
        fails(2, "br", () -> read(H + "192.0.2.1,0,6,1,2001:db8::1,ff02::1\n"));
        fails(2, "psid", () -> read(H + "192.0.2.1,0,6,,2001:db8::1,2001:db8::ff\n"));
    }

    @Test
    public void headerIsRequired() throws Exception {
        fails(1, null, () -> read("192.0.2.1,0,6,1,2001:db8::1,2001:db8::ff\n"));
        fails(1, null, () -> read("ipv4,psid,psid_len,psid_offset,lwb4,br\n"));
        fails(1, null, () -> read(""));
        assertEquals(0, read(H).softwires().size());
    }
}
