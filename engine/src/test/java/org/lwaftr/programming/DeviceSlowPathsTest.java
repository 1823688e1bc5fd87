package org.lwaftr.programming;

import org.junit.Test;
import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.core.BindingTable;
import org.lwaftr.slowpath.NextHopResolver;
import org.lwaftr.slowpath.SlowPath;
import org.onlab.packet.Ip6Address;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;

/** A device's slow path is rebuilt exactly when what it is built from changes; its resolver stays. */
public class DeviceSlowPathsTest {
    private static final Ip6Address BR = Ip6Address.valueOf("2001:db8:ffff::1");

    private static DeviceSettings settings(String aftrIpv4) {
        return Fixtures.settings(aftrIpv4, BR);
    }

    private final List<String> resolversMade = new ArrayList<>();
    private final DeviceSlowPaths<String> paths = new DeviceSlowPaths<>(new BindingTable(), () -> 0L, d -> {
        resolversMade.add(d);
        return new NextHopResolver(() -> 0L, (l, i) -> { });
    }, b -> { });

    @Test
    public void rebuiltOnlyWhenPolicySettingsOrBrsChange() {
        SlowPath a = paths.get("s1", LwaftrPolicy.DEFAULT, settings("192.0.2.254"), Set.of(BR));
        assertSame("same inputs: the same slow path (its state kept)", a,
                paths.get("s1", LwaftrPolicy.DEFAULT, settings("192.0.2.254"), Set.of(BR)));
        SlowPath b = paths.get("s1", LwaftrPolicy.DEFAULT, settings("192.0.2.253"), Set.of(BR));
        assertNotSame(a, b);
        SlowPath c = paths.get("s1", LwaftrPolicy.DEFAULT, settings("192.0.2.253"), Set.of());
        assertNotSame(b, c);
        assertSame("the next-hop resolver survives rebuilds", b.nextHops(), c.nextHops());
        assertEquals(List.of("s1"), resolversMade);
        assertSame(c, paths.current("s1"));
    }

    @Test
    public void aDeviceWithoutSettingsHasNoSlowPathAndLosesItsResolver() {
        paths.get("s1", LwaftrPolicy.DEFAULT, settings("192.0.2.254"), Set.of(BR));
        paths.get("s2", LwaftrPolicy.DEFAULT, settings("192.0.2.254"), Set.of(BR));
        assertEquals(2, paths.all().size());
        assertNull(paths.get("s1", LwaftrPolicy.DEFAULT, null, Set.of(BR)));
        assertEquals(1, paths.all().size());
        paths.get("s1", LwaftrPolicy.DEFAULT, settings("192.0.2.254"), Set.of(BR));
        assertEquals(List.of("s1", "s2", "s1"), resolversMade);
    }
}
