package org.lwaftr.core.io;

import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.onlab.packet.Ip6Address;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.Collection;

/**
 * The binding table as CSV, one softwire per line:
 * <pre>
 * ipv4,psid_offset,psid_len,psid,lwb4,br
 * 192.0.2.1,0,6,1,2001:db8:1::1,2001:db8::1
 * </pre>
 * Columns: the IPv4 address; the RFC 7597 §5.1 port set as PSID offset a, PSID length k and PSID;
 * the lwB4 address (or a binding prefix of at most /64, from which the address is built as
 * RFC 7596 §5.1 says); the BR address. The header line is required and must be exactly this one
 * (spaces around commas are ignored). Blank lines and lines starting with '#' are skipped. No
 * quoting: no value contains a comma.
 */
public final class CsvBindings {

    /** The header line. */
    public static final String HEADER = "ipv4,psid_offset,psid_len,psid,lwb4,br";

    private static final String[] NAMES = {"ipv4", "psid_offset", "psid_len", "psid", "lwb4", "br"};
    /** Column i holds field COLUMN_FIELD[i]. */
    private static final int[] COLUMN_FIELD = {EntryFields.IPV4, EntryFields.PSID_OFFSET, EntryFields.PSID_LEN,
        EntryFields.PSID, EntryFields.B4, EntryFields.BR};

    private CsvBindings() {
    }

    /**
     * @param in the CSV text
     * @return every softwire, or an error: nothing partial
     * @throws IOException             on read errors
     * @throws InvalidBindingException naming the line and column of the first problem
     */
    public static ImportedBindings read(Reader in) throws IOException {
        BufferedReader r = in instanceof BufferedReader ? (BufferedReader) in : new BufferedReader(in, 1 << 16);
        EntryFields fields = new EntryFields(NAMES, 16);
        EntryList out = new EntryList();
        String[] cols = new String[NAMES.length];
        boolean header = false;
        int lineNo = 0;
        String line;
        while ((line = r.readLine()) != null) {
            lineNo++;
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (lineNo == 1 && t.startsWith("\uFEFF")) {
                    t = t.substring(1);
                }
                if (!t.replace(" ", "").equals(HEADER)) {
                    throw Where.error(lineNo, 0, null, "expected the header '" + HEADER + "', got '" + t + "'");
                }
                header = true;
                continue;
            }
            int n = split(line, cols);
            if (n != NAMES.length) {
                throw Where.error(lineNo, 0, null, "expected " + NAMES.length + " columns (" + HEADER + "), got "
                        + n);
            }
            fields.start(lineNo, 0);
            fields.ipv4(cols[0], lineNo, 0);
            for (int c = 1; c <= 3; c++) {
                fields.number(COLUMN_FIELD[c], cols[c], lineNo, 0);
            }
            fields.b4(cols[4], lineNo, 0);
            fields.br(cols[5], lineNo, 0);
            out.add(fields.build(), lineNo);
        }
        if (!header) {
            throw Where.error(Math.max(lineNo, 1), 0, null, "empty file: expected the header '" + HEADER + "'");
        }
        return new ImportedBindings(BindingFormat.CSV, out, null, null);
    }

    /** Splits on commas into at most cols.length trimmed values; returns how many columns the line has. */
    private static int split(String line, String[] cols) {
        int n = 0;
        int start = 0;
        while (true) {
            int comma = line.indexOf(',', start);
            int end = comma < 0 ? line.length() : comma;
            if (n < cols.length) {
                cols[n] = line.substring(start, end).trim();
            }
            n++;
            if (comma < 0) {
                return n;
            }
            start = comma + 1;
        }
    }

    /**
     * @param out       where to write (not closed)
     * @param softwires the softwires
     * @throws IOException if writing fails
     */
    public static void write(Writer out, Collection<Softwire> softwires) throws IOException {
        out.write(HEADER);
        out.write('\n');
        StringBuilder b = new StringBuilder(128);
        Ip6Address br = null;
        String brText = null;
        for (Softwire s : softwires) {
            if (s.br() != br) {
                br = s.br();
                brText = AddressText.formatIpv6(br);
            }
            PortSet ps = s.portSet();
            b.setLength(0);
            b.append(AddressText.formatIpv4(s.ipv4Int())).append(',').append(ps.offset()).append(',')
                    .append(ps.length()).append(',').append(ps.psid()).append(',')
                    .append(AddressText.formatIpv6(s.lwb4High(), s.lwb4Low())).append(',').append(brText)
                    .append('\n');
            out.append(b);
        }
        out.flush();
    }
}
