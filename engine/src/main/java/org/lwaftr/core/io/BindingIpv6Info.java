package org.lwaftr.core.io;

/**
 * RFC 8676 {@code binding-ipv6info}: the lwB4's IPv6 address, or an IPv6 prefix from which the
 * lwB4 builds its tunnel source address.
 *
 * <p>RFC 7596 §5.1 (Figure 3) builds that /128 "in the same manner as [RFC7597]" (RFC 7597 §6):
 * the operator's prefix, right-padded with zeros to 64 bits, then the interface identifier
 * 16 bits of zeros, the 32-bit IPv4 address and the 16-bit PSID (left-padded with zeros; zero
 * when no PSID is provisioned, i.e. a whole address). A prefix longer than /64 leaves no room for
 * that identifier and is refused, except /128, which is the address itself.
 */
public final class BindingIpv6Info {

    /** Longest prefix that leaves room for the RFC 7597 §6 interface identifier. */
    public static final int MAX_PREFIX_LENGTH = 64;

    private final long hi;
    private final long lo;
    private final int prefixLength; // 128 for an address

    private BindingIpv6Info(long hi, long lo, int prefixLength) {
        this.hi = hi;
        this.lo = lo;
        this.prefixLength = prefixLength;
    }

    /**
     * @param text an IPv6 address, or a prefix "addr/len" with len ≤ 64 (or 128)
     * @return the parsed value (prefix bits beyond the length are cleared)
     * @throws IllegalArgumentException saying what is wrong
     */
    public static BindingIpv6Info parse(String text) {
        int slash = text.indexOf('/');
        long[] a = new long[2];
        if (slash < 0) {
            AddressText.parseIpv6(text, a);
            return new BindingIpv6Info(a[0], a[1], 128);
        }
        AddressText.parseIpv6(text.substring(0, slash), a);
        int len;
        try {
            len = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has a bad prefix length");
        }
        if (len < 0 || len > 128) {
            throw new IllegalArgumentException("'" + text + "': prefix length must be 0-128");
        }
        if (len == 128) {
            return new BindingIpv6Info(a[0], a[1], 128);
        }
        if (len > MAX_PREFIX_LENGTH) {
            throw new IllegalArgumentException("'" + text + "': a binding prefix must be /64 or shorter"
                    + " so the lwB4 address can be built from it (RFC 7596 §5.1, RFC 7597 §6)");
        }
        long mask = len == 0 ? 0 : -1L << (64 - len);
        return new BindingIpv6Info(a[0] & mask, 0, len);
    }

    /** @return true if this is a prefix from which the address must be built */
    public boolean isPrefix() {
        return prefixLength < 128;
    }

    /** @return the prefix length (128 for an address) */
    public int prefixLength() {
        return prefixLength;
    }

    /** @return upper 64 bits of the address (or of the zero-padded prefix) */
    public long high() {
        return hi;
    }

    /**
     * @param ipv4 the softwire's IPv4 address
     * @param psid its PSID (0 for a whole address)
     * @return lower 64 bits of the lwB4 address: as given, or for a prefix the RFC 7597 §6 interface
     *     identifier {@code 0x0000 | IPv4 | PSID}
     */
    public long low(int ipv4, int psid) {
        if (!isPrefix()) {
            return lo;
        }
        return ((ipv4 & 0xffffffffL) << 16) | (psid & 0xffff);
    }
}
