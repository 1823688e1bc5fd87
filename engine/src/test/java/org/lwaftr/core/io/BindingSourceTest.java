package org.lwaftr.core.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.lwaftr.core.InvalidBindingException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** A configuration's binding table is read again exactly when it changed, on both hosts. */
public class BindingSourceTest {
    private static final String ONE = CsvBindings.HEADER + "\n192.0.2.1,6,6,1,2001:db8::1,2001:db8:ffff::1\n";
    private static final String TWO = ONE + "192.0.2.1,6,6,2,2001:db8::2,2001:db8:ffff::1\n";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final BindingSource source = new BindingSource();

    private static void touch(Path f, long millis) throws IOException {
        Files.setLastModifiedTime(f, FileTime.fromMillis(millis));
    }

    @Test
    public void aFileIsReadAgainWhenItsTimeOrSizeChanges() throws IOException {
        Path f = tmp.newFile("table.csv").toPath();
        Files.writeString(f, ONE);
        touch(f, 1_000_000);
        assertEquals(1, source.readIfChanged(null, f).orElseThrow().softwires().size());
        assertFalse("unchanged", source.readIfChanged(null, f).isPresent());
        Files.writeString(f, TWO);
        touch(f, 1_000_000); // same time, new size (an edit within the clock's resolution)
        assertEquals(2, source.readIfChanged(null, f).orElseThrow().softwires().size());
        touch(f, 2_000_000);
        assertTrue("touched", source.readIfChanged(null, f).isPresent());
    }

    @Test
    public void aKnownFileMissingForAMomentIsNotAnErrorButANewOneIs() throws IOException {
        Path f = tmp.newFile("table.csv").toPath();
        Files.writeString(f, ONE);
        source.markRead(f);
        assertFalse("marked as read at start", source.readIfChanged(null, f).isPresent());
        Files.delete(f);
        assertFalse(source.readIfChanged(null, f).isPresent());
        try {
            source.readIfChanged(null, tmp.getRoot().toPath().resolve("typo.csv"));
            fail("a file that does not exist was accepted");
        } catch (NoSuchFileException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("typo.csv"));
        }
    }

    @Test
    public void aBadFileIsReportedOnceAndReadAgainWhenFixed() throws IOException {
        Path f = tmp.newFile("table.csv").toPath();
        Files.writeString(f, ONE + "192.0.2.300,6,6,2,2001:db8::2,2001:db8:ffff::1\n");
        touch(f, 1_000_000);
        try {
            source.readIfChanged(null, f);
            fail("a bad address was accepted");
        } catch (InvalidBindingException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("line 3"));
        }
        assertFalse("not again at every poll", source.readIfChanged(null, f).isPresent());
        Files.writeString(f, TWO);
        touch(f, 2_000_000);
        assertEquals(2, source.readIfChanged(null, f).orElseThrow().softwires().size());
    }

    @Test
    public void anInlineTableIsReadWhenItChangesAndTakesPrecedence() throws IOException {
        ObjectMapper m = new ObjectMapper();
        String json = "{\"ietf-softwire-br:br-instances\": {\"binding\": {\"bind-instance\": [{\"name\": \"b1\","
                + " \"binding-table\": {\"binding-entry\": [{\"binding-ipv6info\": \"2001:db8::1\","
                + " \"binding-ipv4-addr\": \"192.0.2.1\", \"port-set\": {\"psid-offset\": 6, \"psid-len\": 6,"
                + " \"psid\": 1}, \"br-ipv6-addr\": \"2001:db8:ffff::1\"}]}}]}}}";
        Optional<ImportedBindings> first = source.readIfChanged(m.readTree(json), Path.of("/nonexistent"));
        assertEquals(1, first.orElseThrow().softwires().size());
        assertFalse(source.readIfChanged(m.readTree(json), null).isPresent());
        assertFalse("no source: nothing", source.readIfChanged(null, null).isPresent());
        assertTrue("named again after none", source.readIfChanged(m.readTree(json), null).isPresent());
    }
}
