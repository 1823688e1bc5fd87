package org.lwaftr.app;

import org.lwaftr.programming.SoftwireDelta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The programmer's single lane: tasks and softwire deltas run in arrival order on one executor, and
 * deltas that queue up while the lane is busy are merged into one batch (up to a bound) — low latency
 * when updates trickle in, large flow-rule batches when they pour in.
 */
final class WorkQueue {

    private static final Logger log = LoggerFactory.getLogger(WorkQueue.class);

    private final Executor executor;
    private final Consumer<List<SoftwireDelta>> deltaSink;
    private final int maxBatch;
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /**
     * @param executor  runs the lane (single-threaded, or direct in tests)
     * @param deltaSink receives merged delta batches
     * @param maxBatch  most deltas merged into one batch
     */
    WorkQueue(Executor executor, Consumer<List<SoftwireDelta>> deltaSink, int maxBatch) {
        this.executor = executor;
        this.deltaSink = deltaSink;
        this.maxBatch = maxBatch;
    }

    void deltas(List<SoftwireDelta> deltas) {
        queue.add(deltas);
        schedule();
    }

    void task(Runnable task) {
        queue.add(task);
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    @SuppressWarnings("unchecked")
    private void drain() {
        do {
            List<SoftwireDelta> batch = new ArrayList<>();
            Object item;
            while ((item = queue.poll()) != null) {
                if (item instanceof Runnable) {
                    flush(batch);
                    run((Runnable) item);
                } else {
                    batch.addAll((List<SoftwireDelta>) item);
                    if (batch.size() >= maxBatch) {
                        flush(batch);
                    }
                }
            }
            flush(batch);
            scheduled.set(false);
        } while (!queue.isEmpty() && scheduled.compareAndSet(false, true));
    }

    private void flush(List<SoftwireDelta> batch) {
        if (!batch.isEmpty()) {
            List<SoftwireDelta> copy = new ArrayList<>(batch);
            batch.clear();
            run(() -> deltaSink.accept(copy));
        }
    }

    private static void run(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.error("lwAFTR programming task failed", e);
        }
    }
}
