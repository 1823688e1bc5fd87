package org.lwaftr.tests.bench;

import com.google.protobuf.ByteString;
import org.lwaftr.core.Softwire;
import p4.config.v1.P4InfoOuterClass.P4Info;
import p4.config.v1.P4InfoOuterClass.Table;
import p4.v1.P4RuntimeOuterClass.Action;
import p4.v1.P4RuntimeOuterClass.Entity;
import p4.v1.P4RuntimeOuterClass.FieldMatch;
import p4.v1.P4RuntimeOuterClass.TableEntry;
import p4.v1.P4RuntimeOuterClass.Update;

import java.nio.ByteBuffer;

/**
 * The baseline of the write benchmark: {@code binding} inserts encoded by hand into
 * {@code p4.v1.Update}s, with ids looked up once in the P4Info (no PI objects, no translator).
 * Byte strings are canonical (no leading zero bytes), as P4Runtime 1.x wants.
 */
final class RawBindingEncoder {
    private final int tableId;
    private final int ipv4FieldId;
    private final int psidFieldId;
    private final int actionId;
    private final int lwb4ParamId;
    private final int brParamId;
    private final int counterParamId;

    RawBindingEncoder(P4Info p4Info) {
        Table t = p4Info.getTablesList().stream().filter(x -> x.getPreamble().getName().endsWith(".binding"))
                .findFirst().orElseThrow(() -> new IllegalStateException("P4Info has no binding table"));
        tableId = t.getPreamble().getId();
        ipv4FieldId = field(t, "ipv4_addr");
        psidFieldId = field(t, "psid");
        p4.config.v1.P4InfoOuterClass.Action a = p4Info.getActionsList().stream()
                .filter(x -> x.getPreamble().getName().endsWith(".softwire")).findFirst()
                .orElseThrow(() -> new IllegalStateException("P4Info has no softwire action"));
        actionId = a.getPreamble().getId();
        lwb4ParamId = param(a, "lwb4");
        brParamId = param(a, "br_index");
        counterParamId = param(a, "counter_index");
    }

    Update insert(Softwire s, int brIndex, int counterIndex) {
        ByteBuffer b4 = ByteBuffer.allocate(16).putLong(s.lwb4High()).putLong(s.lwb4Low());
        TableEntry e = TableEntry.newBuilder().setTableId(tableId)
                .addMatch(exact(ipv4FieldId, s.ipv4Int() & 0xffffffffL))
                .addMatch(exact(psidFieldId, s.portSet().psid()))
                .setAction(p4.v1.P4RuntimeOuterClass.TableAction.newBuilder().setAction(Action.newBuilder()
                        .setActionId(actionId)
                        .addParams(param(lwb4ParamId, canonical(b4.array())))
                        .addParams(param(brParamId, canonical(brIndex)))
                        .addParams(param(counterParamId, canonical(counterIndex)))))
                .build();
        return Update.newBuilder().setType(Update.Type.INSERT)
                .setEntity(Entity.newBuilder().setTableEntry(e)).build();
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

    private static int field(Table t, String suffix) {
        return t.getMatchFieldsList().stream().filter(f -> f.getName().endsWith(suffix)).findFirst()
                .orElseThrow(() -> new IllegalStateException("binding has no field " + suffix)).getId();
    }

    private static int param(p4.config.v1.P4InfoOuterClass.Action a, String name) {
        return a.getParamsList().stream().filter(p -> p.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("softwire has no param " + name)).getId();
    }
}
