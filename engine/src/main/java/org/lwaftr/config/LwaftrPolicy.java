package org.lwaftr.config;

import org.lwaftr.pipeconf.DataPlaneLimits;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;

/**
 * The app-wide lwAFTR policy (netcfg {@code apps/org.lwaftr.app/lwaftr}): everything that is the
 * same on every AFTR device. Names follow RFC 8676 {@code ietf-softwire-br} where they mean the same.
 * Immutable; parsed by {@link PolicyCodec}.
 */
public final class LwaftrPolicy {

    /** RFC 7596 §6.2 hairpinning MUST be supported; RFC 8676 default true. */
    public static final boolean DEFAULT_HAIRPINNING = true;
    public static final int DEFAULT_HOP_LIMIT = 64;
    /** IPv4 payload of one tunnel packet: 1460 + 40 = a 1500-byte IPv6 link. */
    public static final int DEFAULT_PAYLOAD_MTU = 1460;
    /** Largest reassembled tunnel packet accepted (RFC 4213 §3.2 default MRU of 1500 + 40 headroom). */
    public static final int DEFAULT_PATH_MRU = 1540;
    public static final int DEFAULT_INTERNET_MTU = 1500;
    /** The data plane's binding table size (pipeline.p4 MAX_SOFTWIRES). */
    public static final int DEFAULT_SOFTWIRE_NUM_MAX = DataPlaneLimits.SOFTWIRES;

    /** The IPv6 header the lwB4-side MTU adds to the softwire payload. */
    public static final int IPV6_HEADER = 40;

    private final boolean hairpinning;
    private final int hopLimit;
    private final int flowLabel;
    private final int softwirePayloadMtu;
    private final int softwirePathMru;
    private final int internetMtu;
    private final boolean allowSystemPorts;
    private final int softwireNumMax;
    private final IcmpPolicy icmp;
    private final PuntMeterPolicy puntMeter;
    private final JsonNode bindingTable;
    private final String bindingTableFile;
    private final String keaReservationsFile;
    private final String keaIdentitiesFile;

    private LwaftrPolicy(Builder b) {
        hairpinning = b.hairpinning;
        hopLimit = b.hopLimit;
        flowLabel = b.flowLabel;
        softwirePayloadMtu = b.softwirePayloadMtu;
        softwirePathMru = b.softwirePathMru;
        internetMtu = b.internetMtu;
        allowSystemPorts = b.allowSystemPorts;
        softwireNumMax = b.softwireNumMax;
        icmp = b.icmp;
        puntMeter = b.puntMeter;
        bindingTable = b.bindingTable;
        bindingTableFile = b.bindingTableFile;
        keaReservationsFile = b.keaReservationsFile;
        keaIdentitiesFile = b.keaIdentitiesFile;
    }

    /** The policy when nothing is configured. */
    public static final LwaftrPolicy DEFAULT = builder().build();

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this policy's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.hairpinning = hairpinning;
        b.hopLimit = hopLimit;
        b.flowLabel = flowLabel;
        b.softwirePayloadMtu = softwirePayloadMtu;
        b.softwirePathMru = softwirePathMru;
        b.internetMtu = internetMtu;
        b.allowSystemPorts = allowSystemPorts;
        b.softwireNumMax = softwireNumMax;
        b.icmp = icmp;
        b.puntMeter = puntMeter;
        b.bindingTable = bindingTable;
        b.bindingTableFile = bindingTableFile;
        b.keaReservationsFile = keaReservationsFile;
        b.keaIdentitiesFile = keaIdentitiesFile;
        return b;
    }

    /** @return RFC 8676 enable-hairpinning */
    public boolean hairpinning() {
        return hairpinning;
    }

    /** @return hop limit of encapsulated packets (RFC 2473) */
    public int hopLimit() {
        return hopLimit;
    }

    /** @return flow label of encapsulated packets */
    public int flowLabel() {
        return flowLabel;
    }

    /** @return RFC 8676 softwire-payload-mtu: largest IPv4 packet sent into a softwire unfragmented */
    public int softwirePayloadMtu() {
        return softwirePayloadMtu;
    }

    /** @return the lwB4-side MTU: the largest IPv6 packet toward lwB4s (payload MTU + 40) */
    public int lwb4SideMtu() {
        return softwirePayloadMtu + IPV6_HEADER;
    }

    /** @return RFC 8676 softwire-path-mru: largest reassembled IPv6 packet from lwB4s */
    public int softwirePathMru() {
        return softwirePathMru;
    }

    /** @return the Internet-side MTU: the largest IPv4 packet toward the Internet */
    public int internetMtu() {
        return internetMtu;
    }

    /** @return whether port sets holding ports 0–1023 may be bound (RFC 7596 §5.1) */
    public boolean allowSystemPorts() {
        return allowSystemPorts;
    }

    /** @return RFC 8676 softwire-num-max */
    public int softwireNumMax() {
        return softwireNumMax;
    }

    /** @return RFC 8676 icmp-policy */
    public IcmpPolicy icmp() {
        return icmp;
    }

    /** @return the rate limit of the data plane's punt_meter (RFC 7596 §9) */
    public PuntMeterPolicy puntMeter() {
        return puntMeter;
    }

    /** @return the inline RFC 8676 {@code binding-table} object, or null */
    public JsonNode bindingTable() {
        return bindingTable;
    }

    /** @return the path of a binding-table file to load, or null */
    public String bindingTableFile() {
        return bindingTableFile;
    }

    /** @return the Kea reservations file kept equal to the binding table (RFC 7596 §6.1), or null */
    public String keaReservationsFile() {
        return keaReservationsFile;
    }

    /** @return the lwB4 identities (CSV) of the Kea reservations, or null */
    public String keaIdentitiesFile() {
        return keaIdentitiesFile;
    }

    /**
     * @param o another policy
     * @return true if the two differ in what the data plane holds: the {@code aftr_config} entry or
     *         the {@code punt_meter} cells
     */
    public boolean dataPlaneDiffers(LwaftrPolicy o) {
        return hairpinning != o.hairpinning || hopLimit != o.hopLimit || flowLabel != o.flowLabel
                || softwirePayloadMtu != o.softwirePayloadMtu || internetMtu != o.internetMtu
                || icmp.allowIncomingIcmpv4() != o.icmp.allowIncomingIcmpv4()
                || icmp.allowOutgoingIcmpv4() != o.icmp.allowOutgoingIcmpv4()
                || icmp.generateIcmpv4Errors() != o.icmp.generateIcmpv4Errors()
                || icmp.generateIcmpv6Errors() != o.icmp.generateIcmpv6Errors()
                || !puntMeter.equals(o.puntMeter);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LwaftrPolicy)) {
            return false;
        }
        LwaftrPolicy p = (LwaftrPolicy) o;
        return !dataPlaneDiffers(p) && softwirePathMru == p.softwirePathMru
                && allowSystemPorts == p.allowSystemPorts && softwireNumMax == p.softwireNumMax
                && icmp.equals(p.icmp) && Objects.equals(bindingTable, p.bindingTable)
                && Objects.equals(bindingTableFile, p.bindingTableFile)
                && Objects.equals(keaReservationsFile, p.keaReservationsFile)
                && Objects.equals(keaIdentitiesFile, p.keaIdentitiesFile);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hairpinning, hopLimit, flowLabel, softwirePayloadMtu, softwirePathMru, internetMtu,
                allowSystemPorts, softwireNumMax, icmp, puntMeter);
    }

    @Override
    public String toString() {
        return "lwaftr-policy{hairpinning=" + hairpinning + ", hop-limit=" + hopLimit + ", flow-label=" + flowLabel
                + ", payload-mtu=" + softwirePayloadMtu + ", path-mru=" + softwirePathMru + ", internet-mtu="
                + internetMtu + ", system-ports=" + allowSystemPorts + ", max=" + softwireNumMax + ", " + icmp + ", "
                + puntMeter + "}";
    }

    /** Builds a policy; values are checked by {@link PolicyCodec} when parsed from JSON. */
    public static final class Builder {
        private boolean hairpinning = DEFAULT_HAIRPINNING;
        private int hopLimit = DEFAULT_HOP_LIMIT;
        private int flowLabel;
        private int softwirePayloadMtu = DEFAULT_PAYLOAD_MTU;
        private int softwirePathMru = DEFAULT_PATH_MRU;
        private int internetMtu = DEFAULT_INTERNET_MTU;
        private boolean allowSystemPorts;
        private int softwireNumMax = DEFAULT_SOFTWIRE_NUM_MAX;
        private IcmpPolicy icmp = IcmpPolicy.DEFAULT;
        private PuntMeterPolicy puntMeter = PuntMeterPolicy.DEFAULT;
        private JsonNode bindingTable;
        private String bindingTableFile;
        private String keaReservationsFile;
        private String keaIdentitiesFile;

        private Builder() {
        }

        public Builder hairpinning(boolean v) {
            hairpinning = v;
            return this;
        }

        public Builder hopLimit(int v) {
            hopLimit = v;
            return this;
        }

        public Builder flowLabel(int v) {
            flowLabel = v;
            return this;
        }

        public Builder softwirePayloadMtu(int v) {
            softwirePayloadMtu = v;
            return this;
        }

        public Builder softwirePathMru(int v) {
            softwirePathMru = v;
            return this;
        }

        public Builder internetMtu(int v) {
            internetMtu = v;
            return this;
        }

        public Builder allowSystemPorts(boolean v) {
            allowSystemPorts = v;
            return this;
        }

        public Builder softwireNumMax(int v) {
            softwireNumMax = v;
            return this;
        }

        public Builder icmp(IcmpPolicy v) {
            icmp = Objects.requireNonNull(v);
            return this;
        }

        public Builder puntMeter(PuntMeterPolicy v) {
            puntMeter = Objects.requireNonNull(v);
            return this;
        }

        public Builder bindingTable(JsonNode v) {
            bindingTable = v;
            return this;
        }

        public Builder bindingTableFile(String v) {
            bindingTableFile = v;
            return this;
        }

        public Builder keaReservations(String file, String identitiesFile) {
            keaReservationsFile = file;
            keaIdentitiesFile = identitiesFile;
            return this;
        }

        /** @return the policy */
        public LwaftrPolicy build() {
            return new LwaftrPolicy(this);
        }
    }
}
