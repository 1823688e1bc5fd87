package org.lwaftr.lab.p4rt;

import com.google.protobuf.TextFormat;
import org.onosproject.net.pi.model.PiMatchType;
import p4.config.v1.P4InfoOuterClass;
import p4.config.v1.P4InfoOuterClass.P4Info;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Index of a P4Info: maps the names used by ONOS PI ids (tables, actions, parameters, match
 * fields, counters, meters, controller packet metadata) to P4Runtime numeric ids and bit widths.
 * Immutable once built.
 */
public final class P4InfoIndex {
    /** Name of the controller header carrying packet-in metadata (P4Runtime spec §16.1). */
    public static final String PACKET_IN = "packet_in";
    /** Name of the controller header carrying packet-out metadata. */
    public static final String PACKET_OUT = "packet_out";

    private final P4Info p4Info;
    private final P4Catalog<P4Table> tables = new P4Catalog<>("table");
    private final P4Catalog<P4Action> actions = new P4Catalog<>("action");
    private final P4Catalog<P4Array> counters = new P4Catalog<>("counter");
    private final P4Catalog<P4Array> meters = new P4Catalog<>("meter");
    private final P4Catalog<P4PacketHeader> packetHeaders = new P4Catalog<>("controller packet header");

    private P4InfoIndex(P4Info p4Info) {
        this.p4Info = Objects.requireNonNull(p4Info);
        p4Info.getActionsList().forEach(a -> actions.add(new P4Action(a.getPreamble().getId(),
                a.getPreamble().getName(), a.getPreamble().getAlias(),
                a.getParamsList().stream().map(p -> new P4Field(p.getId(), p.getName(), p.getBitwidth(), null))
                        .collect(Collectors.toList()))));
        for (P4InfoOuterClass.Table t : p4Info.getTablesList()) {
            List<P4Field> fields = new ArrayList<>();
            for (P4InfoOuterClass.MatchField f : t.getMatchFieldsList()) {
                fields.add(new P4Field(f.getId(), f.getName(), f.getBitwidth(), matchType(t, f)));
            }
            List<Integer> actionIds = t.getActionRefsList().stream().map(P4InfoOuterClass.ActionRef::getId)
                    .collect(Collectors.toList());
            tables.add(new P4Table(t.getPreamble().getId(), t.getPreamble().getName(), t.getPreamble().getAlias(),
                    fields, actionIds, t.getSize()));
        }
        p4Info.getCountersList().forEach(c -> counters.add(new P4Array("counter", c.getPreamble().getId(),
                c.getPreamble().getName(), c.getPreamble().getAlias(), c.getSize(), 0)));
        p4Info.getDirectCountersList().forEach(c -> counters.add(new P4Array("direct counter",
                c.getPreamble().getId(), c.getPreamble().getName(), c.getPreamble().getAlias(),
                tables.get(c.getDirectTableId()).size(), c.getDirectTableId())));
        p4Info.getMetersList().forEach(m -> meters.add(new P4Array("meter", m.getPreamble().getId(),
                m.getPreamble().getName(), m.getPreamble().getAlias(), m.getSize(), 0)));
        p4Info.getDirectMetersList().forEach(m -> meters.add(new P4Array("direct meter",
                m.getPreamble().getId(), m.getPreamble().getName(), m.getPreamble().getAlias(),
                tables.get(m.getDirectTableId()).size(), m.getDirectTableId())));
        p4Info.getControllerPacketMetadataList().forEach(h -> packetHeaders.add(new P4PacketHeader(
                h.getPreamble().getId(), h.getPreamble().getName(), h.getPreamble().getAlias(),
                h.getMetadataList().stream().map(m -> new P4Field(m.getId(), m.getName(), m.getBitwidth(), null))
                        .collect(Collectors.toList()))));
    }

    /** Indexes a parsed P4Info. */
    public static P4InfoIndex of(P4Info p4Info) {
        return new P4InfoIndex(p4Info);
    }

    /**
     * Parses P4Info in protobuf text format (as written by {@code p4c --p4runtime-files x.p4info.txt}).
     *
     * @throws IllegalArgumentException with the parser's line and column if the text is not P4Info
     */
    public static P4InfoIndex parseText(CharSequence text) {
        P4Info.Builder b = P4Info.newBuilder();
        try {
            TextFormat.getParser().merge(text, b);
        } catch (TextFormat.ParseException e) {
            throw new IllegalArgumentException("invalid P4Info text: " + e.getMessage(), e);
        }
        return of(b.build());
    }

    /** Reads and parses a P4Info text file. */
    public static P4InfoIndex readText(Path file) {
        try {
            return parseText(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read P4Info " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** The indexed P4Info message (sent to the switch with the pipeline config). */
    public P4Info p4Info() {
        return p4Info;
    }

    /** The table with this name or alias; IllegalArgumentException listing known names if none. */
    public P4Table table(String name) {
        return tables.get(name);
    }

    /** The table with this id. */
    public P4Table table(int id) {
        return tables.get(id);
    }

    /** All tables. */
    public Collection<P4Table> tables() {
        return tables.all();
    }

    /** The action with this name or alias. */
    public P4Action action(String name) {
        return actions.get(name);
    }

    /** The action with this id. */
    public P4Action action(int id) {
        return actions.get(id);
    }

    /** The counter (indexed or direct) with this name or alias. */
    public P4Array counter(String name) {
        return counters.get(name);
    }

    /** The counter (indexed or direct) with this id. */
    public P4Array counter(int id) {
        return counters.get(id);
    }

    /** The meter (indexed or direct) with this name or alias. */
    public P4Array meter(String name) {
        return meters.get(name);
    }

    /** The meter (indexed or direct) with this id. */
    public P4Array meter(int id) {
        return meters.get(id);
    }

    /** The controller packet header ({@link #PACKET_IN} or {@link #PACKET_OUT}). */
    public P4PacketHeader packetHeader(String name) {
        return packetHeaders.get(name);
    }

    /** True if the P4Info declares this controller packet header. */
    public boolean hasPacketHeader(String name) {
        return packetHeaders.contains(name);
    }

    private static PiMatchType matchType(P4InfoOuterClass.Table t, P4InfoOuterClass.MatchField f) {
        switch (f.getMatchType()) {
            case EXACT:
                return PiMatchType.EXACT;
            case LPM:
                return PiMatchType.LPM;
            case TERNARY:
                return PiMatchType.TERNARY;
            case RANGE:
                return PiMatchType.RANGE;
            case OPTIONAL:
                return PiMatchType.OPTIONAL;
            default:
                throw new IllegalArgumentException("table " + t.getPreamble().getName() + ": match field "
                        + f.getName() + " has unsupported match type " + f.getMatchType()
                        + (f.getOtherMatchType().isEmpty() ? "" : " (" + f.getOtherMatchType() + ")"));
        }
    }
}
