package org.lwaftr.lab;

import org.junit.Test;
import org.lwaftr.core.BindingTable;
import org.lwaftr.pipeconf.gen.PuntReason;
import org.lwaftr.slowpath.SlowPath;
import org.lwaftr.slowpath.SlowPathConfig;
import org.onlab.packet.ARP;
import org.onlab.packet.Ethernet;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.MacAddress;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** The lab's next hops: a learned MAC reaches the controller even if handing it over failed once. */
public class LabNextHopsTest {
    private static final MacAddress AFTR_INET = MacAddress.valueOf("02:aa:00:00:00:02");
    private static final MacAddress ROUTER = MacAddress.valueOf("02:cc:00:00:00:01");
    private static final Ip4Address ROUTER_IP = Ip4Address.valueOf("192.0.2.1");
    private static final Ip4Address AFTR_IP = Ip4Address.valueOf("192.0.2.254");
    private static final int INET_PORT = 2;

    /** RFC 826 reply from the router to the AFTR, as the switch punts it. */
    private static byte[] arpReply() {
        ARP a = new ARP();
        a.setHardwareType(ARP.HW_TYPE_ETHERNET).setProtocolType(ARP.PROTO_TYPE_IP)
                .setHardwareAddressLength((byte) 6).setProtocolAddressLength((byte) 4).setOpCode(ARP.OP_REPLY)
                .setSenderHardwareAddress(ROUTER.toBytes()).setSenderProtocolAddress(ROUTER_IP.toOctets())
                .setTargetHardwareAddress(AFTR_INET.toBytes()).setTargetProtocolAddress(AFTR_IP.toOctets());
        Ethernet e = new Ethernet();
        e.setSourceMACAddress(ROUTER).setDestinationMACAddress(AFTR_INET).setEtherType(Ethernet.TYPE_ARP);
        e.setPayload(a);
        return e.serialize();
    }

    @Test
    public void rfc826LearnedMacIsHandedOverAgainWhenTheFirstHandOverFailed() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<MacAddress> delivered = new CopyOnWriteArrayList<>();
        LabNextHops nextHops = new LabNextHops((lwb4, inet) -> {
            if (calls.incrementAndGet() == 1) {
                // as LabController's hand-over does when its lane stays busy (onLane gives up)
                throw new IllegalStateException("controller lane busy for 120 s");
            }
            delivered.add(inet);
        }, out -> { }, () -> false);
        try {
            nextHops.start();
            SlowPathConfig cfg = SlowPathConfig.builder()
                    .lwb4Side(1, 0, MacAddress.valueOf("02:aa:00:00:00:01"), MacAddress.valueOf("02:bb:00:00:00:01"),
                            1500)
                    .internetSide(INET_PORT, 0, AFTR_INET, null, 1500).internetNextHopIp(ROUTER_IP)
                    .aftrIpv4(AFTR_IP).aftrIpv6(Ip6Address.valueOf("2001:db8:ffff::fe"))
                    .brAddress(Ip6Address.valueOf("2001:db8:ffff::1")).build();
            SlowPath sp = new SlowPath(cfg, new BindingTable(), nextHops.resolver());
            sp.handle(arpReply(), INET_PORT, PuntReason.ARP.code());
            assertEquals(ROUTER, nextHops.resolver().internetMac());
            long deadline = System.currentTimeMillis() + 10_000;
            while (!delivered.contains(ROUTER) && System.currentTimeMillis() < deadline) { // a tick may hand over "nothing learned" first
                Thread.sleep(20);
            }
            assertTrue("the learned MAC never reached the controller after one failed hand-over (calls: "
                    + calls + ")", delivered.contains(ROUTER));
        } finally {
            nextHops.close();
        }
    }
}
