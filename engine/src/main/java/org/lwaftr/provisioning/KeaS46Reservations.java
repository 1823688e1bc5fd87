package org.lwaftr.provisioning;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.onlab.packet.Ip6Address;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lwB4s' DHCPv6 provisioning, generated from the binding table so the two never drift
 * (RFC 7596 §6.1): Kea DHCPv6 host reservations carrying the RFC 7598 §5.3 S46 Lightweight 4over6
 * Container option per lwB4, with its BR address (§4.2 OPTION_S46_BR), its IPv4 address and
 * binding prefix (§4.5 OPTION_S46_V4V6BIND) and its port set (§4.6 OPTION_S46_PORTPARAMS: offset,
 * PSID length and PSID; left out for a whole address). The output is the JSON array of Kea's
 * {@code reservations}, for {@code "reservations": <?include "file"?>} in a subnet6.
 *
 * <p>An lwB4 gets a reservation only if the operator's identities name it and it has exactly one
 * softwire (the container carries one binding); the others are reported, never silently dropped.
 */
public final class KeaS46Reservations {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ArrayNode reservations;
    private final List<String> skipped;

    private KeaS46Reservations(ArrayNode reservations, List<String> skipped) {
        this.reservations = reservations;
        this.skipped = Collections.unmodifiableList(skipped);
    }

    /** @return Kea's reservations, one per provisioned lwB4, ordered by lwB4 address */
    public ArrayNode reservations() {
        return reservations;
    }

    /** @return one line per lwB4 or identity left out, saying why */
    public List<String> skipped() {
        return skipped;
    }

    /**
     * @param softwires  the binding table
     * @param identities how the DHCPv6 server knows each lwB4
     * @return the reservations and what was left out
     */
    public static KeaS46Reservations of(Collection<Softwire> softwires, LwB4Identities identities) {
        Map<Ip6Address, List<Softwire>> byLwb4 = new TreeMap<>();
        for (Softwire s : softwires) {
            byLwb4.computeIfAbsent(s.lwb4(), k -> new ArrayList<>(1)).add(s);
        }
        ArrayNode out = JSON.arrayNode();
        List<String> skipped = new ArrayList<>();
        for (Map.Entry<Ip6Address, List<Softwire>> e : byLwb4.entrySet()) {
            String id = identities.ids().get(e.getKey());
            if (id == null) {
                skipped.add("lwB4 " + e.getKey() + ": no " + identities.kind().keaName() + " given");
            } else if (e.getValue().size() > 1) {
                skipped.add("lwB4 " + e.getKey() + ": " + e.getValue().size()
                        + " softwires; an RFC 7598 lw4o6 container carries one binding");
            } else {
                out.add(reservation(identities.kind(), id, e.getValue().get(0)));
            }
        }
        for (Ip6Address lwb4 : new TreeMap<>(identities.ids()).keySet()) {
            if (!byLwb4.containsKey(lwb4)) {
                skipped.add("lwB4 " + lwb4 + ": has a " + identities.kind().keaName() + " but no softwire");
            }
        }
        return new KeaS46Reservations(out, skipped);
    }

    private static ObjectNode reservation(LwB4Identities.Kind kind, String id, Softwire s) {
        ObjectNode r = JSON.objectNode().put(kind.keaName(), id);
        ArrayNode options = r.putArray("option-data");
        options.addObject().put("name", "s46-cont-lw");
        options.add(option("s46-cont-lw-options", "s46-br", s.br().toString()));
        // The binding table holds the lwB4's tunnel source as a /128 (a binding prefix is turned into
        // its RFC 7597 §6 address on import), so that is the binding prefix the lwB4 is given.
        options.add(option("s46-cont-lw-options", "s46-v4v6bind", s.ipv4() + ", " + s.lwb4() + "/128"));
        PortSet p = s.portSet();
        if (!p.isWholeAddress()) {
            // Kea writes PSID-len and PSID as PSID/PSID-len: "offset, psid/len".
            options.add(option("s46-v4v6bind-options", "s46-portparams",
                    p.offset() + ", " + p.psid() + "/" + p.length()));
        }
        return r;
    }

    private static ObjectNode option(String space, String name, String data) {
        return JSON.objectNode().put("space", space).put("name", name).put("data", data);
    }
}
