package org.lwaftr.store;

/**
 * Names of the distributed primitives (shared by the component and its transactions).
 */
final class MapNames {

    private MapNames() {
    }

    /** key (IPv4 &lt;&lt; 16 | PSID) → softwire record */
    static final String SOFTWIRES = "lwaftr-softwires";
    /** IPv4 → shape and count (conflict guard for per-address invariants) */
    static final String ADDRESSES = "lwaftr-addresses";
    /** counter index → key (guard: an index is never shared) */
    static final String COUNTER_OWNERS = "lwaftr-counter-owners";
    /** BR address → index */
    static final String BR_INDEXES = "lwaftr-br-indexes";
    /** BR index → address (guard) */
    static final String BR_OWNERS = "lwaftr-br-owners";
    /** "version" → binding-table version, "version-time" → its activation time */
    static final String META = "lwaftr-meta";
    /** sequence → ended binding (bounded history) */
    static final String HISTORY = "lwaftr-history";

    static final String VERSION = "version";
    static final String VERSION_TIME = "version-time";
}
