package org.lwaftr.core.io;

import org.lwaftr.core.InvalidBindingException;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** Assertions on error messages. */
final class InvalidCheck {

    private InvalidCheck() {
    }

    static void contains(InvalidBindingException e, String part) {
        assertTrue("expected '" + part + "' in: " + e.getMessage(), e.getMessage().contains(part));
    }

    static void message(InvalidBindingException e, String whole) {
        assertEquals(whole, e.getMessage());
    }
}
