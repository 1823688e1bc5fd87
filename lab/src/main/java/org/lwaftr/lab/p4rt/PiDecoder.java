package org.lwaftr.lab.p4rt;

import org.onlab.util.ImmutableByteSequence;
import org.onosproject.net.pi.model.PiActionId;
import org.onosproject.net.pi.model.PiActionParamId;
import org.onosproject.net.pi.model.PiCounterId;
import org.onosproject.net.pi.model.PiMatchFieldId;
import org.onosproject.net.pi.model.PiMeterId;
import org.onosproject.net.pi.model.PiPacketMetadataId;
import org.onosproject.net.pi.model.PiPacketOperationType;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiActionParam;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiCounterCellData;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import org.onosproject.net.pi.runtime.PiExactFieldMatch;
import org.onosproject.net.pi.runtime.PiFieldMatch;
import org.onosproject.net.pi.runtime.PiLpmFieldMatch;
import org.onosproject.net.pi.runtime.PiMatchKey;
import org.onosproject.net.pi.runtime.PiMeterCellConfig;
import org.onosproject.net.pi.runtime.PiMeterCellId;
import org.onosproject.net.pi.runtime.PiOptionalFieldMatch;
import org.onosproject.net.pi.runtime.PiPacketMetadata;
import org.onosproject.net.pi.runtime.PiPacketOperation;
import org.onosproject.net.pi.runtime.PiRangeFieldMatch;
import org.onosproject.net.pi.runtime.PiTableEntry;
import org.onosproject.net.pi.runtime.PiTernaryFieldMatch;
import p4.v1.P4RuntimeOuterClass.Action;
import p4.v1.P4RuntimeOuterClass.CounterEntry;
import p4.v1.P4RuntimeOuterClass.DirectCounterEntry;
import p4.v1.P4RuntimeOuterClass.FieldMatch;
import p4.v1.P4RuntimeOuterClass.MeterConfig;
import p4.v1.P4RuntimeOuterClass.MeterEntry;
import p4.v1.P4RuntimeOuterClass.PacketIn;
import p4.v1.P4RuntimeOuterClass.PacketMetadata;
import p4.v1.P4RuntimeOuterClass.TableEntry;

import java.util.Objects;

/**
 * Decodes P4Runtime messages read from a switch into ONOS PI runtime objects, with names from the
 * P4Info and values widened to whole bytes of their P4 width (so that they equal the objects the
 * translator builds when it sizes values the same way).
 */
public final class PiDecoder {
    private final P4InfoIndex p4Info;

    /** A decoder for the pipeline described by this P4Info. */
    public PiDecoder(P4InfoIndex p4Info) {
        this.p4Info = Objects.requireNonNull(p4Info);
    }

    /** A table entry; {@code is_default_action} entries get an empty match key. */
    public PiTableEntry tableEntry(TableEntry e) {
        P4Table table = p4Info.table(e.getTableId());
        PiTableEntry.Builder b = PiTableEntry.builder().forTable(PiTableId.of(table.name()));
        if (!e.getIsDefaultAction()) {
            PiMatchKey.Builder key = PiMatchKey.builder();
            for (FieldMatch m : e.getMatchList()) {
                key.addFieldMatch(fieldMatch(table, m));
            }
            b.withMatchKey(key.build());
        }
        if (e.getPriority() != 0) {
            b.withPriority(e.getPriority());
        }
        if (e.hasAction()) {
            if (!e.getAction().hasAction()) {
                throw new IllegalArgumentException("table " + table.name() + ": entry uses an action profile ("
                        + e.getAction().getTypeCase() + "), not supported");
            }
            b.withAction(action(e.getAction().getAction()));
        }
        if (e.getControllerMetadata() != 0) {
            b.withCookie(e.getControllerMetadata());
        }
        if (e.getIdleTimeoutNs() != 0) {
            b.withTimeout(e.getIdleTimeoutNs() / 1e9);
        }
        if (e.hasCounterData()) {
            b.withCounterCellData(new PiCounterCellData(e.getCounterData().getPacketCount(),
                    e.getCounterData().getByteCount()));
        }
        return b.build();
    }

    /** An action with its parameters. */
    public PiAction action(Action a) {
        P4Action action = p4Info.action(a.getActionId());
        PiAction.Builder b = PiAction.builder().withId(PiActionId.of(action.name()));
        for (Action.Param p : a.getParamsList()) {
            P4Field f = action.field(p.getParamId());
            b.withParameter(new PiActionParam(PiActionParamId.of(f.name()),
                    P4Values.decode(p.getValue(), f.bitwidth(), "action " + action.name() + ", parameter " + f.name())));
        }
        return b.build();
    }

    /** An indexed counter cell and its data. */
    public PiCounterCell counterCell(CounterEntry c) {
        P4Array counter = p4Info.counter(c.getCounterId());
        return new PiCounterCell(PiCounterCellId.ofIndirect(PiCounterId.of(counter.name()), c.getIndex().getIndex()),
                c.getData().getPacketCount(), c.getData().getByteCount());
    }

    /** A direct counter cell (identified by its table entry) and its data. */
    public PiCounterCell counterCell(DirectCounterEntry c) {
        return new PiCounterCell(PiCounterCellId.ofDirect(tableEntry(c.getTableEntry())),
                c.getData().getPacketCount(), c.getData().getByteCount());
    }

    /** An indexed meter cell's configuration (reset cells have no bands). */
    public PiMeterCellConfig meterCellConfig(MeterEntry m) {
        P4Array meter = p4Info.meter(m.getMeterId());
        PiMeterCellId cell = PiMeterCellId.ofIndirect(PiMeterId.of(meter.name()), m.getIndex().getIndex());
        if (!m.hasConfig()) {
            return PiMeterCellConfig.reset(cell);
        }
        MeterConfig c = m.getConfig();
        return PiMeterCellConfig.builder().withMeterCellId(cell).withCommittedBand(c.getCir(), c.getCburst())
                .withPeakBand(c.getPir(), c.getPburst()).build();
    }

    /** A packet-in with its {@code packet_in} controller metadata. */
    public PiPacketOperation packetIn(PacketIn p) {
        PiPacketOperation.Builder b = PiPacketOperation.builder().withType(PiPacketOperationType.PACKET_IN)
                .withData(ImmutableByteSequence.copyFrom(p.getPayload().asReadOnlyByteBuffer()));
        if (p.getMetadataCount() > 0) {
            P4PacketHeader header = p4Info.packetHeader(P4InfoIndex.PACKET_IN);
            for (PacketMetadata m : p.getMetadataList()) {
                P4Field f = header.field(m.getMetadataId());
                b.withMetadata(PiPacketMetadata.builder().withId(PiPacketMetadataId.of(f.name()))
                        .withValue(P4Values.decode(m.getValue(), f.bitwidth(), "packet_in metadata " + f.name()))
                        .build());
            }
        }
        return b.build();
    }

    private static PiFieldMatch fieldMatch(P4Table table, FieldMatch m) {
        P4Field f = table.field(m.getFieldId());
        PiMatchFieldId id = PiMatchFieldId.of(f.name());
        String what = "table " + table.name() + ", match field " + f.name();
        int w = f.bitwidth();
        switch (m.getFieldMatchTypeCase()) {
            case EXACT:
                return new PiExactFieldMatch(id, P4Values.decode(m.getExact().getValue(), w, what));
            case LPM:
                return new PiLpmFieldMatch(id, P4Values.decode(m.getLpm().getValue(), w, what),
                        m.getLpm().getPrefixLen());
            case TERNARY:
                return new PiTernaryFieldMatch(id, P4Values.decode(m.getTernary().getValue(), w, what),
                        P4Values.decode(m.getTernary().getMask(), w, what));
            case RANGE:
                return new PiRangeFieldMatch(id, P4Values.decode(m.getRange().getLow(), w, what),
                        P4Values.decode(m.getRange().getHigh(), w, what));
            case OPTIONAL:
                return new PiOptionalFieldMatch(id, P4Values.decode(m.getOptional().getValue(), w, what));
            default:
                throw new IllegalArgumentException(what + ": unsupported match " + m.getFieldMatchTypeCase());
        }
    }
}
