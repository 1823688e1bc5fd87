package org.lwaftr.slowpath;

/**
 * Punt reasons as pipeline.p4's {@code PuntReason_t} numbers them.
 *
 * <p>STAND-IN for the generated {@code org.lwaftr.pipeconf.gen.PuntReason} (same constant names,
 * {@code code()} and {@code fromCode(int)} returning null when unknown). To switch: in
 * SlowPath.java replace the type name {@code PuntCode} by {@code PuntReason} (imported from
 * org.lwaftr.pipeconf.gen; {@code SlowPath.reasonOf(int)} is the one call of {@code fromCode}),
 * then delete this file.
 */
enum PuntCode {
    NONE(0),
    ARP(1),
    NDP(2),
    ICMPV4_TO_AFTR(3),
    ICMPV6_TO_BR(4),
    IPV4_FRAGMENT(5),
    IPV6_FRAGMENT(6),
    INNER_IPV4_FRAGMENT(7),
    DOWNSTREAM_NO_BINDING(8),
    UPSTREAM_NO_BINDING(9),
    TTL_EXPIRED(10),
    DOWNSTREAM_MTU(11),
    UPSTREAM_MTU(12);

    private static final PuntCode[] BY_CODE = new PuntCode[13];

    static {
        for (PuntCode r : values()) {
            BY_CODE[r.code] = r;
        }
    }

    private final int code;

    PuntCode(int code) {
        this.code = code;
    }

    /** @return the P4 value */
    int code() {
        return code;
    }

    /** @param code a P4 value @return the reason, or null if unknown */
    static PuntCode fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
