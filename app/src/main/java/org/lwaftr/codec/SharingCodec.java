package org.lwaftr.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lwaftr.core.SharingReport;

import java.util.List;
import java.util.Map;

/** The address-sharing report as JSON (REST and the CLI's -j). */
public final class SharingCodec {

    private SharingCodec() {
    }

    /**
     * @param r the report
     * @return {@code {addresses, fully-used, partly-used, softwires, sharing-ratio-histogram: [{sharing-ratio, addresses, softwires}]}}
     */
    public static ObjectNode summary(SharingReport r) {
        ObjectNode o = SoftwireCodec.MAPPER.createObjectNode();
        o.put("addresses", r.addresses().size());
        o.put("fully-used", r.fullyUsed());
        o.put("partly-used", r.partlyUsed());
        ArrayNode h = o.putArray("sharing-ratio-histogram");
        long softwires = 0;
        for (Map.Entry<Integer, int[]> e : r.sharingRatioHistogram().entrySet()) {
            h.addObject().put("sharing-ratio", e.getKey()).put("addresses", e.getValue()[0])
                    .put("softwires", e.getValue()[1]);
            softwires += e.getValue()[1];
        }
        o.put("softwires", softwires);
        return o;
    }

    /**
     * @param a one address
     * @return {@code {binding-ipv4-addr, psid-offset, psid-len, sharing-ratio, softwires, ports-allocated, ports-free, fully-used, lwb4s}}
     */
    public static ObjectNode address(SharingReport.Address a) {
        ObjectNode o = SoftwireCodec.MAPPER.createObjectNode();
        o.put("binding-ipv4-addr", a.ipv4().toString());
        o.put("psid-offset", a.shape().offset());
        o.put("psid-len", a.shape().length());
        o.put("sharing-ratio", a.sharingRatio());
        o.put("softwires", a.softwires());
        o.put("ports-allocated", a.portsAllocated());
        o.put("ports-free", a.portsFree());
        o.put("fully-used", a.fullyUsed());
        ArrayNode l = o.putArray("lwb4s");
        a.lwb4s().forEach(x -> l.add(x.toString()));
        return o;
    }

    /**
     * @param page  the addresses of a page
     * @param total addresses in the report
     * @return {@code {total, addresses: [...]}}
     */
    public static ObjectNode page(List<SharingReport.Address> page, int total) {
        ObjectNode o = SoftwireCodec.MAPPER.createObjectNode();
        o.put("total", total);
        ArrayNode l = o.putArray("addresses");
        page.forEach(a -> l.add(address(a)));
        return o;
    }
}
