package org.lwaftr.tests.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.DeviceSettingsCodec;
import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.core.Softwire;
import org.lwaftr.lab.LabConfig;
import org.lwaftr.lab.LabController;
import org.lwaftr.lab.LabPipeline;
import org.lwaftr.lab.TargetSpec;
import org.lwaftr.lab.p4rt.PiDevice;
import org.lwaftr.lab.p4rt.PiWriteBatch;
import org.lwaftr.tests.bmv2.Bmv2Switch;
import org.lwaftr.tests.bmv2.FrameIo;
import org.lwaftr.tests.bmv2.LwaftrPipeline;
import org.lwaftr.translate.BrIndexPlan;
import org.lwaftr.translate.Translator;
import org.onlab.packet.Ip4Address;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What both lab benchmarks share: a bmv2 switch for pipeline.p4 (port 1 toward the lwB4s, port 2
 * toward the Internet), frame I/O on its ports, the lab controller ({@link LabController}: binding
 * table → {@code SoftwireEntries} → TargetSync → P4Runtime) started against it, and a raw
 * P4Runtime client for baselines. The controller (election id 10) and the raw client (20) take
 * turns: each is closed before the other connects.
 */
final class LabBench implements AutoCloseable {
    static final int LWB4_PORT = 1;
    static final int INET_PORT = 2;
    static final String AFTR_MAC_INET = "02:aa:00:00:00:02";
    static final String INET_NEXT_HOP_MAC = "02:bb:00:00:00:02";
    private static final long RAW_ELECTION_ID = 20;
    private static final String DEVICE = "{\"lwb4-side\": {\"port\": 1, \"aftr-mac\": \"02:aa:00:00:00:01\","
            + " \"next-hop-mac\": \"02:bb:00:00:00:01\"}, \"internet-side\": {\"port\": 2, \"aftr-mac\": \""
            + AFTR_MAC_INET + "\", \"next-hop-mac\": \"" + INET_NEXT_HOP_MAC + "\"},"
            + " \"aftr-ipv4-addrs\": [\"203.0.113.254\"], \"br-ipv6-addrs\": [\"2001:db8:ffff::1\"]}";

    final Translator translator = new Translator();
    final DeviceSettings settings;
    final Bmv2Switch sw;
    final FrameIo io;

    private LabBench(Bmv2Switch sw) {
        this.sw = sw;
        this.io = FrameIo.open(sw);
        try {
            settings = DeviceSettingsCodec.parse(new ObjectMapper().readTree(DEVICE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the switch, or returns null after printing why it cannot. */
    static LabBench start(String what) {
        if (!Bmv2Switch.available()) {
            System.out.println("SKIPPED: simple_switch_grpc not found (" + what + ")");
            return null;
        }
        return new LabBench(Bmv2Switch.start(2, Path.of("target", "bmv2")));
    }

    /**
     * A raw client (primary while no controller runs) on an emptied switch (pipeline set again)
     * holding the device-wide entries the controller would write (port sides, next hops, BR,
     * aftr_config). Close it before starting a controller.
     */
    PiDevice rawOnEmptySwitch() {
        PiDevice d = new PiDevice(sw.connect(RAW_ELECTION_ID), LwaftrPipeline.pipeline().p4Info());
        d.setPipeline(LwaftrPipeline.pipeline().json());
        PiWriteBatch b = d.batch();
        // Default entries (aftr_config) can only be modified (P4Runtime §9.1).
        translator.deviceEntries(settings, LwaftrPolicy.DEFAULT,
                BrIndexPlan.of(Map.of(BenchSoftwires.BR, 0), List.of()))
                .forEach(e -> { if (e.isDefaultAction()) { b.modify(e); } else { b.insert(e); } });
        d.write(b);
        return d;
    }

    /** Empties the switch, then starts the lab controller with {@code softwires} and waits until converged. */
    LabController controllerOnEmptySwitch(List<Softwire> softwires) {
        PiDevice d = new PiDevice(sw.connect(RAW_ELECTION_ID), LwaftrPipeline.pipeline().p4Info());
        d.setPipeline(LwaftrPipeline.pipeline().json());
        d.close();
        LabConfig cfg = new LabConfig(LwaftrPolicy.DEFAULT, settings, softwires, b -> { }, List.of());
        LabController c = LabController.start(cfg,
                List.of(new TargetSpec("127.0.0.1", sw.grpcPort(), Bmv2Switch.DEVICE_ID)), LabPipeline.lwaftr());
        if (!c.awaitConverged(120_000)) {
            c.close();
            throw new IllegalStateException("lab controller did not converge; switch log:\n" + sw.logTail(20));
        }
        return c;
    }

    /** The lab controller with no target: what it does for a change before any Write. */
    LabController controllerWithoutSwitch() {
        return LabController.start(new LabConfig(LwaftrPolicy.DEFAULT, settings, List.of(), b -> { }, List.of()),
                List.of(), LabPipeline.lwaftr());
    }

    static Ip4Address ip(int v) {
        return Ip4Address.valueOf(v);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static int intArg(String[] args, String name, int dflt) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return dflt;
    }

    @Override
    public void close() {
        io.close();
        sw.close();
    }
}
