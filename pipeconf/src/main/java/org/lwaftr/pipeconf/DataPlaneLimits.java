package org.lwaftr.pipeconf;

import org.lwaftr.pipeconf.gen.LwaftrP4;

/**
 * What the data plane holds, derived from the constants generated from pipeline.p4's P4Info: the
 * one place Java takes a size or a limit of the switch from. Change pipeline.p4, regenerate, and
 * every check in the control plane follows.
 */
public final class DataPlaneLimits {

    /** Softwires the binding table holds (one entry per softwire, both directions). */
    public static final int SOFTWIRES = LwaftrP4.INGRESS_BINDING_SIZE;
    /** Counter indexes: softwire_stats has two cells (upstream, downstream) per softwire. */
    public static final int COUNTER_INDEXES = LwaftrP4.COUNTER_SOFTWIRE_STATS_SIZE / 2;
    /** Bits a counter index needs. */
    public static final int COUNTER_INDEX_BITS = bitsFor(COUNTER_INDEXES);
    /** IPv4 addresses with a port-set shape (psid_shape entries). */
    public static final int SHARED_IPV4_ADDRESSES = LwaftrP4.INGRESS_PSID_SHAPE_SIZE;
    /** BR addresses one device answers for (br_address and br_source entries). */
    public static final int BR_ADDRESSES = Math.min(LwaftrP4.INGRESS_BR_ADDRESS_SIZE, LwaftrP4.INGRESS_BR_SOURCE_SIZE);
    /** Highest BR index a binding entry can carry. */
    public static final int MAX_BR_INDEX = (1 << LwaftrP4.PARAM_BR_INDEX_BITWIDTH) - 1;
    /** AFTR IPv4 addresses (aftr_ipv4 entries). */
    public static final int AFTR_IPV4_ADDRESSES = LwaftrP4.INGRESS_AFTR_IPV4_SIZE;
    /** (port, VLAN) roles (port_side entries). */
    public static final int PORT_ROLES = LwaftrP4.INGRESS_PORT_SIDE_SIZE;
    /**
     * Entries one side's filter may take: each filter table (ingress_filter, egress_filter) holds
     * both sides' filters.
     */
    public static final int FILTER_ENTRIES_PER_SIDE =
            Math.min(LwaftrP4.INGRESS_INGRESS_FILTER_SIZE, LwaftrP4.INGRESS_EGRESS_FILTER_SIZE) / 2;
    /** The controller's port (packet-in/out). */
    public static final int CPU_PORT = LwaftrP4.CPU_PORT;
    /**
     * Highest data-plane port: ports are {@code FIELD_INGRESS_PORT_BITWIDTH} bits wide and the all-ones
     * port is v1model's drop port on bmv2 (an egress_spec of 511 drops the packet).
     */
    public static final int MAX_PORT = (1 << LwaftrP4.FIELD_INGRESS_PORT_BITWIDTH) - 2;

    private DataPlaneLimits() {
    }

    /** @return true if {@code port} can face a neighbour: within 0..{@link #MAX_PORT}, not the CPU port */
    public static boolean isDataPort(long port) {
        return port >= 0 && port <= MAX_PORT && port != CPU_PORT;
    }

    private static int bitsFor(int count) {
        return 32 - Integer.numberOfLeadingZeros(count - 1);
    }
}
