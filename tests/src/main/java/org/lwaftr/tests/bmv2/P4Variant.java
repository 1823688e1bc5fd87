package org.lwaftr.tests.bmv2;

import org.lwaftr.lab.p4rt.PiDevice;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A workload run on another compiled P4 program with the same table and action names (for
 * experiments such as tests/src/test/p4/bench/downstream-floor.p4): the workload's entries and
 * frames, the variant's pipeline. Compiled with {@code p4c-bm2-ss} when the benchmark starts.
 */
final class P4Variant implements BenchWorkload {
    /** The compiler, as on PATH. */
    static final String P4C = "p4c-bm2-ss";

    private final BenchWorkload workload;
    private final String name;
    private final Bmv2Pipeline pipeline;

    private P4Variant(BenchWorkload workload, String name, Bmv2Pipeline pipeline) {
        this.workload = workload;
        this.name = name;
        this.pipeline = pipeline;
    }

    /**
     * Compiles {@code source} with {@code -D} for each of {@code defines} into {@code outDir}.
     *
     * @throws IllegalStateException if p4c is not on PATH or the compilation fails (with its output)
     */
    static P4Variant compile(BenchWorkload workload, Path source, List<String> defines, Path outDir) {
        Path p4c = Commands.which(P4C);
        if (p4c == null) {
            throw new IllegalStateException(P4C + " not found");
        }
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException("--p4: no such file: " + source);
        }
        String base = source.getFileName().toString().replaceFirst("\\.p4$", "");
        String name = base + (defines.isEmpty() ? "" : "-" + String.join("-", defines).toLowerCase());
        try {
            Files.createDirectories(outDir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create " + outDir + ": " + e.getMessage(), e);
        }
        Path json = outDir.resolve(name + ".json");
        Path p4Info = outDir.resolve(name + ".p4info.txt");
        List<String> cmd = new ArrayList<>(List.of(p4c.toString(), "--arch", "v1model"));
        defines.forEach(d -> cmd.add("-D" + d));
        cmd.addAll(List.of("-o", json.toString(), "--p4runtime-files", p4Info.toString(), source.toString()));
        Commands.run(cmd.toArray(new String[0]));
        return new P4Variant(workload, workload.name() + "@" + name, Bmv2Pipeline.fromFiles(name, json, p4Info));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Bmv2Pipeline pipeline() {
        return pipeline;
    }

    @Override
    public int ports() {
        return workload.ports();
    }

    @Override
    public void install(PiDevice device) {
        workload.install(device);
    }

    @Override
    public List<byte[]> frames() {
        return workload.frames();
    }

    @Override
    public int inPort() {
        return workload.inPort();
    }

    @Override
    public int outPort() {
        return workload.outPort();
    }
}
