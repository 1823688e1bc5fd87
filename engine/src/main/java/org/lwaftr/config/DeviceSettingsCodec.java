package org.lwaftr.config;

import org.lwaftr.pipeconf.DataPlaneLimits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lwaftr.core.Addresses;
import org.lwaftr.filter.FilterException;
import org.lwaftr.filter.PacketFilter;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.IpAddress;
import org.onlab.packet.MacAddress;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * JSON ⇄ {@link DeviceSettings}. Plain Jackson, no ONOS runtime (shared with the lab controller).
 */
public final class DeviceSettingsCodec {

    public static final String LWB4_SIDE = "lwb4-side";
    public static final String INTERNET_SIDE = "internet-side";
    public static final String PORTS = "ports";
    public static final String PORT = "port";
    public static final String VLAN = "vlan";
    public static final String ROLE = "role";
    public static final String AFTR_MAC = "aftr-mac";
    public static final String NEXT_HOP_MAC = "next-hop-mac";
    /** The next hop by address, resolved by the AFTR: IPv4 (ARP) on the Internet side, IPv6 (NDP) on the lwB4 side. */
    public static final String NEXT_HOP_IP = "next-hop-ip";
    public static final String AFTR_IPV4 = "aftr-ipv4-addrs";
    public static final String AFTR_IPV6 = "aftr-ipv6-addrs";
    public static final String BR_ADDRS = "br-ipv6-addrs";
    /** Snabb's filters (pcap-filter expressions): what a side lets in, and out. */
    public static final String INGRESS_FILTER = "ingress-filter";
    public static final String EGRESS_FILTER = "egress-filter";

    /** Highest data-plane port (from the P4Info; the all-ones port drops). */
    public static final int MAX_PORT = DataPlaneLimits.MAX_PORT;
    public static final int CPU_PORT = DataPlaneLimits.CPU_PORT;
    public static final int MAX_VLAN = 4094;
    /** Size of the data plane's BR tables. */
    public static final int MAX_BR = DataPlaneLimits.BR_ADDRESSES;
    /** Size of the data plane's port_side table. */
    public static final int MAX_PORT_ROLES = DataPlaneLimits.PORT_ROLES;

    private static final Set<String> TOP = Set.of(LWB4_SIDE, INTERNET_SIDE, PORTS, AFTR_IPV4, AFTR_IPV6, BR_ADDRS);
    private static final Set<String> SIDE = Set.of(PORT, VLAN, AFTR_MAC, NEXT_HOP_MAC, NEXT_HOP_IP, INGRESS_FILTER,
            EGRESS_FILTER);
    private static final Set<String> ROLE_FIELDS = Set.of(PORT, VLAN, ROLE, AFTR_MAC);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DeviceSettingsCodec() {
    }

    /**
     * @param json a device's lwaftr config object
     * @return the settings
     * @throws ConfigException listing every bad field by its path
     */
    public static DeviceSettings parse(JsonNode json) {
        JsonFields f = JsonFields.root(json);
        DeviceSettings d = read(f);
        f.throwIfErrors();
        return d;
    }

    /**
     * @param json a device's lwaftr config object
     * @return every problem (empty if valid)
     */
    public static List<String> validate(JsonNode json) {
        JsonFields f = JsonFields.root(json);
        read(f);
        return f.errors();
    }

    private static DeviceSettings read(JsonFields f) {
        f.onlyFields(TOP);
        if (!f.has(LWB4_SIDE)) {
            f.error(LWB4_SIDE, "is required");
        }
        if (!f.has(INTERNET_SIDE)) {
            f.error(INTERNET_SIDE, "is required");
        }
        SideSettings lwb4 = side(f.object(LWB4_SIDE), true);
        SideSettings inet = side(f.object(INTERNET_SIDE), false);
        List<PortBinding> ports = f.has(PORTS) ? roles(f, lwb4, inet) : defaultRoles(f, lwb4, inet);
        List<Ip4Address> v4 = f.ipv4List(AFTR_IPV4);
        for (int i = 0; i < v4.size(); i++) {
            String why = Addresses.ipv4NotUnicast(v4.get(i).toInt());
            if (why != null) {
                f.error(AFTR_IPV4 + "[" + i + "]", v4.get(i) + " is not unicast: " + why);
            }
        }
        List<Ip6Address> v6 = unicast6(f, AFTR_IPV6);
        List<Ip6Address> brs = unicast6(f, BR_ADDRS);
        if (brs.size() > MAX_BR) {
            f.error(BR_ADDRS, brs.size() + " BR addresses, the data plane holds " + MAX_BR);
        }
        nextHopSource(f, inet, v4.isEmpty(), INTERNET_SIDE, AFTR_IPV4, "ARP requests");
        nextHopSource(f, lwb4, v6.isEmpty(), LWB4_SIDE, AFTR_IPV6, "neighbour solicitations");
        if (lwb4 == null || inet == null || ports == null) {
            return null;
        }
        return new DeviceSettings(lwb4, inet, ports, v4, v6, brs);
    }

    private static List<Ip6Address> unicast6(JsonFields f, String field) {
        List<Ip6Address> list = f.ipv6List(field);
        for (int i = 0; i < list.size(); i++) {
            String why = Addresses.ipv6NotUnicast(list.get(i));
            if (why != null) {
                f.error(field + "[" + i + "]", list.get(i) + " is not unicast: " + why);
            }
        }
        return list;
    }

    private static SideSettings side(JsonFields s, boolean ipv6) {
        if (s.node() == null) {
            return null;
        }
        s.onlyFields(SIDE);
        int port = port(s);
        int vlan = (int) s.integer(VLAN, 0, 0, MAX_VLAN);
        MacAddress mac = s.mac(AFTR_MAC, true);
        IpAddress ip = nextHopIp(s, ipv6);
        MacAddress next = s.mac(NEXT_HOP_MAC, false);
        PacketFilter in = filter(s, INGRESS_FILTER);
        PacketFilter out = filter(s, EGRESS_FILTER);
        if (!s.has(NEXT_HOP_MAC) && !s.has(NEXT_HOP_IP)) {
            s.error(NEXT_HOP_MAC, "is required (or " + NEXT_HOP_IP + ", resolved by the AFTR)");
        }
        if (s.has(NEXT_HOP_MAC) && s.has(NEXT_HOP_IP)) {
            // Refused rather than one silently winning: the operator meant one of them.
            s.error(NEXT_HOP_IP, "give " + NEXT_HOP_MAC + " or " + NEXT_HOP_IP + ", not both");
            return null;
        }
        if (mac == null || port < 0 || (next == null && ip == null)) {
            return null;
        }
        SideSettings side = next != null ? new SideSettings(port, vlan, mac, next) : new SideSettings(port, vlan, mac, ip);
        return in == null && out == null ? side : side.withFilters(in, out);
    }

    /** A pcap-filter expression, compiled now: one that the data plane cannot match is refused here. */
    private static PacketFilter filter(JsonFields s, String field) {
        String text = s.string(field, null);
        if (text == null) {
            return null;
        }
        try {
            return PacketFilter.compile(text);
        } catch (FilterException e) {
            s.error(field, e.getMessage());
            return null;
        }
    }

    /** The next hop's address: IPv6 toward the lwB4s (NDP), IPv4 toward the Internet (ARP); unicast. */
    private static IpAddress nextHopIp(JsonFields s, boolean ipv6) {
        if (!s.has(NEXT_HOP_IP)) {
            return null;
        }
        if (ipv6) {
            Ip6Address a = s.ipv6(NEXT_HOP_IP);
            String why = a == null ? null : Addresses.ipv6NotUnicast(a);
            if (why != null) {
                s.error(NEXT_HOP_IP, a + " is not unicast: " + why);
                return null;
            }
            return a;
        }
        Ip4Address a = s.ipv4(NEXT_HOP_IP);
        String why = a == null ? null : Addresses.ipv4NotUnicast(a.toInt());
        if (why != null) {
            s.error(NEXT_HOP_IP, a + " is not unicast: " + why);
            return null;
        }
        return a;
    }

    /** A next hop given by IP is resolved from one of the AFTR's own addresses on that side (the first). */
    private static void nextHopSource(JsonFields f, SideSettings side, boolean noSource, String sideName,
                                      String sourceField, String what) {
        if (side != null && side.nextHopIp() != null && noSource) {
            f.error(sideName + "." + NEXT_HOP_IP, "needs an address in " + sourceField + " as the source of its "
                    + what);
        }
    }

    private static int port(JsonFields s) {
        int port = (int) s.requiredInteger(PORT, 0, MAX_PORT);
        if (port == CPU_PORT) {
            s.error(PORT, CPU_PORT + " is the CPU port");
            return -1;
        }
        return port;
    }

    /** Without "ports": the two side ports, one role each, or BOTH if they are the same (port, VLAN). */
    private static List<PortBinding> defaultRoles(JsonFields f, SideSettings lwb4, SideSettings inet) {
        if (lwb4 == null || inet == null) {
            return null;
        }
        List<PortBinding> out = new ArrayList<>();
        if (lwb4.port() == inet.port() && lwb4.vlan() == inet.vlan()) {
            if (!lwb4.aftrMac().equals(inet.aftrMac())) {
                f.error(INTERNET_SIDE + "." + AFTR_MAC, "the two sides share port " + lwb4.port()
                        + " and VLAN " + lwb4.vlan() + " so they need the same aftr-mac");
                return null;
            }
            out.add(new PortBinding(lwb4.port(), lwb4.vlan(), PortRole.BOTH, lwb4.aftrMac()));
        } else {
            out.add(new PortBinding(lwb4.port(), lwb4.vlan(), PortRole.LWB4, lwb4.aftrMac()));
            out.add(new PortBinding(inet.port(), inet.vlan(), PortRole.INTERNET, inet.aftrMac()));
        }
        return out;
    }

    private static List<PortBinding> roles(JsonFields f, SideSettings lwb4, SideSettings inet) {
        List<JsonFields> rows = f.objects(PORTS);
        if (rows.isEmpty()) {
            f.error(PORTS, "needs at least one port");
        }
        if (rows.size() > MAX_PORT_ROLES) {
            f.error(PORTS, rows.size() + " entries, the data plane holds " + MAX_PORT_ROLES);
        }
        List<PortBinding> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (JsonFields r : rows) {
            r.onlyFields(ROLE_FIELDS);
            int port = port(r);
            int vlan = (int) r.integer(VLAN, 0, 0, MAX_VLAN);
            String roleName = r.string(ROLE, null);
            PortRole role = PortRole.fromJson(roleName);
            if (role == null) {
                r.error(ROLE, roleName == null ? "is required (lwb4, internet or both)"
                        : "'" + roleName + "' is not lwb4, internet or both");
            }
            MacAddress mac = r.mac(AFTR_MAC, false);
            if (mac == null && role != null) {
                mac = defaultMac(r, role, lwb4, inet);
            }
            if (port >= 0 && !seen.add(((long) port << 16) | vlan)) {
                r.error(PORT, "port " + port + " VLAN " + vlan + " appears twice");
            }
            if (port >= 0 && role != null && mac != null) {
                out.add(new PortBinding(port, vlan, role, mac));
            }
        }
        return out;
    }

    private static MacAddress defaultMac(JsonFields r, PortRole role, SideSettings lwb4, SideSettings inet) {
        if (role == PortRole.LWB4) {
            return lwb4 == null ? null : lwb4.aftrMac();
        }
        if (role == PortRole.INTERNET) {
            return inet == null ? null : inet.aftrMac();
        }
        if (lwb4 != null && inet != null && !lwb4.aftrMac().equals(inet.aftrMac())) {
            r.error(AFTR_MAC, "role both: the sides' aftr-macs differ, give this port's aftr-mac");
            return null;
        }
        return lwb4 != null ? lwb4.aftrMac() : inet == null ? null : inet.aftrMac();
    }

    /**
     * @param d settings
     * @return their JSON, readable by {@link #parse}
     */
    public static ObjectNode encode(DeviceSettings d) {
        ObjectNode o = MAPPER.createObjectNode();
        o.set(LWB4_SIDE, side(d.lwb4Side()));
        o.set(INTERNET_SIDE, side(d.internetSide()));
        ArrayNode ports = o.putArray(PORTS);
        for (PortBinding p : d.ports()) {
            ObjectNode r = ports.addObject();
            r.put(PORT, p.port());
            r.put(VLAN, p.vlan());
            r.put(ROLE, p.role().jsonName());
            r.put(AFTR_MAC, p.aftrMac().toString());
        }
        ArrayNode v4 = o.putArray(AFTR_IPV4);
        d.aftrIpv4().forEach(a -> v4.add(a.toString()));
        ArrayNode v6 = o.putArray(AFTR_IPV6);
        d.aftrIpv6().forEach(a -> v6.add(a.toString()));
        ArrayNode br = o.putArray(BR_ADDRS);
        d.brAddresses().forEach(a -> br.add(a.toString()));
        return o;
    }

    private static ObjectNode side(SideSettings s) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put(PORT, s.port());
        o.put(VLAN, s.vlan());
        o.put(AFTR_MAC, s.aftrMac().toString());
        if (s.nextHopIp() != null) {
            o.put(NEXT_HOP_IP, s.nextHopIp().toString());
        } else {
            o.put(NEXT_HOP_MAC, s.nextHopMac().toString());
        }
        if (s.ingressFilter() != null) {
            o.put(INGRESS_FILTER, s.ingressFilter().expression());
        }
        if (s.egressFilter() != null) {
            o.put(EGRESS_FILTER, s.egressFilter().expression());
        }
        return o;
    }
}
