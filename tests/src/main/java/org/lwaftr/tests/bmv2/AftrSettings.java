package org.lwaftr.tests.bmv2;

/**
 * The lwAFTR settings carried by the pipeline's {@code aftr_config} default action (test-only value
 * object; the control plane derives them from RFC 8676 configuration). Immutable: {@code with*}
 * return changed copies.
 */
public final class AftrSettings implements Cloneable {
    // package-private: LwaftrTestEntries reads them
    int hopLimit = 64;
    int flowLabel;
    boolean hairpinning = true;
    boolean icmpv4Errors = true;
    boolean icmpv6Errors = true;
    boolean allowIncomingIcmp = true;
    boolean allowOutgoingIcmp = true;
    int lwb4Mtu = 1500;
    int internetMtu = 1500;

    private AftrSettings() {
    }

    /** The pipeline's built-in defaults: hop limit 64, flow label 0, everything on, MTUs 1500. */
    public static AftrSettings defaults() {
        return new AftrSettings();
    }

    /** Hop limit of encapsulated packets. */
    public int hopLimit() {
        return hopLimit;
    }

    /** Flow label of encapsulated packets (20 bits). */
    public int flowLabel() {
        return flowLabel;
    }

    /** With another hop limit. */
    public AftrSettings withHopLimit(int v) {
        AftrSettings c = copy();
        c.hopLimit = v;
        return c;
    }

    /** With another flow label. */
    public AftrSettings withFlowLabel(int v) {
        AftrSettings c = copy();
        c.flowLabel = v;
        return c;
    }

    /** With hairpinning on or off. */
    public AftrSettings withHairpinning(boolean v) {
        AftrSettings c = copy();
        c.hairpinning = v;
        return c;
    }

    /** With ICMPv4 errors on or off. */
    public AftrSettings withIcmpv4Errors(boolean v) {
        AftrSettings c = copy();
        c.icmpv4Errors = v;
        return c;
    }

    /** With ICMPv6 errors on or off. */
    public AftrSettings withIcmpv6Errors(boolean v) {
        AftrSettings c = copy();
        c.icmpv6Errors = v;
        return c;
    }

    /** With incoming ICMP allowed or not. */
    public AftrSettings withAllowIncomingIcmp(boolean v) {
        AftrSettings c = copy();
        c.allowIncomingIcmp = v;
        return c;
    }

    /** With outgoing ICMP allowed or not. */
    public AftrSettings withAllowOutgoingIcmp(boolean v) {
        AftrSettings c = copy();
        c.allowOutgoingIcmp = v;
        return c;
    }

    /** With another lwB4-side MTU. */
    public AftrSettings withLwb4Mtu(int v) {
        AftrSettings c = copy();
        c.lwb4Mtu = v;
        return c;
    }

    /** With another Internet-side MTU. */
    public AftrSettings withInternetMtu(int v) {
        AftrSettings c = copy();
        c.internetMtu = v;
        return c;
    }

    private AftrSettings copy() {
        try {
            return (AftrSettings) clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}
