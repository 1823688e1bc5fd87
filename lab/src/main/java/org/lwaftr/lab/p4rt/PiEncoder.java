package org.lwaftr.lab.p4rt;

import org.onosproject.net.pi.model.PiActionId;
import org.onosproject.net.pi.model.PiCounterId;
import org.onosproject.net.pi.model.PiCounterType;
import org.onosproject.net.pi.model.PiMatchType;
import org.onosproject.net.pi.model.PiPacketOperationType;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiActionParam;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiCounterCellData;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import org.onosproject.net.pi.runtime.PiFieldMatch;
import org.onosproject.net.pi.runtime.PiMeterBand;
import org.onosproject.net.pi.runtime.PiMeterCellConfig;
import org.onosproject.net.pi.runtime.PiMeterCellId;
import org.onosproject.net.pi.runtime.PiPacketMetadata;
import org.onosproject.net.pi.runtime.PiPacketOperation;
import org.onosproject.net.pi.runtime.PiTableAction;
import org.onosproject.net.pi.runtime.PiTableEntry;
import p4.v1.P4RuntimeOuterClass.Action;
import p4.v1.P4RuntimeOuterClass.CounterData;
import p4.v1.P4RuntimeOuterClass.CounterEntry;
import p4.v1.P4RuntimeOuterClass.DirectCounterEntry;
import p4.v1.P4RuntimeOuterClass.DirectMeterEntry;
import p4.v1.P4RuntimeOuterClass.Entity;
import p4.v1.P4RuntimeOuterClass.FieldMatch;
import p4.v1.P4RuntimeOuterClass.Index;
import p4.v1.P4RuntimeOuterClass.MeterConfig;
import p4.v1.P4RuntimeOuterClass.MeterEntry;
import p4.v1.P4RuntimeOuterClass.PacketMetadata;
import p4.v1.P4RuntimeOuterClass.PacketOut;
import p4.v1.P4RuntimeOuterClass.TableAction;
import p4.v1.P4RuntimeOuterClass.TableEntry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Encodes ONOS PI runtime objects into P4Runtime messages against one P4Info. Every value is
 * checked against its P4 width; a bad object raises IllegalArgumentException naming the table,
 * action, field or parameter, and nothing is produced for it.
 */
public final class PiEncoder {
    private final P4InfoIndex p4Info;
    // PI id → P4Info object, resolved once per id (a PI id is a name: a lookup by name and alias).
    private final Map<PiTableId, P4Table> tables = new ConcurrentHashMap<>();
    private final Map<PiActionId, P4Action> actions = new ConcurrentHashMap<>();

    /** An encoder for the pipeline described by this P4Info. */
    public PiEncoder(P4InfoIndex p4Info) {
        this.p4Info = Objects.requireNonNull(p4Info);
    }

    /** The P4Info this encoder works against. */
    public P4InfoIndex p4Info() {
        return p4Info;
    }

    /**
     * A table entry. An entry with an empty match key is the table's default entry
     * ({@code is_default_action}); it has no priority.
     */
    public TableEntry tableEntry(PiTableEntry entry) {
        P4Table table = tableOf(entry.table());
        TableEntry.Builder b = TableEntry.newBuilder().setTableId(table.id());
        if (entry.isDefaultAction()) {
            b.setIsDefaultAction(true);
            if (entry.priority().isPresent() && entry.priority().getAsInt() != 0) {
                throw new IllegalArgumentException("table " + table.name() + ": default entry cannot have a priority");
            }
        } else {
            addMatches(table, entry, b);
            priority(table, entry, b);
        }
        if (entry.action() != null) {
            b.setAction(tableAction(table, entry.action()));
        } else if (entry.isDefaultAction()) {
            throw new IllegalArgumentException("table " + table.name() + ": default entry needs an action");
        }
        if (entry.cookie() != 0) {
            b.setControllerMetadata(entry.cookie());
        }
        entry.timeout().ifPresent(t -> b.setIdleTimeoutNs((long) (t * 1e9)));
        if (entry.counter() != null) {
            b.setCounterData(counterData(entry.counter()));
        }
        return b.build();
    }

    /** The match key of an entry, as needed to read or delete it (no action). */
    public TableEntry tableEntryKey(PiTableEntry entry) {
        return tableEntry(entry).toBuilder().clearAction().clearCounterData().clearIdleTimeoutNs().build();
    }

    /** An action checked against its P4Info declaration: every parameter, each within its width. */
    public Action action(PiAction action) {
        P4Action a = actionOf(action);
        Action.Builder b = Action.newBuilder().setActionId(a.id());
        Collection<PiActionParam> params = action.parameters();
        int lastId = Integer.MIN_VALUE;
        boolean sorted = true;
        for (PiActionParam p : params) {
            P4Field f = a.field(p.id(), p.id().id());
            sorted &= f.id() > lastId;
            lastId = f.id();
            b.addParams(Action.Param.newBuilder().setParamId(f.id())
                    .setValue(P4Values.encode(p.value(), f.bitwidth(), () -> "action " + a.name() + ", parameter "
                            + f.name())));
        }
        // PI parameters are unique by id and each named a declared one: equal counts mean none is missing.
        if (params.size() != a.fieldCount()) {
            Set<String> given = params.stream().map(p -> p.id().id()).collect(Collectors.toSet());
            List<String> missing = a.fields().stream().map(P4Field::name).filter(n -> !given.contains(n))
                    .collect(Collectors.toList());
            throw new IllegalArgumentException("action " + a.name() + ": missing parameters " + missing);
        }
        if (!sorted) {
            List<Action.Param> byId = new ArrayList<>(b.getParamsList());
            byId.sort(Comparator.comparingInt(Action.Param::getParamId));
            b.clearParams().addAllParams(byId);
        }
        return b.build();
    }

    /** A read request entity for every entry of a table. */
    public Entity tableRead(PiTableId tableId) {
        return Entity.newBuilder().setTableEntry(TableEntry.newBuilder()
                .setTableId(p4Info.table(tableId.id()).id())).build();
    }

    /** A read request entity for one counter cell (indexed or direct). */
    public Entity counterCellRead(PiCounterCellId cell) {
        switch (cell.counterType()) {
            case INDIRECT:
                P4Array counter = indexedCounter(cell.counterId().id());
                checkIndex(counter, cell.index());
                return Entity.newBuilder().setCounterEntry(CounterEntry.newBuilder().setCounterId(counter.id())
                        .setIndex(Index.newBuilder().setIndex(cell.index()))).build();
            case DIRECT:
                return Entity.newBuilder().setDirectCounterEntry(DirectCounterEntry.newBuilder()
                        .setTableEntry(tableEntryKey(cell.tableEntry()))).build();
            default:
                throw new IllegalArgumentException("counter cell " + cell + ": unsupported type " + cell.counterType());
        }
    }

    /** The entity writing an indexed counter cell's packets and bytes (sent as MODIFY; e.g. zero). */
    public Entity counterEntity(PiCounterCell cell) {
        if (cell.cellId().counterType() != PiCounterType.INDIRECT) {
            throw new IllegalArgumentException("counter cell " + cell.cellId() + ": only indexed cells are written");
        }
        CounterEntry.Builder b = counterCellRead(cell.cellId()).getCounterEntry().toBuilder()
                .setData(CounterData.newBuilder().setPacketCount(cell.data().packets())
                        .setByteCount(cell.data().bytes()));
        return Entity.newBuilder().setCounterEntry(b).build();
    }

    /** A read request entity for every cell of an indexed counter. */
    public Entity counterRead(PiCounterId counterId) {
        return Entity.newBuilder().setCounterEntry(CounterEntry.newBuilder()
                .setCounterId(indexedCounter(counterId.id()).id())).build();
    }

    /**
     * The entity writing a meter cell's configuration (sent as MODIFY). A config without bands
     * resets the cell to its default (P4Runtime §9.6: no {@code config}).
     */
    public Entity meterEntity(PiMeterCellConfig config) {
        PiMeterCellId cell = config.cellId();
        switch (cell.meterType()) {
            case INDIRECT:
                P4Array meter = p4Info.meter(cell.meterId().id());
                if (meter.isDirect()) {
                    throw new IllegalArgumentException(meter + " is direct: address it by table entry");
                }
                checkIndex(meter, cell.index());
                MeterEntry.Builder mb = MeterEntry.newBuilder().setMeterId(meter.id())
                        .setIndex(Index.newBuilder().setIndex(cell.index()));
                if (!config.isDefaultConfig()) {
                    mb.setConfig(meterConfig(meter.name(), config));
                }
                return Entity.newBuilder().setMeterEntry(mb).build();
            case DIRECT:
                DirectMeterEntry.Builder db = DirectMeterEntry.newBuilder()
                        .setTableEntry(tableEntryKey(cell.tableEntry()));
                if (!config.isDefaultConfig()) {
                    db.setConfig(meterConfig(cell.tableEntry().table().id(), config));
                }
                return Entity.newBuilder().setDirectMeterEntry(db).build();
            default:
                throw new IllegalArgumentException("meter cell " + cell + ": unsupported type " + cell.meterType());
        }
    }

    /** A read request entity for one meter cell (indexed). */
    public Entity meterCellRead(PiMeterCellId cell) {
        P4Array meter = p4Info.meter(cell.meterId().id());
        checkIndex(meter, cell.index());
        return Entity.newBuilder().setMeterEntry(MeterEntry.newBuilder().setMeterId(meter.id())
                .setIndex(Index.newBuilder().setIndex(cell.index()))).build();
    }

    /** A packet-out: payload plus the {@code packet_out} controller metadata given. */
    public PacketOut packetOut(PiPacketOperation op) {
        if (op.type() != PiPacketOperationType.PACKET_OUT) {
            throw new IllegalArgumentException("packet operation of type " + op.type() + " is not a PACKET_OUT");
        }
        PacketOut.Builder b = PacketOut.newBuilder().setPayload(com.google.protobuf.ByteString
                .copyFrom(op.data().asReadOnlyBuffer()));
        Collection<PiPacketMetadata> metadata = op.metadatas();
        if (!metadata.isEmpty()) {
            P4PacketHeader header = p4Info.packetHeader(P4InfoIndex.PACKET_OUT);
            for (PiPacketMetadata m : metadata) {
                P4Field f = header.field(m.id().id());
                b.addMetadata(PacketMetadata.newBuilder().setMetadataId(f.id())
                        .setValue(P4Values.encode(m.value(), f.bitwidth(), () -> "packet_out metadata " + f.name())));
            }
        }
        return b.build();
    }

    private void addMatches(P4Table table, PiTableEntry entry, TableEntry.Builder b) {
        Collection<PiFieldMatch> given = entry.matchKey().fieldMatches();
        int exact = 0;
        int lastId = Integer.MIN_VALUE;
        boolean sorted = true;
        for (PiFieldMatch m : given) {
            P4Field f = table.field(m.fieldId(), m.fieldId().id());
            exact += f.matchType() == PiMatchType.EXACT ? 1 : 0;
            sorted &= f.id() > lastId;
            lastId = f.id();
            b.addMatch(PiMatchEncoder.encode(table, f, m));
        }
        // Only exact fields are mandatory; an absent LPM/ternary/range/optional field is a wildcard.
        // PI matches are unique by field, so equal counts mean no exact field is missing.
        if (exact != table.exactFieldCount()) {
            Set<String> names = given.stream().map(m -> m.fieldId().id()).collect(Collectors.toSet());
            List<String> missing = table.fields().stream()
                    .filter(f -> f.matchType() == PiMatchType.EXACT && !names.contains(f.name()))
                    .map(P4Field::name).collect(Collectors.toList());
            throw new IllegalArgumentException("table " + table.name() + ": missing exact match fields " + missing);
        }
        if (!sorted) {
            List<FieldMatch> byId = new ArrayList<>(b.getMatchList());
            byId.sort(Comparator.comparingInt(FieldMatch::getFieldId));
            b.clearMatch().addAllMatch(byId);
        }
    }

    private static void priority(P4Table table, PiTableEntry entry, TableEntry.Builder b) {
        int priority = entry.priority().orElse(0);
        if (table.needsPriority() && priority <= 0) {
            throw new IllegalArgumentException("table " + table.name()
                    + ": entries need a priority > 0 (the table has ternary, range or optional fields)");
        }
        if (!table.needsPriority() && priority != 0) {
            throw new IllegalArgumentException("table " + table.name()
                    + ": entries cannot have a priority (only exact and LPM fields)");
        }
        b.setPriority(priority);
    }

    private TableAction tableAction(P4Table table, PiTableAction action) {
        if (!(action instanceof PiAction)) {
            throw new IllegalArgumentException("table " + table.name() + ": action type " + action.type()
                    + " is not supported (no action profiles)");
        }
        Action a = action((PiAction) action);
        if (!table.hasAction(a.getActionId())) {
            throw new IllegalArgumentException("table " + table.name() + ": action "
                    + p4Info.action(a.getActionId()).name() + " is not one of its actions");
        }
        return TableAction.newBuilder().setAction(a).build();
    }

    private P4Table tableOf(PiTableId id) {
        P4Table t = tables.get(id);
        if (t == null) {
            t = p4Info.table(id.id()); // throws naming the table if unknown: nothing cached then
            tables.put(id, t);
        }
        return t;
    }

    private P4Action actionOf(PiAction action) {
        P4Action a = actions.get(action.id());
        if (a == null) {
            a = p4Info.action(action.id().id());
            actions.put(action.id(), a);
        }
        return a;
    }

    private P4Array indexedCounter(String name) {
        P4Array counter = p4Info.counter(name);
        if (counter.isDirect()) {
            throw new IllegalArgumentException(counter + " is direct: address it by table entry");
        }
        return counter;
    }

    private static void checkIndex(P4Array array, long index) {
        if (index < 0 || index >= array.size()) {
            throw new IllegalArgumentException(array + ": index " + index + " outside 0.." + (array.size() - 1));
        }
    }

    private static CounterData counterData(PiCounterCellData data) {
        return CounterData.newBuilder().setPacketCount(data.packets()).setByteCount(data.bytes()).build();
    }

    private static MeterConfig meterConfig(String meterName, PiMeterCellConfig config) {
        PiMeterBand committed = config.committedBand();
        PiMeterBand peak = config.peakBand();
        if (committed == null || peak == null) {
            throw new IllegalArgumentException("meter " + meterName
                    + ": a configuration needs both a committed and a peak band (P4Runtime two-rate meters)");
        }
        return MeterConfig.newBuilder().setCir(committed.rate()).setCburst(committed.burst())
                .setPir(peak.rate()).setPburst(peak.burst()).build();
    }
}
