package org.lwaftr.tests.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestRule;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;
import org.junit.runners.MethodSorters;
import org.junit.runners.model.Statement;
import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.DeviceSettingsCodec;
import org.lwaftr.config.PolicyCodec;
import org.lwaftr.core.Softwire;
import org.lwaftr.tests.bmv2.Bmv2Switch;
import org.lwaftr.tests.bmv2.FrameIo;
import org.lwaftr.translate.BrIndexPlan;
import org.lwaftr.translate.Translator;
import org.onlab.packet.Ethernet;
import org.onlab.packet.ICMP;
import org.onlab.packet.IPv4;
import org.onlab.packet.IPv6;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.lwaftr.tests.e2e.E2eProbe.awaitDownstream;
import static org.lwaftr.tests.e2e.E2eProbe.awaitUnbound;
import static org.lwaftr.tests.e2e.E2eProbe.downstreamExactly;
import static org.lwaftr.tests.e2e.E2eProbe.expectExactly;
import static org.lwaftr.tests.e2e.E2eProbe.upstreamExactly;
import static org.lwaftr.tests.e2e.E2eSetup.AFTR_MAC_INET;
import static org.lwaftr.tests.e2e.E2eSetup.AFTR_V4;
import static org.lwaftr.tests.e2e.E2eSetup.HOST;
import static org.lwaftr.tests.e2e.E2eSetup.INET_PORT;
import static org.lwaftr.tests.e2e.E2eSetup.INET_ROUTER;
import static org.lwaftr.tests.e2e.E2eSetup.LWB4_PORT;
import static org.lwaftr.tests.e2e.E2eSetup.OTHER;
import static org.lwaftr.tests.e2e.E2eSetup.SHARED;
import static org.lwaftr.tests.e2e.E2eSetup.fromInternet;
import static org.lwaftr.tests.e2e.E2eSetup.fromLwb4;
import static org.lwaftr.tests.e2e.E2eSetup.port;
import static org.lwaftr.tests.e2e.E2eSetup.shared;
import static org.lwaftr.tests.e2e.E2eSetup.toLwb4;
import static org.lwaftr.tests.e2e.E2eSetup.udp;
import static org.lwaftr.tests.e2e.E2eSetup.whole;

/**
 * The app in a real ONOS 2.7 (issue 14, item 1): ONOS started by the suite from the runtime that
 * {@code ../shared/onos-runtime} assembles ({@code $ONOS_HOME} or {@code /opt/onos-2.7.0}, found by
 * its {@code .onos-ready} marker; else one {@code SKIPPED: ONOS not found} line and every test
 * skipped), the P4Runtime/bmv2 apps installed by the runtime's {@code install-apps.sh}, the
 * project's {@code .oar} installed over REST as the README says, the README's netcfg pushed (its
 * JSON block, read from README.md; only the switch's gRPC port and the binding-table file are set
 * here), one bmv2 with ports 1 (lwB4s) and 2 (Internet) on veths. Then, in order: flow rules,
 * softwires over REST and the CLI with exact frames both ways, hairpinning, the slow path through
 * packet-in/out, counters, a replace under traffic, a bmv2 crash, app deactivation/reactivation.
 *
 * <p>The tests share one ONOS and run in name order: each leaves the softwires it added (listed in
 * {@link #bound}) for the later ones, so the restarts at the end check everything added before.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class OnosIntegrationTest {
    private static final String APP = "org.lwaftr.app";
    private static final String DEVICE = "device:bmv2:lwaftr1";
    private static final Path WORK = Path.of("target", "onos-it");
    /** How long after the device is available every rule must be ADDED (the issue saw ~20 s of PENDING_ADD). */
    private static final long RULES_BOUND_MS = 10_000;
    /** A softwire change over REST: until its rules are ADDED. */
    private static final long CHANGE_BOUND_MS = 10_000;
    private static final long WAIT = 5000;
    private static final String FLOW_RULE_MANAGER = "org.onosproject.net.flow.impl.FlowRuleManager";
    /** The flow poll period the README sets (ONOS's default: 30 s). */
    private static final int FLOW_POLL_SECONDS = 5;

    private static OnosInstance onos;
    private static Bmv2Switch sw;
    private static FrameIo io;
    private static String skipped;
    private static JsonNode netcfg;
    /** Rules the app must hold on the device for its config alone (no softwire). */
    private static int configRules;
    /** The softwires the table holds now, as the tests left them. */
    private static final Map<String, Softwire> bound = new LinkedHashMap<>();
    /** Figures measured, printed at the end and written to target/onos-it/figures.txt. */
    private static final Map<String, String> figures = new LinkedHashMap<>();
    private static long deviceAvailableAt;
    private static long netcfgPushedAt;
    private static long appInstallAt;

    @Rule
    public final TestRule present = (base, description) -> new Statement() {
        @Override
        public void evaluate() throws Throwable {
            Assume.assumeTrue("ONOS not found", skipped == null);
            Bmv2Switch.assumeAvailable();
            base.evaluate();
        }
    };

    @Rule
    public final TestWatcher logs = new TestWatcher() {
        @Override
        protected void failed(Throwable e, Description d) {
            if (onos != null) {
                try {
                    String log = Files.readString(onos.karafLog(), StandardCharsets.UTF_8);
                    System.out.println("---- ONOS log (WARN/ERROR, last 40) after " + d.getMethodName() + ":\n"
                            + OnosInstance.tail(String.join("\n", log.lines()
                            .filter(l -> l.contains("| WARN ") || l.contains("| ERROR")).toList()), 40));
                } catch (java.io.IOException ignored) {
                    // no log yet
                }
            }
            if (sw != null) {
                System.out.println("---- bmv2 log (last 20):\n" + sw.logTail(20));
            }
        }
    };

    @BeforeClass
    public static void startOnosAndSwitch() throws Exception {
        OnosInstance.Located found = OnosInstance.locate();
        if (found.marker == null) {
            skipped = found.reason;
            System.out.println("SKIPPED: ONOS not found (" + found.reason + ")");
            return;
        }
        if (!Bmv2Switch.presentOrReport()) {
            return;
        }
        String oar = System.getProperty("lwaftr.oar");
        assertTrue("the .oar built by this reactor (system property lwaftr.oar): " + oar,
                oar != null && Files.isRegularFile(Path.of(oar)));
        long t0 = System.nanoTime();
        onos = OnosInstance.start(found.marker, WORK);
        if (onos.basePreparedMs() >= 0) {
            figure("base prepared (first run after an assembly: start + install-apps.sh)",
                    onos.basePreparedMs() + " ms");
        }
        figure("ONOS start → ready (" + (onos.basePreparedMs() >= 0 ? "includes preparing the base" : "copy of the base")
                + ", wait-ready.sh)", ms(t0));
        sw = Bmv2Switch.start(2, WORK);
        io = FrameIo.open(sw);

        // README "Install into ONOS 2.7": ONOS marks a P4Runtime rule ADDED only when its flow poll reads
        // the rule back from the switch; the poll runs every 30 s unless told otherwise.
        HttpResponse<String> cfg = onos.send("POST", "/onos/v1/configuration/" + FLOW_RULE_MANAGER,
                "{\"fallbackFlowPollFrequency\": \"" + FLOW_POLL_SECONDS + "\"}", "application/json");
        assertTrue(cfg.statusCode() + " " + cfg.body(), cfg.statusCode() / 100 == 2);

        // README "Install into ONOS 2.7": POST the .oar with activate=true.
        appInstallAt = System.nanoTime();
        HttpResponse<String> r = onos.send("POST", "/onos/v1/applications?activate=true",
                HttpRequest.BodyPublishers.ofFile(Path.of(oar)), "application/octet-stream");
        assertEquals(r.body(), 200, r.statusCode());
        awaitApp("ACTIVE", 180_000);
        figure("app .oar POST → app ACTIVE", ms(appInstallAt));

        // README "Configure (netcfg)": its example, with this switch's gRPC port. Its binding-table file is left
        // out: a policy file is the table's source of truth (re-read at start, watched), and this suite changes
        // the table over REST and the CLI.
        netcfg = readmeNetcfg(sw.grpcPort(), sw.deviceId());
        Files.writeString(WORK.resolve("netcfg.json"), netcfg.toPrettyString());
        netcfgPushedAt = System.nanoTime();
        HttpResponse<String> c = onos.send("POST", "/onos/v1/network/configuration", netcfg.toString(),
                "application/json");
        assertEquals(c.body(), 200, c.statusCode());
        awaitDeviceAvailable(60_000);
        deviceAvailableAt = System.nanoTime();
        figure("netcfg POST → device available", ms(netcfgPushedAt));
        configRules = expectedConfigRules(netcfg);
    }

    @AfterClass
    public static void stopEverything() throws Exception {
        try {
            if (io != null) {
                io.close();
            }
            if (sw != null) {
                sw.close();
            }
        } finally {
            if (onos != null) {
                onos.close();
            }
        }
        if (onos != null && onos.bmv2DriverRepairs() > 0) {
            figure("ONOS boots whose bmv2 driver bundle had to be restarted (ONOS runtime race)",
                    onos.bmv2DriverRepairs());
        }
        if (!figures.isEmpty()) {
            StringBuilder sb = new StringBuilder("ONOS integration figures:\n");
            figures.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
            System.out.print(sb);
            Files.writeString(WORK.resolve("figures.txt"), sb.toString());
        }
    }

    // ------------------------------------------------------------------ tests

    /**
     * Every rule the app writes for the device's config reaches the switch (ADDED) soon after the
     * device is available, none left PENDING_ADD, and exactly those.
     */
    @Test
    public void t01RulesAllAddedSoonAfterTheDeviceIsAvailable() {
        long took = awaitRules(configRules + rulesOf(bound.values()), deviceAvailableAt, RULES_BOUND_MS);
        figure("device available → all " + (configRules + rulesOf(bound.values())) + " rules ADDED", took + " ms");
        figure("netcfg POST → all rules ADDED", ms(netcfgPushedAt));
        figure("app .oar POST → all rules ADDED (includes the device connecting)", ms(appInstallAt));
    }

    /** RFC 7596 §6.2: softwires of a batch POSTed over REST forward both ways, frames exact. */
    @Test
    public void t02SoftwiresAddedOverRestForwardBothWaysExactly() {
        long t0 = System.nanoTime();
        JsonNode diff = post(change("add", shared(1)), change("add", shared(2)), change("add", whole()));
        assertEquals(diff.toString(), 3, diff.path("added").asInt());
        bound.put("whole", whole());
        bound.put("shared1", shared(1));
        bound.put("shared2", shared(2));
        awaitRules(configRules + rulesOf(bound.values()), t0, CHANGE_BOUND_MS);
        figure("REST POST of 3 softwires → their rules ADDED", ms(t0));
        for (Softwire s : bound.values()) {
            awaitDownstream(io, s, WAIT);
            downstreamExactly(io, s);
            upstreamExactly(io, s);
        }
    }

    /** RFC 7596 §6.2 hairpinning: lwB4 to lwB4 through the AFTR, re-encapsulated from the destination's BR. */
    @Test
    public void t03HairpinningBetweenTwoSoftwires() {
        Softwire from = shared(1);
        Softwire to = whole();
        io.clear();
        io.send(LWB4_PORT, fromLwb4(from.lwb4(), udp(SHARED, port(from), OTHER, 4000, 64)));
        expectExactly(io, LWB4_PORT, toLwb4(to, udp(SHARED, port(from), OTHER, 4000, 63)));
        io.expectNoFrame(INET_PORT, 300);
    }

    /**
     * RFC 7596 §8.1 (no softwire for the destination port) with ICMPv4 errors on: the switch punts,
     * ONOS hands the packet-in to the app, the app's ICMPv4 3/1 goes back out through a packet-out.
     */
    @Test
    public void t04UnboundDownstreamGetsIcmpv4HostUnreachableThroughPacketInAndOut() {
        long punted = slowPathCounter();
        int unboundPort = 40 * 1024 + 5;
        IPv4 sent = udp(HOST, 53, SHARED, unboundPort, 64);
        io.clear();
        io.send(INET_PORT, fromInternet(sent));
        Ethernet e = io.expectFrame(INET_PORT, WAIT);
        assertEquals(AFTR_MAC_INET, e.getSourceMAC());
        assertEquals(INET_ROUTER, e.getDestinationMAC());
        IPv4 err = (IPv4) e.getPayload();
        assertEquals(AFTR_V4.toInt(), err.getSourceAddress());
        assertEquals(HOST.toInt(), err.getDestinationAddress());
        ICMP icmp = (ICMP) err.getPayload();
        assertEquals("type", 3, icmp.getIcmpType());
        assertEquals("code", 1, icmp.getIcmpCode());
        byte[] quote = Arrays.copyOfRange(icmp.serialize(), 8, 8 + 28);
        byte[] original = Arrays.copyOf(sent.serialize(), 28);
        assertEquals("quoted: the IPv4 header and the first 8 bytes of the packet as received (RFC 792)",
                FrameIo.hex(original), FrameIo.hex(quote));
        io.expectNoFrame(LWB4_PORT, 300);
        assertTrue("the app's slow path counted the packet-in (" + punted + " before)",
                slowPathCounter() > punted);
    }

    /** Per-softwire counters (RFC 8676 statistics) read over REST count exactly what went through. */
    @Test
    public void t05PerSoftwireCountersReadOverRestCountEachDirection() {
        Softwire s = shared(2);
        String path = "/onos/lwaftr/stats/" + SHARED + "/" + s.portSet().psid();
        JsonNode before = onos.getJson(path);
        int n = 3;
        byte[] down = fromInternet(udp(HOST, 53, SHARED, port(s), 64)).serialize();
        byte[] up = fromLwb4(s.lwb4(), udp(SHARED, port(s), HOST, 53, 64)).serialize();
        for (int i = 0; i < n; i++) {
            io.send(INET_PORT, down);
            io.expectBytes(LWB4_PORT, WAIT);
            io.send(LWB4_PORT, up);
            io.expectBytes(INET_PORT, WAIT);
        }
        JsonNode after = onos.getJson(path);
        assertEquals(after.toString(), s.portSet().psid(), after.path("binding-entry").path("port-set").path("psid").asInt());
        assertDelta(before, after, "downstream", n, (long) n * down.length);
        assertDelta(before, after, "upstream", n, (long) n * up.length);
    }

    /** The ONOS shell: a softwire added with {@code lwaftr-softwire-add} forwards, is listed, and removed unbinds. */
    @Test
    public void t06SoftwireAddedAndRemovedThroughTheOnosCli() throws Exception {
        Softwire s = shared(3);
        String out = onos.shell("lwaftr-softwire-add " + SHARED + " 0 6 3 " + s.lwb4() + " " + s.br());
        assertTrue(out, out.contains("added 1"));
        awaitDownstream(io, s, CHANGE_BOUND_MS);
        upstreamExactly(io, s);
        String list = onos.shell("lwaftr-softwires --ipv4 " + SHARED);
        assertTrue(list, list.contains(s.lwb4().toString()));
        String stats = onos.shell("lwaftr-stats " + SHARED + " 3");
        assertTrue(stats, stats.contains("downstream") || stats.contains("packets"));
        out = onos.shell("lwaftr-softwire-remove " + SHARED + " 3");
        assertTrue(out, out.contains("removed 1"));
        awaitUnbound(io, s, CHANGE_BOUND_MS);
        awaitRules(configRules + rulesOf(bound.values()), System.nanoTime(), CHANGE_BOUND_MS);
    }

    /**
     * A softwire replaced (new lwB4) while downstream traffic flows to it: every frame leaves, to the
     * old lwB4 until the replace and to the new one after, never back (the binding entry is modified
     * in place, RFC 7596 §6.2's single binding per port set).
     */
    @Test
    public void t07SoftwireReplacedUnderTrafficLosesNothing() throws Exception {
        Softwire old = shared(2);
        Softwire next = Softwire.of(SHARED, old.portSet(), Ip6Address.valueOf("2001:db8:1::22"), old.br());
        int frames = 200;
        io.clear();
        AtomicInteger sent = new AtomicInteger();
        Thread sender = new Thread(() -> {
            for (int i = 0; i < frames; i++) {
                io.send(INET_PORT, fromInternet(udp(HOST, 53, SHARED, port(old), 64)));
                sent.incrementAndGet();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sender.start();
        Thread.sleep(300);
        JsonNode diff = post(change("replace", next));
        assertEquals(diff.toString(), 1, diff.path("replaced").asInt());
        bound.put("shared2", next);
        sender.join();
        List<String> order = new ArrayList<>();
        try {
            while (true) {
                Ethernet e = io.expectFrame(LWB4_PORT, 1500);
                order.add(Ip6Address.valueOf(((IPv6) e.getPayload()).getDestinationAddress()).toString());
            }
        } catch (AssertionError drained) {
            // no more frames
        }
        assertEquals("frames out (of " + sent.get() + " sent)", frames, order.size());
        int firstNew = order.indexOf(next.lwb4().toString());
        assertTrue("the replace took effect while traffic flowed: " + summary(order), firstNew > 0);
        assertTrue("old lwB4 before, new after, never back: " + summary(order),
                order.subList(0, firstNew).stream().allMatch(a -> a.equals(old.lwb4().toString()))
                        && order.subList(firstNew, order.size()).stream().allMatch(a -> a.equals(next.lwb4().toString())));
        downstreamExactly(io, next);
        upstreamExactly(io, next);
    }

    /**
     * bmv2 crashes and comes back empty (no pipeline, no entries): ONOS pushes the pipeline again and
     * the app reprograms everything it held; nothing left PENDING_ADD, every softwire forwards.
     */
    @Test
    public void t08SwitchKilledAndRestartedIsReprogrammed() throws Exception {
        sw.kill();
        awaitDevice(false, 60_000);
        long t0 = System.nanoTime();
        sw.restart();
        awaitDevice(true, 60_000);
        figure("bmv2 restarted → device available", ms(t0));
        long available = System.nanoTime();
        for (Softwire s : bound.values()) {
            awaitDownstream(io, s, RULES_BOUND_MS);
        }
        figure("bmv2 restarted → every softwire forwards", ms(t0));
        awaitRules(configRules + rulesOf(bound.values()), available, RULES_BOUND_MS);
        figure("bmv2 restarted → all rules ADDED", ms(t0));
        for (Softwire s : bound.values()) {
            downstreamExactly(io, s);
            upstreamExactly(io, s);
        }
    }

    /**
     * The app deactivated and activated again: the binding table is kept (nothing lost), the device
     * holds exactly the app's rules again (nothing left behind, nothing duplicated), traffic flows,
     * and the app takes changes again (its bundles are new: the store must not hand it records of the
     * old bundle's classes, see StoreSerializers).
     */
    @Test
    public void t09AppDeactivatedAndReactivatedKeepsTheTableAndTheRules() {
        // A packet-in before: ONOS binds the device's driver (merged with this pipeconf bundle) to its
        // Device object, which outlives the bundles (t09b checks what the reactivated app makes of that).
        awaitUnbound(io, shared(40), CHANGE_BOUND_MS);
        JsonNode table = onos.getJson("/onos/lwaftr/softwires");
        HttpResponse<String> d = onos.send("DELETE", "/onos/v1/applications/" + APP + "/active", (String) null, null);
        assertTrue(d.statusCode() + " " + d.body(), d.statusCode() / 100 == 2);
        awaitApp("INSTALLED", 60_000);
        long t0 = System.nanoTime();
        HttpResponse<String> a = onos.send("POST", "/onos/v1/applications/" + APP + "/active", (String) null, null);
        assertTrue(a.statusCode() + " " + a.body(), a.statusCode() / 100 == 2);
        awaitApp("ACTIVE", 120_000);
        figure("app reactivated → ACTIVE", ms(t0));
        awaitRules(configRules + rulesOf(bound.values()), System.nanoTime(), RULES_BOUND_MS);
        figure("app reactivated → all rules ADDED", ms(t0));
        assertEquals("the binding table after reactivation", table.path("binding-entry"),
                awaitJson("/onos/lwaftr/softwires", 30_000).path("binding-entry"));
        for (Softwire s : bound.values()) {
            awaitDownstream(io, s, WAIT);
            upstreamExactly(io, s);
        }
        // The reactivated app takes changes again: one softwire added and removed over REST.
        Softwire s = shared(4);
        JsonNode added = post(change("add", s));
        assertEquals(added.toString(), 1, added.path("added").asInt());
        awaitDownstream(io, s, CHANGE_BOUND_MS);
        upstreamExactly(io, s);
        HttpResponse<String> removed = onos.send("DELETE", "/onos/lwaftr/softwires/" + SHARED + "/4", (String) null,
                null);
        assertEquals(removed.body(), 200, removed.statusCode());
        awaitRules(configRules + rulesOf(bound.values()), System.nanoTime(), RULES_BOUND_MS);
        io.clear();
        io.send(INET_PORT, fromInternet(udp(HOST, 53, SHARED, port(s), 64)));
        io.expectNoFrame(LWB4_PORT, 500);
    }

    /**
     * After the app is activated again, without the device reconnecting, the slow path answers
     * through packet-in/out and the per-softwire counters are read. ONOS binds a driver to a Device
     * object once, and the reactivated app's bundles are new: the counters look the driver up in
     * ONOS's DriverService at each use (DeviceCells), and the app has ONOS rebuild the Device object
     * that still holds the driver merged with the old pipeconf bundle (DriverRebinder), so that
     * packet-ins are decoded by the new bundle's interpreter.
     */
    @Test
    public void t09bSlowPathAndCountersAfterReactivation() {
        slowPathAndCounters();
    }

    /**
     * ONOS stopped and started again: the switch forwards meanwhile (the data plane needs no
     * controller), and afterwards the app is active with the same binding table, the device holds
     * exactly the app's rules, all ADDED, every softwire forwards, the slow path answers and the
     * counters are read.
     */
    @Test
    public void t10OnosRestartedKeepsTheAppTheTableAndTheRules() throws Exception {
        JsonNode table = onos.getJson("/onos/lwaftr/softwires");
        onos.stop();
        for (Softwire s : bound.values()) {
            downstreamExactly(io, s);
        }
        long t0 = System.nanoTime();
        onos.restart();
        figure("ONOS restart → ready", ms(t0));
        awaitApp("ACTIVE", 120_000);
        awaitDeviceAvailable(90_000);
        awaitRules(configRules + rulesOf(bound.values()), System.nanoTime(), RULES_BOUND_MS);
        figure("ONOS restart → all rules ADDED", ms(t0));
        assertEquals("the binding table after the restart", table.path("binding-entry"),
                awaitJson("/onos/lwaftr/softwires", 30_000).path("binding-entry"));
        for (Softwire s : bound.values()) {
            downstreamExactly(io, s);
            upstreamExactly(io, s);
        }
        slowPathAndCounters();
    }

    /** An unbound port answered with ICMPv4 3/1 by the app's slow path; a softwire's counters move. */
    private static void slowPathAndCounters() {
        awaitUnbound(io, shared(40), CHANGE_BOUND_MS);
        Softwire s = bound.get("shared1");
        String path = "/onos/lwaftr/stats/" + SHARED + "/" + s.portSet().psid();
        JsonNode before = onos.getJson(path);
        io.clear();
        io.send(INET_PORT, fromInternet(udp(HOST, 53, SHARED, port(s), 64)));
        io.expectBytes(LWB4_PORT, WAIT);
        JsonNode after = onos.getJson(path);
        assertEquals(before + " → " + after, 1,
                after.path("downstream").path("packets").asLong() - before.path("downstream").path("packets").asLong());
    }

    // ------------------------------------------------------------------ helpers

    private static void figure(String what, Object value) {
        figures.put(what, value.toString());
    }

    private static String ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000 + " ms";
    }

    /** The README's netcfg example (its first JSON block under "Configure (netcfg)"), for this switch. */
    static JsonNode readmeNetcfg(int grpcPort, long deviceId) throws java.io.IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("## Configure (netcfg)");
        assertTrue("README.md has a 'Configure (netcfg)' section", section >= 0);
        Matcher m = Pattern.compile("```json\\n(.*?)\\n```", Pattern.DOTALL).matcher(readme);
        assertTrue("a JSON block in it", m.find(section));
        ObjectNode root = (ObjectNode) OnosInstance.json(m.group(1));
        ObjectNode basic = (ObjectNode) root.path("devices").path(DEVICE).path("basic");
        assertTrue("the README's example configures " + DEVICE, basic.has("managementAddress"));
        basic.put("managementAddress", "grpc://127.0.0.1:" + grpcPort + "?device_id=" + deviceId);
        ((ObjectNode) root.path("apps").path(APP).path("lwaftr")).remove("binding-table-file");
        return root;
    }

    /** What the app's translator makes of the netcfg for the device's own entries (no softwire). */
    private static int expectedConfigRules(JsonNode cfg) {
        DeviceSettings d = DeviceSettingsCodec.parse(cfg.path("devices").path(DEVICE).path("lwaftr"));
        return new Translator().deviceEntries(d, PolicyCodec.parse(cfg.path("apps").path(APP).path("lwaftr")),
                BrIndexPlan.of(Map.of(), d.brAddresses())).size();
    }

    /** Rules for these softwires: one binding each, and two per bound IPv4 address (PSID shape, bound address). */
    private static int rulesOf(java.util.Collection<Softwire> softwires) {
        return softwires.size() + 2 * (int) softwires.stream().mapToInt(Softwire::ipv4Int).distinct().count();
    }

    private static ObjectNode change(String op, Softwire s) {
        ObjectNode c = OnosInstance.json("{}").deepCopy();
        c.put("op", op);
        c.put("binding-ipv4-addr", Ip4Address.valueOf(s.ipv4Int()).toString());
        ObjectNode ps = c.putObject("port-set");
        ps.put("psid-offset", s.portSet().offset());
        ps.put("psid-len", s.portSet().length());
        ps.put("psid", s.portSet().psid());
        c.put("binding-ipv6info", s.lwb4().toString());
        c.put("br-ipv6-addr", s.br().toString());
        return c;
    }

    private static JsonNode post(ObjectNode... changes) {
        ObjectNode body = (ObjectNode) OnosInstance.json("{}");
        Arrays.stream(changes).forEach(body.putArray("changes")::add);
        HttpResponse<String> r = onos.send("POST", "/onos/lwaftr/softwires", body.toString(), "application/json");
        assertEquals(r.body(), 200, r.statusCode());
        return OnosInstance.json(r.body());
    }

    /**
     * Waits until the app's rules on the device are exactly {@code expected}, all ADDED, within
     * {@code boundMs} of {@code fromNanos}.
     *
     * @return ms from {@code fromNanos} until then
     */
    private static long awaitRules(int expected, long fromNanos, long boundMs) {
        Map<String, Integer> states = Map.of();
        while (true) {
            states = ruleStates();
            long elapsed = (System.nanoTime() - fromNanos) / 1_000_000;
            int total = states.values().stream().mapToInt(Integer::intValue).sum();
            if (total == expected && states.keySet().equals(java.util.Set.of("ADDED"))) {
                return elapsed;
            }
            if (elapsed > boundMs) {
                fail("the app's rules on " + DEVICE + " " + boundMs + " ms on: " + states + ", want " + expected
                        + " ADDED");
            }
            sleep(200);
        }
    }

    /** The app's rules on the device by state (ADDED, PENDING_ADD, ...). */
    private static Map<String, Integer> ruleStates() {
        HttpResponse<String> r = onos.get("/onos/v1/flows/" + DEVICE);
        if (r.statusCode() == 404) {
            return Map.of(); // ONOS answers 404 "Device is not found" for a device with no flow entry
        }
        if (r.statusCode() == 500 && r.body().contains("There is no master for available device")) {
            // ONOS's flow store between two mastership terms (DeviceFlowTable.getFlowEntries): ask again
            return Map.of("NO_MASTER", 1);
        }
        assertEquals(r.body(), 200, r.statusCode());
        JsonNode flows = OnosInstance.json(r.body()).path("flows");
        Map<String, Integer> out = new TreeMap<>();
        for (JsonNode f : flows) {
            if (APP.equals(f.path("appId").asText())) {
                out.merge(f.path("state").asText(), 1, Integer::sum);
            }
        }
        return out;
    }

    private static long slowPathCounter() {
        JsonNode sp = onos.getJson("/onos/lwaftr/stats").path("slow-path");
        long total = 0;
        for (JsonNode v : sp) {
            total += v.asLong();
        }
        return total;
    }

    private static void assertDelta(JsonNode before, JsonNode after, String dir, long packets, long bytes) {
        assertEquals(dir + " packets: " + before + " → " + after, packets,
                after.path(dir).path("packets").asLong() - before.path(dir).path("packets").asLong());
        assertEquals(dir + " bytes (the frames bmv2 received): " + before + " → " + after, bytes,
                after.path(dir).path("bytes").asLong() - before.path(dir).path("bytes").asLong());
    }

    private static void awaitApp(String state, long timeoutMs) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        String last = "?";
        while (System.currentTimeMillis() < deadline) {
            last = onos.appState(APP).orElse("(unknown)");
            if (last.equals(state)) {
                return;
            }
            sleep(500);
        }
        fail(APP + " not " + state + " within " + timeoutMs + " ms: " + last);
    }

    private static void awaitDeviceAvailable(long timeoutMs) {
        awaitDevice(true, timeoutMs);
    }

    private static void awaitDevice(boolean available, long timeoutMs) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        String last = "";
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> r = onos.get("/onos/v1/devices/" + DEVICE);
            last = r.statusCode() + " " + r.body();
            if (r.statusCode() == 200 && OnosInstance.json(r.body()).path("available").asBoolean() == available) {
                return;
            }
            sleep(200);
        }
        fail(DEVICE + (available ? " not available" : " still available") + " after " + timeoutMs + " ms (bmv2 process "
                + (sw.isAlive() ? "running" : "not running") + "): " + last);
    }

    private static JsonNode awaitJson(String path, long timeoutMs) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        HttpResponse<String> r = null;
        while (System.currentTimeMillis() < deadline) {
            r = onos.get(path);
            if (r.statusCode() == 200) {
                return OnosInstance.json(r.body());
            }
            sleep(500);
        }
        throw new AssertionError("GET " + path + ": " + (r == null ? "no answer" : r.statusCode() + " " + r.body()));
    }

    private static String summary(List<String> order) {
        StringBuilder sb = new StringBuilder();
        String prev = null;
        int run = 0;
        for (String a : order) {
            if (a.equals(prev)) {
                run++;
            } else {
                if (prev != null) {
                    sb.append(prev).append(" ×").append(run).append(", ");
                }
                prev = a;
                run = 1;
            }
        }
        return sb.append(prev).append(" ×").append(run).toString();
    }

    private static void sleep(long ms) {
        java.util.concurrent.locks.LockSupport.parkNanos(ms * 1_000_000);
    }
}
