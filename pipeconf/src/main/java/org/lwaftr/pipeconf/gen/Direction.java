// Generated from pipeconf/src/main/resources/lwaftr.p4info.txt (pipeline.p4) by
// org.lwaftr.pipeconf.codegen.P4InfoJavaGenerator. Do not edit: change pipeline.p4 and run
// scripts/p4-regen.sh.
package org.lwaftr.pipeconf.gen;

/**
 * P4 serializable enum {@code Direction_t} (bit&lt;1&gt;) of pipeline.p4.
 */
public enum Direction {
    DOWNSTREAM(0),
    UPSTREAM(1);

    /** Width of the P4 type in bits. */
    public static final int BITWIDTH = 1;

    private static final Direction[] VALUES = values();

    private final int code;

    Direction(int code) {
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
    public static Direction fromCode(int code) {
        for (Direction value : VALUES) {
            if (value.code == code) {
                return value;
            }
        }
        return null;
    }
}
