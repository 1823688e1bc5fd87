/*
 * The headers a target's ingress deparser emits, in order (valid ones only): packet_in for punts,
 * then the frame. Included inside each target's deparser apply block; its packet_out is "packet".
 */
        packet.emit(hdr.packet_in);
        packet.emit(hdr.ethernet);
        packet.emit(hdr.vlan);
        packet.emit(hdr.arp);
        packet.emit(hdr.ipv6);
        packet.emit(hdr.ipv6_dstopts);
        packet.emit(hdr.ipv6_fragment);
        packet.emit(hdr.icmpv6);
        packet.emit(hdr.ipv4);
        packet.emit(hdr.ipv4_options);
        packet.emit(hdr.l4_ports);
        packet.emit(hdr.icmp);
        packet.emit(hdr.inner_ipv4);
        packet.emit(hdr.inner_l4);
