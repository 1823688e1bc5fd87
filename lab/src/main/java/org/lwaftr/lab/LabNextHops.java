package org.lwaftr.lab;

import org.lwaftr.config.DeviceSettings;
import org.lwaftr.programming.NextHopMacs;
import org.lwaftr.slowpath.NextHopResolver;
import org.lwaftr.slowpath.OutboundPacket;
import org.onlab.packet.MacAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Next hops given by IP for the lab: one {@link NextHopResolver} for the controller (its targets
 * are copies of one AFTR, so they share next hops), kept across slow-path rebuilds. A timer sends
 * the requests due to every target; a learned or changed MAC is handed to the controller off the
 * packet thread (it rewrites the {@code next_hop} entries on its lane), again on the next tick if
 * that failed.
 */
final class LabNextHops implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LabNextHops.class);
    /** How often the resolver is asked for due requests (it decides the back-off and refresh). */
    static final long TICK_MILLIS = 200;

    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(LabThreads.daemon("lab-next-hops"));
    private final NextHopResolver resolver;
    private final Consumer<List<OutboundPacket>> send;
    private final BooleanSupplier anyTarget;
    private final BiConsumer<MacAddress, MacAddress> changed;
    /** The MACs the controller took (as the ONOS app keeps them per device). */
    private final NextHopMacs<String> learned = new NextHopMacs<>();

    /**
     * @param changed   told the learned MACs (lwB4 side, Internet side) when they change, on the timer thread
     * @param send      sends requests out of every converged target
     * @param anyTarget true when a target is converged (before that, requests would be lost)
     */
    LabNextHops(BiConsumer<MacAddress, MacAddress> changed, Consumer<List<OutboundPacket>> send,
                BooleanSupplier anyTarget) {
        this.send = send;
        this.anyTarget = anyTarget;
        this.changed = changed;
        this.resolver = new NextHopResolver(System::nanoTime, (lwb4, inet) -> timer.execute(this::deliver));
    }

    /**
     * Hands the resolver's MACs to the controller if they differ from what it last took. Retried on
     * every tick: a failed hand-over (the lane busy past its wait) is not lost, as the resolver
     * reports a MAC only when it changes.
     */
    private void deliver() {
        MacAddress lwb4 = resolver.lwb4Mac();
        MacAddress inet = resolver.internetMac();
        if (!learned.update(LabController.AFTR, lwb4, inet)) {
            return;
        }
        try {
            changed.accept(lwb4, inet);
        } catch (RuntimeException e) {
            learned.forget(LabController.AFTR); // handed over again at the next tick
            log.warn("next hops not written yet ({}); retrying", e.toString());
        }
    }

    /**
     * @param settings the configured device settings (null: none)
     * @return them with the next hops the controller took filled in
     */
    DeviceSettings resolve(DeviceSettings settings) {
        return learned.resolve(LabController.AFTR, settings);
    }

    /** @return the resolver (for the slow path) */
    NextHopResolver resolver() {
        return resolver;
    }

    /** Starts sending requests (only worth it when a next hop is given by IP). */
    void start() {
        timer.scheduleWithFixedDelay(() -> {
            try {
                deliver();
                if (!anyTarget.getAsBoolean()) {
                    return;
                }
                List<OutboundPacket> due = resolver.due();
                if (!due.isEmpty()) {
                    send.accept(due);
                }
            } catch (RuntimeException e) {
                log.warn("next-hop requests not sent: {}", e.toString());
            }
        }, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
