package org.lwaftr.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The policy's {@code punt-meter} (RFC 7596 §9 rate limit toward the control plane): defaults,
 * validation with JSON paths, round trip, and that it counts as a data-plane change.
 */
public class PuntMeterPolicyTest {

    private static final ObjectMapper M = new ObjectMapper();

    private static LwaftrPolicy parse(String s) throws IOException {
        return PolicyCodec.parse(M.readTree(s));
    }

    @Test
    public void rfc7596Sec9PuntMeterDefaults() throws IOException {
        assertEquals(new PuntMeterPolicy(1000, 100), parse("{}").puntMeter());
        assertEquals(new PuntMeterPolicy(1000, 100), LwaftrPolicy.DEFAULT.puntMeter());
        assertEquals(new PuntMeterPolicy(50, 100), parse("{\"punt-meter\": {\"rate-pps\": 50}}").puntMeter());
        assertEquals(new PuntMeterPolicy(1000, 7), parse("{\"punt-meter\": {\"burst-packets\": 7}}").puntMeter());
    }

    @Test
    public void errorsNameThePath() throws IOException {
        List<String> errs = PolicyCodec.validate(M.readTree(
                "{\"punt-meter\": {\"rate-pps\": 0, \"burst-packets\": 1000001, \"rate\": 5}}"));
        assertEquals(errs.toString(), 3, errs.size());
        assertTrue(errs.toString(), errs.contains("punt-meter.rate-pps: 0 is outside 1..1000000"));
        assertTrue(errs.toString(), errs.contains("punt-meter.burst-packets: 1000001 is outside 1..1000000"));
        assertTrue(errs.toString(), errs.stream().anyMatch(s -> s.startsWith("punt-meter.rate: unknown field")));
        assertEquals(List.of("punt-meter: must be a JSON object"),
                PolicyCodec.validate(M.readTree("{\"punt-meter\": 5}")));
        try {
            parse("{\"punt-meter\": {\"rate-pps\": -1}}");
            fail("negative rate accepted");
        } catch (ConfigException e) {
            assertEquals(List.of("punt-meter.rate-pps: -1 is outside 1..1000000"), e.errors());
        }
    }

    @Test
    public void constructorRefusesOutOfRange() {
        try {
            new PuntMeterPolicy(1, 0);
            fail("burst 0 accepted");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("outside 1..1000000"));
        }
    }

    @Test
    public void roundTripsAndIsADataPlaneChange() throws IOException {
        LwaftrPolicy p = LwaftrPolicy.builder().puntMeter(new PuntMeterPolicy(20, 3)).build();
        assertEquals(p, PolicyCodec.parse(PolicyCodec.encode(p)));
        assertEquals(20, PolicyCodec.encode(p).path("punt-meter").path("rate-pps").asInt());
        assertTrue(p.dataPlaneDiffers(LwaftrPolicy.DEFAULT));
        assertNotEquals(p, LwaftrPolicy.DEFAULT);
        assertNotEquals(p.hashCode(), LwaftrPolicy.DEFAULT.hashCode());
        assertEquals(p, p.toBuilder().build());
        assertFalse(p.dataPlaneDiffers(p.toBuilder().allowSystemPorts(true).build()));
    }
}
