package org.lwaftr.config;

import java.util.Objects;

/**
 * RFC 8676 {@code icmp-policy}: what ICMP the AFTR accepts and which errors it generates, with the
 * error rate limits of RFC 7596 §9 (messages per period).
 */
public final class IcmpPolicy {

    /** Default rate: RFC 8676 gives no default; Snabb's lwAFTR default (600 per 2 s, i.e. 300 per s). */
    public static final int DEFAULT_RATE = 300;

    private final boolean allowIncomingIcmpv4;
    private final boolean allowOutgoingIcmpv4;
    private final boolean generateIcmpv4Errors;
    private final boolean generateIcmpv6Errors;
    private final int icmpv4Rate;
    private final int icmpv6Rate;
    private final int ratePeriodSeconds;

    /**
     * @param allowIncomingIcmpv4  RFC 8676 allow-incoming-icmpv4: ICMPv4 from the Internet to softwires
     * @param allowOutgoingIcmpv4  ICMPv4 from lwB4s to the Internet (not in RFC 8676)
     * @param generateIcmpv4Errors RFC 8676 generate-icmpv4-errors (toward the Internet)
     * @param generateIcmpv6Errors RFC 8676 generate-icmpv6-errors (toward lwB4s)
     * @param icmpv4Rate           RFC 8676 icmpv4-rate: ICMPv4 errors per period
     * @param icmpv6Rate           RFC 8676 icmpv6-rate: ICMPv6 errors per period
     * @param ratePeriodSeconds    the period of both rates (1 s = RFC 8676's "per second")
     */
    public IcmpPolicy(boolean allowIncomingIcmpv4, boolean allowOutgoingIcmpv4, boolean generateIcmpv4Errors,
                      boolean generateIcmpv6Errors, int icmpv4Rate, int icmpv6Rate, int ratePeriodSeconds) {
        this.allowIncomingIcmpv4 = allowIncomingIcmpv4;
        this.allowOutgoingIcmpv4 = allowOutgoingIcmpv4;
        this.generateIcmpv4Errors = generateIcmpv4Errors;
        this.generateIcmpv6Errors = generateIcmpv6Errors;
        this.icmpv4Rate = icmpv4Rate;
        this.icmpv6Rate = icmpv6Rate;
        this.ratePeriodSeconds = ratePeriodSeconds;
    }

    /** The RFC 8676 defaults: everything allowed and generated. */
    public static final IcmpPolicy DEFAULT = new IcmpPolicy(true, true, true, true, DEFAULT_RATE, DEFAULT_RATE, 1);

    /** @return allow-incoming-icmpv4 */
    public boolean allowIncomingIcmpv4() {
        return allowIncomingIcmpv4;
    }

    /** @return allow-outgoing-icmpv4 */
    public boolean allowOutgoingIcmpv4() {
        return allowOutgoingIcmpv4;
    }

    /** @return generate-icmpv4-errors */
    public boolean generateIcmpv4Errors() {
        return generateIcmpv4Errors;
    }

    /** @return generate-icmpv6-errors */
    public boolean generateIcmpv6Errors() {
        return generateIcmpv6Errors;
    }

    /** @return icmpv4-rate (errors per period) */
    public int icmpv4Rate() {
        return icmpv4Rate;
    }

    /** @return icmpv6-rate (errors per period) */
    public int icmpv6Rate() {
        return icmpv6Rate;
    }

    /** @return icmp-rate-period in seconds */
    public int ratePeriodSeconds() {
        return ratePeriodSeconds;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof IcmpPolicy)) {
            return false;
        }
        IcmpPolicy p = (IcmpPolicy) o;
        return allowIncomingIcmpv4 == p.allowIncomingIcmpv4 && allowOutgoingIcmpv4 == p.allowOutgoingIcmpv4
                && generateIcmpv4Errors == p.generateIcmpv4Errors && generateIcmpv6Errors == p.generateIcmpv6Errors
                && icmpv4Rate == p.icmpv4Rate && icmpv6Rate == p.icmpv6Rate
                && ratePeriodSeconds == p.ratePeriodSeconds;
    }

    @Override
    public int hashCode() {
        return Objects.hash(allowIncomingIcmpv4, allowOutgoingIcmpv4, generateIcmpv4Errors, generateIcmpv6Errors,
                icmpv4Rate, icmpv6Rate, ratePeriodSeconds);
    }

    @Override
    public String toString() {
        return "icmp-policy{in4=" + allowIncomingIcmpv4 + ", out4=" + allowOutgoingIcmpv4 + ", gen4="
                + generateIcmpv4Errors + ", gen6=" + generateIcmpv6Errors + ", rate4=" + icmpv4Rate + ", rate6="
                + icmpv6Rate + "/" + ratePeriodSeconds + "s}";
    }
}
