package org.lwaftr.core.io;

import org.lwaftr.core.Addresses;
import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.onlab.packet.Ip6Address;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The fields of one binding entry as an importer meets them, in any order, each with where it
 * was written; {@link #build()} turns them into a {@link Softwire}. Shared by the three formats,
 * which differ only in syntax and field names. Reused from entry to entry (a million-entry file
 * allocates no per-entry parsing state), so not thread-safe.
 */
final class EntryFields {

    static final int IPV4 = 0;
    static final int PSID_OFFSET = 1;
    static final int PSID_LEN = 2;
    static final int PSID = 3;
    static final int B4 = 4;
    static final int BR = 5;
    private static final int COUNT = 6;

    /** The core's (RFC 8676) field names, indexed like the fields. */
    private static final String[] CORE_NAMES = {Softwire.F_IPV4, Softwire.F_PSID_OFFSET,
        Softwire.F_PSID_LEN, Softwire.F_PSID, Softwire.F_B4, Softwire.F_BR};

    private final String[] names;
    private final int psidLenMax;
    private final int[] lines = new int[COUNT];
    private final int[] columns = new int[COUNT];
    private final boolean[] present = new boolean[COUNT];
    private final int[] numbers = new int[COUNT];
    private final Map<String, Ip6Address> brs = new HashMap<>();
    private final long[] scratch = new long[2];
    private BindingIpv6Info b4;
    private Ip6Address br;
    private int line;
    private int column;

    /**
     * @param names      the format's names of the fields, indexed like the constants
     * @param psidLenMax the largest PSID length the format allows
     */
    EntryFields(String[] names, int psidLenMax) {
        this.names = names.clone();
        this.psidLenMax = psidLenMax;
    }

    /** @return the format's name of a field */
    String name(int field) {
        return names[field];
    }

    /**
     * Starts a new entry.
     *
     * @param atLine   where it starts
     * @param atColumn where it starts (0 if unknown)
     */
    void start(int atLine, int atColumn) {
        line = atLine;
        column = atColumn;
        Arrays.fill(present, false);
        b4 = null;
        br = null;
    }

    /** @return the line the current entry starts at */
    int line() {
        return line;
    }

    private void mark(int field, int atLine, int atColumn) {
        if (present[field]) {
            throw Where.error(atLine, atColumn, names[field], "given twice in one entry (first at line "
                    + lines[field] + ")");
        }
        present[field] = true;
        lines[field] = atLine;
        columns[field] = atColumn;
    }

    /** Records the IPv4 address. */
    void ipv4(String text, int atLine, int atColumn) {
        mark(IPV4, atLine, atColumn);
        try {
            numbers[IPV4] = AddressText.parseIpv4(text);
        } catch (IllegalArgumentException e) {
            throw Where.error(atLine, atColumn, names[IPV4], e.getMessage());
        }
    }

    /** Records a number given as text (psid-offset, psid-len or psid). */
    void number(int field, String text, int atLine, int atColumn) {
        long v = -1;
        if (!text.isEmpty() && text.length() <= 10) {
            v = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    v = -1;
                    break;
                }
                v = v * 10 + (c - '0');
            }
        }
        if (v < 0) {
            throw Where.error(atLine, atColumn, names[field], "'" + text + "' is not a non-negative integer");
        }
        number(field, v, atLine, atColumn);
    }

    /** Records a number (psid-offset, psid-len or psid). */
    void number(int field, long v, int atLine, int atColumn) {
        mark(field, atLine, atColumn);
        if (field == PSID && (v < 0 || v > 0xffff)) {
            throw Where.error(atLine, atColumn, names[field], v + " is not a 16-bit value");
        }
        int max = field == PSID_LEN ? psidLenMax : 16;
        if (field != PSID && (v < 0 || v > max)) {
            throw Where.error(atLine, atColumn, names[field], v + " is outside 0.." + max);
        }
        numbers[field] = (int) v;
    }

    /** Records the lwB4 address or binding prefix. */
    void b4(String text, int atLine, int atColumn) {
        mark(B4, atLine, atColumn);
        try {
            b4 = BindingIpv6Info.parse(text);
        } catch (IllegalArgumentException e) {
            throw Where.error(atLine, atColumn, names[B4], e.getMessage());
        }
    }

    /** Records the BR address; equal texts share one object. */
    void br(String text, int atLine, int atColumn) {
        mark(BR, atLine, atColumn);
        Ip6Address known = brs.get(text);
        if (known == null) {
            try {
                AddressText.parseIpv6(text, scratch);
            } catch (IllegalArgumentException e) {
                throw Where.error(atLine, atColumn, names[BR], e.getMessage());
            }
            known = Ip6Address.valueOf(Addresses.octets(scratch[0], scratch[1]));
            brs.put(text, known);
        }
        br = known;
    }

    /**
     * @return the softwire the recorded fields describe
     * @throws InvalidBindingException at the offending field (or the entry, if a field is missing)
     */
    Softwire build() {
        for (int f : new int[] {IPV4, PSID_LEN, PSID, B4, BR}) {
            if (!present[f]) {
                throw Where.error(line, column, names[f], "missing");
            }
        }
        int offset = present[PSID_OFFSET] ? numbers[PSID_OFFSET] : 0;
        try {
            PortSet ps = Softwire.portSet(offset, numbers[PSID_LEN], numbers[PSID]);
            int ipv4 = numbers[IPV4];
            return Softwire.of(ipv4, ps, b4.high(), b4.low(ipv4, ps.psid()), br);
        } catch (InvalidBindingException e) {
            throw relocate(e);
        }
    }

    /** Re-reports a core error at the field it names, in the format's words. */
    private InvalidBindingException relocate(InvalidBindingException e) {
        for (int f = 0; f < COUNT; f++) {
            if (CORE_NAMES[f].equals(e.field())) {
                String msg = e.getMessage();
                if (msg.startsWith(CORE_NAMES[f] + " ")) {
                    msg = msg.substring(CORE_NAMES[f].length() + 1);
                }
                return present[f] ? Where.error(lines[f], columns[f], names[f], msg)
                        : Where.error(line, column, names[f], msg);
            }
        }
        return Where.error(line, column, e.field(), e.getMessage());
    }
}
