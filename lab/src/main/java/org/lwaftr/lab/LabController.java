package org.lwaftr.lab;

import org.lwaftr.api.SoftwireStats;
import org.lwaftr.codec.CliText;
import org.lwaftr.codec.StatsSummary;
import org.lwaftr.config.DeviceSettings;
import org.lwaftr.core.BindingChange;
import org.lwaftr.core.BindingDiff;
import org.lwaftr.core.CounterValue;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.SoftwireKey;
import org.lwaftr.programming.CounterReuse;
import org.lwaftr.programming.DeviceSlowPaths;
import org.lwaftr.programming.EntryKey;
import org.lwaftr.provisioning.KeaReservationsFile;
import org.lwaftr.slowpath.SlowPath;
import org.onosproject.net.pi.runtime.PiMeterCellConfig;
import org.onosproject.net.pi.runtime.PiTableEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The lab controller: the ONOS app's binding table, translation and slow path driving one or more
 * P4Runtime switches without ONOS. {@link #main} is the command ({@code scripts/lab.sh}); the
 * instance API is what tests use in-process: {@link #apply}, {@link #replaceAll},
 * {@link #awaitConverged}, {@link #report}.
 *
 * <p>All table work runs in order, one task at a time (the {@link LabLane}): a change is validated and applied to
 * the binding table as a whole, then every converged target gets exactly the entries that differ.
 */
public final class LabController implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LabController.class);

    private final LabConfig config;
    private StandaloneLwaftrService service;
    private final LabProgrammer programmer;
    private final LabLane lane = new LabLane();
    private final List<LabTarget> targets = new ArrayList<>();
    /** Which counter indexes each target must zero when a softwire takes one (lane only). */
    private final CounterReuse<LabTarget> counterReuse = new CounterReuse<>();
    private final LabPacketLoop packets;
    private final LabNextHops nextHops;
    private volatile SlowPath slowPath;
    /**
     * The targets are copies of one AFTR: the engine's per-device state (slow path, configuration
     * entries, learned next hops) is kept under this one key.
     */
    static final String AFTR = "aftr";
    /** How often the Kea reservations file is checked against the table. */
    static final long KEA_PERIOD_MILLIS = 1000;
    private final DeviceSlowPaths<String> slowPaths;
    /** Table changes applied since start (any source: REST, --watch, next hops excluded). */
    private final AtomicLong tableChanges = new AtomicLong();

    private LabController(LabConfig config) {
        this.config = config;
        this.programmer = new LabProgrammer(config.policy(), config.settings());
        this.packets = new LabPacketLoop(() -> slowPath);
        this.nextHops = new LabNextHops(this::nextHopsLearned,
                out -> targets.stream().filter(LabTarget::isReady).forEach(t -> packets.send(t, out)),
                () -> targets.stream().anyMatch(LabTarget::isReady));
        this.slowPaths = new DeviceSlowPaths<>(programmer.table(), System::nanoTime, k -> nextHops.resolver(),
                config.slowPathTuning());
    }

    /** A next hop given by IP resolved or changed: its next_hop entry to every target. */
    private void nextHopsLearned(org.onlab.packet.MacAddress lwb4, org.onlab.packet.MacAddress internet) {
        onLane(() -> program(sink -> {
            programmer.settings(config.settings().withLearnedNextHops(lwb4, internet), sink);
            return null;
        }));
    }

    /**
     * Starts the controller: loads the initial softwires, then connects to every target in the
     * background (use {@link #awaitConverged} to wait).
     *
     * @param config  what to run
     * @param targets the switches
     * @param pipe    the pipeline to set on them
     * @return the running controller
     * @throws org.lwaftr.core.InvalidBindingException if the initial softwires are invalid
     */
    public static LabController start(LabConfig config, List<TargetSpec> targets, LabPipeline pipe) {
        LabController c = new LabController(config);
        c.onLane(() -> {
            c.programmer.replaceAll(config.softwires());
            c.refreshSlowPath();
            return null;
        });
        for (TargetSpec s : targets) {
            LabTarget t = new LabTarget(s, pipe, c.lane, c.programmer::desired, c.programmer::puntMeters,
                    c.packets::packetIn, c.counterReuse);
            c.targets.add(t);
            t.start();
        }
        DeviceSettings d = config.settings();
        if (d != null && (d.lwb4Side().nextHopIp() != null || d.internetSide().nextHopIp() != null)) {
            c.nextHops.start();
        }
        return c;
    }

    /**
     * Applies a batch of softwire changes (all or nothing) and writes the entries that differ.
     *
     * @param changes the batch
     * @return what changed
     * @throws org.lwaftr.core.InvalidBindingException naming entry and field; nothing applied
     */
    public BindingDiff apply(List<BindingChange> changes) {
        return onLane(() -> program(sink -> programmer.apply(changes, sink)));
    }

    /**
     * Makes the binding table equal to {@code softwires} with the smallest diff, writing only
     * the entries that differ.
     *
     * @param softwires the softwires wanted
     * @return what changed
     */
    public BindingDiff replaceAll(Collection<Softwire> softwires) {
        return onLane(() -> program(sink -> programmer.replaceAll(softwires, sink)));
    }

    /**
     * Lane only: a table change whose entries are compared and written to every converged target
     * as the programmer computes them (after the core validated the whole change); a new slow
     * path if the BRs changed.
     */
    private BindingDiff program(Function<EntrySink, BindingDiff> change) {
        targets.forEach(LabTarget::beginSync);
        try {
            BindingDiff d = change.apply(new EntrySink() {
                @Override
                public void expect(int entries) {
                    targets.forEach(t -> t.syncExpect(entries));
                }

                @Override
                public void counterIndexesChanged(Collection<Integer> freed, Collection<Integer> taken) {
                    List<LabTarget> ready = new ArrayList<>();
                    targets.stream().filter(LabTarget::isReady).forEach(ready::add);
                    counterReuse.change(ready, freed, taken).forEach(LabTarget::zeroCounters);
                }

                @Override
                public void changed(Collection<EntryKey> keys) {
                    Map<EntryKey, PiTableEntry> want = programmer.desired();
                    targets.forEach(t -> t.syncKeys(want, keys));
                }
            });
            if (d != null && !d.isEmpty()) { // null: a next-hop change, not the table's
                tableChanges.incrementAndGet();
            }
            refreshSlowPath();
            return d;
        } finally {
            targets.forEach(LabTarget::endSync);
        }
    }

    private void refreshSlowPath() {
        if (config.settings() == null) {
            return; // no port has a role: nothing is punted
        }
        slowPath = slowPaths.get(AFTR, config.policy(), config.settings(), new HashSet<>(programmer.table().brAddresses()));
    }

    /**
     * @param timeoutMillis how long to wait
     * @return true if every target is connected and converged and no work is queued
     */
    public boolean awaitConverged(long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (targets.stream().allMatch(LabTarget::isReady)) {
                onLane(() -> null);
                if (targets.stream().allMatch(LabTarget::isReady)) {
                    return true;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** @return per target, how many times it converged (1 after start, +1 per reconnection) */
    public List<Integer> convergences() {
        List<Integer> out = new ArrayList<>();
        targets.forEach(t -> out.add(t.convergences()));
        return out;
    }

    /** @return how many changes the binding table took since start (a version for readers that poll) */
    public long tableChanges() {
        return tableChanges.get();
    }

    /** @return the softwires in force */
    public List<Softwire> softwires() {
        return onLane(() -> List.copyOf(programmer.table().softwires()));
    }

    /** @return the binding table in force (read it; change it through {@link #apply} / {@link #replaceAll}) */
    org.lwaftr.core.BindingTable table() {
        return programmer.table();
    }

    /** @return the targets, in the order given */
    List<LabTarget> targets() {
        return List.copyOf(targets);
    }

    /** @return the counter index of a softwire, -1 if it has none */
    int counterIndex(SoftwireKey key) {
        return onLane(() -> programmer.counter(key));
    }

    /**
     * @return the device settings with the next hops the slow path resolved (RFC 826 / RFC 4861),
     *     null if the configuration has no interfaces (a Snabb configuration without an instance)
     */
    org.lwaftr.config.DeviceSettings resolvedSettings() {
        return nextHops.resolve(config.settings());
    }

    /** @return the slow path's counters, plus packet-in/out totals of the lab */
    public Map<String, Long> slowPathCounters() {
        SlowPath sp = slowPath;
        Map<String, Long> out = new TreeMap<>(sp == null ? Map.of() : sp.counters());
        out.put("lab-packet-in", packets.packetIns());
        out.put("lab-packet-out", packets.packetOuts());
        out.put("lab-packet-failures", packets.failures());
        return out;
    }

    /**
     * @param key a softwire
     * @return per target, in order: its counters {downstream, upstream}, or null if the target is
     *     not converged or the softwire does not exist
     */
    public List<CounterValue[]> softwireCounters(SoftwireKey key) {
        int index = onLane(() -> programmer.counter(key));
        List<CounterValue[]> out = new ArrayList<>();
        for (LabTarget t : targets) {
            if (index < 0 || !t.isReady()) {
                out.add(null);
                continue;
            }
            CounterValue[] v = LabStats.softwires(t.device(), programmer.table(), Map.of(key.packed(), index))
                    .values().stream().findFirst().orElse(null);
            out.add(v != null ? v : new CounterValue[] {CounterValue.ZERO, CounterValue.ZERO});
        }
        return out;
    }

    /** @return per target, in order: its punt meter cells as read back (RFC 7596 §9), empty if not converged */
    public List<List<PiMeterCellConfig>> puntMeters() {
        List<List<PiMeterCellConfig>> out = new ArrayList<>();
        for (LabTarget t : targets) {
            List<PiMeterCellConfig> cells = new ArrayList<>();
            if (t.isReady()) {
                programmer.puntMeters().forEach(c -> cells.add(t.device().readMeter(c.cellId())));
            }
            out.add(cells);
        }
        return out;
    }

    /**
     * @return the statistics report: each target's state, then the counters as the CLI's
     *         {@code lwaftr-stats} prints them (punts, drops, filters per target; next hops; the slow
     *         path), then the softwires with traffic (summed over the targets, as REST gives them)
     */
    public String report() {
        List<String> lines = new ArrayList<>();
        targets.forEach(t -> lines.add(LabStats.status(t)));
        try {
            lines.addAll(CliText.summary(StatsSummary.read(service())));
            lines.addAll(CliText.traffic(softwireTraffic()));
        } catch (RuntimeException e) { // a target went away while it was read
            lines.add("(counters not readable: " + e.getMessage() + ")");
        }
        return String.join("\n", lines) + "\n";
    }

    /** @return the softwires with traffic on some target, in key order */
    private List<SoftwireStats> softwireTraffic() {
        var counters = onLane(programmer::counterIndexes);
        Map<Softwire, CounterValue[]> sum = new TreeMap<>((a, b) -> a.key().compareTo(b.key()));
        for (LabTarget t : targets) {
            if (t.isReady()) {
                LabStats.softwires(t.device(), programmer.table(), counters).forEach((s, v) -> sum.merge(s, v,
                        (a, b) -> new CounterValue[] {a[0].plus(b[0]), a[1].plus(b[1])}));
            }
        }
        List<SoftwireStats> out = new ArrayList<>();
        sum.forEach((s, v) -> out.add(new SoftwireStats(s, counters.getOrDefault(s.key().packed(), -1), v[0], v[1])));
        return out;
    }

    /** @return the operators' service over this controller (REST, the web UI, the report), made once */
    public synchronized StandaloneLwaftrService service() {
        if (service == null) {
            service = new StandaloneLwaftrService(this, config, System::currentTimeMillis);
        }
        return service;
    }

    private <T> T onLane(Callable<T> task) {
        try {
            return lane.call(task, 120);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        nextHops.close();
        targets.forEach(LabTarget::close);
        packets.close();
    }

    /**
     * The command: see {@link LabArgs#USAGE}.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        LabArgs a;
        LabConfig cfg;
        Map<String, String> restUsers;
        try {
            a = LabArgs.parse(args);
            if (a.help()) {
                System.out.println(LabArgs.USAGE);
                return;
            }
            cfg = a.loadConfig();
            restUsers = a.restUsers() == null ? null : BasicAuthFilter.readUsers(a.restUsers());
        } catch (LabConfigException | org.lwaftr.core.InvalidBindingException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        } catch (java.io.IOException e) {
            System.err.println("error: " + e);
            System.exit(2);
            return;
        }
        cfg.warnings().forEach(w -> System.err.println("warning: " + w));
        LabController c;
        try {
            c = start(cfg, a.targets(), LabPipeline.lwaftr());
        } catch (RuntimeException e) {
            // whatever the loader did not catch (a table or slow-path limit): one line, no stack trace
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        RestServer rest = null;
        if (restUsers != null) {
            TargetSpec where = TargetSpec.parse(a.rest(), 0);
            try {
                rest = RestServer.start(where.host(), where.port(),
                        c.service(), restUsers);
            } catch (IllegalStateException e) {
                System.err.println("error: --rest " + a.rest() + ": " + e.getMessage());
                c.close();
                System.exit(2);
                return;
            }
            log.info("REST API at http://{}:{}{}", where.host(), rest.port(), RestServer.CONTEXT);
        }
        RestServer restServer = rest;
        KeaReservationsFile[] keaFile = new KeaReservationsFile[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (restServer != null) {
                restServer.close();
            }
            if (keaFile[0] != null) {
                keaFile[0].close();
            }
            System.out.print(c.report());
            c.close();
        }, "lab-exit"));
        KeaReservationsFile kea = null;
        if (a.keaReservations() != null) { // RFC 7596 §6.1: the lwB4s' provisioning follows the table
            kea = new KeaReservationsFile(a.keaIdentities(), a.keaReservations(), c::tableChanges, c::softwires);
            kea.start(KEA_PERIOD_MILLIS);
            keaFile[0] = kea;
        }
        log.info("{} softwires, {} targets", cfg.softwires().size(), a.targets().size());
        LabCommandLoop.run(c, a);
    }
}
