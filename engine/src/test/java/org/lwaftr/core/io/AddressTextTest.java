package org.lwaftr.core.io;

import org.junit.Test;
import org.lwaftr.core.Addresses;
import org.onlab.packet.Ip6Address;

import java.util.Random;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

/** Address text: strict parsing, RFC 5952 canonical output. */
public class AddressTextTest {

    private static long[] v6(String s) {
        long[] a = new long[2];
        AddressText.parseIpv6(s, a);
        return a;
    }

    private static String canon(String s) {
        long[] a = v6(s);
        return AddressText.formatIpv6(a[0], a[1]);
    }

    @Test
    public void ipv4RoundTripsAndRefusesMalformedText() {
        assertEquals(0xc0000201, AddressText.parseIpv4("192.0.2.1"));
        assertEquals("192.0.2.1", AddressText.formatIpv4(0xc0000201));
        assertEquals("255.255.255.255", AddressText.formatIpv4(-1));
        for (String bad : new String[] {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1..2.3", "1.2.3.4 ", "a.b.c.d",
            "1.2.3.-4", "1234.1.1.1"}) {
            try {
                AddressText.parseIpv4(bad);
                fail("accepted '" + bad + "'");
            } catch (IllegalArgumentException e) {
                assertEquals(true, e.getMessage().contains("'" + bad + "'"));
            }
        }
    }

    @Test
    public void ipv6ParsesEveryTextFormAndPrintsRfc5952() {
        assertEquals("2001:db8::1", canon("2001:0DB8:0000:0000:0000:0000:0000:0001"));
        assertEquals("::", canon("::"));
        assertEquals("::1", canon("0:0:0:0:0:0:0:1"));
        assertEquals("1::", canon("1:0:0:0:0:0:0:0"));
        // RFC 5952 §4.2.2: a single zero group is not shortened; §4.2.3: the longest run, first if tied.
        assertEquals("2001:db8:0:1:1:1:1:1", canon("2001:db8:0:1:1:1:1:1"));
        assertEquals("2001:0:0:1::1", canon("2001:0:0:1:0:0:0:1"));
        assertEquals("2001:db8::1:0:0:1", canon("2001:db8:0:0:1:0:0:1"));
        assertEquals("::ffff:c000:201", canon("::ffff:192.0.2.1"));
        assertEquals("64:ff9b::c000:201", canon("64:ff9b::192.0.2.1"));
    }

    @Test
    public void ipv6AgreesWithOnlabOnRandomAddresses() {
        Random r = new Random(7);
        for (int i = 0; i < 2000; i++) {
            byte[] b = new byte[16];
            r.nextBytes(b);
            for (int j = 0; j < 16; j++) {
                if (r.nextInt(3) == 0) {
                    b[j] = 0; // runs of zeros exercise "::"
                }
            }
            Ip6Address a = Ip6Address.valueOf(b);
            String text = AddressText.formatIpv6(Addresses.high(b), Addresses.low(b));
            assertEquals(a.toString(), text);
            long[] back = v6(text);
            assertEquals(Addresses.high(b), back[0]);
            assertEquals(Addresses.low(b), back[1]);
        }
    }

    @Test
    public void ipv6RefusesMalformedText() {
        for (String bad : new String[] {"", ":", ":::", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1::2::3",
            "12345::", "g::1", "1:2:3:4:5:6:7:8::", "::1:", ":1::", "1.2.3.4", "::1.2.3", "1:2:3:4:5:6:7:1.2.3.4",
            "fe80::1%eth0", "2001:db8::/64"}) {
            try {
                v6(bad);
                fail("accepted '" + bad + "'");
            } catch (IllegalArgumentException e) {
                assertEquals(true, e.getMessage().startsWith("'" + bad + "' is not an IPv6 address"));
            }
        }
    }
}
