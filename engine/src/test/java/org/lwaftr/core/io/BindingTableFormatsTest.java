package org.lwaftr.core.io;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.lwaftr.core.BindingDiff;
import org.lwaftr.core.BindingTable;
import org.lwaftr.core.Softwire;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.lwaftr.core.io.Samples.fails;

/** Format detection, file round trips and atomic application to the binding table. */
public class BindingTableFormatsTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void detectsTheFormatByExtensionAndContent() {
        assertEquals(BindingFormat.RFC8676_JSON, BindingFormat.byExtension("t.JSON"));
        assertEquals(BindingFormat.CSV, BindingFormat.byExtension("t.csv"));
        assertEquals(BindingFormat.SNABB, BindingFormat.byExtension("lwaftr.conf"));
        assertEquals(null, BindingFormat.byExtension("table.txt"));
        assertEquals(BindingFormat.RFC8676_JSON, BindingFormat.byContent("\n  {\"ietf-softwire-br:br-instances\""));
        assertEquals(BindingFormat.RFC8676_JSON, BindingFormat.byContent("["));
        assertEquals(BindingFormat.CSV, BindingFormat.byContent("# c\nipv4,psid_offset,psid_len,psid,lwb4,br\n"));
        assertEquals(BindingFormat.SNABB, BindingFormat.byContent("// c\n/* { */ softwire-config {"));
    }

    @Test
    public void everyFormatRoundTripsThroughFilesAndContentDetection() throws Exception {
        List<Softwire> s = Samples.mixed();
        for (String name : new String[] {"t.json", "t.csv", "t.conf"}) {
            Path f = tmp.getRoot().toPath().resolve(name);
            BindingTableFormats.write(f, s);
            ImportedBindings in = BindingTableFormats.read(f);
            assertEquals(name, s, in.softwires());
            assertEquals(name, BindingFormat.byExtension(name), in.format());
            Path noExt = tmp.getRoot().toPath().resolve(name + ".txt");
            Files.copy(f, noExt);
            assertEquals(name + " sniffed", in.format(), BindingTableFormats.read(noExt).format());
        }
    }

    @Test
    public void applyAddsInOneBatchAndNamesTheLineOfARefusedEntry() throws Exception {
        String csv = CsvBindings.HEADER + "\n"
                + "192.0.2.1,0,6,1,2001:db8::1,2001:db8::ff\n"
                + "192.0.2.1,0,6,2,2001:db8::2,2001:db8::ff\n"
                + "# the next one overlaps psid 1 with another shape\n"
                + "192.0.2.1,0,5,1,2001:db8::3,2001:db8::ff\n";
        ImportedBindings in = BindingTableFormats.read(csv, null);
        assertEquals(3, in.softwires().size());
        BindingTable t = new BindingTable();
        InvalidCheck.contains(fails(5, "psid", () -> BindingTableFormats.apply(t, in, false)), "overlaps");
        assertEquals("nothing applied", 0, t.size());
        fails(5, "psid", () -> BindingTableFormats.apply(t, in, true));
        assertEquals("nothing applied", 0, t.size());
    }

    @Test
    public void rfc7596Sec51SystemPortsRefusalNamesTheLine() throws Exception {
        ImportedBindings in = BindingTableFormats.read(CsvBindings.HEADER + "\n"
                + "192.0.2.1,0,6,1,2001:db8::1,2001:db8::ff\n192.0.2.1,0,6,0,2001:db8::2,2001:db8::ff\n", null);
        InvalidCheck.contains(fails(3, "psid", () -> BindingTableFormats.apply(new BindingTable(), in, true)),
                "system ports");
        assertEquals(2, BindingTableFormats.apply(new BindingTable(true), in, true).added().size());
    }

    @Test
    public void replaceMakesTheTableEqualToTheFile() throws Exception {
        BindingTable t = new BindingTable();
        List<Softwire> s = Samples.mixed();
        BindingTableFormats.apply(t, BindingTableFormats.read(Samples.csv(s), null), true);
        assertEquals(new HashSet<>(s), new HashSet<>(t.softwires()));
        List<Softwire> next = new ArrayList<>(s.subList(2, s.size()));
        // A port set that changes shape on the same key: a remove and an add, not a refused replace.
        Softwire old = next.get(next.size() - 2);
        Softwire reshaped = Samples.sw("203.0.113.10", 0, 6, 15, "2001:db8:0:1:2:3:4:5", Samples.BR1);
        assertEquals(old.key(), reshaped.key());
        next.set(next.size() - 2, reshaped);
        BindingDiff d = BindingTableFormats.apply(t, BindingTableFormats.read(Samples.json(next, null), null), true);
        assertEquals(new HashSet<>(next), new HashSet<>(t.softwires()));
        assertTrue(d.removed().contains(old));
        assertEquals(List.of(reshaped), d.added());
        assertEquals(2 + 1, d.removed().size());
        InvalidCheck.contains(fails(2, "psid", () -> BindingTableFormats.apply(t, BindingTableFormats.read(
                Samples.csv(next.subList(0, 1)), null), false)), "already exists");
        assertTrue(t.size() == next.size());
    }
}
