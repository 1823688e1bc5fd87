package org.lwaftr.lab.p4rt;

import com.google.protobuf.ByteString;
import org.junit.Test;
import org.onlab.util.ImmutableByteSequence;
import org.onosproject.net.pi.model.PiActionParamId;
import org.onosproject.net.pi.model.PiMatchFieldId;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiActionParam;
import org.onosproject.net.pi.runtime.PiExactFieldMatch;
import org.onosproject.net.pi.runtime.PiLpmFieldMatch;
import org.onosproject.net.pi.runtime.PiMatchKey;
import org.onosproject.net.pi.runtime.PiOptionalFieldMatch;
import org.onosproject.net.pi.runtime.PiRangeFieldMatch;
import org.onosproject.net.pi.runtime.PiTableEntry;
import org.onosproject.net.pi.runtime.PiTernaryFieldMatch;
import p4.v1.P4RuntimeOuterClass.FieldMatch;
import p4.v1.P4RuntimeOuterClass.TableEntry;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.lwaftr.lab.p4rt.PiFixtures.ACL;
import static org.lwaftr.lab.p4rt.PiFixtures.CONFIG;
import static org.lwaftr.lab.p4rt.PiFixtures.DST4;
import static org.lwaftr.lab.p4rt.PiFixtures.DST6;
import static org.lwaftr.lab.p4rt.PiFixtures.EXACT;
import static org.lwaftr.lab.p4rt.PiFixtures.IN_PORT;
import static org.lwaftr.lab.p4rt.PiFixtures.L4_DST;
import static org.lwaftr.lab.p4rt.PiFixtures.LPM;
import static org.lwaftr.lab.p4rt.PiFixtures.PROTO;
import static org.lwaftr.lab.p4rt.PiFixtures.PSID;
import static org.lwaftr.lab.p4rt.PiFixtures.SOFTWIRE;
import static org.lwaftr.lab.p4rt.PiFixtures.binding;
import static org.lwaftr.lab.p4rt.PiFixtures.bytes;
import static org.lwaftr.lab.p4rt.PiFixtures.drop;
import static org.lwaftr.lab.p4rt.PiFixtures.ip6;
import static org.lwaftr.lab.p4rt.PiFixtures.setPort;
import static org.lwaftr.lab.p4rt.PiFixtures.softwire;

public class PiEncoderTest {
    private final P4InfoIndex p4Info = TestP4Info.load();
    private final PiEncoder encoder = new PiEncoder(p4Info);
    private final PiDecoder decoder = new PiDecoder(p4Info);

    private void assertRejected(PiTableEntry entry, String messagePart) {
        try {
            encoder.tableEntry(entry);
            fail("expected rejection: " + messagePart);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(messagePart));
        }
    }

    @Test
    public void exactEntryUsesIdsAndCanonicalValues() {
        PiTableEntry entry = binding(0xc0000201, 0x0034, softwire(0x42, 1, 7));
        TableEntry te = encoder.tableEntry(entry);
        assertEquals(33554433, te.getTableId());
        assertEquals(2, te.getMatchCount());
        FieldMatch psid = te.getMatch(1);
        assertEquals(2, psid.getFieldId());
        assertEquals(ByteString.copyFrom(new byte[]{0x34}), psid.getExact().getValue());
        assertEquals(16777217, te.getAction().getAction().getActionId());
        assertEquals(ByteString.copyFrom(new byte[]{7}), te.getAction().getAction().getParams(2).getValue());
        assertEquals(0, te.getPriority());
        assertFalse(te.getIsDefaultAction());
    }

    @Test
    public void exactEntryRoundTrips() {
        PiTableEntry entry = binding(0xc0000201, 0x0034, softwire(0x42, 1, 0x0f0001));
        assertEquals(entry, decoder.tableEntry(encoder.tableEntry(entry)));
    }

    @Test
    public void valueTooWideNamesTableAndField() {
        PiTableEntry entry = PiTableEntry.builder().forTable(EXACT).withMatchKey(PiMatchKey.builder()
                .addFieldMatch(new PiExactFieldMatch(DST4, ImmutableByteSequence.copyFrom(1)))
                .addFieldMatch(new PiExactFieldMatch(PSID, ImmutableByteSequence.copyFrom(0x10000)))
                .build()).withAction(drop()).build();
        assertRejected(entry, "table Ing.exact_tbl, match field meta.psid: value 0x010000 does not fit in 16 bits");
    }

    @Test
    public void parameterTooWideNamesActionAndParameter() {
        PiTableEntry entry = binding(1, 2, softwire(0x42, 1, 0x100000));
        assertRejected(entry, "action Ing.softwire, parameter counter_index: value 0x100000 does not fit in 20 bits");
    }

    @Test
    public void missingExactFieldIsRejected() {
        PiTableEntry entry = PiTableEntry.builder().forTable(EXACT).withMatchKey(PiMatchKey.builder()
                .addFieldMatch(new PiExactFieldMatch(DST4, ImmutableByteSequence.copyFrom(1))).build())
                .withAction(drop()).build();
        assertRejected(entry, "table Ing.exact_tbl: missing exact match fields [meta.psid]");
    }

    @Test
    public void wrongMatchKindAndUnknownFieldAreRejected() {
        PiTableEntry lpmOnExact = PiTableEntry.builder().forTable(EXACT).withMatchKey(PiMatchKey.builder()
                .addFieldMatch(new PiLpmFieldMatch(DST4, ImmutableByteSequence.copyFrom(1), 32)).build())
                .withAction(drop()).build();
        assertRejected(lpmOnExact, "match field hdr.ipv4.dst_addr: P4Info says EXACT, entry has LPM");
        PiTableEntry unknown = PiTableEntry.builder().forTable(EXACT).withMatchKey(PiMatchKey.builder()
                .addFieldMatch(new PiExactFieldMatch(PiMatchFieldId.of("meta.nope"), bytes(1))).build())
                .withAction(drop()).build();
        assertRejected(unknown, "table Ing.exact_tbl: no match field 'meta.nope'");
    }

    @Test
    public void actionMustBelongToTableAndHaveAllParams() {
        assertRejected(binding(1, 2, setPort(3)), "table Ing.exact_tbl: action Ing.set_port is not one of its actions");
        PiAction partial = PiAction.builder().withId(SOFTWIRE)
                .withParameter(new PiActionParam(PiActionParamId.of("lwb4"), ip6(1))).build();
        assertRejected(binding(1, 2, partial), "action Ing.softwire: missing parameters [br_index, counter_index]");
    }

    @Test
    public void lpmRoundTripsAndRejectsHostBits() {
        PiTableEntry entry = PiTableEntry.builder().forTable(LPM).withMatchKey(PiMatchKey.builder()
                .addFieldMatch(new PiLpmFieldMatch(DST6, ip6(0), 32)).build()).withAction(setPort(2)).build();
        TableEntry te = encoder.tableEntry(entry);
        assertEquals(32, te.getMatch(0).getLpm().getPrefixLen());
        assertEquals(entry, decoder.tableEntry(te));
        PiTableEntry hostBits = PiTableEntry.builder().forTable(LPM).withMatchKey(PiMatchKey.builder()
                .addFieldMatch(new PiLpmFieldMatch(DST6, ip6(1), 64)).build()).withAction(setPort(2)).build();
        assertRejected(hostBits, "has bits set past /64");
    }

    @Test
    public void ternaryRangeOptionalNeedPriorityAndRoundTrip() {
        PiMatchKey key = PiMatchKey.builder()
                .addFieldMatch(new PiTernaryFieldMatch(IN_PORT, bytes(0, 2), bytes(1, 0xff)))
                .addFieldMatch(new PiRangeFieldMatch(L4_DST, bytes(0, 0), bytes(0x03, 0xff)))
                .addFieldMatch(new PiOptionalFieldMatch(PROTO, bytes(17))).build();
        PiTableEntry noPriority = PiTableEntry.builder().forTable(ACL).withMatchKey(key).withAction(drop()).build();
        assertRejected(noPriority, "table Ing.acl: entries need a priority > 0");
        PiTableEntry entry = PiTableEntry.builder().forTable(ACL).withMatchKey(key).withAction(drop())
                .withPriority(10).build();
        TableEntry te = encoder.tableEntry(entry);
        assertEquals(10, te.getPriority());
        assertEquals(ByteString.copyFrom(new byte[]{0}), te.getMatch(1).getRange().getLow());
        assertEquals(entry, decoder.tableEntry(te));
    }

    @Test
    public void ternaryValueOutsideMaskAndInvertedRangeAreRejected() {
        PiTableEntry ternary = PiTableEntry.builder().forTable(ACL).withMatchKey(PiMatchKey.builder()
                .addFieldMatch(new PiTernaryFieldMatch(IN_PORT, bytes(0, 3), bytes(0, 2))).build())
                .withAction(drop()).withPriority(1).build();
        assertRejected(ternary, "has bits outside mask");
        PiTableEntry range = PiTableEntry.builder().forTable(ACL).withMatchKey(PiMatchKey.builder()
                .addFieldMatch(new PiRangeFieldMatch(L4_DST, bytes(0, 9), bytes(0, 8))).build())
                .withAction(drop()).withPriority(1).build();
        assertRejected(range, "range low");
    }

    @Test
    public void exactTablesRefusePriority() {
        PiTableEntry entry = PiTableEntry.builder().forTable(EXACT)
                .withMatchKey(binding(1, 2, drop()).matchKey()).withAction(drop()).withPriority(5).build();
        assertRejected(entry, "entries cannot have a priority");
    }

    @Test
    public void emptyMatchKeyIsTheDefaultEntry() {
        PiTableEntry entry = PiTableEntry.builder().forTable(CONFIG).withAction(setPort(255)).build();
        TableEntry te = encoder.tableEntry(entry);
        assertTrue(te.getIsDefaultAction());
        assertEquals(0, te.getMatchCount());
        PiTableEntry back = decoder.tableEntry(te);
        assertTrue(back.isDefaultAction());
        assertEquals(entry, back);
    }

    @Test
    public void cookieAndKeyOnlyEncoding() {
        PiTableEntry entry = PiTableEntry.builder().forTable(EXACT).withMatchKey(binding(1, 2, drop()).matchKey())
                .withAction(drop()).withCookie(0xabcL).build();
        TableEntry te = encoder.tableEntry(entry);
        assertEquals(0xabcL, te.getControllerMetadata());
        assertEquals(entry, decoder.tableEntry(te));
        TableEntry key = encoder.tableEntryKey(entry);
        assertFalse(key.hasAction());
        assertEquals(te.getMatchList(), key.getMatchList());
    }
}
