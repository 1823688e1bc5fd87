package org.lwaftr.lab;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lwaftr.config.ConfigException;
import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.DeviceSettingsCodec;
import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.config.PolicyCodec;
import org.lwaftr.config.SlowPathConfigs;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.io.ConfigNode;
import org.lwaftr.core.io.ImportedBindings;
import org.lwaftr.core.io.SnabbConfig;
import org.lwaftr.filter.FilterException;
import org.lwaftr.filter.PacketFilter;
import org.lwaftr.slowpath.SlowPathConfigBuilder;
import org.lwaftr.slowpath.SlowPathConfigException;
import org.onlab.packet.Ip6Address;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.lwaftr.config.PolicyCodec.*;
import static org.lwaftr.lab.SnabbOrigins.bool;
import static org.lwaftr.lab.SnabbOrigins.error;
import static org.lwaftr.lab.SnabbOrigins.integer;
import static org.lwaftr.lab.SnabbOrigins.value;

/**
 * A Snabb lwAFTR configuration ({@code snabb-softwire-v3}, as Snabb's
 * {@code src/program/lwaftr/tests/data/*.conf}) as a whole → {@link LabConfig}: the binding table,
 * the interfaces (addresses, MACs, next hops, VLAN tags, MTUs), ICMP policy, rate limits,
 * hairpinning and reassembly limits. The result goes through the app's own netcfg codecs, so the
 * same ranges apply. A setting the lab does not use gets a warning naming it; a bad value is an
 * error "line N: snabb.path: why" naming its Snabb path, not the netcfg field it maps to
 * ({@link SnabbOrigins}).
 *
 * <p>Snabb semantics kept: its defaults (ICMP on, 200 errors per 2 s, external MTU 1460, internal
 * MTU 1500, 20 fragments and 20,000 reassemblies); its fixed hop limit 255 (Snabb's
 * {@code constants.default_ttl}, not configurable there); port sets holding system ports are
 * accepted (Snabb has no such check; one warning each); the internal MTU is the IPv6 MTU toward lwB4s
 * (our payload MTU + 40); the internal interface's {@code allow-incoming-icmp} is about ICMP from
 * the lwB4s (our {@code allow-outgoing-icmpv4}, which also gates the relay of ICMPv6 errors from
 * the lwB4 side as Snabb's does); {@code generate-icmp-errors} of the external side
 * is ICMPv4, of the internal side ICMPv6.
 */
public final class SnabbConfigMapper {
    private static final int SNABB_RATE = 200;
    private static final int SNABB_PERIOD = 2;
    private static final int SNABB_EXT_MTU = 1460;
    private static final int SNABB_INT_MTU = 1500;
    private static final int SNABB_FRAGMENTS = 20;
    private static final int SNABB_REASSEMBLIES = 20000;
    private static final int IPV6_HEADER = 40;
    private static final int SNABB_HOP_LIMIT = 255;
    private static final int MAX_FRAGMENTS = 8192;
    private static final int MAX_RATE = 1_000_000; // the slow path's RateLimit

    private final List<String> warnings = new ArrayList<>();
    private final SnabbOrigins origins = new SnabbOrigins();
    private final ObjectNode icmp4 = JsonNodeFactory.instance.objectNode();
    private final ObjectNode icmp6 = JsonNodeFactory.instance.objectNode();
    private final ObjectNode policy = JsonNodeFactory.instance.objectNode();
    private final ObjectNode lwb4 = JsonNodeFactory.instance.objectNode();
    private final ObjectNode internet = JsonNodeFactory.instance.objectNode();
    private final ObjectNode device = JsonNodeFactory.instance.objectNode();
    private int period4 = SNABB_PERIOD;
    private int period6 = SNABB_PERIOD;
    private int fragments = Integer.MAX_VALUE;
    private int reassemblies = Integer.MAX_VALUE;
    private boolean hasInterfaces; // an instance, or interface addresses given outside one (older layouts)
    private final Set<String> noErrors = new HashSet<>(); // rates of 0 packets

    private SnabbConfigMapper() {
        icmp4.put(ALLOW_INCOMING_ICMPV4, true).put(GENERATE_ICMPV4_ERRORS, true).put(ICMPV4_RATE, SNABB_RATE);
        icmp6.put(GENERATE_ICMPV6_ERRORS, true).put(ICMPV6_RATE, SNABB_RATE);
        policy.put(ALLOW_OUTGOING_ICMPV4, true); // moved into icmp4 at the end
        policy.put(INTERNET_MTU, SNABB_EXT_MTU).put(SOFTWIRE_PAYLOAD_MTU, SNABB_INT_MTU - IPV6_HEADER);
        policy.put(HOP_LIMIT, SNABB_HOP_LIMIT).put(ALLOW_SYSTEM_PORTS, true);
    }

    /**
     * @param text         the configuration
     * @param lwb4Port     the bmv2 port facing the lwB4s (Snabb names PCI devices instead)
     * @param internetPort the bmv2 port facing the Internet
     * @return the configuration
     * @throws IOException        never for a string (reader contract)
     * @throws LabConfigException "line N: snabb.path: why" for a bad or missing setting, or an
     *                            entry the binding table refuses
     * @throws org.lwaftr.core.InvalidBindingException "line N, column C: snabb.path: why" for bad
     *                            syntax or a bad softwire field
     */
    public static LabConfig map(String text, Integer lwb4Port, Integer internetPort) throws IOException {
        if (lwb4Port == null || internetPort == null) {
            throw new LabConfigException("--lwb4-port and --internet-port are required with a Snabb configuration");
        }
        ImportedBindings imported = SnabbConfig.readConfiguration(new StringReader(text));
        ConfigNode root = imported.config();
        SnabbConfigMapper m = new SnabbConfigMapper();
        SnabbOrigins.checkBindingTable(imported, root, m.warnings);
        m.lwb4.put(DeviceSettingsCodec.PORT, lwb4Port);
        m.internet.put(DeviceSettingsCodec.PORT, internetPort);
        m.walk(root);
        return m.result(imported.softwires());
    }

    private void walk(ConfigNode root) {
        for (ConfigNode n : root.children()) {
            if (n.keyword().equals("softwire-config")) {
                softwireConfig(n);
            } else {
                warn(n, "unknown setting");
            }
        }
    }

    private void softwireConfig(ConfigNode sc) {
        int instances = 0;
        origins.expectInterfaces(sc.line());
        for (ConfigNode n : sc.children()) {
            switch (n.keyword()) {
                case "binding-table":
                    break; // read by SnabbConfig.readBindingTable
                case "external-interface":
                    externalShared(n);
                    break;
                case "internal-interface":
                    internalShared(n);
                    break;
                case "instance":
                    if (instances++ == 0) {
                        instance(n);
                    } else {
                        warn(n, "only the first instance is used (one bmv2 target pipeline per config)");
                    }
                    break;
                default:
                    warn(n, "unknown setting");
            }
        }
    }

    private void externalShared(ConfigNode ext) {
        for (ConfigNode n : ext.children()) {
            switch (n.keyword()) {
                case "mtu":
                    policy.put(INTERNET_MTU, integer(n));
                    origins.from(INTERNET_MTU, n);
                    break;
                case "allow-incoming-icmp":
                    icmp4.put(ALLOW_INCOMING_ICMPV4, bool(n));
                    break;
                case "generate-icmp-errors":
                    icmp4.put(GENERATE_ICMPV4_ERRORS, bool(n) && !noErrors.contains(ICMPV4_RATE));
                    break;
                case "error-rate-limiting":
                    period4 = rate(n, icmp4, ICMPV4_RATE, period4);
                    origins.from(ICMP_POLICY + "." + ICMPV4_ERRORS + "." + ICMPV4_RATE, SnabbOrigins.child(n, "packets"));
                    origins.from(ICMP_POLICY + "." + ICMP_RATE_PERIOD, SnabbOrigins.child(n, "period"));
                    break;
                case "reassembly":
                    reassembly(n);
                    break;
                case "ingress-filter":
                case "egress-filter":
                    filter(n, internet);
                    break;
                default:
                    if (!addressing(n, internet, true)) {
                        unsupported(n);
                    }
            }
        }
    }

    private void internalShared(ConfigNode in) {
        for (ConfigNode n : in.children()) {
            switch (n.keyword()) {
                case "mtu":
                    // Snabb: the IPv6 MTU toward lwB4s; ours: the IPv4 payload it carries.
                    policy.put(SOFTWIRE_PAYLOAD_MTU, integer(n) - IPV6_HEADER);
                    origins.from(SOFTWIRE_PAYLOAD_MTU, n);
                    break;
                case "flow-label":
                    policy.put(FLOW_LABEL, integer(n));
                    origins.from(FLOW_LABEL, n);
                    break;
                case "hairpinning":
                    policy.put(ENABLE_HAIRPINNING, bool(n));
                    break;
                case "allow-incoming-icmp":
                    policy.put(ALLOW_OUTGOING_ICMPV4, bool(n));
                    break;
                case "generate-icmp-errors":
                    icmp6.put(GENERATE_ICMPV6_ERRORS, bool(n) && !noErrors.contains(ICMPV6_RATE));
                    break;
                case "error-rate-limiting":
                    period6 = rate(n, icmp6, ICMPV6_RATE, period6);
                    origins.from(ICMP_POLICY + "." + ICMPV6_ERRORS + "." + ICMPV6_RATE, SnabbOrigins.child(n, "packets"));
                    break;
                case "reassembly":
                    reassembly(n);
                    break;
                case "ingress-filter":
                case "egress-filter":
                    filter(n, lwb4);
                    break;
                default:
                    if (!addressing(n, lwb4, false)) {
                        unsupported(n);
                    }
            }
        }
    }

    private void instance(ConfigNode inst) {
        hasInterfaces = true;
        int queues = 0;
        for (ConfigNode n : inst.children()) {
            if (n.keyword().equals("queue")) {
                if (queues++ > 0) {
                    warn(n, "only the first queue is used");
                    continue;
                }
                for (ConfigNode q : n.children()) {
                    if (q.keyword().equals("id")) {
                        continue; // the list key
                    }
                    boolean ext = q.keyword().equals("external-interface");
                    if (!ext && !q.keyword().equals("internal-interface")) {
                        warn(q, "unknown setting");
                        continue;
                    }
                    origins.expectSide(ext, q.path(), q.line());
                    for (ConfigNode a : q.children()) {
                        if (!addressing(a, ext ? internet : lwb4, ext)) {
                            warn(a, "unknown setting");
                        }
                    }
                }
            } else if (n.keyword().equals("device") || n.keyword().equals("external-device")) {
                warn(n, "not used: bmv2 ports come from --lwb4-port/--internet-port");
            } else {
                warn(n, "unknown setting");
            }
        }
    }

    /** ip, mac, next-hop, vlan-tag of one side; false if {@code n} is none of them. */
    private boolean addressing(ConfigNode n, ObjectNode side, boolean external) {
        String name = external ? DeviceSettingsCodec.INTERNET_SIDE : DeviceSettingsCodec.LWB4_SIDE;
        hasInterfaces |= n.keyword().equals("ip") || n.keyword().equals("mac") || n.keyword().equals("next-hop");
        switch (n.keyword()) {
            case "ip":
                String addrs = external ? DeviceSettingsCodec.AFTR_IPV4 : DeviceSettingsCodec.AFTR_IPV6;
                device.withArray(addrs).add(value(n));
                origins.from(addrs, n);
                origins.from(external ? "aftr-ipv4-addrs" : "aftr-ipv6-addrs", n); // the slow path's names
                return true;
            case "mac":
                side.put(DeviceSettingsCodec.AFTR_MAC, value(n));
                origins.from(name + "." + DeviceSettingsCodec.AFTR_MAC, n);
                return true;
            case "vlan-tag":
                side.put(DeviceSettingsCodec.VLAN, integer(n));
                origins.from(name + "." + DeviceSettingsCodec.VLAN, n);
                return true;
            case "next-hop":
                nextHop(n, side, name);
                return true;
            default:
                return false;
        }
    }

    /**
     * next-hop { mac M; } or { ip A; }: an ip is resolved by the AFTR (ARP outside, NDP inside).
     * With both, the mac is used and the ip is not, as in Snabb (a configured mac is never resolved).
     */
    private void nextHop(ConfigNode n, ObjectNode side, String name) {
        ConfigNode ip = null;
        for (ConfigNode h : n.children()) {
            if (h.keyword().equals("mac")) {
                side.put(DeviceSettingsCodec.NEXT_HOP_MAC, value(h));
                origins.from(name + "." + DeviceSettingsCodec.NEXT_HOP_MAC, h);
            } else if (h.keyword().equals("ip")) {
                ip = h;
            } else {
                warn(h, "unknown setting");
            }
        }
        if (ip != null && side.has(DeviceSettingsCodec.NEXT_HOP_MAC)) {
            warn(ip, "not used: the next-hop mac is given (Snabb does not resolve then either)");
        } else if (ip != null) {
            side.put(DeviceSettingsCodec.NEXT_HOP_IP, value(ip));
            origins.from(name + "." + DeviceSettingsCodec.NEXT_HOP_IP, ip);
        } else if (!side.has(DeviceSettingsCodec.NEXT_HOP_MAC)) {
            throw error(n, "needs a mac or an ip");
        }
    }

    private int rate(ConfigNode n, ObjectNode icmp, String field, int period) {
        int p = period;
        for (ConfigNode c : n.children()) {
            if (c.keyword().equals("packets")) {
                // Snabb's uint32: 0 sends no error at all (our switch does that, rate 1 unused);
                // more than the slow path's most (a million per period) is no limit either way
                long v = SnabbOrigins.uint32(c);
                icmp.put(field, (int) Math.max(1, Math.min(v, MAX_RATE)));
                if (v == 0) {
                    icmp.put(field.equals(ICMPV4_RATE) ? GENERATE_ICMPV4_ERRORS : GENERATE_ICMPV6_ERRORS, false);
                    noErrors.add(field);
                }
            } else if (c.keyword().equals("period")) {
                p = integer(c);
            } else {
                warn(c, "unknown setting");
            }
        }
        return p;
    }

    /** One slow-path limit for both families: the smaller of the two sides' (its node named in errors). */
    private void reassembly(ConfigNode n) {
        for (ConfigNode c : n.children()) {
            if (c.keyword().equals("max-fragments-per-packet")) {
                int v = (int) Math.min(SnabbOrigins.uint32(c), Integer.MAX_VALUE - 1);
                if (v < fragments) {
                    fragments = v;
                    origins.from("max-fragments-per-reassembly", c);
                }
            } else if (c.keyword().equals("max-packets")) {
                int v = integer(c);
                if (v < reassemblies) {
                    reassemblies = v;
                    origins.from("max-reassemblies", c);
                }
            } else {
                warn(c, "unknown setting");
            }
        }
    }

    private LabConfig result(List<Softwire> softwires) {
        // One rate period for both families (RFC 8676 icmp-rate-period): ICMPv6's rate is scaled.
        if (period6 != period4) {
            long r6 = Math.max(1, Math.round(icmp6.get(ICMPV6_RATE).asDouble() * period4 / period6));
            warnings.add("line 1: softwire-config.internal-interface.error-rate-limiting.period: " + period6
                    + " s differs from the external period " + period4 + " s; ICMPv6 rate scaled to " + r6
                    + " per " + period4 + " s");
            icmp6.put(ICMPV6_RATE, r6);
        }
        icmp4.put(ALLOW_OUTGOING_ICMPV4, policy.remove(ALLOW_OUTGOING_ICMPV4).asBoolean());
        ObjectNode icmp = policy.putObject(ICMP_POLICY);
        icmp.set(ICMPV4_ERRORS, icmp4);
        icmp.set(ICMPV6_ERRORS, icmp6);
        icmp.put(ICMP_RATE_PERIOD, period4);
        device.set(DeviceSettingsCodec.LWB4_SIDE, lwb4);
        device.set(DeviceSettingsCodec.INTERNET_SIDE, internet);
        LwaftrPolicy p;
        DeviceSettings d = null;
        try {
            p = PolicyCodec.parse(policy);
            if (hasInterfaces) {
                d = DeviceSettingsCodec.parse(device);
            } else {
                // Snabb starts with no instance and runs no data plane until one is added
                warnings.add("line 1: softwire-config.instance: none configured: no port is given a role,"
                        + " the switch holds the binding table and forwards nothing (as Snabb without an instance)");
            }
        } catch (ConfigException e) {
            throw new LabConfigException(origins.translate(e.errors().get(0)), e);
        }
        // an IPv4 or IPv6 packet has at most 8192 fragments (65535 / 8): a larger limit is no limit
        int frags = fragments == Integer.MAX_VALUE ? SNABB_FRAGMENTS : Math.min(fragments, MAX_FRAGMENTS);
        int packets = reassemblies == Integer.MAX_VALUE ? SNABB_REASSEMBLIES : reassemblies;
        Consumer<SlowPathConfigBuilder> tuning =
            b -> b.maxFragmentsPerReassembly(frags).maxReassemblies(packets);
        if (d != null) {
            Set<Ip6Address> brs = new LinkedHashSet<>();
            softwires.forEach(s -> brs.add(s.br()));
            try {
                SlowPathConfigs.of(p, d, brs, tuning); // what the controller builds at start
            } catch (SlowPathConfigException e) {
                throw new LabConfigException(origins.translate(e.getMessage()), e);
            }
        }
        return new LabConfig(p, d, softwires, tuning, warnings);
    }

    /**
     * A pcap-filter expression of one side (the same field name in netcfg), compiled here so that a
     * refusal names the Snabb line.
     */
    private static void filter(ConfigNode n, ObjectNode side) {
        String expression = value(n);
        try {
            PacketFilter.compile(expression);
        } catch (FilterException e) {
            throw error(n, e.getMessage());
        }
        side.put(n.keyword(), expression);
    }

    private void unsupported(ConfigNode n) {
        warn(n, n.keyword().equals("mru") ? "not supported" : "unknown setting");
    }

    private void warn(ConfigNode n, String why) {
        warnings.add("line " + n.line() + ": " + n.path() + ": " + why + ", ignored");
    }

}
