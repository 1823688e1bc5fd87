package org.lwaftr.cli;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.lwaftr.api.FakeLwaftrService;
import org.lwaftr.api.LwaftrService;
import org.lwaftr.api.Samples;
import org.lwaftr.core.Softwire;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** lwaftr-binding-table-import / -export: one atomic batch, errors by file line, round trips. */
public class BindingTableFileCommandsTest {
    private static final String HEADER = "ipv4,psid_offset,psid_len,psid,lwb4,br\n";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private FakeLwaftrService service;
    private final List<String> printed = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    @Before
    public void setUp() {
        service = Samples.service(); // 3 softwires: 192.0.2.1 psid 1, 2; 192.0.2.2 psid 1
    }

    private void importFile(Path file, boolean replace) {
        BindingTableImportCommand c = new BindingTableImportCommand() {
            @Override
            protected LwaftrService service() {
                return service;
            }

            @Override
            public void print(String format, Object... args) {
                printed.add(String.format(format, args));
            }

            @Override
            public void error(String format, Object... args) {
                errors.add(String.format(format, args));
            }
        };
        c.file = file.toString();
        c.replace = replace;
        c.doExecute();
    }

    private void export(Path file, String format) {
        BindingTableExportCommand c = new BindingTableExportCommand() {
            @Override
            protected LwaftrService service() {
                return service;
            }

            @Override
            public void print(String f, Object... args) {
                printed.add(String.format(f, args));
            }

            @Override
            public void error(String f, Object... args) {
                errors.add(String.format(f, args));
            }
        };
        c.file = file.toString();
        c.format = format;
        c.doExecute();
    }

    private Path csv(String name, String rows) throws IOException {
        return Files.writeString(tmp.getRoot().toPath().resolve(name), HEADER + rows);
    }

    @Test
    public void importAddsTheFileInOneBatch() throws IOException {
        importFile(csv("add.csv", "192.0.2.3,6,6,1,2001:db8::3," + Samples.BR + "\n192.0.2.3,6,6,2,2001:db8::4,"
                + Samples.BR + "\n"), false);
        assertEquals(List.of(), errors);
        assertEquals(5, service.count());
        assertTrue(printed.toString(), printed.get(0).contains("2 softwires (CSV) read"));
    }

    @Test
    public void aBadLineIsNamedAndNothingIsApplied() throws IOException {
        importFile(csv("bad.csv", "192.0.2.3,6,6,1,2001:db8::3," + Samples.BR + "\n192.0.2.3,6,6,99,2001:db8::4,"
                + Samples.BR + "\n"), false);
        assertEquals(1, errors.size());
        assertTrue(errors.get(0), errors.get(0).contains("line 3"));
        assertTrue(errors.get(0), errors.get(0).endsWith("(nothing was applied)"));
        assertEquals(3, service.count());
    }

    @Test
    public void aConflictWithTheTableNamesTheFileLine() throws IOException {
        // the second row takes 192.0.2.1 psid 2, which the table already has
        importFile(csv("dup.csv", "192.0.2.3,6,6,1,2001:db8::3," + Samples.BR + "\n192.0.2.1,6,6,2,2001:db8::4,"
                + Samples.BR + "\n"), false);
        assertEquals(1, errors.size());
        assertTrue(errors.get(0), errors.get(0).contains("dup.csv line 3: "));
        assertEquals(3, service.count());
    }

    @Test
    public void replaceMakesTheTableTheFile() throws IOException {
        importFile(csv("all.csv", "192.0.2.9,0,0,0,2001:db8::9," + Samples.BR + "\n"), true);
        assertEquals(List.of(), errors);
        assertEquals(1, service.count());
        assertEquals("192.0.2.9", service.softwires(0, 1).get(0).ipv4().toString());
    }

    @Test
    public void everyFormatRoundTrips() throws IOException {
        List<Softwire> before = service.softwires(0, service.count());
        for (String format : List.of("json", "csv", "snabb")) {
            Path f = tmp.getRoot().toPath().resolve("table-" + format);
            export(f, format);
            service = new FakeLwaftrService();
            importFile(f, false);
            assertEquals(format + ": " + errors, List.of(), errors);
            assertEquals(format, before, service.softwires(0, service.count()));
        }
        export(tmp.getRoot().toPath().resolve("x.txt"), null);
        assertEquals(List.of("Error: --format: cannot tell the format of " + tmp.getRoot().toPath().resolve("x.txt")
                + ": name it .json, .csv or .conf, or give --format (nothing was written)"), errors);
    }
}
