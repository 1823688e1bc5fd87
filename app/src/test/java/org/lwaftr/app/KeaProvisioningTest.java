package org.lwaftr.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.lwaftr.core.BindingChange;
import org.lwaftr.store.DistributedSoftwireStore;
import org.lwaftr.store.TransactionalTestStorage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

/**
 * RFC 7596 §6.1 in ONOS: the policy's {@code kea-reservations} file follows the binding table, and
 * stops following it when the policy no longer names it.
 */
public class KeaProvisioningTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final TestTopology topo = new TestTopology();
    private final TestNetworkConfig netcfg = new TestNetworkConfig();
    private final DistributedSoftwireStore store = StoreFactory.store(new TransactionalTestStorage());
    private final KeaProvisioning component = new KeaProvisioning();

    @After
    public void stop() {
        if (component.netcfgService != null) { // activated
            component.deactivate();
        }
        topo.stopRoot(netcfg);
    }

    @Test
    public void theNamedFileFollowsTheTable() throws IOException {
        Path ids = tmp.newFile("ids.csv").toPath();
        Files.writeString(ids, "lwb4,duid\n2001:db8::1,00:01:00:01:aa:bb:cc:dd\n2001:db8::2,00:01:00:01:aa:bb:cc:ee\n");
        Path out = tmp.getRoot().toPath().resolve("kea-reservations.json");
        netcfg.set(TestTopology.APP_ID, "{\"kea-reservations\": {\"file\": \"" + out + "\", \"identities-file\": \""
                + ids + "\"}}");
        component.root = topo.root(netcfg);
        component.netcfgService = netcfg;
        component.store = store;
        component.timers = false;
        component.activate();

        store.apply(List.of(BindingChange.add(DeviceProgrammerTest.sw("192.0.2.1", 1, "2001:db8::1"))), false, 1 << 20);
        assertEquals(1, component.current().refresh());
        assertEquals(1, new ObjectMapper().readTree(out.toFile()).size());
        assertEquals("unchanged table: not rewritten", -1, component.current().refresh());
        store.apply(List.of(BindingChange.add(DeviceProgrammerTest.sw("192.0.2.1", 2, "2001:db8::2"))), false, 1 << 20);
        assertEquals(2, component.current().refresh());
        assertEquals(2, new ObjectMapper().readTree(out.toFile()).size());

        netcfg.set(TestTopology.APP_ID, "{}");
        assertNull("no longer named: no longer written", component.current());
    }

    @Test
    public void bothPathsAreRequiredAndNamedInTheError() throws IOException {
        List<String> errors = org.lwaftr.config.PolicyCodec.validate(new ObjectMapper().readTree(
                "{\"kea-reservations\": {\"file\": \"/tmp/r.json\"}}"));
        assertEquals(errors.toString(), 1, errors.size());
        assertEquals(errors.get(0), true, errors.get(0).contains("kea-reservations.identities-file"));
    }
}
