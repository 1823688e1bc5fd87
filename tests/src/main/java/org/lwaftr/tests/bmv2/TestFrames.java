package org.lwaftr.tests.bmv2;

import org.onlab.packet.Data;
import org.onlab.packet.Ethernet;
import org.onlab.packet.IPv4;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.MacAddress;
import org.onlab.packet.UDP;

/** Plain frames for harness tests and the forwarder baseline. */
public final class TestFrames {
    /** Source MAC of test frames. */
    public static final MacAddress SRC_MAC = MacAddress.valueOf("02:00:00:00:00:01");
    /** Destination MAC of test frames. */
    public static final MacAddress DST_MAC = MacAddress.valueOf("02:00:00:00:00:02");

    private TestFrames() {
    }

    /** An IPv4/UDP frame 192.0.2.1:1234 → 198.51.100.7:5678 carrying {@code payload}. */
    public static Ethernet udp4(byte[] payload) {
        UDP udp = new UDP();
        udp.setSourcePort(1234);
        udp.setDestinationPort(5678);
        udp.setPayload(new Data(payload));
        IPv4 ip = new IPv4();
        ip.setSourceAddress(Ip4Address.valueOf("192.0.2.1").toInt());
        ip.setDestinationAddress(Ip4Address.valueOf("198.51.100.7").toInt());
        ip.setProtocol(IPv4.PROTOCOL_UDP);
        ip.setTtl((byte) 64);
        ip.setPayload(udp);
        Ethernet eth = new Ethernet();
        eth.setSourceMACAddress(SRC_MAC);
        eth.setDestinationMACAddress(DST_MAC);
        eth.setEtherType(Ethernet.TYPE_IPV4);
        eth.setPayload(ip);
        return eth;
    }
}
