package org.lwaftr.tests.dataplane;

import org.junit.Test;
import org.lwaftr.pipeconf.gen.Direction;
import org.lwaftr.pipeconf.gen.DropReason;
import org.lwaftr.pipeconf.gen.Side;
import org.lwaftr.tests.bmv2.LwaftrTestEntries;
import org.onlab.packet.Ethernet;
import org.onlab.packet.IPv4;
import org.onlab.packet.MacAddress;

import java.util.Arrays;

import static org.lwaftr.tests.bmv2.LwaftrFrames.bytes;
import static org.lwaftr.tests.bmv2.LwaftrFrames.frame;
import static org.lwaftr.tests.bmv2.LwaftrFrames.ipv4Frame;
import static org.lwaftr.tests.bmv2.LwaftrFrames.tunnel;
import static org.lwaftr.tests.bmv2.LwaftrFrames.udp;
import static org.lwaftr.tests.bmv2.LwaftrTestEntries.nextHop;
import static org.lwaftr.tests.bmv2.LwaftrTestEntries.portSide;
import static org.lwaftr.tests.dataplane.DownstreamTest.fromInternet;
import static org.lwaftr.tests.dataplane.Net.A;
import static org.lwaftr.tests.dataplane.Net.AFTR_INET_MAC;
import static org.lwaftr.tests.dataplane.Net.AFTR_LWB4_MAC;
import static org.lwaftr.tests.dataplane.Net.HOST;
import static org.lwaftr.tests.dataplane.Net.INET_PORT;
import static org.lwaftr.tests.dataplane.Net.INET_ROUTER_MAC;
import static org.lwaftr.tests.dataplane.Net.LWB4_PORT;
import static org.lwaftr.tests.dataplane.Net.LWB4_ROUTER_MAC;
import static org.lwaftr.tests.dataplane.Net.OTHER_MAC;
import static org.lwaftr.tests.dataplane.Net.PORT3;
import static org.lwaftr.tests.dataplane.Net.PORT4;
import static org.lwaftr.tests.dataplane.Net.SETTINGS;
import static org.lwaftr.tests.dataplane.Net.SHARED;
import static org.lwaftr.tests.dataplane.Net.port;
import static org.lwaftr.tests.dataplane.UpstreamTest.fromLwb4;

/** Ports, VLANs (IEEE 802.1Q), on-a-stick, MAC filtering and what has no role. */
public class PortsAndVlansTest extends LwaftrTestBase {
    private static final int LWB4_VLAN = 10;
    private static final int INET_VLAN = 20;

    private static final IPv4 DOWN = udp(HOST, 53, SHARED, port(A.psid));
    private static final IPv4 UP = udp(SHARED, port(A.psid), HOST, 53);

    private static byte[] taggedFromInternet(int vlan, IPv4 ip) {
        return frame(INET_ROUTER_MAC, AFTR_INET_MAC, vlan, Ethernet.TYPE_IPV4, bytes(ip));
    }

    private static byte[] taggedFromLwb4(int vlan, IPv4 inner) {
        return frame(LWB4_ROUTER_MAC, AFTR_LWB4_MAC, vlan, Ethernet.TYPE_IPV6, tunnel(A.lwb4, A.br, inner));
    }

    @Test
    public void ieee8021qDownstreamLeavesTaggedOnTheLwb4Vlan() {
        insert(portSide(PORT3, LWB4_VLAN, Side.LWB4, AFTR_LWB4_MAC));
        modify(nextHop(Direction.DOWNSTREAM, PORT3, AFTR_LWB4_MAC, LWB4_ROUTER_MAC, LWB4_VLAN));
        send(INET_PORT, fromInternet(DOWN));
        expectOut(PORT3, Expected.encapsulated(bytes(DOWN), A.br, A.lwb4, SETTINGS, LWB4_VLAN));
    }

    @Test
    public void ieee8021qTaggedUpstreamLeavesUntaggedToTheInternet() {
        insert(portSide(PORT3, LWB4_VLAN, Side.LWB4, AFTR_LWB4_MAC));
        send(PORT3, taggedFromLwb4(LWB4_VLAN, UP));
        expectOut(INET_PORT, Expected.decapsulated(bytes(UP)));
    }

    @Test
    public void onAStickOnePortServesBothSidesOnTwoVlans() {
        insert(portSide(PORT3, LWB4_VLAN, Side.LWB4, AFTR_LWB4_MAC),
                portSide(PORT3, INET_VLAN, Side.INTERNET, AFTR_INET_MAC));
        modify(nextHop(Direction.DOWNSTREAM, PORT3, AFTR_LWB4_MAC, LWB4_ROUTER_MAC, LWB4_VLAN),
                nextHop(Direction.UPSTREAM, PORT3, AFTR_INET_MAC, INET_ROUTER_MAC, INET_VLAN));
        send(PORT3, taggedFromInternet(INET_VLAN, DOWN));
        expectOut(PORT3, Expected.encapsulated(bytes(DOWN), A.br, A.lwb4, SETTINGS, LWB4_VLAN));
        send(PORT3, taggedFromLwb4(LWB4_VLAN, UP));
        expectOut(PORT3, Expected.decapsulated(bytes(UP), INET_VLAN));
        assertSoftwireStats(A, Direction.DOWNSTREAM, 1, taggedFromInternet(INET_VLAN, DOWN).length);
        assertSoftwireStats(A, Direction.UPSTREAM, 1, taggedFromLwb4(LWB4_VLAN, UP).length);
    }

    @Test
    public void onAStickTheLwb4VlanDoesNotTakeInternetTraffic() {
        insert(portSide(PORT3, LWB4_VLAN, Side.LWB4, AFTR_LWB4_MAC));
        send(PORT3, frame(INET_ROUTER_MAC, AFTR_LWB4_MAC, LWB4_VLAN, Ethernet.TYPE_IPV4, bytes(DOWN)));
        expectDrop(DropReason.NOT_FOR_AFTR);
    }

    @Test
    public void untaggedPortOfBothSidesTranslatesBothWays() {
        insert(portSide(PORT3, 0, Side.BOTH, AFTR_LWB4_MAC));
        send(PORT3, ipv4Frame(INET_ROUTER_MAC, AFTR_LWB4_MAC, DOWN));
        expectOut(LWB4_PORT, Expected.encapsulated(bytes(DOWN), A.br, A.lwb4, SETTINGS));
        send(PORT3, fromLwb4(tunnel(A.lwb4, A.br, UP)));
        expectOut(INET_PORT, Expected.decapsulated(bytes(UP)));
    }

    @Test
    public void ieee8021qTaggedFrameOnAnUntaggedPortHasNoRole() {
        send(INET_PORT, taggedFromInternet(INET_VLAN, DOWN));
        expectDrop(DropReason.UNKNOWN_PORT);
    }

    @Test
    public void portWithoutRoleDropsEverything() {
        send(PORT4, fromInternet(DOWN));
        send(PORT4, fromLwb4(tunnel(A.lwb4, A.br, UP)));
        expectDrops(DropReason.UNKNOWN_PORT, 2);
    }

    @Test
    public void controllerMayDropAPortWithAReason() {
        insert(LwaftrTestEntries.portDrop(PORT4, 0, DropReason.UNSUPPORTED));
        send(PORT4, fromInternet(DOWN));
        expectDrop(DropReason.UNSUPPORTED);
    }

    @Test
    public void frameToAnotherMacIsDropped() {
        send(INET_PORT, ipv4Frame(INET_ROUTER_MAC, OTHER_MAC, DOWN));
        expectDrop(DropReason.NOT_FOR_AFTR);
    }

    /** {@code frame} with its destination MAC replaced. */
    private static byte[] to(MacAddress dst, byte[] frame) {
        System.arraycopy(dst.toBytes(), 0, frame, 0, 6);
        return frame;
    }

    @Test
    public void frameToTheOtherSidesMacIsDropped() {
        send(LWB4_PORT, to(AFTR_INET_MAC, fromLwb4(tunnel(A.lwb4, A.br, UP))));
        expectDrop(DropReason.NOT_FOR_AFTR);
    }

    @Test
    public void broadcastIpv4IsDropped() {
        send(INET_PORT, ipv4Frame(INET_ROUTER_MAC, MacAddress.BROADCAST, DOWN));
        expectDrop(DropReason.NOT_FOR_AFTR);
    }

    @Test
    public void plainIpv4OnTheLwb4SideIsDropped() {
        send(LWB4_PORT, ipv4Frame(LWB4_ROUTER_MAC, AFTR_LWB4_MAC, UP));
        expectDrop(DropReason.NOT_FOR_AFTR);
    }

    @Test
    public void tunnelPacketOnTheInternetSideIsDropped() {
        send(INET_PORT, to(AFTR_INET_MAC, fromLwb4(tunnel(A.lwb4, A.br, UP))));
        expectDrop(DropReason.NOT_FOR_AFTR);
    }

    @Test
    public void missingNextHopDrops() {
        device.write(device.batch().delete(nextHop(Direction.DOWNSTREAM, LWB4_PORT, AFTR_LWB4_MAC,
                LWB4_ROUTER_MAC, 0)));
        send(INET_PORT, fromInternet(DOWN));
        expectDrop(DropReason.NO_NEXT_HOP);
    }

    @Test
    public void rfc791HeaderLengthBelowFiveIsABadHeader() {
        byte[] frame = fromInternet(DOWN);
        frame[14] = 0x44;
        send(INET_PORT, frame);
        expectDrop(DropReason.BAD_HEADER);
    }

    @Test
    public void truncatedIpv4HeaderIsABadHeader() {
        send(INET_PORT, Arrays.copyOf(fromInternet(DOWN), 14 + 12));
        expectDrop(DropReason.BAD_HEADER);
    }
}
