package org.lwaftr.core.io;

import org.junit.Test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** binding-ipv6info as an address or a prefix (RFC 8676; RFC 7596 §5.1 Figure 3, RFC 7597 §6). */
public class BindingIpv6InfoTest {

    private static String built(String info, int ipv4, int psid) {
        BindingIpv6Info b = BindingIpv6Info.parse(info);
        return AddressText.formatIpv6(b.high(), b.low(ipv4, psid));
    }

    @Test
    public void anAddressIsTakenAsItIs() {
        BindingIpv6Info b = BindingIpv6Info.parse("2001:db8::5");
        assertFalse(b.isPrefix());
        assertEquals("2001:db8::5", built("2001:db8::5", 0xc0000201, 7));
        assertEquals("a /128 prefix is the address", "2001:db8::5", built("2001:db8::5/128", 0xc0000201, 7));
    }

    @Test
    public void rfc7596Sec51PrefixGivesPrefixZeroPaddingIpv4AndPsid() {
        // 2001:db8:1:2::/64, IPv4 192.0.2.1 (c000:0201), PSID 0x34:
        // prefix | 0x0000 | c000 0201 | 0034
        assertTrue(BindingIpv6Info.parse("2001:db8:1:2::/64").isPrefix());
        assertEquals("2001:db8:1:2:0:c000:201:34", built("2001:db8:1:2::/64", 0xc0000201, 0x34));
        // A whole address has no PSID: the field is zero.
        assertEquals("2001:db8:1:2:0:c000:201:0", built("2001:db8:1:2::/64", 0xc0000201, 0));
        assertEquals("PSID is the low 16 bits, left-padded", "2001:db8:1:2:0:cb00:710b:ffff",
                built("2001:db8:1:2::/64", 0xcb00710b, 0xffff));
    }

    @Test
    public void rfc7596Sec51ShorterPrefixIsRightPaddedWithZeros() {
        // A /56 keeps 56 bits; bits 56-63 are zero even if the text sets them.
        assertEquals("2001:db8:1:200:0:c000:201:1", built("2001:db8:1:2ff::/56", 0xc0000201, 1));
        assertEquals("::c000:201:1", built("::/0", 0xc0000201, 1));
    }

    @Test
    public void prefixLongerThan64IsRefused() {
        for (String bad : new String[] {"2001:db8::/65", "2001:db8::/127", "2001:db8::/129", "2001:db8::/x",
            "2001:db8::/"}) {
            try {
                BindingIpv6Info.parse(bad);
                fail("accepted " + bad);
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().contains(bad));
            }
        }
    }
}
