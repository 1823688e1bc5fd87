package org.lwaftr.core.io;

/**
 * The settings of one RFC 8676 {@code bind-instance} besides its binding table: a plain holder,
 * null meaning "not given". Names follow the YANG leaves.
 */
public final class BindInstance {

    /** Default instance name used on export when none is set. */
    public static final String DEFAULT_NAME = "lwaftr";

    private String name = DEFAULT_NAME;
    private String version;
    private String date;
    private Long softwireNumMax;
    private Integer softwirePayloadMtu;
    private Integer softwirePathMru;
    private Boolean enableHairpinning;
    private Boolean allowIncomingIcmpv4;
    private Long icmpv4Rate;
    private Boolean generateIcmpv4Errors;
    private Boolean generateIcmpv6Errors;
    private Long icmpv6Rate;

    /** @return {@code name} */
    public String name() {
        return name;
    }

    /** @param v {@code name} @return this */
    public BindInstance name(String v) {
        name = v;
        return this;
    }

    /** @return {@code binding-table-versioning/version} (uint64, as text), or null */
    public String version() {
        return version;
    }

    /** @param v {@code binding-table-versioning/version} (uint64 text) @return this */
    public BindInstance version(String v) {
        version = v;
        return this;
    }

    /** @return {@code binding-table-versioning/date} (yang:date-and-time), or null */
    public String date() {
        return date;
    }

    /** @param v {@code binding-table-versioning/date} @return this */
    public BindInstance date(String v) {
        date = v;
        return this;
    }

    /** @return {@code softwire-num-max}, or null */
    public Long softwireNumMax() {
        return softwireNumMax;
    }

    /** @param v {@code softwire-num-max} @return this */
    public BindInstance softwireNumMax(Long v) {
        softwireNumMax = v;
        return this;
    }

    /** @return {@code softwire-payload-mtu}, or null */
    public Integer softwirePayloadMtu() {
        return softwirePayloadMtu;
    }

    /** @param v {@code softwire-payload-mtu} @return this */
    public BindInstance softwirePayloadMtu(Integer v) {
        softwirePayloadMtu = v;
        return this;
    }

    /** @return {@code softwire-path-mru}, or null */
    public Integer softwirePathMru() {
        return softwirePathMru;
    }

    /** @param v {@code softwire-path-mru} @return this */
    public BindInstance softwirePathMru(Integer v) {
        softwirePathMru = v;
        return this;
    }

    /** @return {@code enable-hairpinning}, or null (the YANG default is true) */
    public Boolean enableHairpinning() {
        return enableHairpinning;
    }

    /** @param v {@code enable-hairpinning} @return this */
    public BindInstance enableHairpinning(Boolean v) {
        enableHairpinning = v;
        return this;
    }

    /** @return {@code icmp-policy/icmpv4-errors/allow-incoming-icmpv4}, or null */
    public Boolean allowIncomingIcmpv4() {
        return allowIncomingIcmpv4;
    }

    /** @param v {@code allow-incoming-icmpv4} @return this */
    public BindInstance allowIncomingIcmpv4(Boolean v) {
        allowIncomingIcmpv4 = v;
        return this;
    }

    /** @return {@code icmp-policy/icmpv4-errors/icmpv4-rate}, or null */
    public Long icmpv4Rate() {
        return icmpv4Rate;
    }

    /** @param v {@code icmpv4-rate} @return this */
    public BindInstance icmpv4Rate(Long v) {
        icmpv4Rate = v;
        return this;
    }

    /** @return {@code icmp-policy/icmpv4-errors/generate-icmpv4-errors}, or null */
    public Boolean generateIcmpv4Errors() {
        return generateIcmpv4Errors;
    }

    /** @param v {@code generate-icmpv4-errors} @return this */
    public BindInstance generateIcmpv4Errors(Boolean v) {
        generateIcmpv4Errors = v;
        return this;
    }

    /** @return {@code icmp-policy/icmpv6-errors/generate-icmpv6-errors}, or null */
    public Boolean generateIcmpv6Errors() {
        return generateIcmpv6Errors;
    }

    /** @param v {@code generate-icmpv6-errors} @return this */
    public BindInstance generateIcmpv6Errors(Boolean v) {
        generateIcmpv6Errors = v;
        return this;
    }

    /** @return {@code icmp-policy/icmpv6-errors/icmpv6-rate}, or null */
    public Long icmpv6Rate() {
        return icmpv6Rate;
    }

    /** @param v {@code icmpv6-rate} @return this */
    public BindInstance icmpv6Rate(Long v) {
        icmpv6Rate = v;
        return this;
    }
}
