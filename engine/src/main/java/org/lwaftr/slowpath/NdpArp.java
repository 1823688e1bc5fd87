package org.lwaftr.slowpath;

import org.onlab.packet.ARP;
import org.onlab.packet.ICMP6;
import org.onlab.packet.IPacket;
import org.onlab.packet.IPv6;
import org.onlab.packet.MacAddress;

/** Builders of the ARP and neighbour-discovery packets the AFTR sends (answers and requests). */
final class NdpArp {

    /** RFC 4861 §7.1: neighbour discovery messages travel with hop limit 255. */
    static final int NDP_HOP_LIMIT = 255;

    private NdpArp() {
    }

    /** @return an Ethernet/IPv4 ARP packet (RFC 826) */
    static ARP arp(short op, MacAddress sha, byte[] spa, byte[] tha, byte[] tpa) {
        ARP a = new ARP();
        a.setHardwareType(ARP.HW_TYPE_ETHERNET);
        a.setProtocolType(ARP.PROTO_TYPE_IP);
        a.setHardwareAddressLength((byte) 6);
        a.setProtocolAddressLength((byte) 4);
        a.setOpCode(op);
        a.setSenderHardwareAddress(sha.toBytes());
        a.setSenderProtocolAddress(spa);
        a.setTargetHardwareAddress(tha);
        a.setTargetProtocolAddress(tpa);
        return a;
    }

    /** @return an IPv6 packet carrying a neighbour-discovery message (code 0, hop limit 255) */
    static IPv6 ndp(byte type, IPacket message, byte[] src, byte[] dst) {
        ICMP6 icmp = new ICMP6();
        icmp.setIcmpType(type);
        icmp.setIcmpCode((byte) 0);
        icmp.setPayload(message);
        IPv6 ip6 = new IPv6();
        ip6.setHopLimit((byte) NDP_HOP_LIMIT);
        ip6.setNextHeader(IPv6.PROTOCOL_ICMP6);
        ip6.setSourceAddress(src);
        ip6.setDestinationAddress(dst);
        ip6.setPayload(icmp);
        return ip6;
    }
}
