/*
 * The parser states every target shares, from the controller's packet_out header on. Included inside
 * each target's ingress parser, after its own start states (which read the target's intrinsic
 * metadata and the hairpin's second-pass marker) and go to parse_packet_out or parse_ethernet.
 * Textual inclusion, not a sub-parser: bmv2's JSON keeps the state names it always had.
 * The parser's parameters are named packet, hdr and meta.
 */
    state parse_packet_out {
        packet.extract(hdr.packet_out);
        transition parse_ethernet;
    }
    state parse_ethernet {
        packet.extract(hdr.ethernet);
        transition select(hdr.ethernet.ether_type) {
            ETHERTYPE_VLAN: parse_vlan;
            ETHERTYPE_ARP: parse_arp;
            ETHERTYPE_IPV4: parse_ipv4;
            ETHERTYPE_IPV6: parse_ipv6;
            default: accept;
        }
    }
    state parse_vlan {
        packet.extract(hdr.vlan);
        transition select(hdr.vlan.ether_type) {
            ETHERTYPE_ARP: parse_arp;
            ETHERTYPE_IPV4: parse_ipv4;
            ETHERTYPE_IPV6: parse_ipv6;
            default: accept;
        }
    }
    state parse_arp {
        packet.extract(hdr.arp);
        transition accept;
    }
    state parse_ipv6 {
        packet.extract(hdr.ipv6);
        transition select(hdr.ipv6.next_hdr) {
            PROTO_IPV4: parse_ipv4;
            PROTO_DSTOPTS: parse_ipv6_dstopts;
            PROTO_FRAGMENT: parse_ipv6_fragment;
            PROTO_ICMPV6: parse_icmpv6;
            PROTO_TCP: parse_l4_ports;    /* only filters look at them: such packets are not forwarded */
            PROTO_UDP: parse_l4_ports;
            default: accept;
        }
    }
    state parse_ipv6_dstopts {
        packet.extract(hdr.ipv6_dstopts);
        transition select(hdr.ipv6_dstopts.hdr_ext_len, hdr.ipv6_dstopts.next_hdr) {
            (0, PROTO_IPV4): parse_ipv4;
            default: accept;
        }
    }
    state parse_ipv6_fragment {
        packet.extract(hdr.ipv6_fragment);
        transition accept;
    }
    state parse_icmpv6 {
        packet.extract(hdr.icmpv6);
        transition accept;
    }
    state parse_ipv4 {
        packet.extract(hdr.ipv4);
        /* An explicit reject would leave parser_error at NoError; verify() records the error and
         * the ingress drops the packet as BAD_HEADER. */
        verify(hdr.ipv4.ihl >= 5, error.Ipv4HeaderTooShort);
        /* Without options (the common case) the payload is selected here, one state less. */
        transition select(hdr.ipv4.ihl, hdr.ipv4.frag_offset, hdr.ipv4.protocol) {
            (5, 0, PROTO_TCP): parse_l4_ports;
            (5, 0, PROTO_UDP): parse_l4_ports;
            (5, 0, PROTO_ICMP): parse_icmp;
            (5, _, _): accept;
            default: parse_ipv4_options;
        }
    }
    state parse_ipv4_options {
        packet.extract(hdr.ipv4_options, (bit<32>) (((bit<16>) hdr.ipv4.ihl - 5) * 32));
        transition parse_ipv4_payload;
    }
    state parse_ipv4_payload {
        /* Non-first fragments carry no L4 header (the same choice as parse_ipv4's). */
        transition select(hdr.ipv4.frag_offset, hdr.ipv4.protocol) {
            (0, PROTO_TCP): parse_l4_ports;
            (0, PROTO_UDP): parse_l4_ports;
            (0, PROTO_ICMP): parse_icmp;
            default: accept;
        }
    }
    state parse_l4_ports {
        packet.extract(hdr.l4_ports);
        transition accept;
    }
    state parse_icmp {
        packet.extract(hdr.icmp);
        transition select(hdr.icmp.icmp_type) {
            3: parse_inner_ipv4;    /* destination unreachable */
            4: parse_inner_ipv4;    /* source quench */
            5: parse_inner_ipv4;    /* redirect */
            11: parse_inner_ipv4;   /* time exceeded */
            12: parse_inner_ipv4;   /* parameter problem */
            default: accept;
        }
    }
    state parse_inner_ipv4 {
        packet.extract(hdr.inner_ipv4);
        transition select(hdr.inner_ipv4.ihl) {
            5: parse_inner_l4;
            default: accept;        /* quoted options: ports not found, treated as portless */
        }
    }
    state parse_inner_l4 {
        packet.extract(hdr.inner_l4);
        transition accept;
    }
