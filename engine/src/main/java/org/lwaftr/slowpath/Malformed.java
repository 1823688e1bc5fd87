package org.lwaftr.slowpath;

/**
 * A punted packet the slow path cannot use: counted under {@link #counter()} and dropped by the
 * dispatcher. Carries no stack trace (cheap under a flood of bad packets).
 */
final class Malformed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Counter counter;

    Malformed(String why) {
        this(Counter.DROP_MALFORMED, why);
    }

    Malformed(Counter counter, String why) {
        super(why, null, false, false);
        this.counter = counter;
    }

    /** @return what to count */
    Counter counter() {
        return counter;
    }

    /** Fails unless cond holds. */
    static void check(boolean cond, String why) {
        if (!cond) {
            throw new Malformed(why);
        }
    }
}
