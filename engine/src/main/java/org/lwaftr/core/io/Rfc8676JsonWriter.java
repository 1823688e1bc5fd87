package org.lwaftr.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;

import java.io.IOException;
import java.io.Writer;
import java.util.Collection;

/**
 * Writes softwires as an RFC 8676 {@code ietf-softwire-br} document in the RFC 7951 JSON encoding:
 * {@code {"ietf-softwire-br:br-instances": {"binding": {"bind-instance": [{...}]}}}}, streaming.
 *
 * <p>{@code binding-ipv6info} is always the lwB4's /128 address (the core keeps no prefixes; an
 * entry imported as a prefix comes back as the address built from it, RFC 7596 §5.1). The
 * mandatory instance leaves take the given settings or {@link #DEFAULT_PAYLOAD_MTU},
 * {@link #DEFAULT_PATH_MRU} and the table size for {@code softwire-num-max}.
 */
public final class Rfc8676JsonWriter {

    /** {@code softwire-payload-mtu} when none is set: 1500 − 40 (the IPv6 header), as Snabb's default. */
    public static final int DEFAULT_PAYLOAD_MTU = 1460;
    /** {@code softwire-path-mru} when none is set. */
    public static final int DEFAULT_PATH_MRU = 1500;
    /** The YANG range of psid-len is 0..15. */
    public static final int MAX_PSID_LEN = 15;

    private static final JsonFactory FACTORY = new JsonFactory();

    private Rfc8676JsonWriter() {
    }

    /**
     * @param out       where to write (not closed)
     * @param settings  the bind-instance settings, or null for defaults
     * @param softwires the binding table
     * @param pretty    indent the output
     * @throws IOException             if writing fails
     * @throws InvalidBindingException if a port set has psid-len 16, which RFC 8676 cannot express
     */
    public static void write(Writer out, BindInstance settings, Collection<Softwire> softwires, boolean pretty)
            throws IOException {
        for (Softwire s : softwires) {
            if (s.portSet().length() > MAX_PSID_LEN) {
                throw new InvalidBindingException(Softwire.F_PSID_LEN, "softwire " + s.key() + ": psid-len "
                        + s.portSet().length() + " is outside the RFC 8676 range 0.." + MAX_PSID_LEN
                        + "; export it as Snabb or CSV instead");
            }
        }
        BindInstance i = settings != null ? settings : new BindInstance();
        JsonGenerator g = FACTORY.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        if (pretty) {
            g.useDefaultPrettyPrinter();
        }
        g.writeStartObject();
        g.writeObjectFieldStart(Rfc8676JsonReader.MODULE + ":br-instances");
        g.writeObjectFieldStart("binding");
        g.writeArrayFieldStart("bind-instance");
        g.writeStartObject();
        g.writeStringField("name", i.name() != null ? i.name() : BindInstance.DEFAULT_NAME);
        if (i.version() != null || i.date() != null) {
            g.writeObjectFieldStart("binding-table-versioning");
            if (i.version() != null) {
                g.writeStringField("version", i.version()); // RFC 7951 §6.1: uint64 as a string
            }
            if (i.date() != null) {
                g.writeStringField("date", i.date());
            }
            g.writeEndObject();
        }
        g.writeNumberField("softwire-num-max", i.softwireNumMax() != null ? i.softwireNumMax()
                : Math.max(1, softwires.size()));
        g.writeNumberField("softwire-payload-mtu", i.softwirePayloadMtu() != null ? i.softwirePayloadMtu()
                : DEFAULT_PAYLOAD_MTU);
        g.writeNumberField("softwire-path-mru", i.softwirePathMru() != null ? i.softwirePathMru()
                : DEFAULT_PATH_MRU);
        if (i.enableHairpinning() != null) {
            g.writeBooleanField("enable-hairpinning", i.enableHairpinning());
        }
        g.writeObjectFieldStart("binding-table");
        g.writeArrayFieldStart("binding-entry");
        for (Softwire s : softwires) {
            entry(g, s);
        }
        g.writeEndArray();
        g.writeEndObject();
        icmpPolicy(g, i);
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.flush();
    }

    private static void entry(JsonGenerator g, Softwire s) throws IOException {
        PortSet ps = s.portSet();
        g.writeStartObject();
        g.writeStringField("binding-ipv6info", AddressText.formatIpv6(s.lwb4High(), s.lwb4Low()));
        g.writeStringField("binding-ipv4-addr", AddressText.formatIpv4(s.ipv4Int()));
        g.writeObjectFieldStart("port-set");
        g.writeNumberField("psid-offset", ps.offset());
        g.writeNumberField("psid-len", ps.length());
        g.writeNumberField("psid", ps.psid());
        g.writeEndObject();
        g.writeStringField("br-ipv6-addr", AddressText.formatIpv6(s.br()));
        g.writeEndObject();
    }

    private static void icmpPolicy(JsonGenerator g, BindInstance i) throws IOException {
        boolean v4 = i.allowIncomingIcmpv4() != null || i.icmpv4Rate() != null || i.generateIcmpv4Errors() != null;
        boolean v6 = i.generateIcmpv6Errors() != null || i.icmpv6Rate() != null;
        if (!v4 && !v6) {
            return;
        }
        g.writeObjectFieldStart("icmp-policy");
        if (v4) {
            g.writeObjectFieldStart("icmpv4-errors");
            if (i.allowIncomingIcmpv4() != null) {
                g.writeBooleanField("allow-incoming-icmpv4", i.allowIncomingIcmpv4());
            }
            if (i.icmpv4Rate() != null) {
                g.writeNumberField("icmpv4-rate", i.icmpv4Rate());
            }
            if (i.generateIcmpv4Errors() != null) {
                g.writeBooleanField("generate-icmpv4-errors", i.generateIcmpv4Errors());
            }
            g.writeEndObject();
        }
        if (v6) {
            g.writeObjectFieldStart("icmpv6-errors");
            if (i.generateIcmpv6Errors() != null) {
                g.writeBooleanField("generate-icmpv6-errors", i.generateIcmpv6Errors());
            }
            if (i.icmpv6Rate() != null) {
                g.writeNumberField("icmpv6-rate", i.icmpv6Rate());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
