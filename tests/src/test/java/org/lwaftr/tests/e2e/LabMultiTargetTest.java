package org.lwaftr.tests.e2e;

import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestRule;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;
import org.lwaftr.core.BindingChange;
import org.lwaftr.core.Softwire;
import org.lwaftr.lab.LabController;
import org.lwaftr.lab.LabPipeline;
import org.lwaftr.lab.TargetSpec;
import org.lwaftr.tests.bmv2.Bmv2Switch;
import org.lwaftr.tests.bmv2.FrameIo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.lwaftr.tests.e2e.E2eProbe.downstreamExactly;
import static org.lwaftr.tests.e2e.E2eProbe.expectExactly;
import static org.lwaftr.tests.e2e.E2eProbe.upstreamExactly;
import static org.lwaftr.tests.e2e.E2eSetup.*;

/**
 * One lab controller driving two bmv2 switches (device ids 1 and 2, each on its own veths and gRPC
 * port), as {@code lab.sh --target A --device-id 1 --target B --device-id 2} does: both get the
 * pipeline and the same softwires, changes reach both, and a switch that is down (at start or after a
 * crash) does not hold up the other; it converges when it comes back.
 */
public class LabMultiTargetTest {
    private static final long CONVERGE = 60_000;
    private static final Bmv2Switch[] SW = new Bmv2Switch[2];
    private static final FrameIo[] IO = new FrameIo[2];
    private LabController lab;

    @Rule
    public TestRule logs = new TestWatcher() {
        @Override
        protected void failed(Throwable e, Description d) {
            for (Bmv2Switch s : SW) {
                if (s != null) {
                    System.out.println("---- " + s + " after " + d.getMethodName() + ":\n" + s.logTail(20));
                }
            }
        }
    };

    @Rule
    public final TestRule needsBmv2 = Bmv2Switch.required();

    @BeforeClass
    public static void startSwitches() {
        if (!Bmv2Switch.presentOrReport()) {
            return;
        }
        for (int i = 0; i < 2; i++) {
            SW[i] = Bmv2Switch.start(2, Path.of("target", "bmv2"), "info", i + 1);
            IO[i] = FrameIo.open(SW[i]);
        }
    }

    @AfterClass
    public static void stopSwitches() {
        for (int i = 0; i < 2; i++) {
            close(IO[i], SW[i]);
        }
    }

    @Before
    public void bothUp() {
        for (int i = 0; i < 2; i++) {
            if (SW[i] != null && !SW[i].isAlive()) {
                SW[i].restart(); // a test failed with its switch down
            }
            IO[i].clear();
        }
    }

    @After
    public void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    private static TargetSpec target(Bmv2Switch s) {
        return new TargetSpec("127.0.0.1", s.grpcPort(), s.deviceId());
    }

    private void startLab(List<TargetSpec> targets) {
        lab = LabController.start(config(icmp(true, true, 300, 1), standard()), targets, LabPipeline.lwaftr());
    }

    private static List<Softwire> standard() {
        return List.of(shared(1), shared(2), shared(3), whole());
    }

    /** RFC 7596 §6.2 both ways through switch {@code i}, exact frames. */
    private static void translatesBothWays(int i, Softwire s) {
        downstreamExactly(IO[i], s);
        upstreamExactly(IO[i], s);
    }

    private static void awaitUnbound(int i, Softwire s) {
        E2eProbe.awaitUnbound(IO[i], s, 10_000);
    }

    private void awaitConvergences(int target, int atLeast) throws InterruptedException {
        long deadline = System.currentTimeMillis() + CONVERGE;
        while (lab.convergences().get(target) < atLeast && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        if (lab.convergences().get(target) < atLeast) {
            throw new AssertionError("target " + target + " did not converge " + atLeast + "x: " + lab.convergences()
                    + "\n" + lab.report());
        }
    }

    @Test
    public void rfc7596Sec62BothSwitchesGetPipelineAndSoftwires() {
        startLab(List.of(target(SW[0]), target(SW[1])));
        assertTrue("both targets converged:\n" + lab.report(), lab.awaitConverged(CONVERGE));
        assertEquals(List.of(1, 1), lab.convergences());
        for (int i = 0; i < 2; i++) {
            translatesBothWays(i, shared(2));
            translatesBothWays(i, whole());
        }
        String report = lab.report();
        assertTrue(report, report.contains("target " + target(SW[0]) + ": up"));
        assertTrue(report, report.contains("target " + target(SW[1]) + ": up"));
    }

    @Test
    public void rfc7596Sec61SoftwireAddedAndRemovedOnBothSwitches() {
        startLab(List.of(target(SW[0]), target(SW[1])));
        assertTrue(lab.awaitConverged(CONVERGE));
        Softwire added = shared(5);
        for (int i = 0; i < 2; i++) {
            awaitUnbound(i, added); // not there before
        }
        lab.apply(List.of(BindingChange.add(added)));
        for (int i = 0; i < 2; i++) {
            translatesBothWays(i, added); // apply returns after the Writes: no waiting
        }
        lab.apply(List.of(BindingChange.remove(added.key())));
        for (int i = 0; i < 2; i++) {
            IO[i].clear();
            IO[i].send(INET_PORT, fromInternet(udp(HOST, 53, SHARED, port(added), 64)));
            IO[i].expectNoFrame(LWB4_PORT, 300);
            awaitUnbound(i, added);
            translatesBothWays(i, shared(1)); // the others stay
        }
    }

    @Test
    public void oneSwitchCrashesTheOtherKeepsForwardingAndChangesReachBoth() throws Exception {
        startLab(List.of(target(SW[0]), target(SW[1])));
        assertTrue(lab.awaitConverged(CONVERGE));
        SW[1].kill();
        // the controller may not have noticed yet; either way switch 0 is unaffected
        translatesBothWays(0, shared(3));
        Softwire added = shared(6);
        lab.apply(List.of(BindingChange.add(added))); // while switch 1 is down
        translatesBothWays(0, added);
        assertFalse("not converged with a switch down", lab.awaitConverged(500));
        // switch 0 forwards every frame while switch 1 comes back and is reprogrammed
        IO[0].clear();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sent = new AtomicInteger();
        Thread traffic = new Thread(() -> {
            while (!stop.get()) {
                IO[0].send(INET_PORT, fromInternet(udp(HOST, 53, SHARED, port(shared(1)), 64)));
                sent.incrementAndGet();
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "switch-0-traffic");
        traffic.start();
        try {
            SW[1].restart();
            awaitConvergences(1, 2);
            assertTrue(lab.awaitConverged(CONVERGE));
        } finally {
            stop.set(true);
            traffic.join();
        }
        assertTrue("frames sent while switch 1 restarted: " + sent, sent.get() > 0);
        System.out.println("switch 0: " + sent + " frames forwarded while switch 1 restarted and converged");
        for (int n = 0; n < sent.get(); n++) {
            expectExactly(IO[0], LWB4_PORT, toLwb4(shared(1), udp(HOST, 53, SHARED, port(shared(1)), 63)));
        }
        IO[0].expectNoFrame(LWB4_PORT, 300);
        assertEquals("switch 0 did not reconverge", 1, (int) lab.convergences().get(0));
        List<Softwire> all = new ArrayList<>(standard());
        all.add(added);
        for (Softwire s : all) {
            translatesBothWays(1, s); // a fresh switch: pipeline and every softwire, including the new one
        }
        translatesBothWays(0, shared(1));
    }

    @Test
    public void switchDownAtStartDoesNotHoldUpTheOtherAndConvergesWhenItComesUp() throws Exception {
        SW[1].kill();
        startLab(List.of(target(SW[0]), target(SW[1])));
        awaitConvergences(0, 1);
        translatesBothWays(0, shared(1));
        assertFalse("not converged with a switch down", lab.awaitConverged(1000));
        assertEquals(0, (int) lab.convergences().get(1));
        String report = lab.report();
        assertTrue(report, report.contains("target " + target(SW[1]) + ": down"));
        assertTrue(report, report.contains("target " + target(SW[0]) + ": up"));
        lab.apply(List.of(BindingChange.remove(shared(1).key())));
        SW[1].restart();
        assertTrue("converged once switch 1 is up:\n" + lab.report(), lab.awaitConverged(CONVERGE));
        translatesBothWays(1, shared(2));
        awaitUnbound(1, shared(1)); // it got the table as it is now, not as it was at start
    }

    @Test
    public void wrongDeviceIdIsReportedDownAndDoesNotHoldUpTheOther() throws Exception {
        SW[1].restart(); // no pipeline, no entries left by earlier tests
        TargetSpec wrong = new TargetSpec("127.0.0.1", SW[1].grpcPort(), 7);
        startLab(List.of(target(SW[0]), wrong));
        awaitConvergences(0, 1);
        translatesBothWays(0, shared(2));
        assertFalse(lab.awaitConverged(2000));
        String report = lab.report();
        assertTrue(report, report.contains("target " + wrong + ": down, converged 0x"));
        // switch 1 was not programmed by the misaddressed target
        IO[1].clear();
        IO[1].send(INET_PORT, fromInternet(udp(HOST, 53, SHARED, port(shared(2)), 64)));
        IO[1].expectNoFrame(LWB4_PORT, 500);
    }
}
