package org.lwaftr.slowpath;

/** What the slow path counts, one name per outcome (names as in {@link SlowPathCounters#snapshot()}). */
public enum Counter {
    /** Packets sent: ICMPv4 3/1 host unreachable (RFC 7596 §6.2, no binding downstream). */
    OUT_ICMPV4_3_1("out-icmpv4-3-1"),
    /** ICMPv4 3/4 fragmentation needed (RFC 1191). */
    OUT_ICMPV4_3_4("out-icmpv4-3-4"),
    /** ICMPv4 11/0 TTL exceeded. */
    OUT_ICMPV4_11_0("out-icmpv4-11-0"),
    /** ICMPv6 1/5 source address failed ingress/egress policy (RFC 7596 §6.2, upstream). */
    OUT_ICMPV6_1_5("out-icmpv6-1-5"),
    /** ICMPv4 echo replies. */
    OUT_ICMPV4_ECHO_REPLY("out-icmpv4-0-0"),
    /** ICMPv6 echo replies. */
    OUT_ICMPV6_ECHO_REPLY("out-icmpv6-129-0"),
    /** ARP replies. */
    OUT_ARP_REPLY("out-arp-reply"),
    /** Neighbour advertisements. */
    OUT_NDP_NA("out-ndp-na"),
    /** ARP requests sent to resolve the Internet side's next hop (RFC 826). */
    OUT_ARP_REQUEST("out-arp-request"),
    /** Neighbour solicitations sent to resolve the lwB4 side's next hop (RFC 4861 §7.2.2). */
    OUT_NDP_NS("out-ndp-ns"),
    /** ARP packets / neighbour advertisements from a next hop whose MAC was taken. */
    NEXT_HOP_LEARNED("next-hop-learned"),
    /** Next-hop MACs learned for the first time or changed. */
    NEXT_HOP_CHANGED("next-hop-changed"),
    /** Packets the slow path did not send: refused by their side's egress filter. */
    DROP_FILTERED("drop-filtered"),
    /** Packets the slow path did not send: their side's next hop is not resolved yet. */
    DROP_NO_NEXT_HOP("drop-no-next-hop"),
    /** IPv4 fragments sent toward the Internet. */
    OUT_IPV4_FRAGMENTS("out-ipv4-fragments"),
    /** IPv6 fragments sent toward lwB4s. */
    OUT_IPV6_FRAGMENTS("out-ipv6-fragments"),
    /** Packets re-injected through the pipeline. */
    OUT_REINJECTED("out-reinjected"),
    /** ICMPv4 errors not sent: over the rate (RFC 7596 §9). */
    ICMPV4_RATE_LIMITED("icmpv4-rate-limited"),
    /** ICMPv6 errors not sent: over the rate. */
    ICMPV6_RATE_LIMITED("icmpv6-rate-limited"),
    /** ICMPv4 errors not sent: turned off by policy. */
    DROP_POLICY_ICMPV4("drop-policy-icmpv4-errors"),
    /** ICMPv6 errors not sent: turned off by policy. */
    DROP_POLICY_ICMPV6("drop-policy-icmpv6-errors"),
    /** ICMP packets not forwarded: refused by allow-incoming/outgoing-icmp. */
    DROP_POLICY_ICMP("drop-policy-icmp"),
    /** ICMP errors not sent: the offending packet must not be answered (RFC 1812 §4.3.2.7, RFC 4443 §2.4(e)). */
    DROP_NO_ERROR_ALLOWED("drop-error-not-allowed"),
    /** Punted packets that are truncated or have bad lengths or fields. */
    DROP_MALFORMED("drop-malformed"),
    /** Punted packets with a reason the slow path does not know. */
    DROP_UNKNOWN_REASON("drop-unknown-reason"),
    /** Packets with a bad ICMP/ICMPv6 checksum. */
    DROP_BAD_CHECKSUM("drop-bad-checksum"),
    /** Well-formed packets that need no answer (other ARP/NDP/ICMP messages, not our address). */
    DROP_IGNORED("drop-ignored"),
    /** DOWNSTREAM_MTU with DF clear, but no softwire any more: answered as a binding miss. */
    DROP_NO_SOFTWIRE("drop-no-softwire"),
    /** Encapsulated downstream punt (a hairpinned packet) while hairpinning is off. */
    DROP_HAIRPIN_OFF("drop-hairpin-off"),
    /** ICMPv6 errors from inside a softwire relayed as ICMPv4 3/1 (RFC 2473 §8; destination unreachable,
     *  time exceeded, parameter problem). */
    OUT_RELAYED_ICMPV4_3_1("out-icmpv4-3-1-relayed"),
    /** ICMPv6 packet too big relayed as ICMPv4 3/4 with the MTU less 40 (RFC 2473 §8, RFC 1191). */
    OUT_RELAYED_ICMPV4_3_4("out-icmpv4-3-4-relayed"),
    /** ICMPv6 errors not relayed: ICMP from the lwB4 side refused by allow-outgoing-icmpv4 (Snabb's name). */
    DROP_POLICY_IN_ICMPV6("drop-in-by-policy-icmpv6"),
    /** ICMPv6 packet too big with a code other than 0, not relayed (Snabb's name). */
    DROP_TOO_BIG_CODE("drop-too-big-type-but-not-code-icmpv6"),
    /** ICMPv6 time exceeded other than hop limit (code 1: reassembly), not relayed (Snabb's name). */
    DROP_TIME_EXCEEDED_CODE("drop-over-time-but-not-hop-limit-icmpv6"),
    /** ICMPv6 errors whose quote is too short to find the IPv4 packet and its ports. */
    DROP_RELAY_SHORT_QUOTE("drop-icmpv6-error-short-quote"),
    /** ICMPv6 errors whose quote is not a packet the AFTR sent through a softwire it has. */
    DROP_RELAY_NOT_OURS("drop-icmpv6-error-not-ours"),
    /** Relayed errors for a bound IPv4 address but no softwire of it (RFC 7596 §8.1: discarded). */
    DROP_RELAY_NO_SOFTWIRE("drop-icmpv6-error-no-softwire"),
    /** Bugs: an exception inside the slow path (caught; should stay 0). */
    DROP_INTERNAL_ERROR("drop-internal-error"),
    /** Fragments accepted into a reassembly. */
    FRAGMENTS_RECEIVED("fragments-received"),
    /** Downstream IPv4 packets reassembled. */
    REASSEMBLED_IPV4("reassembled-ipv4"),
    /** Upstream IPv6 packets reassembled. */
    REASSEMBLED_IPV6("reassembled-ipv6"),
    /** Upstream inner IPv4 packets reassembled. */
    REASSEMBLED_INNER_IPV4("reassembled-inner-ipv4"),
    /**
     * Reassembled packets over the MTU of the side they leave by once translated: fragmented (or
     * answered with ICMPv4 3/4 if DF) by the slow path, never re-injected.
     */
    REASSEMBLED_TOO_BIG("reassembled-too-big"),
    /** Reassemblies abandoned after the timeout. */
    REASSEMBLY_TIMEOUT("reassembly-timeout"),
    /** Reassemblies discarded for overlapping fragments (RFC 5722). */
    REASSEMBLY_OVERLAP("reassembly-overlap"),
    /** Reassemblies discarded for bad fragments (too many, too long, non-multiple-of-8, two last). */
    REASSEMBLY_INVALID("reassembly-invalid"),
    /** Reassemblies evicted (oldest first) to admit a new one when the table is full. */
    REASSEMBLY_EVICTED("reassembly-evicted");

    private final String key;

    Counter(String key) {
        this.key = key;
    }

    /** @return the counter's name */
    public String key() {
        return key;
    }
}
