package org.lwaftr.lab;

import org.lwaftr.lab.p4rt.P4RuntimeClient;
import org.lwaftr.lab.p4rt.PiDevice;
import org.lwaftr.lab.p4rt.StreamListener;
import org.lwaftr.programming.CounterReuse;
import org.lwaftr.programming.EntryKey;
import org.onosproject.net.pi.runtime.PiMeterCellConfig;
import org.onosproject.net.pi.runtime.PiPacketOperation;
import org.onosproject.net.pi.runtime.PiTableEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * One switch: connects, becomes primary, sets the pipeline if the switch has none, and converges
 * its tables to the desired entries. A supervisor thread watches the stream: when it is lost (the
 * switch went away or restarted) it reconnects with back-off (100 ms doubling to 2 s) and converges
 * again — re-setting the pipeline if the switch lost it, then reading back what it holds and writing
 * the difference (everything after a restart). Table writes run on the controller's lane.
 */
final class LabTarget implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LabTarget.class);
    private static final long ELECTION_ID = 10;
    private static final long MIN_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 2000;

    private final TargetSpec spec;
    private final LabPipeline pipeline;
    private final LabLane lane;
    private final Supplier<Map<EntryKey, PiTableEntry>> desired;
    private final BiConsumer<LabTarget, PiPacketOperation> packetIns;
    private final TargetSync sync = new TargetSync();
    private final TargetCells cells;
    private final CounterReuse<LabTarget> counterReuse;
    private final Object signal = new Object();
    private final Thread supervisor;
    private volatile PiDevice device;
    private volatile boolean lost = true;
    private volatile boolean ready;
    private volatile boolean closed;
    private volatile int convergences;
    /** The change being written (lane only), null if none or if this target is not converged. */
    private TargetSync.Pass pass;

    LabTarget(TargetSpec spec, LabPipeline pipeline, LabLane lane,
              Supplier<Map<EntryKey, PiTableEntry>> desired, Supplier<List<PiMeterCellConfig>> meters,
              BiConsumer<LabTarget, PiPacketOperation> packetIns, CounterReuse<LabTarget> counterReuse) {
        this.cells = new TargetCells(meters);
        this.counterReuse = counterReuse;
        this.spec = spec;
        this.pipeline = pipeline;
        this.lane = lane;
        this.desired = desired;
        this.packetIns = packetIns;
        this.supervisor = new Thread(this::supervise, "lab-target-" + spec.host() + ":" + spec.port());
        supervisor.setDaemon(true);
    }

    void start() {
        supervisor.start();
    }

    /** @return the target's address */
    TargetSpec spec() {
        return spec;
    }

    /** @return the device (null before the first connection) */
    PiDevice device() {
        return device;
    }

    /** @return true when connected, primary and converged */
    boolean isReady() {
        return ready;
    }

    /** @return how many times the target converged (1 after start, +1 per reconnection) */
    int convergences() {
        return convergences;
    }

    /** @return table updates written so far */
    long written() {
        return sync.written();
    }

    /**
     * Lane only, before a change's entries: zeroes the counter cells of indexes the change gives to
     * softwires that may hold a former softwire's counts ({@link CounterReuse} decides which).
     */
    void zeroCounters(Collection<Integer> indexes) {
        try {
            cells.zero(device, indexes);
        } catch (RuntimeException e) {
            log.warn("{}: {} counter indexes taken again not zeroed ({}); those softwires' counters may"
                    + " start from a former softwire's", spec, indexes.size(), e.getMessage());
        }
    }

    /** Lane only: starts writing a change (nothing if not converged: it converges with everything when back). */
    void beginSync() {
        pass = ready ? sync.begin(device) : null;
    }

    /** Lane only: see {@link EntrySink#expect}. */
    void syncExpect(int entries) {
        if (pass != null) {
            pass.expect(entries);
        }
    }

    /** Lane only: compares these keys' entries and writes the difference (full Writes as they fill). */
    void syncKeys(Map<EntryKey, PiTableEntry> want, Collection<EntryKey> keys) {
        if (pass != null) {
            try {
                pass.compare(want, keys);
            } catch (RuntimeException e) {
                failed(e);
            }
        }
    }

    /** Lane only: writes the rest of the change and waits for it; on failure the target reconverges. */
    void endSync() {
        if (pass != null) {
            try {
                pass.finish();
                pass = null;
            } catch (RuntimeException e) {
                failed(e);
            }
        }
    }

    private void failed(RuntimeException e) {
        log.warn("{}: write failed ({}); reconverging", spec, e.getMessage());
        pass.abandon();
        pass = null;
        markLost();
    }

    private void supervise() {
        long backoff = MIN_BACKOFF_MS;
        while (!closed) {
            if (lost) {
                try {
                    connect();
                    lane.call(this::converge, 60);
                    backoff = MIN_BACKOFF_MS;
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    ready = false;
                    // the first failure of an outage is the operator's news; the retries are not
                    if (backoff == MIN_BACKOFF_MS) {
                        log.warn("{}: not converged ({}); retrying every {}..{} ms", spec, e.getMessage(),
                                MIN_BACKOFF_MS, MAX_BACKOFF_MS);
                    } else {
                        log.info("{}: not converged ({}); retrying in {} ms", spec, e.getMessage(), backoff);
                    }
                    pause(backoff);
                    backoff = Math.min(2 * backoff, MAX_BACKOFF_MS);
                    continue;
                }
            }
            synchronized (signal) {
                if (!lost && !closed) {
                    try {
                        signal.wait(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    private void connect() {
        PiDevice d = device;
        if (d == null) {
            P4RuntimeClient c = P4RuntimeClient.connect(spec.host(), spec.port(), spec.deviceId(), ELECTION_ID);
            d = new PiDevice(c, pipeline.p4Info());
            PiDevice dev = d;
            c.addListener(new StreamListener() {
                @Override
                public void streamClosed(Throwable cause) {
                    log.warn("{}: stream lost{}", spec, cause == null ? "" : " (" + cause.getMessage() + ")");
                    markLost();
                }

                @Override
                public void arbitration(boolean primary) {
                    if (!primary) {
                        log.warn("{}: no longer primary", spec);
                        markLost();
                    }
                }
            });
            d.onPacketIn(p -> packetIns.accept(this, p));
            device = dev;
        } else {
            d.client().resetConnectBackoff();
            d.client().reconnect();
        }
        if (!d.client().isPrimary()) {
            throw new IllegalStateException("not primary: " + d.client().arbitration());
        }
        lost = false;
    }

    /** Lane only. */
    private Void converge() {
        PiDevice d = device;
        boolean pipelineSet = false;
        if (!d.client().hasPipeline()) {
            d.setPipeline(pipeline.json());
            sync.forget();
            pipelineSet = true;
        }
        // A new pipeline starts with zeroed counters; otherwise zero the indexes taken meanwhile.
        cells.zero(d, counterReuse.converged(this, pipelineSet));
        int n = sync.reconcile(d, desired.get());
        cells.meters(d);
        ready = true;
        convergences++;
        log.info("{}: converged{}, {} updates written", spec, pipelineSet ? " (pipeline set)" : "", n);
        return null;
    }

    private void markLost() {
        ready = false;
        lost = true;
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        ready = false;
        supervisor.interrupt();
        PiDevice d = device;
        if (d != null) {
            d.close();
        }
    }

    @Override
    public String toString() {
        return spec + (ready ? " (up)" : " (down)");
    }
}
