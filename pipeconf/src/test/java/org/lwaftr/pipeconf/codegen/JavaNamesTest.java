package org.lwaftr.pipeconf.codegen;

import org.junit.Test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

public class JavaNamesTest {

    @Test
    public void snakeCamelAndPaddingNames() {
        assertEquals("PORT_SIDE", JavaNames.constant("port_side"));
        assertEquals("NO_ACTION", JavaNames.constant("NoAction"));
        assertEquals("PAD", JavaNames.constant("_pad"));
        assertEquals("PSID_SHIFT_15", JavaNames.constant("psid_shift_15"));
        assertEquals("IPV4_HEADER", JavaNames.constant("Ipv4Header"));
        assertEquals("ICMPV4_TO_AFTR", JavaNames.constant("ICMPV4_TO_AFTR"));
    }

    @Test
    public void qualifiedNamesDropTheProgramPrefix() {
        assertEquals("INGRESS_BINDING", JavaNames.qualified("LwaftrIngress.binding"));
        assertEquals("EGRESS_X", JavaNames.qualified("LwaftrEgress.x"));
        assertEquals("NO_ACTION", JavaNames.qualified("NoAction"));
        assertEquals("softwire", JavaNames.local("LwaftrIngress.softwire"));
    }

    @Test
    public void enumClassNames() {
        assertEquals("PuntReason", JavaNames.typeClass("PuntReason_t"));
        assertEquals("Side", JavaNames.typeClass("Side_t"));
    }

    @Test
    public void unusableNamesFailNamingTheName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JavaNames.constant("a-b"));
        assertTrue(e.getMessage(), e.getMessage().contains("'a-b'"));
        assertThrows(IllegalArgumentException.class, () -> JavaNames.constant("_"));
        assertThrows(IllegalArgumentException.class, () -> JavaNames.constant("0x"));
    }

    @Test
    public void numbersSortByValue() {
        assertTrue(ConstantGroup.naturalOrder("PSID_SHIFT_2", "PSID_SHIFT_10") < 0);
        assertTrue(ConstantGroup.naturalOrder("PSID_SHIFT_10", "PSID_SHIFT_9") > 0);
        assertTrue(ConstantGroup.naturalOrder("A", "A_SIZE") < 0);
        assertEquals(0, ConstantGroup.naturalOrder("X_1", "X_1"));
    }
}
