package org.lwaftr.programming;

import org.junit.Test;
import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.translate.Translator;
import org.onlab.packet.Ip6Address;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiTableEntry;

import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.lwaftr.translate.P4Names.TABLE_AFTR_CONFIG;
import static org.lwaftr.translate.P4Names.TABLE_AFTR_IPV4;
import static org.lwaftr.translate.P4Names.TABLE_BR_ADDRESS;
import static org.lwaftr.translate.P4Names.TABLE_BR_SOURCE;

/** A device's configuration entries change by exactly what differs, on both hosts. */
public class DeviceEntriesTest {
    private static final Ip6Address BR = Ip6Address.valueOf("2001:db8:ffff::1");

    private static DeviceSettings settings(String aftrIpv4) {
        return Fixtures.settings(aftrIpv4);
    }

    private final DeviceEntries<String> entries = new DeviceEntries<>(new Translator());

    private static long in(List<PiTableEntry> es, PiTableId table) {
        return es.stream().filter(e -> e.table().equals(table)).count();
    }

    @Test
    public void onlyWhatDiffersIsRemovedOrPut() {
        DeviceEntries.Change first = entries.update("s1", settings("192.0.2.254"), LwaftrPolicy.DEFAULT, Map.of());
        assertTrue(first.removed.isEmpty());
        assertEquals(entries.entries("s1").size(), first.put.size());
        assertTrue("same inputs: nothing", entries.update("s1", settings("192.0.2.254"), LwaftrPolicy.DEFAULT,
                Map.of()).isEmpty());
        DeviceEntries.Change policy = entries.update("s1", settings("192.0.2.254"),
                LwaftrPolicy.DEFAULT.toBuilder().hopLimit(9).build(), Map.of());
        assertEquals("a policy change rewrites the one aftr_config entry", 1, policy.put.size());
        assertEquals(1, in(policy.put, TABLE_AFTR_CONFIG));
        assertTrue(policy.removed.isEmpty());
        DeviceEntries.Change address = entries.update("s1", settings("192.0.2.253"),
                LwaftrPolicy.DEFAULT.toBuilder().hopLimit(9).build(), Map.of(BR, 0));
        assertEquals("the old AFTR address goes", 1, in(address.removed, TABLE_AFTR_IPV4));
        assertEquals(1, in(address.put, TABLE_AFTR_IPV4));
        assertEquals("a BR named by softwires is answered for", 1, in(address.put, TABLE_BR_ADDRESS));
        assertEquals(1, in(address.put, TABLE_BR_SOURCE));
    }

    @Test
    public void aForgottenDeviceGetsEverythingAgainAndDevicesAreApart() {
        entries.update("s1", settings("192.0.2.254"), LwaftrPolicy.DEFAULT, Map.of());
        entries.update("s2", settings("192.0.2.253"), LwaftrPolicy.DEFAULT, Map.of());
        entries.forget("s1");
        assertTrue(entries.entries("s1").isEmpty());
        DeviceEntries.Change again = entries.update("s1", settings("192.0.2.254"), LwaftrPolicy.DEFAULT, Map.of());
        assertEquals(entries.entries("s1").size(), again.put.size());
        assertTrue(entries.update("s2", settings("192.0.2.253"), LwaftrPolicy.DEFAULT, Map.of()).isEmpty());
        DeviceEntries.Change none = entries.update("s2", null, LwaftrPolicy.DEFAULT, Map.of());
        assertEquals("without settings only aftr_config stays", 1, entries.entries("s2").size());
        assertEquals(entries.entries("s1").size() - 1, none.removed.size());
    }
}
