package org.lwaftr.lab;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.lwaftr.lab.p4rt.FakeP4RuntimeServer.WriteRecord;
import org.lwaftr.lab.p4rt.FakeP4RuntimeServer;
import org.lwaftr.lab.p4rt.P4RuntimeClient;
import org.lwaftr.lab.p4rt.PiDevice;
import org.lwaftr.programming.EntryKey;
import org.lwaftr.translate.Translator;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onosproject.net.pi.runtime.PiTableEntry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * A target's Writes against a fake switch that takes a while to answer each: full Writes are
 * sent without waiting but never more than {@link TargetSync#IN_FLIGHT} at once, a Write holding
 * deletes is answered before any later Write is sent, and every update is written once.
 */
public class TargetSyncTest {
    private static final int BASE = Ip4Address.valueOf("10.0.0.0").toInt();
    private static final Ip6Address BR = Ip6Address.valueOf("2001:db8:ffff::1");

    private final Translator translator = new Translator();
    private FakeP4RuntimeServer server;
    private P4RuntimeClient client;
    private PiDevice device;

    @Before
    public void start() throws Exception {
        server = new FakeP4RuntimeServer();
        server.delayWrites(20);
        client = P4RuntimeClient.connect("127.0.0.1", server.port(), 1, 10);
        device = new PiDevice(client, LabPipeline.lwaftr().p4Info());
    }

    @After
    public void stop() {
        client.close();
        server.close();
    }

    /** Softwire n's binding entry (lwB4 in prefix {@code net}). */
    private PiTableEntry binding(int n, int net) {
        Softwire s = Softwire.of(Ip4Address.valueOf(BASE + n / 64), PortSet.of(6, 6, n % 64),
                Ip6Address.valueOf("2001:db8:" + net + "::" + Integer.toHexString(n + 1)), BR);
        return translator.binding(s, 0, n);
    }

    private Map<EntryKey, PiTableEntry> bindings(int from, int to, int net) {
        Map<EntryKey, PiTableEntry> out = new LinkedHashMap<>();
        for (int n = from; n < to; n++) {
            PiTableEntry e = binding(n, net);
            out.put(EntryKey.of(e), e);
        }
        return out;
    }

    @Test
    public void fullWritesOverlapAtMostTwoAndEveryUpdateIsWrittenOnce() {
        TargetSync sync = new TargetSync();
        assertEquals(2500, sync.sync(device, bindings(0, 2500, 1)));
        assertEquals(2500, sync.written());
        List<WriteRecord> writes = server.writes();
        assertEquals(3, writes.size());
        assertEquals(2500, writes.stream().mapToInt(w -> w.updates).sum());
        assertTrue("at most " + TargetSync.IN_FLIGHT + " Writes at once, saw " + server.mostWritesInProgress(),
                server.mostWritesInProgress() <= TargetSync.IN_FLIGHT);
        assertEquals("in sync: nothing to write", 0, sync.sync(device, bindings(0, 2500, 1)));
    }

    @Test
    public void aWriteWithDeletesIsAnsweredBeforeAnythingAfterIt() {
        TargetSync sync = new TargetSync();
        Map<EntryKey, PiTableEntry> before = bindings(0, 2500, 1);
        sync.sync(device, before);
        // As the programmer streams a large change: the keys that are gone first (1500 deletes),
        // then new and changed entries (1000 inserts, 1000 modifications) in chunks.
        Map<EntryKey, PiTableEntry> after = bindings(1500, 3500, 1);
        bindings(1500, 2500, 2).forEach(after::put);
        TargetSync.Pass pass = sync.begin(device);
        pass.compare(after, new ArrayList<>(before.keySet()).subList(0, 1500));
        List<EntryKey> rest = new ArrayList<>(after.keySet());
        for (int i = 0; i < rest.size(); i += 256) {
            pass.compare(after, rest.subList(i, Math.min(rest.size(), i + 256)));
        }
        assertEquals(3500, pass.finish());

        List<WriteRecord> writes = server.writes().subList(3, server.writes().size());
        assertEquals(1500, writes.stream().mapToInt(w -> w.deletes).sum());
        assertEquals(3500, writes.stream().mapToInt(w -> w.updates).sum());
        for (int i = 0; i < writes.size(); i++) {
            if (writes.get(i).deletes > 0) {
                for (int j = i + 1; j < writes.size(); j++) {
                    assertTrue("Write " + j + " was sent before Write " + i + " (with deletes) was answered",
                            writes.get(j).arrived > writes.get(i).answered);
                }
            }
        }
        assertTrue(server.mostWritesInProgress() <= TargetSync.IN_FLIGHT);
        assertEquals("in sync: nothing to write", 0, sync.sync(device, after));
    }
}
