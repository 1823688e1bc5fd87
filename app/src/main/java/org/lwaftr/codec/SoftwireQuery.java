package org.lwaftr.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lwaftr.api.LwaftrService;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.SoftwireKey;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One page of the binding table, optionally filtered by IPv4 address, lwB4 and BR address, in key
 * order (IPv4, then PSID). The CLI's {@code lwaftr-softwires}, {@code GET /softwires} and the GUI
 * table all list through this, so they filter and page alike.
 */
public final class SoftwireQuery {

    /** Page size when none is given. */
    public static final int DEFAULT_LIMIT = 100;
    /** Largest page served at once (a million softwires never go out in one reply). */
    public static final int MAX_LIMIT = 10_000;

    private final Ip4Address ipv4;
    private final Ip6Address lwb4;
    private final Ip6Address br;
    private final int offset;
    private final int limit;

    private SoftwireQuery(Ip4Address ipv4, Ip6Address lwb4, Ip6Address br, int offset, int limit) {
        this.ipv4 = ipv4;
        this.lwb4 = lwb4;
        this.br = br;
        this.offset = offset;
        this.limit = limit;
    }

    /**
     * Parses operator text; null or blank means "not given".
     *
     * @param ipv4   IPv4 address filter
     * @param lwb4   lwB4 address filter
     * @param br     BR address filter
     * @param offset first row (default 0)
     * @param limit  most rows (default {@link #DEFAULT_LIMIT}, at most {@link #MAX_LIMIT})
     * @return the query
     * @throws InvalidInputException naming the bad parameter
     */
    public static SoftwireQuery parse(String ipv4, String lwb4, String br, String offset, String limit) {
        return new SoftwireQuery(
                blank(ipv4) ? null : Inputs.ipv4(Softwire.F_IPV4, ipv4),
                blank(lwb4) ? null : Inputs.ipv6(Softwire.F_B4, lwb4),
                blank(br) ? null : Inputs.ipv6(Softwire.F_BR, br),
                blank(offset) ? 0 : (int) Inputs.integer(Inputs.F_OFFSET, offset, 0, Integer.MAX_VALUE),
                blank(limit) ? DEFAULT_LIMIT : (int) Inputs.integer(Inputs.F_LIMIT, limit, 0, MAX_LIMIT));
    }

    /** @return a query for the first page of the unfiltered table */
    public static SoftwireQuery all() {
        return new SoftwireQuery(null, null, null, 0, DEFAULT_LIMIT);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** @return true if any filter is set */
    public boolean filtered() {
        return ipv4 != null || lwb4 != null || br != null;
    }

    /**
     * @param service the lwAFTR service
     * @return the page
     */
    public Page run(LwaftrService service) {
        if (!filtered()) {
            return new Page(service.softwires(offset, limit), service.count(), offset, limit);
        }
        // Start from the most selective index the service offers, then apply the other filters.
        List<Softwire> base = ipv4 != null ? byIpv4(service, ipv4)
                : lwb4 != null ? new ArrayList<>(service.byLwb4(lwb4))
                : new ArrayList<>(service.byBr(br));
        Predicate<Softwire> keep = s -> (ipv4 == null || s.ipv4Int() == ipv4.toInt())
                && (lwb4 == null || s.lwb4().equals(lwb4))
                && (br == null || s.br().equals(br));
        base.removeIf(keep.negate());
        base.sort(Comparator.comparing(Softwire::key));
        int from = Math.min(offset, base.size());
        int to = (int) Math.min(base.size(), (long) from + limit);
        return new Page(List.copyOf(base.subList(from, to)), base.size(), offset, limit);
    }

    /**
     * Every softwire of one IPv4 address, through lookups only: find one softwire by walking the
     * ports, then ask for each PSID of its shape (every softwire of an address shares the shape,
     * RFC 7597 §5.1). At most 65536 + 2^k local lookups.
     */
    static List<Softwire> byIpv4(LwaftrService service, Ip4Address ipv4) {
        Softwire first = null;
        for (int port = 0; port < PortSet.PORTS && first == null; port++) {
            first = service.lookup(ipv4, port).orElse(null);
        }
        List<Softwire> out = new ArrayList<>();
        if (first == null) {
            return out;
        }
        int psids = 1 << first.portSet().length();
        for (int psid = 0; psid < psids; psid++) {
            Optional<Softwire> s = service.get(new SoftwireKey(ipv4.toInt(), psid));
            s.ifPresent(out::add);
        }
        return out;
    }

    /** One page of softwires and the number that matched. */
    public static final class Page {
        private final List<Softwire> softwires;
        private final int total;
        private final int offset;
        private final int limit;

        Page(List<Softwire> softwires, int total, int offset, int limit) {
            this.softwires = softwires;
            this.total = total;
            this.offset = offset;
            this.limit = limit;
        }

        /** @return the softwires of the page, in key order */
        public List<Softwire> softwires() {
            return softwires;
        }

        /** @return how many softwires matched in all */
        public int total() {
            return total;
        }

        /** @return the first row of the page */
        public int offset() {
            return offset;
        }

        /** @return the page size asked for */
        public int limit() {
            return limit;
        }

        /** @return {@code {total, offset, limit, binding-entry: [...]}} */
        public ObjectNode toJson() {
            ObjectNode o = SoftwireCodec.MAPPER.createObjectNode();
            o.put("total", total);
            o.put("offset", offset);
            o.put("limit", limit);
            ArrayNode a = o.putArray(SoftwireCodec.F_BINDING_ENTRY);
            softwires.forEach(s -> a.add(SoftwireCodec.encode(s)));
            return o;
        }
    }
}
