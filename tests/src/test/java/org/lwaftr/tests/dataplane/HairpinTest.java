package org.lwaftr.tests.dataplane;

import org.junit.Test;
import org.lwaftr.pipeconf.gen.Direction;
import org.lwaftr.pipeconf.gen.PuntReason;
import org.onlab.packet.IPv4;

import static org.junit.Assert.assertEquals;
import static org.lwaftr.tests.bmv2.LwaftrFrames.bytes;
import static org.lwaftr.tests.bmv2.LwaftrFrames.echo;
import static org.lwaftr.tests.bmv2.LwaftrFrames.tunnel;
import static org.lwaftr.tests.bmv2.LwaftrFrames.tunnelWithEncapsulationLimit;
import static org.lwaftr.tests.bmv2.LwaftrFrames.udp;
import static org.lwaftr.tests.dataplane.Net.A;
import static org.lwaftr.tests.dataplane.Net.B;
import static org.lwaftr.tests.dataplane.Net.C;
import static org.lwaftr.tests.dataplane.Net.FREE_PSID;
import static org.lwaftr.tests.dataplane.Net.INET_PORT;
import static org.lwaftr.tests.dataplane.Net.LWB4_PORT;
import static org.lwaftr.tests.dataplane.Net.SETTINGS;
import static org.lwaftr.tests.dataplane.Net.SHARED;
import static org.lwaftr.tests.dataplane.Net.WHOLE;
import static org.lwaftr.tests.dataplane.Net.port;
import static org.lwaftr.tests.dataplane.UpstreamTest.fromLwb4;

/**
 * RFC 7596 §6.2 hairpinning: lwB4 → lwB4 through the AFTR. The first pass validates the source
 * softwire, the resubmitted second pass looks up the destination softwire and rewrites the outer
 * header: from the destination softwire's BR to its lwB4 (docs/pipeline.md, "two passes").
 */
public class HairpinTest extends LwaftrTestBase {

    /** Sends {@code inner} from {@code from}'s lwB4 and expects it re-encapsulated to {@code to}. */
    private static void expectHairpinned(IPv4 inner, Softwire from, Softwire to) {
        byte[] frame = fromLwb4(tunnel(from.lwb4, from.br, inner));
        send(LWB4_PORT, frame);
        expectOut(LWB4_PORT, Expected.encapsulated(bytes(inner), to.br, to.lwb4, SETTINGS));
        assertSoftwireStats(from, Direction.UPSTREAM, 1, frame.length);
        assertSoftwireStats(to, Direction.DOWNSTREAM, 1, frame.length);
    }

    @Test
    public void rfc7596Sec62HairpinToASoftwireOfTheSameAddressUsesItsBr() {
        // A is on BR 1, B on BR 2: the new outer source is B's BR.
        expectHairpinned(udp(SHARED, port(A.psid), SHARED, port(3, B.psid, 2)), A, B);
        assertEquals(0, softwireStats(A, Direction.DOWNSTREAM).packets());
        assertEquals(0, softwireStats(B, Direction.UPSTREAM).packets());
    }

    @Test
    public void rfc7596Sec62HairpinFromAWholeAddressToASharedOne() {
        expectHairpinned(udp(WHOLE, 4000, SHARED, port(B.psid) + 4), C, B);
    }

    @Test
    public void rfc7596Sec81HairpinnedEchoIsRoutedByItsIdentifier() {
        // C answers A's ping: the reply's identifier is A's port.
        expectHairpinned(echo(WHOLE, SHARED, false, port(A.psid) + 1, 3), C, A);
    }

    @Test
    public void rfc2473Sec51HairpinDropsTheTunnelEncapsulationLimitOption() {
        IPv4 inner = udp(SHARED, port(A.psid), WHOLE, 22);
        send(LWB4_PORT, fromLwb4(tunnelWithEncapsulationLimit(A.lwb4, A.br, inner)));
        expectOut(LWB4_PORT, Expected.encapsulated(bytes(inner), C.br, C.lwb4, SETTINGS));
    }

    @Test
    public void rfc8676HairpinningOffSendsTheDecapsulatedPacketToTheInternet() {
        configure(SETTINGS.withHairpinning(false));
        IPv4 inner = udp(SHARED, port(A.psid), SHARED, port(B.psid));
        byte[] frame = fromLwb4(tunnel(A.lwb4, A.br, inner));
        send(LWB4_PORT, frame);
        expectOut(INET_PORT, Expected.decapsulated(bytes(inner)));
        assertSoftwireStats(A, Direction.UPSTREAM, 1, frame.length);
        assertEquals(0, softwireStats(B, Direction.DOWNSTREAM).packets());
    }

    @Test
    public void rfc7596Sec62HairpinToAnUnboundPortIsPuntedWithTheTunnelFrame() {
        // The second pass misses: the punt carries the lwB4's frame and the first pass's port.
        byte[] frame = fromLwb4(tunnel(A.lwb4, A.br, udp(SHARED, port(A.psid), SHARED, port(FREE_PSID))));
        send(LWB4_PORT, frame);
        expectPunt(PuntReason.DOWNSTREAM_NO_BINDING, LWB4_PORT, frame);
        assertPuntCounted(PuntReason.DOWNSTREAM_NO_BINDING, frame);
        assertSoftwireStats(A, Direction.UPSTREAM, 1, frame.length);
    }

    @Test
    public void rfc7596Sec62HairpinWithTtlOneIsPuntedAsTtlExpired() {
        IPv4 inner = udp(SHARED, port(A.psid), SHARED, port(B.psid));
        inner.setTtl((byte) 1);
        byte[] frame = fromLwb4(tunnel(A.lwb4, A.br, inner));
        send(LWB4_PORT, frame);
        expectPunt(PuntReason.TTL_EXPIRED, LWB4_PORT, frame);
        assertEquals(0, softwireStats(B, Direction.DOWNSTREAM).packets());
    }

    @Test
    public void rfc7596Sec62HairpinFromASpoofedLwb4IsNotTakenBack() {
        byte[] frame = fromLwb4(tunnel(B.lwb4, A.br, udp(SHARED, port(A.psid), SHARED, port(B.psid))));
        send(LWB4_PORT, frame);
        expectPunt(PuntReason.UPSTREAM_NO_BINDING, LWB4_PORT, frame);
        assertEquals(0, softwireStats(B, Direction.DOWNSTREAM).packets());
    }
}
