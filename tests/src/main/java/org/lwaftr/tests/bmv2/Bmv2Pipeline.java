package org.lwaftr.tests.bmv2;

import com.google.common.io.Resources;
import org.lwaftr.lab.p4rt.P4InfoIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** A compiled bmv2 pipeline: the p4c-bm2-ss JSON and the P4Info that goes with it. */
public final class Bmv2Pipeline {
    private final String name;
    private final byte[] json;
    private final P4InfoIndex p4Info;

    /** A pipeline from its parts. */
    public Bmv2Pipeline(String name, byte[] json, P4InfoIndex p4Info) {
        this.name = Objects.requireNonNull(name);
        this.json = json.clone();
        this.p4Info = Objects.requireNonNull(p4Info);
    }

    /** Loads {@code <base>.json} and {@code <base>.p4info.txt} from the class path. */
    public static Bmv2Pipeline fromClasspath(String name, String base) {
        try {
            URL json = Resources.getResource(base + ".json");
            URL p4Info = Resources.getResource(base + ".p4info.txt");
            return new Bmv2Pipeline(name, Resources.toByteArray(json),
                    P4InfoIndex.parseText(Resources.toString(p4Info, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load pipeline " + base, e);
        }
    }

    /** Loads a bmv2 JSON file and a P4Info text file. */
    public static Bmv2Pipeline fromFiles(String name, Path json, Path p4Info) {
        try {
            return new Bmv2Pipeline(name, Files.readAllBytes(json), P4InfoIndex.readText(p4Info));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + json, e);
        }
    }

    /** A short name for reports. */
    public String name() {
        return name;
    }

    /** The bmv2 JSON (the P4Runtime device config for simple_switch_grpc). */
    public byte[] json() {
        return json.clone();
    }

    /** The P4Info index. */
    public P4InfoIndex p4Info() {
        return p4Info;
    }
}
