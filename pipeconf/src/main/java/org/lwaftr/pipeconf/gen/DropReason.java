// Generated from pipeconf/src/main/resources/lwaftr.p4info.txt (pipeline.p4) by
// org.lwaftr.pipeconf.codegen.P4InfoJavaGenerator. Do not edit: change pipeline.p4 and run
// scripts/p4-regen.sh.
package org.lwaftr.pipeconf.gen;

/**
 * P4 serializable enum {@code DropReason_t} (bit&lt;8&gt;) of pipeline.p4.
 */
public enum DropReason {
    NONE(0),
    UNKNOWN_PORT(1),
    NOT_FOR_AFTR(2),
    BAD_HEADER(3),
    UNSUPPORTED(4),
    DOWNSTREAM_NO_BINDING(5),
    UPSTREAM_NO_BINDING(6),
    ICMP_POLICY(7),
    NO_PORT(8),
    TTL_EXPIRED(9),
    PUNT_METER(10),
    AFTR_OTHER(11),
    NO_NEXT_HOP(12),
    REINJECT_PUNT(13),
    FILTERED(14);

    /** Width of the P4 type in bits. */
    public static final int BITWIDTH = 8;

    private static final DropReason[] VALUES = values();

    private final int code;

    DropReason(int code) {
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
    public static DropReason fromCode(int code) {
        for (DropReason value : VALUES) {
            if (value.code == code) {
                return value;
            }
        }
        return null;
    }
}
