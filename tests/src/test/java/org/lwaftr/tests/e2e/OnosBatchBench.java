package org.lwaftr.tests.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.DeviceSettingsCodec;
import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.config.PolicyCodec;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.lwaftr.lab.LabConfig;
import org.lwaftr.lab.LabController;
import org.lwaftr.lab.LabPipeline;
import org.lwaftr.lab.TargetSpec;
import org.lwaftr.tests.bmv2.Bmv2Switch;
import org.lwaftr.tests.bmv2.FrameIo;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.lwaftr.tests.e2e.E2eProbe.awaitDownstream;
import static org.lwaftr.tests.e2e.E2eSetup.BR;

/**
 * Issue 14, item 4: one batch of N softwires (10,000 unless {@code -Dlwaftr.bench.softwires}) from
 * the call to every softwire forwarding, through ONOS (the app's {@code PUT /binding-table}) and
 * through the standalone controller ({@link LabController#replaceAll}, the lab module), against the
 * same bmv2 in one run (restarted empty between the two). "Forwarding" is probed with a downstream
 * packet to the batch's last softwire, then its first and middle ones (RFC 7596 §6.2, exact frame);
 * for ONOS also until all its flow rules are ADDED (its flow poll: 5 s, the README's setting).
 *
 * <p>Not part of {@code mvn install} (the name is no *Test): {@code scripts/bench-onos.sh}. Needs
 * what OnosIntegrationTest needs (ONOS runtime, simple_switch_grpc, root); else one SKIPPED line.
 */
public class OnosBatchBench {
    private static final Path WORK = Path.of("target", "onos-bench");
    private static final String DEVICE = "device:bmv2:lwaftr1";
    private static final String APP = "org.lwaftr.app";

    /**
     * Softwire n: 10.0.0.0 + n / 63, 6-bit PSID 1 + n % 63 at offset 0 (E2eProbe's ports, no system
     * ports), lwB4 2001:db8:1::/64 + n + 1, the README's BR.
     */
    static List<Softwire> softwires(int count) {
        List<Softwire> out = new ArrayList<>(count);
        int first = Ip4Address.valueOf("10.0.0.0").toInt();
        for (int n = 0; n < count; n++) {
            byte[] b4 = Ip6Address.valueOf("2001:db8:1::").toOctets();
            for (int i = 0, v = n + 1; i < 4; i++, v >>>= 8) {
                b4[15 - i] = (byte) v;
            }
            out.add(Softwire.of(Ip4Address.valueOf(first + n / 63), PortSet.of(0, 6, 1 + n % 63),
                    Ip6Address.valueOf(b4), BR));
        }
        return out;
    }

    static String csv(List<Softwire> all) {
        StringBuilder sb = new StringBuilder("ipv4,psid_offset,psid_len,psid,lwb4,br\n");
        for (Softwire s : all) {
            sb.append(Ip4Address.valueOf(s.ipv4Int())).append(",0,6,").append(s.portSet().psid()).append(',')
                    .append(s.lwb4()).append(',').append(s.br()).append('\n');
        }
        return sb.toString();
    }

    @Test
    public void oneBatchOnosVersusStandalone() throws Exception {
        OnosInstance.Located found = OnosInstance.locate();
        if (found.marker == null) {
            System.out.println("SKIPPED: ONOS not found (" + found.reason + ")");
            return;
        }
        if (!Bmv2Switch.presentOrReport()) {
            return;
        }
        String oar = System.getProperty("lwaftr.oar");
        assertTrue("the .oar built by this reactor: " + oar, oar != null && Files.isRegularFile(Path.of(oar)));
        int n = Integer.getInteger("lwaftr.bench.softwires", 10_000);
        List<Softwire> all = softwires(n);
        List<Softwire> probes = List.of(all.get(n - 1), all.get(0), all.get(n / 2));
        Files.createDirectories(WORK);
        Map<String, String> standalone = new LinkedHashMap<>();
        Map<String, String> onosFig = new LinkedHashMap<>();
        try (Bmv2Switch sw = Bmv2Switch.start(2, WORK); FrameIo io = FrameIo.open(sw)) {
            JsonNode netcfg = OnosIntegrationTest.readmeNetcfg(sw.grpcPort(), sw.deviceId());
            DeviceSettings settings = DeviceSettingsCodec.parse(netcfg.path("devices").path(DEVICE).path("lwaftr"));
            LwaftrPolicy policy = PolicyCodec.parse(netcfg.path("apps").path(APP).path("lwaftr"));

            // 1. The standalone controller: connected and converged on the empty table, then the batch.
            try (LabController c = LabController.start(new LabConfig(policy, settings, List.of(), b -> { }, List.of()),
                    List.of(new TargetSpec("127.0.0.1", sw.grpcPort(), sw.deviceId())), LabPipeline.lwaftr())) {
                assertTrue("standalone controller converged", c.awaitConverged(120_000));
                long t0 = System.nanoTime();
                c.replaceAll(all);
                standalone.put("call returned", ms(t0));
                awaitDownstream(io, probes.get(0), 120_000);
                standalone.put("last softwire forwards", ms(t0));
                for (Softwire s : probes) {
                    awaitDownstream(io, s, 10_000);
                }
                standalone.put("rules on the switch", "all written when the call returns");
            }
            sw.restart(); // empty again for ONOS

            // 2. ONOS with the app, as the README installs it; the device programmed with its config.
            try (OnosInstance onos = OnosInstance.start(found.marker, WORK)) {
                installAsTheReadmeSays(onos, Path.of(oar), netcfg);
                int config = awaitAllAdded(onos, -1, 120_000);
                long t0 = System.nanoTime();
                HttpResponse<String> r = onos.send("PUT", "/onos/lwaftr/binding-table", csv(all), "text/csv");
                assertEquals(r.body(), 200, r.statusCode());
                onosFig.put("call returned", ms(t0));
                awaitDownstream(io, probes.get(0), 300_000);
                onosFig.put("last softwire forwards", ms(t0));
                for (Softwire s : probes) {
                    awaitDownstream(io, s, 10_000);
                }
                int addresses = (int) all.stream().mapToInt(Softwire::ipv4Int).distinct().count();
                awaitAllAdded(onos, config + n + 2 * addresses, 600_000);
                onosFig.put("rules on the switch", "all ADDED after " + ms(t0));
            }
        }
        StringBuilder sb = new StringBuilder(String.format("one batch of %,d softwires, same bmv2, same run%n", n));
        sb.append(String.format("  %-26s %-34s %s%n", "", "standalone (LabController)", "ONOS (PUT /binding-table)"));
        for (String k : standalone.keySet()) {
            sb.append(String.format("  %-26s %-34s %s%n", k, standalone.get(k), onosFig.get(k)));
        }
        double ratio = millis(onosFig.get("last softwire forwards")) / millis(standalone.get("last softwire forwards"));
        sb.append(String.format("  ONOS / standalone, until forwarding: %.1f× (issue 14 target: ≤ 2×)%n", ratio));
        System.out.print(sb);
        Files.writeString(WORK.resolve("figures.txt"), sb.toString());
    }

    /** README "Install into ONOS 2.7" and "Configure (netcfg)": flow poll 5 s, the .oar, the netcfg. */
    private static void installAsTheReadmeSays(OnosInstance onos, Path oar, JsonNode netcfg)
            throws InterruptedException, java.io.IOException {
        ok(onos.send("POST", "/onos/v1/configuration/org.onosproject.net.flow.impl.FlowRuleManager",
                "{\"fallbackFlowPollFrequency\": \"5\"}", "application/json"));
        ok(onos.send("POST", "/onos/v1/applications?activate=true",
                java.net.http.HttpRequest.BodyPublishers.ofFile(oar), "application/octet-stream"));
        long deadline = System.currentTimeMillis() + 180_000;
        while (!"ACTIVE".equals(onos.appState(APP).orElse("")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        ok(onos.send("POST", "/onos/v1/network/configuration", netcfg.toString(), "application/json"));
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> r = onos.get("/onos/v1/devices/" + DEVICE);
            if (r.statusCode() == 200 && OnosInstance.json(r.body()).path("available").asBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(APP + " not ACTIVE or " + DEVICE + " not available within 180 s");
    }

    private static void ok(HttpResponse<String> r) {
        assertTrue(r.statusCode() + " " + r.body(), r.statusCode() / 100 == 2);
    }

    /**
     * Waits until the app's rules on the device are all ADDED and number {@code expected} (-1: any
     * number above 0, unchanged for 2 s: the device's config rules).
     *
     * @return their number
     */
    private static int awaitAllAdded(OnosInstance onos, int expected, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        int last = -1;
        long stableSince = 0;
        String seen = "";
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> r = onos.get("/onos/v1/flows/" + DEVICE);
            if (r.statusCode() == 200) {
                int added = 0;
                int other = 0;
                for (JsonNode f : OnosInstance.json(r.body()).path("flows")) {
                    if (APP.equals(f.path("appId").asText())) {
                        if ("ADDED".equals(f.path("state").asText())) {
                            added++;
                        } else {
                            other++;
                        }
                    }
                }
                seen = added + " ADDED, " + other + " other";
                if (other == 0 && added > 0) {
                    if (expected >= 0 && added == expected) {
                        return added;
                    }
                    if (expected < 0) {
                        if (added != last) {
                            last = added;
                            stableSince = System.currentTimeMillis();
                        } else if (System.currentTimeMillis() - stableSince > 2000) {
                            return added;
                        }
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("rules of " + APP + " on " + DEVICE + " not all ADDED (" + expected + "): " + seen);
    }

    private static String ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000 + " ms";
    }

    private static double millis(String figure) {
        return Double.parseDouble(figure.replace(" ms", ""));
    }
}
