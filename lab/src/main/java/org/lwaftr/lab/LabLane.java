package org.lwaftr.lab;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The controller's lane: all table work (binding-table changes, convergence, Writes) runs one task
 * at a time, in arrival order (a fair lock), on the caller's own thread. A task handed to a worker
 * thread instead costs two thread wake-ups per change, which on a loaded machine add milliseconds
 * to the update latency.
 */
final class LabLane {
    private final ReentrantLock lock = new ReentrantLock(true);

    /**
     * Runs {@code task} when the lane is free.
     *
     * @param waitSeconds how long to wait for the lane
     * @return the task's result
     * @throws IllegalStateException if the lane stays busy that long, or wrapping a checked exception
     * @throws InterruptedException  if interrupted while waiting
     */
    <T> T call(Callable<T> task, long waitSeconds) throws InterruptedException {
        if (!lock.tryLock(waitSeconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("controller lane busy for " + waitSeconds + " s");
        }
        try {
            return task.call();
        } catch (RuntimeException | InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            lock.unlock();
        }
    }
}
