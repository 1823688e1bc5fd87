package org.lwaftr.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.junit.Assert.assertEquals;

/** Kea reservations from the binding table (RFC 7598 §4.2, §4.5, §4.6, §5.3). */
public class KeaS46ReservationsTest {
    private static Softwire sw(String ipv4, PortSet ps, String lwb4) {
        return Softwire.of(Ip4Address.valueOf(ipv4), ps, Ip6Address.valueOf(lwb4), Ip6Address.valueOf("2001:db8:ffff::1"));
    }

    @Test
    public void oneContainerPerLwb4OrderedByLwb4() throws IOException {
        LwB4Identities ids = LwB4Identities.read(new StringReader(
                "lwb4,hw-address\n2001:db8::2,02:00:00:00:00:02\n2001:db8::1,02:00:00:00:00:01\n"), "ids");
        KeaS46Reservations r = KeaS46Reservations.of(List.of(sw("192.0.2.2", PortSet.of(0, 4, 15), "2001:db8::2"),
                sw("192.0.2.1", PortSet.WHOLE_ADDRESS, "2001:db8::1")), ids);
        assertEquals(List.of(), r.skipped());
        JsonNode first = r.reservations().get(0);
        assertEquals("02:00:00:00:00:01", first.get("hw-address").asText());
        assertEquals("[{\"name\":\"s46-cont-lw\"},"
                + "{\"space\":\"s46-cont-lw-options\",\"name\":\"s46-br\",\"data\":\"2001:db8:ffff::1\"},"
                + "{\"space\":\"s46-cont-lw-options\",\"name\":\"s46-v4v6bind\",\"data\":\"192.0.2.1, 2001:db8::1/128\"}]",
                first.get("option-data").toString());
        JsonNode second = r.reservations().get(1);
        assertEquals("{\"space\":\"s46-v4v6bind-options\",\"name\":\"s46-portparams\",\"data\":\"0, 15/4\"}",
                second.get("option-data").get(3).toString());
    }

    @Test
    public void leftOutLwb4sAreReported() throws IOException {
        LwB4Identities ids = LwB4Identities.read(new StringReader("lwb4,duid\n2001:db8::1,00:01:02\n"), "ids");
        KeaS46Reservations r = KeaS46Reservations.of(List.of(sw("192.0.2.1", PortSet.of(6, 6, 1), "2001:db8::1"),
                sw("192.0.2.1", PortSet.of(6, 6, 2), "2001:db8::1"), sw("192.0.2.9", PortSet.WHOLE_ADDRESS, "2001:db8::9")),
                ids);
        assertEquals(0, r.reservations().size());
        assertEquals(List.of("lwB4 2001:db8::1: 2 softwires; an RFC 7598 lw4o6 container carries one binding",
                "lwB4 2001:db8::9: no duid given"), r.skipped());
    }
}
