package org.lwaftr.tests.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.DeviceSettingsCodec;
import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.core.Softwire;
import org.lwaftr.lab.p4rt.PiDevice;
import org.lwaftr.lab.p4rt.PiWriteBatch;
import org.lwaftr.tests.bmv2.Bmv2Fixture;
import org.lwaftr.tests.bmv2.Bmv2Switch;
import org.lwaftr.tests.bmv2.LwaftrPipeline;
import org.lwaftr.translate.BrIndexPlan;
import org.lwaftr.translate.Translator;
import org.onlab.packet.Ip4Address;
import org.onosproject.net.pi.runtime.PiTableEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What both lab benchmarks share: a bmv2 switch running pipeline.p4 (port 1 toward the lwB4s,
 * port 2 toward the Internet), its device entries written through the translator, and the lab
 * controller's write path for softwires (translator → PI entries → PiWriteBatch → P4Runtime).
 */
final class LabBench implements AutoCloseable {
    static final int LWB4_PORT = 1;
    static final int INET_PORT = 2;
    static final String AFTR_MAC_INET = "02:aa:00:00:00:02";
    static final String INET_NEXT_HOP_MAC = "02:bb:00:00:00:02";
    private static final String DEVICE = "{\"lwb4-side\": {\"port\": 1, \"aftr-mac\": \"02:aa:00:00:00:01\","
            + " \"next-hop-mac\": \"02:bb:00:00:00:01\"}, \"internet-side\": {\"port\": 2, \"aftr-mac\": \""
            + AFTR_MAC_INET + "\", \"next-hop-mac\": \"" + INET_NEXT_HOP_MAC + "\"},"
            + " \"aftr-ipv4-addrs\": [\"203.0.113.254\"], \"br-ipv6-addrs\": [\"2001:db8:ffff::1\"]}";

    final Translator translator = new Translator();
    final BrIndexPlan brs = BrIndexPlan.of(Map.of(BenchSoftwires.BR, 0), List.of());
    final Bmv2Fixture fixture;

    private LabBench(Bmv2Fixture fixture) {
        this.fixture = fixture;
    }

    /** Starts the switch, or returns null after printing why it cannot. */
    static LabBench start(String what) {
        if (!Bmv2Switch.available()) {
            System.out.println("SKIPPED: simple_switch_grpc not found (" + what + ")");
            return null;
        }
        return new LabBench(Bmv2Fixture.start(LwaftrPipeline.pipeline(), 2));
    }

    PiDevice device() {
        return fixture.device();
    }

    /** Empty tables, then the device-wide entries (port sides, next hops, BR, aftr_config). */
    void resetWithDeviceEntries() {
        fixture.reset();
        DeviceSettings d;
        try {
            d = DeviceSettingsCodec.parse(new ObjectMapper().readTree(DEVICE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(translator.deviceEntries(d, LwaftrPolicy.DEFAULT, brs));
    }

    /** psid_shape and bound_ipv4 of every address the softwires use. */
    void writeAddresses(Collection<Softwire> softwires) {
        PiWriteBatch b = device().batch();
        softwires.stream().map(Softwire::ipv4Int).distinct().forEach(ipv4 ->
                translator.address(ipv4, softwires.iterator().next().portSet().shape()).forEach(b::insert));
        device().write(b);
    }

    /** The lab controller's write path for softwires n, n+1, ... (counter index = n). */
    void writeSoftwires(List<Softwire> softwires, int firstCounter) {
        PiWriteBatch b = device().batch();
        int i = firstCounter;
        for (Softwire s : softwires) {
            b.insert(translator.binding(s, brs.indexOf(s.br()), i++));
        }
        device().write(b);
    }

    private void write(List<PiTableEntry> entries) {
        PiWriteBatch b = device().batch();
        // Default entries (aftr_config) can only be modified (P4Runtime §9.1).
        entries.forEach(e -> { if (e.isDefaultAction()) { b.modify(e); } else { b.insert(e); } });
        device().write(b);
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
        fixture.close();
    }
}
