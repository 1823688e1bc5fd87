package org.lwaftr.core;

import org.junit.Test;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * Binding table invariants and atomic batches (RFC 7596 §5.1, §5.2, §6.2).
 */
public class BindingTableTest {

    static final Ip6Address BR = Ip6Address.valueOf("2001:db8::1");
    static final Ip6Address BR2 = Ip6Address.valueOf("2001:db8::2");

    static Softwire sw(String v4, int a, int k, int psid, String b4) {
        return Softwire.of(Ip4Address.valueOf(v4), PortSet.of(a, k, psid), Ip6Address.valueOf(b4), BR);
    }

    @Test
    public void rfc7596Sec62LookupByAddressAndPort() {
        BindingTable t = new BindingTable();
        Softwire s1 = sw("192.0.2.1", 6, 6, 1, "2001:db8:1::1");
        Softwire s2 = sw("192.0.2.1", 6, 6, 2, "2001:db8:1::2");
        Softwire whole = sw("192.0.2.9", 0, 0, 0, "2001:db8:1::9");
        t.addAll(Arrays.asList(s1, s2, whole));
        assertEquals(3, t.size());
        // a=6,k=6: m=4; psid 1 holds 1024+16..1024+31
        assertEquals(s1, t.lookup(Ip4Address.valueOf("192.0.2.1").toInt(), 1040));
        assertEquals(s2, t.lookup(Ip4Address.valueOf("192.0.2.1").toInt(), 1056));
        assertNull("psid 3 unbound", t.lookup(Ip4Address.valueOf("192.0.2.1").toInt(), 1072));
        assertNull("i = 0 block excluded (RFC 7597 §5.1)", t.lookup(Ip4Address.valueOf("192.0.2.1").toInt(), 16));
        assertEquals(whole, t.lookup(Ip4Address.valueOf("192.0.2.9").toInt(), 0));
        assertEquals(whole, t.lookup(Ip4Address.valueOf("192.0.2.9").toInt(), 65535));
        assertNull(t.lookup(Ip4Address.valueOf("192.0.2.2").toInt(), 1040));
        assertEquals(PortSetShape.of(6, 6), t.shape(Ip4Address.valueOf("192.0.2.1").toInt()));
        assertEquals(List.of(s1), t.byLwb4(Ip6Address.valueOf("2001:db8:1::1")));
        assertEquals(3, t.byBr(BR).size());
        assertEquals(List.of(BR), t.brAddresses());
    }

    @Test
    public void oneLwb4MayHoldSeveralSoftwires() {
        BindingTable t = new BindingTable();
        Softwire a = sw("192.0.2.1", 6, 6, 1, "2001:db8:1::1");
        Softwire b = sw("192.0.2.2", 6, 6, 1, "2001:db8:1::1");
        t.addAll(List.of(a, b));
        assertEquals(2, t.byLwb4(Ip6Address.valueOf("2001:db8:1::1")).size());
        t.apply(List.of(BindingChange.remove(a.key())));
        assertEquals(List.of(b), t.byLwb4(Ip6Address.valueOf("2001:db8:1::1")));
    }

    @Test
    public void duplicateKeyRejected() {
        BindingTable t = new BindingTable();
        t.addAll(List.of(sw("192.0.2.1", 6, 6, 1, "2001:db8:1::1")));
        InvalidBindingException e = expect(() -> t.addAll(List.of(sw("192.0.2.1", 6, 6, 1, "2001:db8:1::7"))));
        assertEquals("psid", e.field());
        assertTrue(e.getMessage(), e.getMessage().contains("already exists"));
    }

    @Test
    public void rfc7596Sec51OverlappingSetsOfDifferentLengthsRejected() {
        BindingTable t = new BindingTable();
        t.addAll(List.of(sw("192.0.2.1", 6, 6, 1, "2001:db8:1::1")));
        // a=6,k=4,psid=0 covers psid 0..3 of k=6 → overlaps psid 1
        InvalidBindingException e = expect(() -> t.addAll(List.of(sw("192.0.2.1", 6, 4, 0, "2001:db8:1::2"))));
        assertEquals("psid", e.field());
        assertTrue(e.getMessage(), e.getMessage().contains("overlaps"));
        // a=6,k=4,psid=1 covers k=6 psids 4..7: no overlap, but a second shape on one address is refused
        e = expect(() -> t.addAll(List.of(sw("192.0.2.1", 6, 4, 1, "2001:db8:1::2"))));
        assertEquals("psid-len", e.field());
        // the whole address overlaps every set
        e = expect(() -> t.addAll(List.of(sw("192.0.2.1", 0, 0, 0, "2001:db8:1::2"))));
        assertTrue(e.getMessage(), e.getMessage().contains("overlaps"));
        assertEquals(1, t.size());
    }

    @Test
    public void rfc7596Sec51SystemPortsRefusedUnlessAllowed() {
        Softwire low = sw("192.0.2.1", 0, 6, 0, "2001:db8:1::1"); // ports 0-1023
        InvalidBindingException e = expect(() -> new BindingTable().addAll(List.of(low)));
        assertEquals("psid", e.field());
        assertTrue(e.getMessage(), e.getMessage().contains("0-1023"));
        BindingTable allowing = new BindingTable(true);
        allowing.addAll(List.of(low));
        assertEquals(1, allowing.size());
        // whole address is always fine; a=0 psid 1 (1024-2047) too
        new BindingTable().addAll(List.of(sw("192.0.2.2", 0, 0, 0, "2001:db8:1::2"),
                sw("192.0.2.3", 0, 6, 1, "2001:db8:1::3")));
    }

    @Test
    public void batchWithOneBadEntryAppliesNothingAndNamesEntryAndField() {
        BindingTable t = new BindingTable();
        Softwire keep = sw("192.0.2.1", 6, 6, 1, "2001:db8:1::1");
        t.addAll(List.of(keep));
        List<BindingChange> batch = List.of(
                BindingChange.add(sw("192.0.2.1", 6, 6, 2, "2001:db8:1::2")),
                BindingChange.remove(keep.key()),
                BindingChange.add(sw("192.0.2.5", 6, 6, 3, "2001:db8:1::5")),
                BindingChange.add(sw("192.0.2.5", 6, 6, 3, "2001:db8:1::6")));
        InvalidBindingException e = expect(() -> t.apply(batch));
        assertEquals(3, e.entry());
        assertEquals("psid", e.field());
        assertTrue(e.getMessage(), e.getMessage().startsWith("entry 3 (add 192.0.2.5/psid 3)"));
        assertEquals(1, t.size());
        assertEquals(keep, t.get(keep.key()));
        assertNull(t.lookup(Ip4Address.valueOf("192.0.2.1").toInt(), 1056));
        assertTrue(t.byLwb4(Ip6Address.valueOf("2001:db8:1::2")).isEmpty());
    }

    @Test
    public void batchSeesItsOwnEarlierChanges() {
        BindingTable t = new BindingTable();
        Softwire a = sw("192.0.2.1", 6, 6, 1, "2001:db8:1::1");
        t.addAll(List.of(a));
        // remove the only set of the address, then give it another shape: valid in one batch
        BindingDiff d = t.apply(List.of(BindingChange.remove(a.key()),
                BindingChange.add(sw("192.0.2.1", 6, 4, 0, "2001:db8:1::2"))));
        assertEquals(1, d.removed().size());
        assertEquals(1, d.added().size());
        assertEquals(PortSetShape.of(6, 4), t.shape(Ip4Address.valueOf("192.0.2.1").toInt()));
        // removing twice in one batch fails at the second entry
        InvalidBindingException e = expect(() -> t.apply(List.of(
                BindingChange.remove(SoftwireKey.of(Ip4Address.valueOf("192.0.2.1"), 0)),
                BindingChange.remove(SoftwireKey.of(Ip4Address.valueOf("192.0.2.1"), 0)))));
        assertEquals(1, e.entry());
        assertEquals(1, t.size());
    }

    @Test
    public void replaceChangesTunnelEndpointsAndReportsOldAndNew() {
        BindingTable t = new BindingTable();
        Softwire a = sw("192.0.2.1", 6, 6, 1, "2001:db8:1::1");
        t.addAll(List.of(a));
        Softwire moved = Softwire.of(a.ipv4(), a.portSet(), Ip6Address.valueOf("2001:db8:9::1"), BR2);
        BindingDiff d = t.apply(List.of(BindingChange.replace(moved)));
        assertEquals(List.of(a), d.replacedOld());
        assertEquals(List.of(moved), d.replacedNew());
        assertTrue(t.byLwb4(a.lwb4()).isEmpty());
        assertEquals(List.of(moved), t.byLwb4(moved.lwb4()));
        assertEquals(List.of(BR2), t.brAddresses());
        InvalidBindingException e = expect(() -> t.apply(List.of(BindingChange.replace(
                sw("192.0.2.1", 6, 6, 2, "2001:db8:1::1")))));
        assertEquals("psid", e.field());
    }

    @Test
    public void replaceAllComputesSmallestDiff() {
        BindingTable t = new BindingTable();
        Softwire a = sw("192.0.2.1", 6, 6, 1, "2001:db8:1::1");
        Softwire b = sw("192.0.2.1", 6, 6, 2, "2001:db8:1::2");
        t.addAll(List.of(a, b));
        Softwire c = sw("192.0.2.3", 6, 6, 2, "2001:db8:1::3");
        Softwire b2 = sw("192.0.2.1", 6, 6, 2, "2001:db8:1::22");
        BindingDiff d = t.replaceAll(List.of(b2, c));
        assertEquals(List.of(a), d.removed());
        assertEquals(List.of(c), d.added());
        assertEquals(List.of(b2), d.replacedNew());
        assertTrue(t.replaceAll(List.of(b2, c)).isEmpty());
    }

    @Test
    public void brAddressesAreShared() {
        BindingTable t = new BindingTable();
        t.addAll(List.of(sw("192.0.2.1", 6, 6, 1, "2001:db8:1::1"),
                Softwire.of(Ip4Address.valueOf("192.0.2.2"), PortSet.of(6, 6, 1),
                        Ip6Address.valueOf("2001:db8:1::2"), Ip6Address.valueOf("2001:db8::1"))));
        List<Softwire> all = List.copyOf(t.softwires());
        assertSame(all.get(0).br(), all.get(1).br());
    }

    @Test
    public void softwireAddressValidationNamesField() {
        InvalidBindingException e = expect(() -> sw("224.0.0.1", 6, 6, 1, "2001:db8:1::1"));
        assertEquals("binding-ipv4-addr", e.field());
        e = expect(() -> sw("0.1.2.3", 6, 6, 1, "2001:db8:1::1"));
        assertEquals("binding-ipv4-addr", e.field());
        e = expect(() -> sw("255.255.255.255", 6, 6, 1, "2001:db8:1::1"));
        assertEquals("binding-ipv4-addr", e.field());
        e = expect(() -> sw("192.0.2.1", 6, 6, 1, "ff02::1"));
        assertEquals("binding-ipv6info", e.field());
        e = expect(() -> sw("192.0.2.1", 6, 6, 1, "::"));
        assertEquals("binding-ipv6info", e.field());
        e = expect(() -> Softwire.of(Ip4Address.valueOf("192.0.2.1"), PortSet.of(6, 6, 1),
                Ip6Address.valueOf("2001:db8:1::1"), Ip6Address.valueOf("::1")));
        assertEquals("br-ipv6-addr", e.field());
        e = expect(() -> Softwire.portSet(6, 6, 64));
        assertEquals("psid", e.field());
        e = expect(() -> Softwire.portSet(12, 6, 0));
        assertEquals("psid-offset", e.field());
    }

    static InvalidBindingException expect(Runnable r) {
        try {
            r.run();
        } catch (InvalidBindingException e) {
            return e;
        }
        fail("expected InvalidBindingException");
        return null;
    }
    static Softwire swBr(String v4, String br) {
        return Softwire.of(Ip4Address.valueOf(v4), PortSet.of(0, 0, 0), Ip6Address.valueOf("2001:db8:1::" + v4.substring(v4.lastIndexOf('.') + 1)),
                Ip6Address.valueOf(br));
    }

    /** A softwire carries its BR as an index: the table refuses the BR address one past the data plane's indexes. */
    @Test
    public void brAddressesBeyondTheLimitAreRefusedAndNothingIsApplied() {
        BindingTable t = new BindingTable(false, 2);
        t.addAll(List.of(swBr("192.0.2.1", "2001:db8::a"), swBr("192.0.2.2", "2001:db8::b"),
                swBr("192.0.2.3", "2001:db8::b")));
        InvalidBindingException e = expect(() -> t.addAll(List.of(swBr("192.0.2.4", "2001:db8::a"),
                swBr("192.0.2.5", "2001:db8::c"))));
        assertEquals(Softwire.F_BR, e.field());
        assertTrue(e.getMessage(), e.getMessage().startsWith("entry 1 (add 192.0.2.5"));
        assertTrue(e.getMessage(), e.getMessage().contains("2001:db8::c would be BR address number 3"));
        assertTrue(e.getMessage(), e.getMessage().contains("at most 2 distinct BR addresses"));
        assertEquals("nothing of the batch applied", 3, t.size());
        assertNull(t.get(swBr("192.0.2.4", "2001:db8::a").key()));
        assertEquals(2, t.brAddresses().size());
    }

    @Test
    public void aBrAddressFreedEarlierInTheBatchMakesRoomForANewOne() {
        BindingTable t = new BindingTable(false, 2);
        Softwire a = swBr("192.0.2.1", "2001:db8::a");
        Softwire b = swBr("192.0.2.2", "2001:db8::b");
        Softwire b2 = swBr("192.0.2.3", "2001:db8::b");
        t.addAll(List.of(a, b, b2));
        // b's last two softwires leave it (a remove, a replace onto ::a), then ::c comes in.
        t.apply(List.of(BindingChange.remove(b.key()), BindingChange.replace(swBr("192.0.2.3", "2001:db8::a")),
                BindingChange.add(swBr("192.0.2.5", "2001:db8::c"))));
        assertEquals(Set.of(Ip6Address.valueOf("2001:db8::a"), Ip6Address.valueOf("2001:db8::c")),
                Set.copyOf(t.brAddresses()));
        // replaceAll computes its own diff: removals first, so a whole new set of BRs fits.
        t.replaceAll(List.of(swBr("192.0.2.7", "2001:db8::d"), swBr("192.0.2.8", "2001:db8::e")));
        assertEquals(2, t.brAddresses().size());
        InvalidBindingException e = expect(() -> t.apply(List.of(BindingChange.add(swBr("192.0.2.9", "2001:db8::f")),
                BindingChange.remove(swBr("192.0.2.7", "2001:db8::d").key()))));
        assertEquals("the limit holds after each change, in order", Softwire.F_BR, e.field());
    }
}
