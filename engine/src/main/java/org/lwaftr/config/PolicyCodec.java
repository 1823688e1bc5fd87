package org.lwaftr.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;

/**
 * JSON ⇄ {@link LwaftrPolicy}. Plain Jackson, no ONOS runtime: the ONOS netcfg wrapper
 * (the ONOS app's LwaftrAppConfig) and the lab controller read the same JSON through this class.
 */
public final class PolicyCodec {

    public static final String ENABLE_HAIRPINNING = "enable-hairpinning";
    public static final String HOP_LIMIT = "hop-limit";
    public static final String FLOW_LABEL = "flow-label";
    public static final String SOFTWIRE_PAYLOAD_MTU = "softwire-payload-mtu";
    public static final String SOFTWIRE_PATH_MRU = "softwire-path-mru";
    public static final String INTERNET_MTU = "internet-mtu";
    public static final String ALLOW_SYSTEM_PORTS = "allow-system-ports";
    public static final String SOFTWIRE_NUM_MAX = "softwire-num-max";
    public static final String ICMP_POLICY = "icmp-policy";
    public static final String ICMPV4_ERRORS = "icmpv4-errors";
    public static final String ICMPV6_ERRORS = "icmpv6-errors";
    public static final String ALLOW_INCOMING_ICMPV4 = "allow-incoming-icmpv4";
    public static final String ALLOW_OUTGOING_ICMPV4 = "allow-outgoing-icmpv4";
    public static final String GENERATE_ICMPV4_ERRORS = "generate-icmpv4-errors";
    public static final String GENERATE_ICMPV6_ERRORS = "generate-icmpv6-errors";
    public static final String ICMPV4_RATE = "icmpv4-rate";
    public static final String ICMPV6_RATE = "icmpv6-rate";
    public static final String ICMP_RATE_PERIOD = "icmp-rate-period";
    public static final String PUNT_METER = "punt-meter";
    public static final String RATE_PPS = "rate-pps";
    public static final String BURST_PACKETS = "burst-packets";
    public static final String BINDING_TABLE = "binding-table";
    public static final String BINDING_TABLE_FILE = "binding-table-file";
    public static final String KEA_RESERVATIONS = "kea-reservations";
    public static final String FILE = "file";
    public static final String IDENTITIES_FILE = "identities-file";

    private static final Set<String> TOP = Set.of(ENABLE_HAIRPINNING, HOP_LIMIT, FLOW_LABEL, SOFTWIRE_PAYLOAD_MTU,
            SOFTWIRE_PATH_MRU, INTERNET_MTU, ALLOW_SYSTEM_PORTS, SOFTWIRE_NUM_MAX, ICMP_POLICY, PUNT_METER,
            BINDING_TABLE, BINDING_TABLE_FILE, KEA_RESERVATIONS);
    private static final Set<String> ICMP = Set.of(ICMPV4_ERRORS, ICMPV6_ERRORS, ICMP_RATE_PERIOD);
    private static final Set<String> ICMPV4 = Set.of(ALLOW_INCOMING_ICMPV4, ALLOW_OUTGOING_ICMPV4,
            GENERATE_ICMPV4_ERRORS, ICMPV4_RATE);
    private static final Set<String> ICMPV6 = Set.of(GENERATE_ICMPV6_ERRORS, ICMPV6_RATE);

    private static final Set<String> METER = Set.of(RATE_PPS, BURST_PACKETS);
    private static final Set<String> KEA = Set.of(FILE, IDENTITIES_FILE);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PolicyCodec() {
    }

    /**
     * @param json the app config object (null or empty: every default)
     * @return the policy
     * @throws ConfigException listing every bad field by its path
     */
    public static LwaftrPolicy parse(JsonNode json) {
        JsonFields f = JsonFields.root(json);
        LwaftrPolicy policy = read(f);
        f.throwIfErrors();
        return policy;
    }

    /**
     * @param json the app config object
     * @return every problem (empty if valid), each "path: what is wrong"
     */
    public static List<String> validate(JsonNode json) {
        JsonFields f = JsonFields.root(json);
        read(f);
        return f.errors();
    }

    private static LwaftrPolicy read(JsonFields f) {
        f.onlyFields(TOP);
        LwaftrPolicy.Builder b = LwaftrPolicy.builder()
                .hairpinning(f.bool(ENABLE_HAIRPINNING, LwaftrPolicy.DEFAULT_HAIRPINNING))
                .hopLimit((int) f.integer(HOP_LIMIT, LwaftrPolicy.DEFAULT_HOP_LIMIT, 1, 255))
                .flowLabel((int) f.integer(FLOW_LABEL, 0, 0, 0xfffff))
                // 1280 (RFC 8200 minimum link MTU) − 40: the tunnel must fit any IPv6 link.
                .softwirePayloadMtu((int) f.integer(SOFTWIRE_PAYLOAD_MTU, LwaftrPolicy.DEFAULT_PAYLOAD_MTU,
                        1280 - LwaftrPolicy.IPV6_HEADER, 65535 - LwaftrPolicy.IPV6_HEADER))
                .softwirePathMru((int) f.integer(SOFTWIRE_PATH_MRU, LwaftrPolicy.DEFAULT_PATH_MRU, 1280, 65535))
                // 576: every IPv4 host accepts it (RFC 791).
                .internetMtu((int) f.integer(INTERNET_MTU, LwaftrPolicy.DEFAULT_INTERNET_MTU, 576, 65535))
                .allowSystemPorts(f.bool(ALLOW_SYSTEM_PORTS, false))
                .softwireNumMax((int) f.integer(SOFTWIRE_NUM_MAX, LwaftrPolicy.DEFAULT_SOFTWIRE_NUM_MAX, 1,
                        LwaftrPolicy.DEFAULT_SOFTWIRE_NUM_MAX));
        b.icmp(readIcmp(f.object(ICMP_POLICY)));
        b.puntMeter(readPuntMeter(f.object(PUNT_METER)));
        JsonNode table = f.raw(BINDING_TABLE);
        if (table != null && !table.isObject() && !table.isArray()) {
            f.error(BINDING_TABLE, "must be an RFC 8676 binding-table object or an array of binding entries");
        }
        b.bindingTable(table);
        String file = f.string(BINDING_TABLE_FILE, null);
        if (file != null && file.isBlank()) {
            f.error(BINDING_TABLE_FILE, "must be a file path");
        }
        if (table != null && file != null) {
            f.error(BINDING_TABLE_FILE, "give either " + BINDING_TABLE + " or " + BINDING_TABLE_FILE + ", not both");
        }
        b.bindingTableFile(file);
        readKea(f, b);
        return b.build();
    }

    /** RFC 7596 §6.1: the lwB4s' DHCPv6 reservations kept equal to the binding table (both paths or none). */
    private static void readKea(JsonFields top, LwaftrPolicy.Builder b) {
        if (top.raw(KEA_RESERVATIONS) == null) {
            return;
        }
        JsonFields f = top.object(KEA_RESERVATIONS);
        f.onlyFields(KEA);
        String out = f.string(FILE, null);
        String ids = f.string(IDENTITIES_FILE, null);
        if (out == null || out.isBlank()) {
            f.error(FILE, "must be the path of the reservations file to write");
        }
        if (ids == null || ids.isBlank()) {
            f.error(IDENTITIES_FILE, "must be the path of the lwB4 identities (CSV lwb4,duid or lwb4,hw-address)");
        }
        b.keaReservations(out, ids);
    }

    private static IcmpPolicy readIcmp(JsonFields f) {
        f.onlyFields(ICMP);
        JsonFields v4 = f.object(ICMPV4_ERRORS);
        v4.onlyFields(ICMPV4);
        JsonFields v6 = f.object(ICMPV6_ERRORS);
        v6.onlyFields(ICMPV6);
        IcmpPolicy d = IcmpPolicy.DEFAULT;
        return new IcmpPolicy(
                v4.bool(ALLOW_INCOMING_ICMPV4, d.allowIncomingIcmpv4()),
                v4.bool(ALLOW_OUTGOING_ICMPV4, d.allowOutgoingIcmpv4()),
                v4.bool(GENERATE_ICMPV4_ERRORS, d.generateIcmpv4Errors()),
                v6.bool(GENERATE_ICMPV6_ERRORS, d.generateIcmpv6Errors()),
                (int) v4.integer(ICMPV4_RATE, d.icmpv4Rate(), 1, Integer.MAX_VALUE),
                (int) v6.integer(ICMPV6_RATE, d.icmpv6Rate(), 1, Integer.MAX_VALUE),
                (int) f.integer(ICMP_RATE_PERIOD, d.ratePeriodSeconds(), 1, 3600));
    }

    private static PuntMeterPolicy readPuntMeter(JsonFields f) {
        f.onlyFields(METER);
        // Out-of-range values are reported by the reader and replaced by the default.
        return new PuntMeterPolicy(
                (int) f.integer(RATE_PPS, PuntMeterPolicy.DEFAULT_RATE_PPS, 1, PuntMeterPolicy.MAX),
                (int) f.integer(BURST_PACKETS, PuntMeterPolicy.DEFAULT_BURST_PACKETS, 1, PuntMeterPolicy.MAX));
    }

    /**
     * @param p a policy
     * @return its JSON (every field, defaults included), readable by {@link #parse}
     */
    public static ObjectNode encode(LwaftrPolicy p) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put(ENABLE_HAIRPINNING, p.hairpinning());
        o.put(HOP_LIMIT, p.hopLimit());
        o.put(FLOW_LABEL, p.flowLabel());
        o.put(SOFTWIRE_PAYLOAD_MTU, p.softwirePayloadMtu());
        o.put(SOFTWIRE_PATH_MRU, p.softwirePathMru());
        o.put(INTERNET_MTU, p.internetMtu());
        o.put(ALLOW_SYSTEM_PORTS, p.allowSystemPorts());
        o.put(SOFTWIRE_NUM_MAX, p.softwireNumMax());
        ObjectNode icmp = o.putObject(ICMP_POLICY);
        IcmpPolicy i = p.icmp();
        ObjectNode v4 = icmp.putObject(ICMPV4_ERRORS);
        v4.put(ALLOW_INCOMING_ICMPV4, i.allowIncomingIcmpv4());
        v4.put(ALLOW_OUTGOING_ICMPV4, i.allowOutgoingIcmpv4());
        v4.put(GENERATE_ICMPV4_ERRORS, i.generateIcmpv4Errors());
        v4.put(ICMPV4_RATE, i.icmpv4Rate());
        ObjectNode v6 = icmp.putObject(ICMPV6_ERRORS);
        v6.put(GENERATE_ICMPV6_ERRORS, i.generateIcmpv6Errors());
        v6.put(ICMPV6_RATE, i.icmpv6Rate());
        icmp.put(ICMP_RATE_PERIOD, i.ratePeriodSeconds());
        ObjectNode meter = o.putObject(PUNT_METER);
        meter.put(RATE_PPS, p.puntMeter().ratePps());
        meter.put(BURST_PACKETS, p.puntMeter().burstPackets());
        if (p.bindingTable() != null) {
            o.set(BINDING_TABLE, p.bindingTable().deepCopy());
        }
        if (p.bindingTableFile() != null) {
            o.put(BINDING_TABLE_FILE, p.bindingTableFile());
        }
        if (p.keaReservationsFile() != null) {
            ObjectNode kea = o.putObject(KEA_RESERVATIONS);
            kea.put(FILE, p.keaReservationsFile());
            kea.put(IDENTITIES_FILE, p.keaIdentitiesFile());
        }
        return o;
    }
}
