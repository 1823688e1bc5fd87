package org.lwaftr.provisioning;

import org.junit.Test;
import org.onlab.packet.Ip6Address;

import java.io.IOException;
import java.io.StringReader;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

/** The operator's lwB4 → DHCPv6 identifier file: accepted forms and one error naming file and line. */
public class LwB4IdentitiesTest {
    private static LwB4Identities read(String text) throws IOException {
        return LwB4Identities.read(new StringReader(text), "ids.csv");
    }

    private static String error(String text) throws IOException {
        try {
            read(text);
        } catch (ProvisioningInputException e) {
            return e.getMessage();
        }
        fail("accepted: " + text);
        return null;
    }

    @Test
    public void duidsAndMacsWithCommentsAndBlankLines() throws IOException {
        LwB4Identities d = read("# lwB4s of PoP 1\nlwb4,duid\n\n2001:db8::1 , 00:03:00:01:02:00:00:00:00:AA\n");
        assertEquals(LwB4Identities.Kind.DUID, d.kind());
        assertEquals("00:03:00:01:02:00:00:00:00:aa", d.ids().get(Ip6Address.valueOf("2001:db8::1")));
        LwB4Identities m = read("lwb4,hw-address\n2001:db8::1,02:00:00:00:00:aa\n");
        assertEquals(LwB4Identities.Kind.HW_ADDRESS, m.kind());
    }

    @Test
    public void errorsNameFileLineAndColumn() throws IOException {
        assertEquals("ids.csv: empty (needs the header lwb4,duid or lwb4,hw-address)", error("# nothing\n"));
        assertEquals("ids.csv:1: the header must be lwb4,duid or lwb4,hw-address", error("lwb4,mac\n"));
        assertEquals("ids.csv:2: lwb4: '192.0.2.1' is not an IPv6 address", error("lwb4,duid\n192.0.2.1,00:01:02\n"));
        assertEquals("ids.csv:2: hw-address: '00:01:02' is not a MAC address", error("lwb4,hw-address\n2001:db8::1,00:01:02\n"));
        assertEquals("ids.csv:2: expected 2 columns (lwb4,duid), found 3", error("lwb4,duid\n2001:db8::1,00:01:02,x\n"));
        assertEquals("ids.csv:3: lwb4: 2001:db8::1 appears twice",
                error("lwb4,duid\n2001:db8::1,00:01:02\n2001:db8::1,00:01:03\n"));
    }
}
