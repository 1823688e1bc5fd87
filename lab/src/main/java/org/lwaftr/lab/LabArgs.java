package org.lwaftr.lab;

import org.lwaftr.config.DeviceSettingsCodec;
import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.io.BindingTableFormats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Command-line options of {@code scripts/lab.sh}; errors name the option. */
final class LabArgs {
    static final String USAGE = String.join("\n",
            "usage: lab.sh --target HOST:PORT [--device-id N] [--target ... [--device-id N]]",
            "              (--netcfg FILE [--device-key KEY] [--binding-table FILE] | --snabb-config FILE)",
            "              [--lwb4-port N --internet-port M] [--stats-interval SECONDS] [--watch FILE]",
            "  --target          a P4Runtime switch (repeatable); --device-id after it sets its device id (default 1)",
            "  --netcfg          the app's netcfg JSON (apps/org.lwaftr.app/lwaftr, devices/<key>/lwaftr)",
            "  --device-key      which devices/<key> to use (default: the only one)",
            "  --binding-table   softwires: RFC 8676 JSON, CSV or Snabb binding table (default: the policy's)",
            "  --snabb-config    a whole Snabb lwAFTR configuration (binding table, interfaces, ICMP policy)",
            "  --lwb4-port/--internet-port  the bmv2 ports facing the lwB4s / the Internet",
            "  --stats-interval  print statistics every SECONDS (also on 'stats' from stdin and at exit)",
            "  --watch           re-read this binding-table file when it changes; apply the smallest diff",
            "  --rest ADDR:PORT  serve the REST API (the ONOS app's, at /onos/lwaftr) here, with HTTP basic auth",
            "  --rest-users FILE user:password lines allowed to use it (required with --rest; no default user)",
            "  --kea-reservations FILE  keep this Kea DHCPv6 reservations file (RFC 7598 lw4o6 options) equal to",
            "                    the binding table, rewritten atomically when it changes (RFC 7596 §6.1)",
            "  --kea-identities FILE    lwB4 identities for it: CSV lwb4,duid or lwb4,hw-address (required with it)",
            "stdin commands: stats | quit");

    private final List<TargetSpec> targets = new ArrayList<>();
    private Path netcfg;
    private String deviceKey;
    private Path bindingTable;
    private Path snabbConfig;
    private Integer lwb4Port;
    private Integer internetPort;
    private int statsInterval;
    private Path watch;
    private String rest;
    private Path restUsers;
    private Path keaReservations;
    private Path keaIdentities;
    private boolean help;

    private LabArgs() {
    }

    static LabArgs parse(String... args) {
        LabArgs a = new LabArgs();
        List<String> pendingTargets = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        Set<String> given = new HashSet<>();
        int idOf = -1; // the target whose --device-id was given last
        for (int i = 0; i < args.length; i++) {
            String o = args[i];
            if (o.equals("-h") || o.equals("--help")) {
                a.help = true;
                return a;
            }
            if (i + 1 >= args.length) {
                throw new LabConfigException(o + ": needs a value (or unknown option)\n" + USAGE);
            }
            String v = args[++i];
            if (v.startsWith("--")) {
                // "--device-id --netcfg f": the value was forgotten, not meant to be "--netcfg"
                throw new LabConfigException(o + ": needs a value (got the option " + v + ")\n" + USAGE);
            }
            // a second value would silently replace the first: refuse it (only --target repeats)
            if (!o.equals("--target") && !o.equals("--device-id") && !given.add(o)) {
                throw new LabConfigException(o + ": given twice");
            }
            switch (o) {
                case "--target":
                    pendingTargets.add(v);
                    ids.add(1L);
                    break;
                case "--device-id":
                    if (pendingTargets.isEmpty()) {
                        throw new LabConfigException("--device-id: give it after its --target");
                    }
                    if (idOf == pendingTargets.size() - 1) {
                        throw new LabConfigException("--device-id: given twice for --target "
                                + pendingTargets.get(idOf));
                    }
                    idOf = pendingTargets.size() - 1;
                    ids.set(ids.size() - 1, (long) number(o, v, 0, Integer.MAX_VALUE));
                    break;
                case "--netcfg":
                    a.netcfg = Path.of(v);
                    break;
                case "--device-key":
                    a.deviceKey = v;
                    break;
                case "--binding-table":
                    a.bindingTable = Path.of(v);
                    break;
                case "--snabb-config":
                    a.snabbConfig = Path.of(v);
                    break;
                case "--lwb4-port":
                    a.lwb4Port = sidePort(o, v);
                    break;
                case "--internet-port":
                    a.internetPort = sidePort(o, v);
                    break;
                case "--stats-interval":
                    a.statsInterval = number(o, v, 1, 86400);
                    break;
                case "--watch":
                    a.watch = Path.of(v);
                    break;
                case "--rest":
                    try {
                        TargetSpec.parse(v, 0); // the same HOST:PORT form as --target
                    } catch (LabConfigException e) {
                        throw new LabConfigException(e.getMessage().replaceFirst("^--target", "--rest"));
                    }
                    a.rest = v;
                    break;
                case "--rest-users":
                    a.restUsers = Path.of(v);
                    break;
                case "--kea-reservations":
                    a.keaReservations = Path.of(v);
                    break;
                case "--kea-identities":
                    a.keaIdentities = Path.of(v);
                    break;
                default:
                    throw new LabConfigException(o + ": unknown option\n" + USAGE);
            }
        }
        for (int i = 0; i < pendingTargets.size(); i++) {
            TargetSpec t = TargetSpec.parse(pendingTargets.get(i), ids.get(i));
            // two controllers' worth of writes to one device, both wanting to be primary
            if (a.targets.stream().anyMatch(o -> o.toString().equals(t.toString()))) {
                throw new LabConfigException("--target " + t + ": given twice");
            }
            a.targets.add(t);
        }
        if (a.targets.isEmpty()) {
            throw new LabConfigException("--target: at least one is required\n" + USAGE);
        }
        if ((a.netcfg == null) == (a.snabbConfig == null)) {
            throw new LabConfigException("give exactly one of --netcfg and --snabb-config");
        }
        if ((a.rest == null) != (a.restUsers == null)) {
            throw new LabConfigException("--rest and --rest-users go together (the REST API has no default user)");
        }
        if ((a.keaReservations == null) != (a.keaIdentities == null)) {
            throw new LabConfigException("--kea-reservations and --kea-identities go together");
        }
        if (a.keaIdentities != null && !Files.isReadable(a.keaIdentities)) {
            throw new LabConfigException("--kea-identities " + a.keaIdentities + ": cannot read it");
        }
        if (a.snabbConfig != null && (a.bindingTable != null || a.deviceKey != null)) {
            throw new LabConfigException("--snabb-config carries its binding table and interfaces: "
                    + "--binding-table/--device-key do not apply");
        }
        return a;
    }

    /** A bmv2 port facing lwB4s or the Internet: not the CPU port (the error names the option, not a mapped field). */
    private static int sidePort(String option, String v) {
        int p = number(option, v, 0, DeviceSettingsCodec.MAX_PORT);
        if (p == DeviceSettingsCodec.CPU_PORT) {
            throw new LabConfigException(option + ": " + p + " is the CPU port (packet-in/out), not a side port");
        }
        return p;
    }

    private static int number(String option, String v, int min, int max) {
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LabConfigException(option + ": '" + v + "' is not an integer in " + min + ".." + max);
    }

    /** Reads the configuration the options name. */
    LabConfig loadConfig() throws IOException {
        LabConfig c = snabbConfig != null ? snabb()
                : NetcfgLoader.load(NetcfgLoader.read(netcfg), deviceKey, lwb4Port, internetPort, bindingTable);
        if (watch != null && Files.exists(watch)) {
            List<String> warnings = new ArrayList<>(c.warnings());
            List<Softwire> softwires = NetcfgLoader.table(watch.toString(), () -> BindingTableFormats.read(watch),
                    c.policy(), warnings);
            c = c.withSoftwires(softwires).withWarnings(warnings);
        }
        return c;
    }

    /**
     * A Snabb configuration: errors and warnings are "FILE: line N[, column C]: snabb.path: why",
     * the file as given on the command line.
     */
    private LabConfig snabb() throws IOException {
        String text;
        try {
            text = Files.readString(snabbConfig, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LabConfigException(snabbConfig + ": cannot read: " + e.getMessage(), e);
        }
        LabConfig c;
        try {
            c = SnabbConfigMapper.map(text, lwb4Port, internetPort);
        } catch (LabConfigException | InvalidBindingException e) {
            throw new LabConfigException(snabbConfig + ": " + e.getMessage(), e);
        }
        List<String> warnings = new ArrayList<>();
        c.warnings().forEach(w -> warnings.add(snabbConfig + ": " + w));
        return new LabConfig(c.policy(), c.settings(), c.softwires(), c.slowPathTuning(), warnings);
    }

    List<TargetSpec> targets() {
        return targets;
    }

    int statsInterval() {
        return statsInterval;
    }

    Path watch() {
        return watch;
    }

    /** @return where to serve REST (HOST:PORT), or null */
    String rest() {
        return rest;
    }

    /** @return the REST users file, or null */
    Path restUsers() {
        return restUsers;
    }

    /** @return the Kea reservations file to keep equal to the table, or null */
    Path keaReservations() {
        return keaReservations;
    }

    /** @return the lwB4 identities of the Kea reservations, or null */
    Path keaIdentities() {
        return keaIdentities;
    }

    boolean help() {
        return help;
    }
}
