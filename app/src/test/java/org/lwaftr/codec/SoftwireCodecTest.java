package org.lwaftr.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.Test;
import org.lwaftr.api.BindingRecord;
import org.lwaftr.api.Samples;
import org.lwaftr.core.BindingChange;
import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;

import java.io.IOException;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * RFC 8676 binding-entry JSON, change batches and whole tables.
 */
public class SoftwireCodecTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String s) throws IOException {
        return MAPPER.readTree(s.replace('\'', '"'));
    }

    @Test
    public void rfc8676EntryRoundTrips() {
        Softwire s = Samples.softwire("192.0.2.1", 5, "2001:db8::1", Samples.BR);
        JsonNode j = SoftwireCodec.encode(s);
        assertEquals("192.0.2.1", j.get("binding-ipv4-addr").asText());
        assertEquals(6, j.get("port-set").get("psid-offset").asInt());
        assertEquals(5, j.get("port-set").get("psid").asInt());
        assertEquals(s, SoftwireCodec.decode(j));
    }

    @Test
    public void wholeAddressHasNoPortSet() {
        Softwire s = Softwire.of(Ip4Address.valueOf("192.0.2.1"), PortSet.WHOLE_ADDRESS,
                Ip6Address.valueOf("2001:db8::1"), Ip6Address.valueOf(Samples.BR));
        JsonNode j = SoftwireCodec.encode(s);
        assertNull(j.get("port-set"));
        assertEquals(s, SoftwireCodec.decode(j));
    }

    @Test
    public void numbersMayBeStringsAsRfc7951Allows() throws IOException {
        Softwire s = SoftwireCodec.decode(json("{'binding-ipv4-addr':'192.0.2.1','port-set':{'psid-offset':'6',"
                + "'psid-len':6,'psid':'5'},'binding-ipv6info':'2001:db8::1','br-ipv6-addr':'2001:db8::2'}"));
        assertEquals(5, s.psid());
    }

    private static String fieldOf(String doc) {
        try {
            SoftwireCodec.decode(json(doc));
        } catch (InvalidInputException e) {
            return e.field();
        } catch (InvalidBindingException e) {
            return e.field();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        fail("accepted " + doc);
        return null;
    }

    @Test
    public void errorsNameTheMember() {
        assertEquals("binding-ipv4", fieldOf("{'binding-ipv4':'192.0.2.1'}"));
        assertEquals("binding-ipv4-addr", fieldOf("{'binding-ipv6info':'2001:db8::1','br-ipv6-addr':'::2'}"));
        assertEquals("psid", fieldOf("{'binding-ipv4-addr':'192.0.2.1','port-set':{'psid-offset':6,'psid-len':6},"
                + "'binding-ipv6info':'2001:db8::1','br-ipv6-addr':'2001:db8::2'}"));
        assertEquals("psid-len", fieldOf("{'binding-ipv4-addr':'192.0.2.1','port-set':{'psid-offset':6,"
                + "'psid-len':[6],'psid':1},'binding-ipv6info':'2001:db8::1','br-ipv6-addr':'2001:db8::2'}"));
        assertEquals("port-set", fieldOf("{'binding-ipv4-addr':'192.0.2.1','port-set':6,"
                + "'binding-ipv6info':'2001:db8::1','br-ipv6-addr':'2001:db8::2'}"));
        // RFC 7596 §5.1 / RFC 7597 §6: a prefix leaves no room for the interface identifier past /64
        assertEquals("binding-ipv6info", fieldOf("{'binding-ipv4-addr':'192.0.2.1','binding-ipv6info':"
                + "'2001:db8::/96','br-ipv6-addr':'2001:db8::2'}"));
    }

    @Test
    public void rfc7596Sec51PrefixBindingIpv6InfoBuildsTheLwb4AddressAsImportsDo() throws IOException {
        // RFC 8676 binding-ipv6info may be a prefix; the lwB4 /128 is prefix | 0x0000 | IPv4 | PSID
        Softwire s = SoftwireCodec.decode(json("{'binding-ipv4-addr':'192.0.2.1','port-set':{'psid-offset':6,"
                + "'psid-len':6,'psid':5},'binding-ipv6info':'2001:db8:1:2::/64','br-ipv6-addr':'2001:db8::2'}"));
        assertEquals(Ip6Address.valueOf("2001:db8:1:2:0:c000:201:5"), s.lwb4());
        Softwire whole = SoftwireCodec.decode(json("{'binding-ipv4-addr':'192.0.2.9',"
                + "'binding-ipv6info':'2001:db8:1:2::/64','br-ipv6-addr':'2001:db8::2'}"));
        assertEquals(Ip6Address.valueOf("2001:db8:1:2:0:c000:209:0"), whole.lwb4());
    }

    @Test
    public void batchRoundTripsInOrder() {
        Softwire a = Samples.softwire("192.0.2.1", 5, "2001:db8::1", Samples.BR);
        Softwire b = Samples.softwire("192.0.2.1", 6, "2001:db8::2", Samples.BR);
        List<BindingChange> batch = List.of(BindingChange.add(a), BindingChange.replace(b),
                BindingChange.remove(a.key()));
        List<BindingChange> back = ChangeBatchCodec.decode(ChangeBatchCodec.encode(batch));
        assertEquals(3, back.size());
        assertEquals(BindingChange.Kind.ADD, back.get(0).kind());
        assertEquals(a, back.get(0).softwire());
        assertEquals(BindingChange.Kind.REPLACE, back.get(1).kind());
        assertEquals(b, back.get(1).softwire());
        assertEquals(BindingChange.Kind.REMOVE, back.get(2).kind());
        assertEquals(a.key(), back.get(2).key());
    }

    private static InvalidBindingException batchError(String doc) throws IOException {
        try {
            ChangeBatchCodec.decode(json(doc));
        } catch (InvalidBindingException e) {
            return e;
        }
        fail("accepted " + doc);
        return null;
    }

    @Test
    public void batchErrorsNameEntryAndField() throws IOException {
        InvalidBindingException e = batchError("{'changes':[{'op':'remove','binding-ipv4-addr':'192.0.2.1','psid':1},"
                + "{'op':'remove','binding-ipv4-addr':'192.0.2.1','psid':70000}]}");
        assertEquals(1, e.entry());
        assertEquals("psid", e.field());
        assertTrue(e.getMessage(), e.getMessage().startsWith("entry 1: "));
        assertEquals("op", batchError("[{'op':'upsert'}]").field());
        assertEquals("op", batchError("[{'binding-ipv4-addr':'192.0.2.1'}]").field());
        // a remove names only its key: other members are refused
        assertEquals("br-ipv6-addr", batchError("[{'op':'remove','binding-ipv4-addr':'192.0.2.1','psid':1,"
                + "'br-ipv6-addr':'2001:db8::2'}]").field());
        assertEquals("changes", batchError("{'changes':{}}").field());
        assertEquals("chnages", batchError("{'chnages':[]}").field());
    }

    @Test
    public void rfc7422RecordsCarryTheInterval() {
        Softwire s = Samples.softwire("192.0.2.1", 5, "2001:db8::1", Samples.BR);
        JsonNode past = SoftwireCodec.encode(new BindingRecord(s, 0, 1000));
        assertEquals("1970-01-01T00:00:01Z", past.get("until").asText());
        assertFalse(past.get("current").asBoolean());
        JsonNode now = SoftwireCodec.encode(new BindingRecord(s, 0, BindingRecord.CURRENT));
        assertTrue(now.get("until").isNull());
        assertTrue(now.get("current").asBoolean());
    }
}
