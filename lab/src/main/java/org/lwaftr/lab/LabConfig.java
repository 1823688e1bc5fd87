package org.lwaftr.lab;

import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.core.Softwire;
import org.lwaftr.slowpath.SlowPathConfigBuilder;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the lab controller runs with, whatever it was read from (netcfg JSON + binding table, or a
 * Snabb configuration): the app policy, the settings every target shares, the initial softwires,
 * slow-path settings netcfg does not carry, and the warnings about input that was not used.
 */
public final class LabConfig {
    private final LwaftrPolicy policy;
    private final DeviceSettings settings;
    private final List<Softwire> softwires;
    private final Consumer<SlowPathConfigBuilder> slowPathTuning;
    private final List<String> warnings;

    /**
     * @param policy         app policy
     * @param settings       device settings (ports, MACs, addresses); null when there are none
     *                       (a Snabb configuration without an instance: no port has a role)
     * @param softwires      initial binding table
     * @param slowPathTuning extra slow-path settings (e.g. reassembly limits), applied last
     * @param warnings       one line per input setting that is unknown or not supported
     */
    public LabConfig(LwaftrPolicy policy, DeviceSettings settings, List<Softwire> softwires,
                     Consumer<SlowPathConfigBuilder> slowPathTuning, List<String> warnings) {
        this.policy = Objects.requireNonNull(policy);
        this.settings = settings;
        this.softwires = List.copyOf(softwires);
        this.slowPathTuning = Objects.requireNonNull(slowPathTuning);
        this.warnings = List.copyOf(warnings);
    }

    /** @return the app policy */
    public LwaftrPolicy policy() {
        return policy;
    }

    /** @return the device settings, or null if there are none (nothing is forwarded) */
    public DeviceSettings settings() {
        return settings;
    }

    /** @return the initial softwires */
    public List<Softwire> softwires() {
        return softwires;
    }

    /** @return extra slow-path settings */
    public Consumer<SlowPathConfigBuilder> slowPathTuning() {
        return slowPathTuning;
    }

    /** @return warnings about unused input, one per setting */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * @param more softwires replacing the initial ones
     * @return a copy with them
     */
    public LabConfig withSoftwires(List<Softwire> more) {
        return new LabConfig(policy, settings, more, slowPathTuning, warnings);
    }

    /** @return this configuration with these warnings instead */
    public LabConfig withWarnings(List<String> all) {
        return new LabConfig(policy, settings, softwires, slowPathTuning, all);
    }
}
