package org.lwaftr.codec;

import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.SoftwireKey;
import org.lwaftr.core.io.AddressText;
import org.lwaftr.core.io.BindingIpv6Info;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Operator text → typed values, shared by the CLI, REST and GUI so all three accept the same
 * spellings and report the same errors. Every error names the field (RFC 8676 names for binding
 * fields).
 */
public final class Inputs {

    /** Parameter names that are not RFC 8676 binding fields. */
    public static final String F_PORT = "port";
    public static final String F_TIME = "time";
    public static final String F_OFFSET = "offset";
    public static final String F_LIMIT = "limit";

    private static final Pattern DIGITS = Pattern.compile("-?[0-9]{1,18}");

    private Inputs() {
    }

    /**
     * @param field the field name for errors
     * @param text  the value
     * @return the value, trimmed
     * @throws InvalidInputException if missing or blank
     */
    public static String required(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, field + " is required");
        }
        return text.trim();
    }

    /**
     * @param field the field name for errors
     * @param text  a dotted-quad IPv4 address
     * @return the address
     */
    public static Ip4Address ipv4(String field, String text) {
        String t = required(field, text);
        try {
            return AddressText.ipv4(t);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, field + " '" + t + "' is not an IPv4 address");
        }
    }

    /**
     * @param field the field name for errors
     * @param text  an IPv6 address
     * @return the address
     */
    public static Ip6Address ipv6(String field, String text) {
        String t = required(field, text);
        try {
            return AddressText.ipv6(t);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, field + " '" + t + "' is not an IPv6 address");
        }
    }

    /**
     * @param field the field name for errors
     * @param text  a decimal integer
     * @param min   smallest accepted
     * @param max   largest accepted
     * @return the value
     */
    public static long integer(String field, String text, long min, long max) {
        String t = required(field, text);
        if (!DIGITS.matcher(t).matches()) {
            throw new InvalidInputException(field, field + " '" + t + "' is not a whole number");
        }
        long v = Long.parseLong(t);
        if (v < min || v > max) {
            throw new InvalidInputException(field, field + " " + v + " is outside " + min + ".." + max);
        }
        return v;
    }

    /**
     * @param field the field name for errors
     * @param text  a port (or ICMP identifier) 0–65535
     * @return the port
     */
    public static int port(String field, String text) {
        return (int) integer(field, text, 0, PortSet.PORTS - 1);
    }

    /**
     * @param text a PSID 0–65535
     * @return the PSID
     */
    public static int psid(String text) {
        return (int) integer(Softwire.F_PSID, text, 0, PortSet.PORTS - 1);
    }

    /**
     * @param ipv4 IPv4 address text
     * @param psid PSID text
     * @return the binding-table key
     */
    public static SoftwireKey key(String ipv4, String psid) {
        return SoftwireKey.of(ipv4(Softwire.F_IPV4, ipv4), psid(psid));
    }

    /**
     * A point in time as abuse reports give it (RFC 7422): an ISO-8601 instant with a zone
     * ({@code 2024-05-01T10:15:30Z}, {@code 2024-05-01T12:15:30+02:00}), milliseconds since the
     * epoch, or {@code now}.
     *
     * @param field the field name for errors
     * @param text  the time
     * @param now   the current time (ms since the epoch), used for {@code now}
     * @return ms since the epoch
     */
    public static long time(String field, String text, long now) {
        String t = required(field, text);
        if (t.equalsIgnoreCase("now")) {
            return now;
        }
        if (DIGITS.matcher(t).matches()) {
            return Long.parseLong(t);
        }
        try {
            return OffsetDateTime.parse(t).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(t).toEpochMilli();
            } catch (DateTimeParseException e2) {
                throw new InvalidInputException(field, field + " '" + t + "' is not a time: give an ISO-8601"
                        + " instant with zone (2024-05-01T10:15:30Z), ms since the epoch, or 'now'");
            }
        }
    }

    /**
     * Builds a softwire from the six values an operator types (RFC 8676 binding-entry fields).
     *
     * @param ipv4       binding-ipv4-addr
     * @param psidOffset psid-offset
     * @param psidLen    psid-len
     * @param psid       psid
     * @param lwb4       binding-ipv6info: the lwB4's address, or a prefix (≤ /64) from which its
     *                   address is built (RFC 7596 §5.1, RFC 7597 §6), as binding-table imports accept
     * @param br         br-ipv6-addr
     * @return the validated softwire
     * @throws InvalidInputException   for malformed text, naming the field
     * @throws InvalidBindingException for values the core refuses, naming the field
     */
    public static Softwire softwire(String ipv4, String psidOffset, String psidLen, String psid,
                                    String lwb4, String br) {
        Ip4Address a = ipv4(Softwire.F_IPV4, ipv4);
        int offset = (int) integer(Softwire.F_PSID_OFFSET, psidOffset, 0, 16);
        int len = (int) integer(Softwire.F_PSID_LEN, psidLen, 0, 16);
        int id = psid(psid);
        BindingIpv6Info b4 = bindingIpv6Info(lwb4);
        Ip6Address brAddr = ipv6(Softwire.F_BR, br);
        PortSet ps = Softwire.portSet(offset, len, id);
        return Softwire.of(a.toInt(), ps, b4.high(), b4.low(a.toInt(), ps.psid()), brAddr);
    }

    private static BindingIpv6Info bindingIpv6Info(String text) {
        String t = required(Softwire.F_B4, text);
        try {
            return BindingIpv6Info.parse(t);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Softwire.F_B4, Softwire.F_B4 + ": " + e.getMessage());
        }
    }
}
