package org.lwaftr.app;

import java.util.ArrayList;
import java.util.List;

/** A {@link PuntMeterProgrammer.Scheduler} whose delayed tasks the test runs by hand. */
final class ManualTimer implements PuntMeterProgrammer.Scheduler {

    private final List<Long> delays = new ArrayList<>();
    private final List<Runnable> due = new ArrayList<>();

    @Override
    public synchronized void after(long delayMs, Runnable task) {
        delays.add(delayMs);
        due.add(task);
    }

    /** @return the delays asked for so far, in order */
    synchronized List<Long> delays() {
        return List.copyOf(delays);
    }

    /** @return how many tasks wait */
    synchronized int pending() {
        return due.size();
    }

    /** Runs the tasks waiting now (not the ones they schedule). */
    void runDue() {
        List<Runnable> now;
        synchronized (this) {
            now = new ArrayList<>(due);
            due.clear();
        }
        now.forEach(Runnable::run);
    }
}
