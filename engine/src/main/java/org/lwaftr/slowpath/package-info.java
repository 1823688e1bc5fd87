/**
 * The lwAFTR slow path (RFC 7596): what the switch punts, answered in plain Java.
 *
 * <p>{@link org.lwaftr.slowpath.SlowPath#handle(byte[], int, int)} takes a punted frame (as it
 * arrived, VLAN tag included), its ingress port and pipeline.p4's punt reason, and returns
 * {@link org.lwaftr.slowpath.OutboundPacket}s: frames for a port (AFTR MAC as source, the side's
 * next hop as destination, the side's VLAN) or frames to re-inject through the pipeline.
 *
 * <p>Decisions:
 * <ul>
 *   <li>Packets are built with ONOS's {@code org.onlab.packet} classes; every checksum is then
 *       recomputed, because ONOS folds the sum only once (wrong for some long ICMP messages).
 *       Received L3 headers are read with bounds-checked views, because ONOS's deserialisers parse
 *       the payload as L4 and fail on fragments; ARP and NDP messages are parsed with ONOS.</li>
 *   <li>ICMP errors go back the way the offending packet came: to the Internet, or, for a packet
 *       that came through a softwire (hairpinned, or upstream too big with DF), encapsulated from
 *       its BR address to its lwB4. The source is the first AFTR IPv4 address; TTL = the policy's hop limit.</li>
 *   <li>Hairpinned packets punted in their second pass (DOWNSTREAM_NO_BINDING, TTL_EXPIRED,
 *       DOWNSTREAM_MTU, still encapsulated) are decapsulated and handled as downstream.</li>
 *   <li>DOWNSTREAM_MTU: DF set → ICMPv4 3/4 with lwB4-side MTU − 40; DF clear → TTL − 1,
 *       encapsulation to the softwire found in the binding table, IPv6 fragmentation (no Fragment
 *       header if it fits, RFC 8021). UPSTREAM_MTU: DF set → 3/4 with the Internet MTU through the
 *       softwire; DF clear → IPv4 fragmentation, copied options only in later fragments.</li>
 *   <li>Fragments are reassembled and the whole packet re-injected, so the pipeline applies the
 *       binding table and punts again if needed. Any overlap discards the packet (RFC 5722, also
 *       for IPv4); the table is bounded (oldest evicted) and times out (60 s by default).</li>
 *   <li>ICMPv4 and ICMPv6 errors each pass a token bucket; echo replies, ARP and NDP do not.</li>
 *   <li>Nothing throws: malformed input is counted ({@link org.lwaftr.slowpath.Counter}).</li>
 * </ul>
 */
package org.lwaftr.slowpath;
