package org.lwaftr.tests.e2e;

import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestRule;
import org.lwaftr.config.IcmpPolicy;
import org.lwaftr.codec.SoftwireText;
import org.lwaftr.core.BindingChange;
import org.lwaftr.core.Softwire;
import org.lwaftr.lab.LabConfig;
import org.lwaftr.lab.LabController;
import org.lwaftr.lab.LabPipeline;
import org.lwaftr.lab.TargetSpec;
import org.lwaftr.tests.bmv2.Bmv2Switch;
import org.lwaftr.tests.bmv2.FrameIo;
import org.onlab.packet.ARP;
import org.onlab.packet.Ethernet;
import org.onlab.packet.ICMP;
import org.onlab.packet.ICMP6;
import org.onlab.packet.IPv4;
import org.onlab.packet.IPv6;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;
import org.onlab.packet.MacAddress;
import org.onlab.packet.UDP;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.lwaftr.tests.e2e.E2eSetup.*;

/**
 * bmv2 + the lab controller (in-process) + emulated lwB4s and an Internet host as frames on veths:
 * the whole lwAFTR, data plane and control plane, end to end. One switch for the class; each test
 * starts its own controller, which converges the switch from whatever the previous one left.
 */
public class LabEndToEndTest {
    private static final long WAIT = 3000;
    @ClassRule
    public static final E2eSwitch BMV2 = new E2eSwitch("bmv2");
    private static Bmv2Switch sw;
    private static FrameIo io;
    private LabController lab;

    @Rule
    public TestRule log = new org.junit.rules.TestWatcher() {
        @Override
        protected void failed(Throwable e, org.junit.runner.Description d) {
            if (sw != null) {
                System.out.println("---- bmv2 log tail after " + d.getMethodName() + ":\n" + sw.logTail(30));
            }
        }
    };

    @Before
    public void clear() {
        sw = BMV2.sw();
        io = BMV2.io();
        io.clear();
    }

    @After
    public void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    private void startLab(IcmpPolicy icmp, List<Softwire> softwires) {
        LabConfig cfg = config(icmp, softwires);
        lab = LabController.start(cfg, List.of(new TargetSpec("127.0.0.1", sw.grpcPort(), Bmv2Switch.DEVICE_ID)),
                LabPipeline.lwaftr());
        assertTrue("lab controller converged", lab.awaitConverged(30_000));
        io.clear();
    }

    private static List<Softwire> standard() {
        return List.of(shared(1), shared(2), shared(3), whole());
    }

    private static IPv6 expectTunnel(Ethernet e, Softwire to) {
        assertEquals(AFTR_MAC_B4, e.getSourceMAC());
        assertEquals(B4_ROUTER, e.getDestinationMAC());
        IPv6 v6 = (IPv6) e.getPayload();
        assertEquals(to.lwb4(), Ip6Address.valueOf(v6.getDestinationAddress()));
        assertEquals(BR, Ip6Address.valueOf(v6.getSourceAddress()));
        return v6;
    }

    /** The IPv4 packet in a tunnel packet (onlab's IPv6 leaves next header 4 as Data). */
    private static IPv4 inner(IPv6 v6) {
        byte[] b = v6.getPayload().serialize();
        try {
            return IPv4.deserializer().deserialize(b, 0, b.length);
        } catch (org.onlab.packet.DeserializationException e) {
            throw new AssertionError("tunnel payload is not IPv4: " + e.getMessage());
        }
    }

    private static IPv4 expectInternet(Ethernet e) {
        assertEquals(AFTR_MAC_INET, e.getSourceMAC());
        assertEquals(INET_ROUTER, e.getDestinationMAC());
        return (IPv4) e.getPayload();
    }

    @Test
    public void rfc7596Sec52And61UdpTcpIcmpBothWays() {
        startLab(icmp(true, true, 300, 1), standard());
        Softwire s = shared(2);
        // upstream UDP, TCP, ICMP echo (identifier in the port set)
        io.send(LWB4_PORT, fromLwb4(s.lwb4(), udp(SHARED, port(s), HOST, 53, 64)));
        IPv4 up = expectInternet(io.expectFrame(INET_PORT, WAIT));
        assertEquals(SHARED.toInt(), up.getSourceAddress());
        assertEquals(port(s), ((UDP) up.getPayload()).getSourcePort());
        io.send(LWB4_PORT, fromLwb4(s.lwb4(), tcp(SHARED, port(s), HOST, 80)));
        assertEquals(IPv4.PROTOCOL_TCP, expectInternet(io.expectFrame(INET_PORT, WAIT)).getProtocol());
        io.send(LWB4_PORT, fromLwb4(s.lwb4(), echo(SHARED, HOST, port(s), true)));
        assertEquals(IPv4.PROTOCOL_ICMP, expectInternet(io.expectFrame(INET_PORT, WAIT)).getProtocol());
        // downstream UDP, TCP, ICMP echo reply
        io.send(INET_PORT, fromInternet(udp(HOST, 53, SHARED, port(s), 64)));
        IPv6 v6 = expectTunnel(io.expectFrame(LWB4_PORT, WAIT), s);
        assertEquals(63, inner(v6).getTtl());
        io.send(INET_PORT, fromInternet(tcp(HOST, 80, SHARED, port(s))));
        expectTunnel(io.expectFrame(LWB4_PORT, WAIT), s);
        io.send(INET_PORT, fromInternet(echo(HOST, SHARED, port(s), false)));
        expectTunnel(io.expectFrame(LWB4_PORT, WAIT), s);
        // 3 packets each way on this softwire's counters (CliText's lines, as lwaftr-stats prints them)
        String report = lab.report();
        assertTrue(report, Pattern.compile("(?m)^" + Pattern.quote(SoftwireText.line(s)) + " counter-index=\\d+\n"
                + "  downstream \\(to lwB4\\): +3 pkts / \\d+ B\n  upstream \\(from lwB4\\): +3 pkts / ")
                .matcher(report).find());
    }

    @Test
    public void rfc7596Sec62Hairpinning() {
        startLab(icmp(true, true, 300, 1), standard());
        Softwire from = shared(1);
        Softwire to = whole();
        io.send(LWB4_PORT, fromLwb4(from.lwb4(), udp(SHARED, port(from), OTHER, 4000, 64)));
        IPv6 v6 = expectTunnel(io.expectFrame(LWB4_PORT, WAIT), to);
        assertEquals(SHARED.toInt(), inner(v6).getSourceAddress());
        io.expectNoFrame(INET_PORT, 300);
    }

    @Test
    public void rfc7596Sec62SpoofedSourceGetsIcmpv6DestUnreachable() {
        startLab(icmp(true, true, 300, 1), standard());
        Softwire s = shared(1);
        Ip6Address spoofer = Ip6Address.valueOf("2001:db8:1::99");
        io.send(LWB4_PORT, fromLwb4(spoofer, udp(SHARED, port(s), HOST, 53, 64)));
        Ethernet e = io.expectFrame(LWB4_PORT, WAIT);
        IPv6 v6 = (IPv6) e.getPayload();
        assertEquals(spoofer, Ip6Address.valueOf(v6.getDestinationAddress()));
        ICMP6 icmp = (ICMP6) v6.getPayload();
        assertEquals(1, icmp.getIcmpType());
        assertEquals(5, icmp.getIcmpCode());
        io.expectNoFrame(INET_PORT, 300);
    }

    @Test
    public void rfc7596Sec62SpoofedSourceDroppedSilentlyWithIcmpv6Off() {
        startLab(icmp(true, false, 300, 1), standard());
        io.send(LWB4_PORT, fromLwb4(Ip6Address.valueOf("2001:db8:1::99"), udp(SHARED, port(shared(1)), HOST, 53, 64)));
        io.expectNoFrame(LWB4_PORT, 500);
        io.expectNoFrame(INET_PORT, 100);
    }

    @Test
    public void rfc7596Sec82UnboundPortIcmpv4HostUnreachableWhenOn() {
        startLab(icmp(true, true, 300, 1), standard());
        io.send(INET_PORT, fromInternet(udp(HOST, 53, SHARED, 40 * 1024 + 5, 64)));
        IPv4 err = expectInternet(io.expectFrame(INET_PORT, WAIT));
        assertEquals(HOST.toInt(), err.getDestinationAddress());
        ICMP icmp = (ICMP) err.getPayload();
        assertEquals(3, icmp.getIcmpType());
        assertEquals(1, icmp.getIcmpCode());
        io.expectNoFrame(LWB4_PORT, 200);
    }

    @Test
    public void rfc7596Sec82UnboundPortNothingWhenIcmpv4ErrorsOff() {
        startLab(icmp(false, true, 300, 1), standard());
        io.send(INET_PORT, fromInternet(udp(HOST, 53, SHARED, 40 * 1024 + 5, 64)));
        io.expectNoFrame(INET_PORT, 700);
        io.expectNoFrame(LWB4_PORT, 100);
        // positive control: bound traffic flows with the same controller
        io.send(INET_PORT, fromInternet(udp(HOST, 53, SHARED, port(shared(1)), 64)));
        expectTunnel(io.expectFrame(LWB4_PORT, WAIT), shared(1));
    }

    @Test
    public void ttlExpiryGivesIcmpv4TimeExceeded() {
        startLab(icmp(true, true, 300, 1), standard());
        io.send(INET_PORT, fromInternet(udp(HOST, 53, SHARED, port(shared(1)), 1)));
        ICMP icmp = (ICMP) expectInternet(io.expectFrame(INET_PORT, WAIT)).getPayload();
        assertEquals(11, icmp.getIcmpType());
        assertEquals(0, icmp.getIcmpCode());
        io.expectNoFrame(LWB4_PORT, 200);
    }

    @Test
    public void rfc7596Sec9RateLimitUnderBurst() {
        startLab(icmp(true, true, 3, 60), standard());
        for (int i = 0; i < 12; i++) {
            io.send(INET_PORT, fromInternet(udp(HOST, 53, SHARED, 40 * 1024 + i, 64)));
        }
        int got = 0;
        try {
            while (true) {
                io.expectFrame(INET_PORT, 1500);
                got++;
            }
        } catch (AssertionError none) {
            // no more frames
        }
        assertEquals("ICMPv4 errors let through by a rate of 3 per 60 s", 3, got);
    }

    @Test
    public void arpForAftrAddressAnswered() {
        startLab(icmp(true, true, 300, 1), standard());
        MacAddress asker = MacAddress.valueOf("02:cc:00:00:00:01");
        ARP arp = new ARP();
        arp.setHardwareType(ARP.HW_TYPE_ETHERNET).setProtocolType(ARP.PROTO_TYPE_IP)
                .setHardwareAddressLength((byte) 6).setProtocolAddressLength((byte) 4)
                .setOpCode(ARP.OP_REQUEST).setSenderHardwareAddress(asker.toBytes())
                .setSenderProtocolAddress(HOST.toOctets()).setTargetHardwareAddress(new byte[6])
                .setTargetProtocolAddress(AFTR_V4.toOctets());
        Ethernet e = new Ethernet();
        e.setSourceMACAddress(asker).setDestinationMACAddress(MacAddress.BROADCAST).setEtherType(Ethernet.TYPE_ARP)
                .setPayload(arp);
        io.send(INET_PORT, e);
        Ethernet reply = io.expectFrame(INET_PORT, WAIT);
        ARP r = (ARP) reply.getPayload();
        assertEquals(ARP.OP_REPLY, r.getOpCode());
        assertArrayEquals(AFTR_MAC_INET.toBytes(), r.getSenderHardwareAddress());
        assertArrayEquals(AFTR_V4.toOctets(), r.getSenderProtocolAddress());
    }

    @Test
    public void switchRestartRestoresEverySoftwire() throws Exception {
        startLab(icmp(true, true, 300, 1), standard());
        int before = lab.convergences().get(0);
        sw.restart();
        long deadline = System.currentTimeMillis() + 60_000;
        while (lab.convergences().get(0) == before && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertTrue("reconverged after the restart", lab.awaitConverged(30_000));
        io.clear();
        for (Softwire s : standard()) {
            int p = s.portSet().length() == 0 ? 4000 : port(s);
            io.send(INET_PORT, fromInternet(udp(HOST, 53, Ip4Address.valueOf(s.ipv4Int()), p, 64)));
            expectTunnel(io.expectFrame(LWB4_PORT, WAIT), s);
        }
    }

    @Test
    public void softwireAddedAndRemovedWhileTrafficFlows() throws Exception {
        startLab(icmp(false, false, 300, 1), standard());
        Softwire steady = shared(1);
        Softwire added = shared(5);
        int frames = 150;
        AtomicBoolean failed = new AtomicBoolean();
        Thread sender = new Thread(() -> {
            for (int i = 0; i < frames; i++) {
                io.send(INET_PORT, fromInternet(udp(HOST, 53, SHARED, port(steady), 64)));
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    failed.set(true);
                    return;
                }
            }
        });
        sender.start();
        Thread.sleep(300);
        lab.apply(List.of(BindingChange.add(added)));
        Thread.sleep(300);
        lab.apply(List.of(BindingChange.remove(added.key())));
        Thread.sleep(300);
        lab.apply(List.of(BindingChange.add(added)));
        sender.join();
        AtomicInteger steadyCount = new AtomicInteger();
        List<String> others = new ArrayList<>();
        try {
            while (true) {
                Ethernet e = io.expectFrame(LWB4_PORT, 1000);
                IPv6 v6 = (IPv6) e.getPayload();
                if (Ip6Address.valueOf(v6.getDestinationAddress()).equals(steady.lwb4())) {
                    steadyCount.incrementAndGet();
                } else {
                    others.add(e.toString());
                }
            }
        } catch (AssertionError done) {
            // drained
        }
        assertEquals("frames of the unchanged softwire across add/remove/add; others: " + others, frames,
                steadyCount.get());
        // the added softwire carries traffic, a removed one does not
        io.send(INET_PORT, fromInternet(udp(HOST, 53, SHARED, port(added), 64)));
        expectTunnel(io.expectFrame(LWB4_PORT, WAIT), added);
        lab.apply(List.of(BindingChange.remove(added.key())));
        io.send(INET_PORT, fromInternet(udp(HOST, 53, SHARED, port(added), 64)));
        io.expectNoFrame(LWB4_PORT, 500);
    }
}
