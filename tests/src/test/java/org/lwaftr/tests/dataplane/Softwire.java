package org.lwaftr.tests.dataplane;

import org.lwaftr.pipeconf.gen.Direction;
import org.lwaftr.tests.bmv2.LwaftrTestEntries;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onosproject.net.pi.runtime.PiTableEntry;

/** A softwire of the test network: (IPv4 address, PSID) → lwB4, BR (index and address), counter index. */
final class Softwire {
    final Ip4Address ipv4;
    final int psid;
    final Ip6Address lwb4;
    final int brIndex;
    final Ip6Address br;
    final int counter;

    Softwire(Ip4Address ipv4, int psid, Ip6Address lwb4, int brIndex, Ip6Address br, int counter) {
        this.ipv4 = ipv4;
        this.psid = psid;
        this.lwb4 = lwb4;
        this.brIndex = brIndex;
        this.br = br;
        this.counter = counter;
    }

    /** Its binding-table entry. */
    PiTableEntry entry() {
        return LwaftrTestEntries.softwire(ipv4, psid, lwb4, brIndex, counter);
    }

    /** Its softwire_stats cell: 2·index + direction. */
    long cell(Direction d) {
        return 2L * counter + d.code();
    }

    @Override
    public String toString() {
        return ipv4 + "/psid " + psid + " → " + lwb4 + " via " + br;
    }
}
