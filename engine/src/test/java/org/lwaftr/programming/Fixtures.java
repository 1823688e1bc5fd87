package org.lwaftr.programming;

import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.PortBinding;
import org.lwaftr.config.PortRole;
import org.lwaftr.config.SideSettings;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.MacAddress;

import java.util.List;

/** Device settings the programming tests share. */
final class Fixtures {
    static final MacAddress M1 = MacAddress.valueOf("02:aa:00:00:00:01");
    static final MacAddress M2 = MacAddress.valueOf("02:aa:00:00:00:02");

    private Fixtures() {
    }

    /** lwB4 side on port 1, Internet side on port 2, next hops by MAC, one AFTR IPv4 address. */
    static DeviceSettings settings(String aftrIpv4, Ip6Address... brs) {
        return new DeviceSettings(new SideSettings(1, 0, M1, M1), new SideSettings(2, 0, M2, M2),
                List.of(new PortBinding(1, 0, PortRole.LWB4, M1), new PortBinding(2, 0, PortRole.INTERNET, M2)),
                List.of(Ip4Address.valueOf(aftrIpv4)), List.of(), List.of(brs));
    }
}
