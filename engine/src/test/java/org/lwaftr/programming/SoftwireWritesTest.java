package org.lwaftr.programming;

import org.junit.Test;
import org.lwaftr.core.BindingChange;
import org.lwaftr.core.BindingTable;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.lwaftr.pipeconf.DataPlaneLimits;
import org.lwaftr.translate.Translator;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.lwaftr.translate.P4Names.TABLE_BINDING;
import static org.lwaftr.translate.P4Names.TABLE_BOUND_IPV4;
import static org.lwaftr.translate.P4Names.TABLE_PSID_SHAPE;

/**
 * Softwire changes → entry writes, the one translation both hosts use (deltas made by
 * {@link TableDeltas} here, as the standalone controller makes them; the ONOS store's mirror makes
 * the same deltas per map event). An address's psid_shape/bound_ipv4 entries follow its shape
 * (RFC 7597 §5.1: one shape per IPv4 address); a binding waits for its BR index.
 */
public class SoftwireWritesTest {
    private static final Ip6Address BR = Ip6Address.valueOf("2001:db8::1");
    private static final Ip6Address BR2 = Ip6Address.valueOf("2001:db8::2");

    private final Translator translator = new Translator();
    private final SoftwireWrites writes = new SoftwireWrites(translator);
    private final BindingTable table = new BindingTable(false, DataPlaneLimits.BR_ADDRESSES);
    private final SoftwireIndexes indexes = new SoftwireIndexes();

    private static Softwire sw(int psid, int psidLength, Ip6Address br) {
        return Softwire.of(Ip4Address.valueOf("192.0.2.1"), PortSet.of(6, psidLength, psid),
                Ip6Address.valueOf("2001:db8:1::" + (psid + 1)), br);
    }

    private List<SoftwireDelta> apply(BindingChange... changes) {
        return TableDeltas.apply(table, indexes, List.of(changes)).deltas;
    }

    /** Writes as "put TABLE" / "remove TABLE" in order. */
    private static List<String> shape(List<SoftwireWrites.Write> ws) {
        return ws.stream().map(w -> (w.put ? "put " : "remove ") + name(w))
                .collect(Collectors.toList());
    }

    private static String name(SoftwireWrites.Write w) {
        if (w.entry.table().equals(TABLE_BINDING)) {
            return "binding";
        }
        if (w.entry.table().equals(TABLE_PSID_SHAPE)) {
            return "psid_shape";
        }
        return w.entry.table().equals(TABLE_BOUND_IPV4) ? "bound_ipv4" : w.entry.table().id();
    }

    @Test
    public void firstSoftwireOfAnAddressBindsItThenLaterOnesOnlyAddBindings() {
        List<SoftwireDelta> d = apply(BindingChange.add(sw(1, 4, BR)), BindingChange.add(sw(2, 4, BR)));
        assertEquals(List.of("put psid_shape", "put bound_ipv4", "put binding", "put binding"),
                shape(writes.of(d, indexes.brIndexes())));
        assertEquals(List.of("put binding"),
                shape(writes.of(apply(BindingChange.add(sw(3, 4, BR))), indexes.brIndexes())));
    }

    @Test
    public void lastSoftwireRemovedUnbindsTheAddress() {
        apply(BindingChange.add(sw(1, 4, BR)), BindingChange.add(sw(2, 4, BR)));
        assertEquals(List.of("remove binding"),
                shape(writes.of(apply(BindingChange.remove(sw(1, 4, BR).key())), indexes.brIndexes())));
        assertEquals(List.of("remove psid_shape", "remove bound_ipv4", "remove binding"),
                shape(writes.of(apply(BindingChange.remove(sw(2, 4, BR).key())), indexes.brIndexes())));
    }

    @Test
    public void aReshapedAddressGetsItsNewShapeOnce() {
        apply(BindingChange.add(sw(1, 4, BR)));
        List<SoftwireDelta> d = apply(BindingChange.remove(sw(1, 4, BR).key()),
                BindingChange.add(sw(1, 6, BR)), BindingChange.add(sw(2, 6, BR)));
        List<SoftwireWrites.Write> w = writes.of(d, indexes.brIndexes());
        assertEquals(List.of("put psid_shape", "put bound_ipv4", "put binding", "put binding"), shape(w));
        assertEquals("the psid_shape entry carries the new length",
                translator.psidShape(sw(1, 6, BR).ipv4Int(), sw(1, 6, BR).portSet().shape()), w.get(0).entry);
    }

    @Test
    public void aBindingWaitsForItsBrIndexAndIsWrittenWhenItArrives() {
        List<SoftwireDelta> d = apply(BindingChange.add(sw(1, 4, BR2)));
        assertEquals("no binding without the BR index", List.of("put psid_shape", "put bound_ipv4"),
                shape(writes.of(d, Map.of())));
        assertEquals(1, writes.awaitingBr());
        assertEquals(List.of(), shape(writes.resolveAwaitingBr(Map.of(BR, 0))));
        List<SoftwireWrites.Write> later = writes.resolveAwaitingBr(Map.of(BR2, 3));
        assertEquals(List.of(translator.binding(sw(1, 4, BR2), 3, indexes.counter(sw(1, 4, BR2).key()))),
                later.stream().map(w -> w.entry).collect(Collectors.toList()));
        assertEquals(0, writes.awaitingBr());
    }

    @Test
    public void aSoftwireRemovedWhileWaitingForItsBrIsNotWrittenLater() {
        writes.of(apply(BindingChange.add(sw(1, 4, BR2))), Map.of());
        writes.of(apply(BindingChange.remove(sw(1, 4, BR2).key())), Map.of());
        assertEquals(0, writes.awaitingBr());
        assertEquals(List.of(), writes.resolveAwaitingBr(Map.of(BR2, 0)));
    }

    @Test
    public void writesKeepTheOrderOfTheChanges() {
        List<SoftwireDelta> all = new ArrayList<>(apply(BindingChange.add(sw(1, 4, BR))));
        all.addAll(apply(BindingChange.remove(sw(1, 4, BR).key())));
        assertEquals("added then removed: the later write wins where they are applied",
                List.of("put psid_shape", "put bound_ipv4", "put binding",
                        "remove psid_shape", "remove bound_ipv4", "remove binding"),
                shape(writes.of(all, Map.of(BR, 0))));
    }
}
