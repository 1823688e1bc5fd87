package org.lwaftr.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.Assert.assertEquals;

/**
 * RFC 7596 §6.1: the lwB4s' provisioning and the binding table never drift — the reservations file
 * follows every table change and every identities change, and nothing else rewrites it.
 */
public class KeaReservationsFileTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static Softwire sw(String ipv4, String lwb4) {
        return Softwire.of(Ip4Address.valueOf(ipv4), PortSet.WHOLE_ADDRESS, Ip6Address.valueOf(lwb4),
                Ip6Address.valueOf("2001:db8:ffff::1"));
    }

    @Test
    public void rewrittenWhenTheTableOrTheIdentitiesChangeOnly() throws IOException {
        Path ids = tmp.newFile("ids.csv").toPath();
        Files.writeString(ids, "lwb4,hw-address\n2001:db8::1,02:00:00:00:00:01\n2001:db8::2,02:00:00:00:00:02\n");
        Files.setLastModifiedTime(ids, FileTime.fromMillis(1_000_000));
        Path out = tmp.getRoot().toPath().resolve("reservations.json");
        AtomicLong version = new AtomicLong(7);
        List<Softwire> table = new ArrayList<>(List.of(sw("192.0.2.1", "2001:db8::1")));
        KeaReservationsFile kea = new KeaReservationsFile(ids, out, version::get, () -> List.copyOf(table));

        assertEquals(1, kea.refresh());
        JsonNode written = new ObjectMapper().readTree(out.toFile());
        assertEquals("02:00:00:00:00:01", written.get(0).get("hw-address").asText());
        assertEquals("nothing changed", -1, kea.refresh());

        table.add(sw("192.0.2.2", "2001:db8::2"));
        version.incrementAndGet();
        assertEquals("the table changed", 2, kea.refresh());
        assertEquals(2, new ObjectMapper().readTree(out.toFile()).size());

        Files.writeString(ids, "lwb4,hw-address\n2001:db8::1,02:00:00:00:00:01\n");
        Files.setLastModifiedTime(ids, FileTime.fromMillis(2_000_000));
        assertEquals("an lwB4 without identity is skipped", 1, kea.refresh());
        try (var files = Files.list(tmp.getRoot().toPath())) {
            assertEquals("no temporary file left", 2, files.count());
        }
    }
}
