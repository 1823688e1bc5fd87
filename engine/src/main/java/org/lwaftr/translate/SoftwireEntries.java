package org.lwaftr.translate;

import org.lwaftr.core.BindingTable;
import org.lwaftr.core.PortSetShape;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.SoftwireKey;
import org.onlab.packet.Ip6Address;
import org.onosproject.net.pi.runtime.PiTableEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * Every softwire-dependent entry a device must hold for a binding table: one {@code binding}
 * entry per softwire and the {@code psid_shape}/{@code bound_ipv4} entries of each bound address.
 * Shared by the ONOS app's reconcile and the lab controller, so both compute the same set.
 */
public final class SoftwireEntries {

    private SoftwireEntries() {
    }

    /**
     * @param t            the translator
     * @param table        the binding table
     * @param brIndexes    BR address → index
     * @param counterIndex a softwire key's counter index (negative: not known yet)
     * @return the entries; softwires whose BR or counter index is not known yet are left out
     *         (they are programmed when it arrives)
     */
    public static List<PiTableEntry> of(Translator t, BindingTable table, Map<Ip6Address, Integer> brIndexes,
                                        ToIntFunction<SoftwireKey> counterIndex) {
        List<PiTableEntry> out = new ArrayList<>(table.size() + 2 * table.shapes().size());
        forEach(t, table, brIndexes, counterIndex, out::add);
        return out;
    }

    /**
     * The same entries as {@link #of}, in the same order, handed over one at a time as they are
     * translated (a caller can write them while it translates the rest, without holding a list).
     *
     * @param out receives each entry
     */
    public static void forEach(Translator t, BindingTable table, Map<Ip6Address, Integer> brIndexes,
                               ToIntFunction<SoftwireKey> counterIndex, Consumer<PiTableEntry> out) {
        for (Softwire s : table.softwires()) {
            Integer br = brIndexes.get(s.br());
            int counter = counterIndex.applyAsInt(s.key());
            if (br != null && counter >= 0) {
                out.accept(t.binding(s, br, counter));
            }
        }
        for (Map.Entry<Integer, PortSetShape> a : table.shapes().entrySet()) {
            t.address(a.getKey(), a.getValue()).forEach(out);
        }
    }
}
