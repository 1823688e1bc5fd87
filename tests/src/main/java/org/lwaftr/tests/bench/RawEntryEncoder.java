package org.lwaftr.tests.bench;

import com.google.protobuf.ByteString;
import org.lwaftr.core.PortSetShape;
import org.lwaftr.core.Softwire;
import p4.config.v1.P4InfoOuterClass.P4Info;
import p4.config.v1.P4InfoOuterClass.Table;
import p4.v1.P4RuntimeOuterClass.Action;
import p4.v1.P4RuntimeOuterClass.Entity;
import p4.v1.P4RuntimeOuterClass.FieldMatch;
import p4.v1.P4RuntimeOuterClass.TableAction;
import p4.v1.P4RuntimeOuterClass.TableEntry;
import p4.v1.P4RuntimeOuterClass.Update;

import java.nio.ByteBuffer;

/**
 * The baseline of the write benchmark: the softwire entries ({@code binding}, and per address
 * {@code psid_shape}, {@code bound_ipv4}) encoded by hand into {@code p4.v1.Update} INSERTs, with
 * ids looked up once in the P4Info (no PI objects, no translator, no checks). Byte strings are
 * canonical (no leading zero bytes), as P4Runtime 1.x wants.
 */
final class RawEntryEncoder {
    private final P4Info p4Info;
    private final int bindingTable;
    private final int bindingIpv4;
    private final int bindingPsid;
    private final int softwire;
    private final int lwb4;
    private final int brIndex;
    private final int counterIndex;
    private final int shapeTable;
    private final int shapeIpv4;
    private final int boundTable;
    private final int boundIpv4;
    private final int bound;

    RawEntryEncoder(P4Info p4Info) {
        this.p4Info = p4Info;
        Table t = table("binding");
        bindingTable = t.getPreamble().getId();
        bindingIpv4 = field(t, "ipv4_addr");
        bindingPsid = field(t, "psid");
        p4.config.v1.P4InfoOuterClass.Action a = action("softwire");
        softwire = a.getPreamble().getId();
        lwb4 = param(a, "lwb4");
        brIndex = param(a, "br_index");
        counterIndex = param(a, "counter_index");
        t = table("psid_shape");
        shapeTable = t.getPreamble().getId();
        shapeIpv4 = field(t, "ipv4_addr");
        t = table("bound_ipv4");
        boundTable = t.getPreamble().getId();
        boundIpv4 = field(t, "ipv4_dst");
        bound = action("bound").getPreamble().getId();
    }

    Update binding(Softwire s, int br, int counter) {
        byte[] b4 = ByteBuffer.allocate(16).putLong(s.lwb4High()).putLong(s.lwb4Low()).array();
        return insert(TableEntry.newBuilder().setTableId(bindingTable)
                .addMatch(exact(bindingIpv4, s.ipv4Int() & 0xffffffffL))
                .addMatch(exact(bindingPsid, s.portSet().psid()))
                .setAction(TableAction.newBuilder().setAction(Action.newBuilder().setActionId(softwire)
                        .addParams(param(lwb4, canonical(b4)))
                        .addParams(param(brIndex, canonical(br)))
                        .addParams(param(counterIndex, canonical(counter))))));
    }

    /** psid_shape of a shared address (k > 0): psid_shift_&lt;shift&gt;(mask, first_port). */
    Update psidShape(int ipv4, PortSetShape shape) {
        p4.config.v1.P4InfoOuterClass.Action a = action("psid_shift_" + shape.shift());
        return insert(TableEntry.newBuilder().setTableId(shapeTable)
                .addMatch(exact(shapeIpv4, ipv4 & 0xffffffffL))
                .setAction(TableAction.newBuilder().setAction(Action.newBuilder().setActionId(a.getPreamble().getId())
                        .addParams(param(param(a, "mask"), canonical(shape.mask())))
                        .addParams(param(param(a, "first_port"), canonical(shape.firstUsablePort()))))));
    }

    Update boundIpv4(int ipv4) {
        return insert(TableEntry.newBuilder().setTableId(boundTable)
                .addMatch(exact(boundIpv4, ipv4 & 0xffffffffL))
                .setAction(TableAction.newBuilder().setAction(Action.newBuilder().setActionId(bound))));
    }

    private static Update insert(TableEntry.Builder e) {
        return Update.newBuilder().setType(Update.Type.INSERT).setEntity(Entity.newBuilder().setTableEntry(e)).build();
    }

    private static FieldMatch exact(int id, long value) {
        return FieldMatch.newBuilder().setFieldId(id)
                .setExact(FieldMatch.Exact.newBuilder().setValue(canonical(value))).build();
    }

    private static Action.Param param(int id, ByteString value) {
        return Action.Param.newBuilder().setParamId(id).setValue(value).build();
    }

    private static ByteString canonical(long v) {
        return canonical(ByteBuffer.allocate(8).putLong(v).array());
    }

    private static ByteString canonical(byte[] b) {
        int i = 0;
        while (i < b.length - 1 && b[i] == 0) {
            i++;
        }
        return ByteString.copyFrom(b, i, b.length - i);
    }

    private Table table(String alias) {
        return p4Info.getTablesList().stream().filter(x -> x.getPreamble().getAlias().equals(alias))
                .findFirst().orElseThrow(() -> new IllegalStateException("P4Info has no table " + alias));
    }

    private p4.config.v1.P4InfoOuterClass.Action action(String alias) {
        return p4Info.getActionsList().stream().filter(x -> x.getPreamble().getAlias().equals(alias))
                .findFirst().orElseThrow(() -> new IllegalStateException("P4Info has no action " + alias));
    }

    private static int field(Table t, String name) {
        return t.getMatchFieldsList().stream().filter(f -> f.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException(t.getPreamble().getName() + " has no field " + name))
                .getId();
    }

    private static int param(p4.config.v1.P4InfoOuterClass.Action a, String name) {
        return a.getParamsList().stream().filter(p -> p.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException(a.getPreamble().getName() + " has no param " + name))
                .getId();
    }
}
