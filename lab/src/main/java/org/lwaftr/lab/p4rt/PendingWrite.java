package org.lwaftr.lab.p4rt;

/**
 * A Write sent without waiting ({@link P4RuntimeClient#writeAsync}): {@link #await} waits for the
 * switch's answer and reports a failure as {@link P4RuntimeClient#write} would.
 */
@FunctionalInterface
public interface PendingWrite {
    /** A Write with nothing to send. */
    PendingWrite DONE = () -> { };

    /**
     * Waits until the switch has answered.
     *
     * @throws P4RuntimeWriteException listing each failed update and the switch's reason
     * @throws P4RuntimeException      if interrupted while waiting
     */
    void await();
}
