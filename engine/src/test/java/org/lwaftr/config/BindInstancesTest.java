package org.lwaftr.config;

import org.junit.Test;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.io.BindInstance;
import org.lwaftr.core.io.BindingFormat;
import org.lwaftr.core.io.BindingTableFormats;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * RFC 8676 bind-instance leaves and the policy are one model: an export carries the policy, and a
 * file whose leaves differ is told leaf by leaf that they are not applied (never silently ignored).
 */
public class BindInstancesTest {
    private static final List<Softwire> ONE = List.of(Softwire.of(Ip4Address.valueOf("192.0.2.1"),
            PortSet.of(6, 6, 1), Ip6Address.valueOf("2001:db8::1"), Ip6Address.valueOf("2001:db8:ffff::1")));

    private static BindInstance roundTrip(BindInstance written) throws IOException {
        StringWriter w = new StringWriter();
        BindingTableFormats.write(w, BindingFormat.RFC8676_JSON, ONE, written);
        return BindingTableFormats.read(w.toString(), BindingFormat.RFC8676_JSON).instance();
    }

    @Test
    public void rfc8676ExportOfThePolicyReadsBackAsThePolicy() throws IOException {
        LwaftrPolicy p = LwaftrPolicy.DEFAULT.toBuilder().hairpinning(false).build();
        BindInstance read = roundTrip(BindInstances.of(p));
        assertEquals(Boolean.FALSE, read.enableHairpinning());
        assertEquals(Integer.valueOf(p.softwirePayloadMtu()), read.softwirePayloadMtu());
        assertEquals(Long.valueOf(p.icmp().icmpv6Rate()), read.icmpv6Rate());
        assertEquals(List.of(), BindInstances.notApplied("t.json", read, p));
    }

    @Test
    public void rfc8676LeavesOtherThanThePolicysAreNamedNotApplied() throws IOException {
        BindInstance read = roundTrip(BindInstances.of(LwaftrPolicy.DEFAULT.toBuilder().hairpinning(false).build())
                .name("edge-1"));
        List<String> w = BindInstances.notApplied("t.json", read, LwaftrPolicy.DEFAULT);
        assertEquals(w.toString(), 1, w.size());
        assertEquals("t.json: bind-instance 'edge-1' enable-hairpinning false is not applied: the policy's"
                + " enable-hairpinning true is (the policy configures the lwAFTR, the file its softwires)", w.get(0));
    }

    @Test
    public void nestedIcmpLeavesAreNamedByTheirPath() {
        BindInstance in = new BindInstance().icmpv4Rate(7L).generateIcmpv6Errors(!IcmpPolicy.DEFAULT.generateIcmpv6Errors());
        List<String> w = BindInstances.notApplied("f", in, LwaftrPolicy.DEFAULT);
        assertEquals(w.toString(), 2, w.size());
        assertTrue(w.get(0), w.get(0).contains(" icmp-policy.icmpv4-errors.icmpv4-rate 7 is not applied"));
        assertTrue(w.get(1), w.get(1).contains(" icmp-policy.icmpv6-errors.generate-icmpv6-errors "));
    }

    @Test
    public void leavesNotGivenAndFormatsWithoutAnInstanceSayNothing() {
        assertEquals(List.of(), BindInstances.notApplied("f", new BindInstance(), LwaftrPolicy.DEFAULT));
        assertEquals(List.of(), BindInstances.notApplied("f", null, LwaftrPolicy.DEFAULT));
    }
}
