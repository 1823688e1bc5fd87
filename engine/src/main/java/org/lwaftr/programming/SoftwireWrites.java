package org.lwaftr.programming;

import org.lwaftr.core.Softwire;
import org.lwaftr.core.SoftwireKey;
import org.lwaftr.translate.Translator;
import org.onlab.packet.Ip6Address;
import org.onosproject.net.pi.runtime.PiTableEntry;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entry writes of softwire changes, one translation for both hosts (the ONOS app turns them
 * into flow rules, the standalone controller into its desired entries): per change, in order, the
 * softwire's binding entry removed or put, and its address's psid_shape/bound_ipv4 entries when the
 * address becomes bound, unbound or reshaped (one shape per IPv4 address, RFC 7597 §5.1).
 *
 * <p>A softwire whose BR address has no index yet waits here (the ONOS store publishes BR indexes
 * in a map of their own, whose event may come after the softwire's) until {@link #resolveAwaitingBr}.
 * Not thread-safe: one programming thread.
 */
public final class SoftwireWrites {

    /** One entry to put (insert or modify) or remove; for one entry, the later write wins. */
    public static final class Write {
        /** The entry (for a removal only its table and match count). */
        public final PiTableEntry entry;
        /** True to put, false to remove. */
        public final boolean put;

        Write(PiTableEntry entry, boolean put) {
            this.entry = entry;
            this.put = put;
        }

        @Override
        public String toString() {
            return (put ? "put " : "remove ") + entry;
        }
    }

    private final Translator translator;
    private final Map<SoftwireKey, SoftwireDelta> awaitingBr = new LinkedHashMap<>();

    /** @param translator the domain → PI translation */
    public SoftwireWrites(Translator translator) {
        this.translator = translator;
    }

    /**
     * @param deltas changes in the order they were applied (a merged batch may add and then
     *               remove one softwire or address: the writes keep that order)
     * @param brs    BR address → index as known now
     * @return the writes, in order
     */
    public List<Write> of(List<SoftwireDelta> deltas, Map<Ip6Address, Integer> brs) {
        List<Write> out = new ArrayList<>();
        for (SoftwireDelta d : deltas) {
            int ipv4 = d.key().ipv4Int();
            if (d.addressUnbound()) {
                translator.address(ipv4, d.oldShape()).forEach(e -> out.add(new Write(e, false)));
            }
            if (d.addressBoundOrReshaped()) {
                translator.address(ipv4, d.newShape()).forEach(e -> out.add(new Write(e, true)));
            }
            Softwire next = d.newSoftwire();
            if (next == null) {
                awaitingBr.remove(d.key());
                Softwire old = d.oldSoftwire();
                // Removal matches on the key only: the BR index in the action does not matter.
                out.add(new Write(translator.binding(old, brs.getOrDefault(old.br(), 0), d.oldCounter()), false));
                continue;
            }
            Integer br = brs.get(next.br());
            if (br == null) {
                awaitingBr.put(d.key(), d);
            } else {
                awaitingBr.remove(d.key());
                out.add(new Write(translator.binding(next, br, d.newCounter()), true));
            }
        }
        return out;
    }

    /**
     * @param brs BR address → index as known now
     * @return the binding entries of softwires that were waiting for one of these BR indexes
     */
    public List<Write> resolveAwaitingBr(Map<Ip6Address, Integer> brs) {
        List<Write> out = new ArrayList<>();
        for (Iterator<SoftwireDelta> it = awaitingBr.values().iterator(); it.hasNext();) {
            SoftwireDelta d = it.next();
            Integer br = brs.get(d.newSoftwire().br());
            if (br != null) {
                out.add(new Write(translator.binding(d.newSoftwire(), br, d.newCounter()), true));
                it.remove();
            }
        }
        return out;
    }

    /** @return number of softwires waiting for their BR index */
    public int awaitingBr() {
        return awaitingBr.size();
    }
}
