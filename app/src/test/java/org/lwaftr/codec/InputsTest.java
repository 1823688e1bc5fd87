package org.lwaftr.codec;

import org.junit.Test;
import org.lwaftr.api.Samples;
import org.lwaftr.core.Softwire;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * Operator text → values: what is accepted, and errors that name the field.
 */
public class InputsTest {

    /** Refusals name the field and start their message with it. */
    private static String fieldOf(Runnable r) {
        return Samples.refusedField(() -> {
            try {
                r.run();
            } catch (InvalidInputException e) {
                assertTrue(e.getMessage(), e.getMessage().startsWith(e.field()));
                throw e;
            }
        });
    }

    @Test
    public void ipv4AcceptsOnlyDottedQuads() {
        assertEquals("192.0.2.1", Inputs.ipv4("ipv4", " 192.0.2.1 ").toString());
        assertEquals("ipv4", fieldOf(() -> Inputs.ipv4("ipv4", "192.0.2")));
        assertEquals("ipv4", fieldOf(() -> Inputs.ipv4("ipv4", "192.0.2.256")));
        assertEquals("ipv4", fieldOf(() -> Inputs.ipv4("ipv4", "2001:db8::1")));
        assertEquals("ipv4", fieldOf(() -> Inputs.ipv4("ipv4", "")));
    }

    @Test
    public void ipv6AcceptsAddressesNotPrefixes() {
        assertEquals("2001:db8::1", Inputs.ipv6("lwb4", "2001:DB8::1").toString());
        assertEquals("lwb4", fieldOf(() -> Inputs.ipv6("lwb4", "2001:db8::/64")));
        assertEquals("lwb4", fieldOf(() -> Inputs.ipv6("lwb4", "192.0.2.1")));
        assertEquals("lwb4", fieldOf(() -> Inputs.ipv6("lwb4", "2001:db8::g")));
    }

    @Test
    public void portsAreSixteenBits() {
        assertEquals(65535, Inputs.port("port", "65535"));
        assertEquals("port", fieldOf(() -> Inputs.port("port", "65536")));
        assertEquals("port", fieldOf(() -> Inputs.port("port", "-1")));
        assertEquals("port", fieldOf(() -> Inputs.port("port", "80x")));
    }

    @Test
    public void rfc7422TimesAsIsoInstantEpochMillisOrNow() {
        assertEquals(1_500L, Inputs.time("time", "1970-01-01T00:00:01.500Z", 0));
        assertEquals(0L, Inputs.time("time", "1970-01-01T02:00:00+02:00", 0));
        assertEquals(1234L, Inputs.time("time", "1234", 0));
        assertEquals(42L, Inputs.time("time", "now", 42));
        assertEquals("time", fieldOf(() -> Inputs.time("time", "2024-05-01 10:00", 0)));
    }

    @Test
    public void softwireFromSixWordsNamesTheBadField() {
        Softwire s = Inputs.softwire("192.0.2.1", "6", "6", "5", "2001:db8::1", "2001:db8:ffff::1");
        assertEquals(5, s.psid());
        assertEquals(6, s.portSet().length());
        assertEquals(Softwire.F_IPV4, fieldOf(() -> Inputs.softwire("x", "6", "6", "5", "2001:db8::1", "::2")));
        assertEquals(Softwire.F_PSID_OFFSET,
                fieldOf(() -> Inputs.softwire("192.0.2.1", "17", "6", "5", "2001:db8::1", "2001:db8::2")));
        assertEquals(Softwire.F_PSID_LEN,
                fieldOf(() -> Inputs.softwire("192.0.2.1", "6", "x", "5", "2001:db8::1", "2001:db8::2")));
        // RFC 7597 §5.1: the PSID must fit in k bits
        assertEquals(Softwire.F_PSID,
                fieldOf(() -> Inputs.softwire("192.0.2.1", "6", "6", "64", "2001:db8::1", "2001:db8::2")));
        assertEquals(Softwire.F_B4,
                fieldOf(() -> Inputs.softwire("192.0.2.1", "6", "6", "5", "ff02::1", "2001:db8::2")));
        assertEquals(Softwire.F_BR,
                fieldOf(() -> Inputs.softwire("192.0.2.1", "6", "6", "5", "2001:db8::1", "")));
    }
}
