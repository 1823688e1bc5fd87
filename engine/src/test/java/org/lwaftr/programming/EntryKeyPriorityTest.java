package org.lwaftr.programming;

import org.junit.Test;
import org.lwaftr.filter.PacketFilter;
import org.lwaftr.pipeconf.gen.Side;
import org.lwaftr.translate.FilterEntries;
import org.onosproject.net.pi.runtime.PiTableEntry;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.lwaftr.translate.P4Names.TABLE_INGRESS_FILTER;

/** P4Runtime §9.1: a filter entry is its match key and priority; the lab tells them apart. */
public class EntryKeyPriorityTest {

    @Test
    public void sameMatchOtherPriorityIsAnotherEntry() {
        List<PiTableEntry> a = FilterEntries.entries(TABLE_INGRESS_FILTER, Side.LWB4.code(), PacketFilter.compile("ip6"));
        List<PiTableEntry> b = FilterEntries.entries(TABLE_INGRESS_FILTER, Side.LWB4.code(),
                PacketFilter.compile("ip6 or arp"));
        // "ip6" at priority 2 in the first, at 3 in the second: a change is a delete and an insert
        PiTableEntry ip6First = a.get(0);
        PiTableEntry ip6Second = b.stream().filter(e -> e.matchKey().equals(ip6First.matchKey())).findFirst()
                .orElseThrow();
        assertNotEquals(ip6First.priority(), ip6Second.priority());
        assertNotEquals(EntryKey.of(ip6First), EntryKey.of(ip6Second));
        assertEquals(EntryKey.of(ip6First), EntryKey.of(a.get(0)));
        Set<EntryKey> keys = new HashSet<>();
        b.forEach(e -> keys.add(EntryKey.of(e)));
        assertEquals(b.size(), keys.size());
    }
}
