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
 * order (IPv4, then PSID) or sorted by lwB4 or BR address (then key). The CLI's
 * {@code lwaftr-softwires}, {@code GET /softwires} and the GUI table all list through this, so they
 * filter, sort and page alike. Key order pages straight from the table; another order sorts the
 * matching softwires on the server (a million in about a second), never in the browser.
 */
public final class SoftwireQuery {

    /** The orders a page can be in. */
    public enum Sort {
        /** IPv4 address, then PSID: the table's own order. */
        IPV4("ipv4", Comparator.comparing(Softwire::key)),
        /** lwB4 address, then key. */
        LWB4("lwb4", ((Comparator<Softwire>) (a, b) -> Long.compareUnsigned(a.lwb4High(), b.lwb4High()))
                .thenComparing((a, b) -> Long.compareUnsigned(a.lwb4Low(), b.lwb4Low()))
                .thenComparing(Softwire::key)),
        /** BR address, then key. */
        BR("br", Comparator.comparing(Softwire::br).thenComparing(Softwire::key));

        private final String text;
        private final Comparator<Softwire> order;

        Sort(String text, Comparator<Softwire> order) {
            this.text = text;
            this.order = order;
        }

        /** @return the operator's name of this order ({@code sort=} value) */
        public String text() {
            return text;
        }

        static Sort parse(String text) {
            for (Sort s : values()) {
                if (s.text.equals(text.trim())) {
                    return s;
                }
            }
            throw new InvalidInputException(F_SORT, F_SORT + " '" + text.trim() + "' is not one of ipv4, lwb4, br");
        }
    }

    /** The sort parameter's name. */
    public static final String F_SORT = "sort";

    /** Page size when none is given. */
    public static final int DEFAULT_LIMIT = 100;
    /** Largest page served at once (a million softwires never go out in one reply). */
    public static final int MAX_LIMIT = 10_000;

    private final Ip4Address ipv4;
    private final Ip6Address lwb4;
    private final Ip6Address br;
    private final int offset;
    private final int limit;
    private final Sort sort;

    private SoftwireQuery(Ip4Address ipv4, Ip6Address lwb4, Ip6Address br, int offset, int limit, Sort sort) {
        this.ipv4 = ipv4;
        this.lwb4 = lwb4;
        this.br = br;
        this.offset = offset;
        this.limit = limit;
        this.sort = sort;
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
        return parse(ipv4, lwb4, br, offset, limit, null);
    }

    /**
     * Like {@link #parse(String, String, String, String, String)}, in an order.
     *
     * @param sort {@code ipv4} (key order, the default), {@code lwb4} or {@code br}
     * @return the query
     * @throws InvalidInputException naming the bad parameter
     */
    public static SoftwireQuery parse(String ipv4, String lwb4, String br, String offset, String limit,
                                      String sort) {
        return new SoftwireQuery(
                blank(ipv4) ? null : Inputs.ipv4(Softwire.F_IPV4, ipv4),
                blank(lwb4) ? null : Inputs.ipv6(Softwire.F_B4, lwb4),
                blank(br) ? null : Inputs.ipv6(Softwire.F_BR, br),
                blank(offset) ? 0 : (int) Inputs.integer(Inputs.F_OFFSET, offset, 0, Integer.MAX_VALUE),
                blank(limit) ? DEFAULT_LIMIT : (int) Inputs.integer(Inputs.F_LIMIT, limit, 0, MAX_LIMIT),
                blank(sort) ? Sort.IPV4 : Sort.parse(sort));
    }

    /** @return a query for the first page of the unfiltered table */
    public static SoftwireQuery all() {
        return new SoftwireQuery(null, null, null, 0, DEFAULT_LIMIT, Sort.IPV4);
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
        if (!filtered() && sort == Sort.IPV4) {
            return new Page(service.softwires(offset, limit), service.count(), offset, limit);
        }
        // Start from the most selective index the service offers, then apply the other filters.
        List<Softwire> base = ipv4 != null ? byIpv4(service, ipv4)
                : lwb4 != null ? new ArrayList<>(service.byLwb4(lwb4))
                : br != null ? new ArrayList<>(service.byBr(br))
                : new ArrayList<>(service.softwires(0, service.count()));
        Predicate<Softwire> keep = s -> (ipv4 == null || s.ipv4Int() == ipv4.toInt())
                && (lwb4 == null || s.lwb4().equals(lwb4))
                && (br == null || s.br().equals(br));
        base.removeIf(keep.negate());
        base.sort(sort.order);
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

        /** @return the softwires of the page, in the query's order */
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
