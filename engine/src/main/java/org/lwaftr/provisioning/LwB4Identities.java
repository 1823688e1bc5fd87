package org.lwaftr.provisioning;

import org.onlab.packet.Ip6Address;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How the operator's DHCPv6 server knows each lwB4: its DUID or its MAC (Kea's {@code duid} and
 * {@code hw-address} host identifiers), read from CSV with a header naming the identifier:
 * <pre>
 * lwb4,duid
 * 2001:db8:1::1,00:03:00:01:02:00:00:00:00:01
 * </pre>
 * or {@code lwb4,hw-address}. One identifier kind per file; each lwB4 once. Blank lines and lines
 * starting with '#' are skipped. Errors name the line and column.
 */
public final class LwB4Identities {
    /** Kea's host identifier types this file can hold. */
    public enum Kind {
        DUID("duid"), HW_ADDRESS("hw-address");

        private final String keaName;

        Kind(String keaName) {
            this.keaName = keaName;
        }

        /** @return the name Kea gives this identifier in a host reservation */
        public String keaName() {
            return keaName;
        }
    }

    // RFC 8415 §11.1: a DUID is at most 128 octets (plus its 2-octet type); Kea writes octets as hex pairs.
    private static final Pattern DUID = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){2,129}");
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");

    private final Kind kind;
    private final Map<Ip6Address, String> ids;

    private LwB4Identities(Kind kind, Map<Ip6Address, String> ids) {
        this.kind = kind;
        this.ids = Collections.unmodifiableMap(ids);
    }

    /** @return the identifier kind of every entry */
    public Kind kind() {
        return kind;
    }

    /** @return lwB4 address → identifier (lower-case hex pairs) */
    public Map<Ip6Address, String> ids() {
        return ids;
    }

    /**
     * @param in   the CSV text
     * @param name the file's name, for errors
     * @return the identities
     * @throws IOException               on read errors
     * @throws ProvisioningInputException naming the file, line and column of the first problem
     */
    public static LwB4Identities read(Reader in, String name) throws IOException {
        BufferedReader r = new BufferedReader(in);
        Kind kind = null;
        Map<Ip6Address, String> ids = new LinkedHashMap<>();
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] cols = t.split("\\s*,\\s*", -1);
            if (kind == null) {
                kind = header(cols, name, n);
                continue;
            }
            if (cols.length != 2) {
                throw new ProvisioningInputException(name + ":" + n + ": expected 2 columns (lwb4," + kind.keaName
                        + "), found " + cols.length);
            }
            Ip6Address lwb4;
            try {
                lwb4 = Ip6Address.valueOf(cols[0]);
            } catch (IllegalArgumentException e) {
                throw new ProvisioningInputException(name + ":" + n + ": lwb4: '" + cols[0] + "' is not an IPv6 address");
            }
            String id = cols[1].toLowerCase(Locale.ROOT);
            if (!(kind == Kind.DUID ? DUID : MAC).matcher(id).matches()) {
                throw new ProvisioningInputException(name + ":" + n + ": " + kind.keaName + ": '" + cols[1] + "' is not "
                        + (kind == Kind.DUID ? "a DUID (3 to 130 hex octets, colon-separated)" : "a MAC address"));
            }
            if (ids.put(lwb4, id) != null) {
                throw new ProvisioningInputException(name + ":" + n + ": lwb4: " + lwb4 + " appears twice");
            }
        }
        if (kind == null) {
            throw new ProvisioningInputException(name + ": empty (needs the header lwb4,duid or lwb4,hw-address)");
        }
        return new LwB4Identities(kind, ids);
    }

    private static Kind header(String[] cols, String name, int line) {
        if (cols.length == 2 && cols[0].equals("lwb4")) {
            for (Kind k : Kind.values()) {
                if (k.keaName.equals(cols[1])) {
                    return k;
                }
            }
        }
        throw new ProvisioningInputException(name + ":" + line + ": the header must be lwb4,duid or lwb4,hw-address");
    }
}
