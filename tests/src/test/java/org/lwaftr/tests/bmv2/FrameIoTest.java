package org.lwaftr.tests.bmv2;

import org.junit.After;
import org.junit.Assume;
import org.junit.Before;
import org.junit.Test;
import org.onlab.packet.Ethernet;

import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * FrameIo over a bare veth pair (no switch): what is sent on one end is captured on the other,
 * compared after parsing, and silence is checked. Needs root for the veth.
 */
public class FrameIoTest {
    private VethPair veth;
    private FrameIo io;
    private FrameSender peer;

    @Before
    public void setUp() {
        if (!"root".equals(System.getProperty("user.name"))) {
            System.out.println("SKIPPED: not root, cannot create veth pairs (FrameIo tests)");
            Assume.assumeTrue("needs root to create veths", false);
        }
        veth = VethPair.create("fio" + ProcessHandle.current().pid() % 100000);
        io = FrameIo.open(Map.of(1, veth.testSide()));
        peer = new FrameSender(veth.switchSide());
    }

    @After
    public void tearDown() {
        if (peer != null) {
            peer.close();
        }
        if (io != null) {
            io.close();
        }
        if (veth != null) {
            veth.close();
        }
    }

    @Test
    public void capturesWhatThePeerSendsAndComparesParsed() {
        Ethernet frame = TestFrames.udp4(new byte[]{1, 2, 3});
        peer.send(frame.serialize());
        io.expectFrame(1, frame, 5000);
        io.expectNoFrame(1, 300);
        assertTrue(veth.testSideRxPackets() >= 1);
    }

    @Test
    public void aDifferentFrameFailsWithBothShown() {
        peer.send(TestFrames.udp4(new byte[]{1, 2, 3}).serialize());
        try {
            io.expectFrame(1, TestFrames.udp4(new byte[]{1, 2, 4}), 5000);
            fail("different payload accepted");
        } catch (AssertionError e) {
            assertTrue(e.getMessage(), e.getMessage().contains("unexpected frame"));
        }
    }

    @Test
    public void silenceIsChecked() {
        peer.send(TestFrames.udp4(new byte[]{9}).serialize());
        try {
            io.expectNoFrame(1, 2000);
            fail("frame not noticed");
        } catch (AssertionError e) {
            assertTrue(e.getMessage(), e.getMessage().contains("expected no frame"));
        }
    }

    @Test
    public void framesSentOnTheTestSideAreNotCapturedThere() {
        io.send(1, TestFrames.udp4(new byte[]{7}));
        io.expectNoFrame(1, 300);
    }

    @Test
    public void kernelNdAndMldNoiseIsFiltered() {
        byte[] ns = new byte[14 + 40 + 24];
        ns[12] = (byte) 0x86;
        ns[13] = (byte) 0xdd;
        ns[14 + 6] = 58;
        ns[14 + 40] = (byte) 135; // neighbour solicitation
        assertTrue("from ::", KernelNoise.isNoise(ns));
        ns[14 + 8] = (byte) 0xfe;
        ns[14 + 9] = (byte) 0x80;
        assertTrue("from fe80::", KernelNoise.isNoise(ns));
        ns[14 + 8] = 0x20; // 2001:: — the AFTR resolving its next hop, not the kernel
        ns[14 + 9] = 0x01;
        assertEquals(false, KernelNoise.isNoise(ns));
        ns[14 + 8] = 0;
        ns[14 + 9] = 0;
        ns[14 + 40] = (byte) 128; // echo request is not noise
        assertEquals(false, KernelNoise.isNoise(ns));
        peer.send(ns);
        io.expectBytes(1, 5000);
        ns[14 + 40] = (byte) 143; // MLDv2 report
        peer.send(ns);
        io.expectNoFrame(1, 300);
    }
}
