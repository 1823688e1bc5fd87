package org.lwaftr.lab.p4rt;

import org.junit.Test;
import org.onosproject.net.pi.model.PiMatchType;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

public class P4InfoIndexTest {
    private final P4InfoIndex index = TestP4Info.load();

    @Test
    public void findsTablesByNameAliasAndId() {
        P4Table t = index.table("Ing.exact_tbl");
        assertEquals(33554433, t.id());
        assertSame(t, index.table("exact_tbl"));
        assertSame(t, index.table(33554433));
        assertEquals(1024, t.size());
        assertFalse(t.needsPriority());
        assertTrue(index.table("Ing.acl").needsPriority());
    }

    @Test
    public void matchFieldsHaveIdsWidthsAndKinds() {
        P4Field f = index.table("Ing.exact_tbl").field("meta.psid");
        assertEquals(2, f.id());
        assertEquals(16, f.bitwidth());
        assertEquals(PiMatchType.EXACT, f.matchType());
        assertEquals(PiMatchType.RANGE, index.table("Ing.acl").field(2).matchType());
        assertEquals(PiMatchType.OPTIONAL, index.table("Ing.acl").field("hdr.ipv4.protocol").matchType());
    }

    @Test
    public void actionParamsHaveIdsAndWidths() {
        P4Action a = index.action("Ing.softwire");
        assertEquals(16777217, a.id());
        assertEquals(128, a.field("lwb4").bitwidth());
        assertEquals(20, a.field(3).bitwidth());
        assertEquals(3, a.fields().size());
    }

    @Test
    public void countersMetersAndPacketMetadata() {
        assertEquals(2048, index.counter("Ing.softwire_stats").size());
        assertFalse(index.counter("softwire_stats").isDirect());
        P4Array direct = index.counter("Ing.acl_hits");
        assertTrue(direct.isDirect());
        assertEquals(33554435, direct.directTableId());
        assertEquals(128, direct.size());
        assertEquals(8, index.meter("Ing.punt_meter").size());
        assertEquals(9, index.packetHeader(P4InfoIndex.PACKET_IN).field("ingress_port").bitwidth());
        assertEquals(1, index.packetHeader(P4InfoIndex.PACKET_OUT).field("egress_port").id());
        assertTrue(index.hasPacketHeader("packet_out"));
    }

    @Test
    public void unknownNamesAreReportedWithKnownOnes() {
        try {
            index.table("Ing.nope");
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("no table named 'Ing.nope'"));
            assertTrue(e.getMessage(), e.getMessage().contains("Ing.exact_tbl"));
        }
        try {
            index.action("Ing.softwire").field("lwb6");
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("action Ing.softwire: no parameter 'lwb6'"));
        }
    }

    @Test
    public void invalidTextNamesTheLine() {
        try {
            P4InfoIndex.parseText("tables {\n  preamble {\n    idx: 1\n  }\n}\n");
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("invalid P4Info text: 3:"));
        }
    }
}
