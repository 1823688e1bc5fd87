package org.lwaftr.lab;

import org.junit.Test;
import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.config.PortBinding;
import org.lwaftr.config.PortRole;
import org.lwaftr.config.SideSettings;
import org.lwaftr.programming.EntryKey;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.IpAddress;
import org.onlab.packet.MacAddress;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiTableEntry;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.lwaftr.translate.P4Names.PARAM_DST_MAC;
import static org.lwaftr.translate.P4Names.TABLE_BINDING;
import static org.lwaftr.translate.P4Names.TABLE_NEXT_HOP;

/** A next hop given by IP: no next_hop entry in the lab's desired state until it is resolved. */
public class LabProgrammerNextHopTest {
    private static final MacAddress M1 = MacAddress.valueOf("02:aa:00:00:00:01");
    private static final MacAddress M2 = MacAddress.valueOf("02:aa:00:00:00:02");
    private static final MacAddress ROUTER = MacAddress.valueOf("02:cc:00:00:00:02");

    private static List<MacAddress> nextHopMacs(LabProgrammer p) {
        return p.desired().values().stream().filter(e -> e.table().equals(TABLE_NEXT_HOP))
                .map(PiTableEntry::action).map(a -> ((PiAction) a).parameters().stream()
                        .filter(x -> x.id().equals(PARAM_DST_MAC)).findFirst().orElseThrow())
                .map(x -> MacAddress.valueOf(x.value().asArray())).collect(Collectors.toList());
    }

    @Test
    public void nextHopEntryAppearsOnceResolvedAndFollowsTheMac() {
        DeviceSettings settings = new DeviceSettings(new SideSettings(1, 0, M1, M1),
                new SideSettings(2, 0, M2, IpAddress.valueOf("192.0.2.1")),
                List.of(new PortBinding(1, 0, PortRole.LWB4, M1), new PortBinding(2, 0, PortRole.INTERNET, M2)),
                List.of(Ip4Address.valueOf("192.0.2.254")), List.of(), List.of());
        LabProgrammer p = new LabProgrammer(LwaftrPolicy.DEFAULT, settings);
        p.replaceAll(List.of(org.lwaftr.core.Softwire.of(Ip4Address.valueOf("198.51.100.1"),
                org.lwaftr.core.PortSet.of(6, 6, 1), org.onlab.packet.Ip6Address.valueOf("2001:db8::1"),
                org.onlab.packet.Ip6Address.valueOf("2001:db8:ffff::1"))));
        assertTrue(p.desired().values().stream().anyMatch(e -> e.table().equals(TABLE_BINDING)));
        assertEquals("the lwB4 side only", List.of(M1), nextHopMacs(p));
        List<EntryKey> handed = new java.util.ArrayList<>();
        p.settings(settings.withLearnedNextHops(null, ROUTER), handed::addAll);
        assertEquals(2, nextHopMacs(p).size());
        assertEquals(true, nextHopMacs(p).contains(ROUTER));
        assertTrue("the new next_hop entry goes to the targets", handed.stream()
                .anyMatch(k -> p.desired().get(k) != null && p.desired().get(k).table().equals(TABLE_NEXT_HOP)
                        && ((PiAction) p.desired().get(k).action()).parameters().stream()
                        .anyMatch(x -> x.id().equals(PARAM_DST_MAC)
                                && MacAddress.valueOf(x.value().asArray()).equals(ROUTER))));
        assertTrue("device entries only", handed.stream().noneMatch(k -> p.desired().get(k) != null
                && p.desired().get(k).table().equals(TABLE_BINDING)));
        handed.clear();
        p.settings(settings.withLearnedNextHops(null, ROUTER), handed::addAll);
        assertEquals("the same MAC again: nothing", List.of(), handed);
    }
}
