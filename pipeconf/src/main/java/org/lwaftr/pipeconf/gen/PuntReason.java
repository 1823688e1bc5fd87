// Generated from pipeconf/src/main/resources/lwaftr.p4info.txt (pipeline.p4) by
// org.lwaftr.pipeconf.codegen.P4InfoJavaGenerator. Do not edit: change pipeline.p4 and run
// scripts/p4-regen.sh.
package org.lwaftr.pipeconf.gen;

/**
 * P4 serializable enum {@code PuntReason_t} (bit&lt;8&gt;) of pipeline.p4.
 */
public enum PuntReason {
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

    /** Width of the P4 type in bits. */
    public static final int BITWIDTH = 8;

    private static final PuntReason[] VALUES = values();

    private final int code;

    PuntReason(int code) {
        this.code = code;
    }

    /**
     * Returns the value of this constant in the P4 program.
     *
     * @return the code
     */
    public int code() {
        return code;
    }

    /**
     * Returns the constant with the given P4 value.
     *
     * @param code a value of the P4 type
     * @return the constant, or null if the P4 program names none with that value
     */
    public static PuntReason fromCode(int code) {
        for (PuntReason value : VALUES) {
            if (value.code == code) {
                return value;
            }
        }
        return null;
    }
}
