package org.lwaftr.tests.bmv2;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestRule;
import org.lwaftr.lab.p4rt.P4RuntimeClient;
import org.lwaftr.lab.p4rt.StreamListener;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** When bmv2 dies, the client's stream listeners hear of it and the client stops claiming to be primary. */
public class StreamLossTest {
    @Rule
    public final TestRule needsBmv2 = Bmv2Switch.required();
    private Bmv2Fixture bmv2;

    @After
    public void tearDown() {
        Bmv2Fixture.stop(bmv2);
    }

    @Test
    public void switchExitIsReportedAsStreamClosed() throws Exception {
        bmv2 = Bmv2Fixture.start(Forwarder.pipeline(), 1);
        P4RuntimeClient client = bmv2.device().client();
        CountDownLatch closed = new CountDownLatch(1);
        client.addListener(new StreamListener() {
            @Override
            public void streamClosed(Throwable cause) {
                closed.countDown();
            }
        });
        assertTrue(client.isPrimary());
        bmv2.sw().close();
        assertTrue("stream loss not reported", closed.await(10, TimeUnit.SECONDS));
        assertFalse(client.isStreamOpen());
        assertFalse(client.isPrimary());
    }
}
