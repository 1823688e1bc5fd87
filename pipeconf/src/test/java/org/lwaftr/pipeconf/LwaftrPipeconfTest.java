package org.lwaftr.pipeconf;

import org.junit.Test;
import org.lwaftr.pipeconf.gen.LwaftrP4;
import org.onosproject.net.behaviour.Pipeliner;
import org.onosproject.net.driver.DefaultDriver;
import org.onosproject.net.driver.DefaultDriverProvider;
import org.onosproject.net.driver.DriverAdminServiceAdapter;
import org.onosproject.net.driver.DriverProvider;
import org.onosproject.net.pi.PiPipeconfServiceAdapter;
import org.onosproject.net.pi.model.PiPipeconf;
import org.onosproject.net.pi.model.PiPipeconfId;
import org.onosproject.net.pi.model.PiPipelineInterpreter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.onosproject.net.pi.model.PiPipeconf.ExtensionType.BMV2_JSON;
import static org.onosproject.net.pi.model.PiPipeconf.ExtensionType.CPU_PORT_TXT;
import static org.onosproject.net.pi.model.PiPipeconf.ExtensionType.P4_INFO_TEXT;

public class LwaftrPipeconfTest {

    @Test
    public void pipeconfHasBothBehavioursAndItsExtensions() throws IOException {
        PiPipeconf pipeconf = LwaftrPipeconf.build();
        assertEquals("org.lwaftr.pipeconf.lwaftr", pipeconf.id().id());
        assertEquals(Optional.of(LwaftrInterpreter.class), pipeconf.implementation(PiPipelineInterpreter.class));
        assertEquals(Optional.of(LwaftrPipeliner.class), pipeconf.implementation(Pipeliner.class));
        assertTrue(read(pipeconf, P4_INFO_TEXT).contains("name: \"LwaftrIngress.binding\""));
        assertTrue(read(pipeconf, BMV2_JSON).contains("\"program\" : \"pipeline.p4\""));
        assertEquals(Integer.toString(LwaftrP4.CPU_PORT), read(pipeconf, CPU_PORT_TXT).trim());
        assertTrue(pipeconf.pipelineModel().table(LwaftrP4.INGRESS_BINDING).isPresent());
    }

    @Test
    public void behavioursCanBeInstantiatedByOnos() throws ReflectiveOperationException {
        // ONOS instantiates behaviours reflectively through a public no-argument constructor.
        assertTrue(LwaftrInterpreter.class.getConstructor().newInstance() instanceof PiPipelineInterpreter);
        assertTrue(LwaftrPipeliner.class.getConstructor().newInstance() instanceof Pipeliner);
    }

    @Test
    public void loaderRegistersOnActivateAndUnregistersOnDeactivate() {
        FakePipeconfService service = new FakePipeconfService();
        PipeconfLoader loader = new PipeconfLoader();
        loader.pipeconfService = service;
        loader.driverAdminService = new FakeDriverAdmin();
        loader.activate();
        assertTrue(service.getPipeconf(LwaftrPipeconf.ID).isPresent());
        // A second activation (bundle reinstalled) replaces the registration instead of failing.
        loader.activate();
        assertEquals(1, service.registrations);
        loader.deactivate();
        assertFalse(service.getPipeconf(LwaftrPipeconf.ID).isPresent());
    }

    /**
     * ONOS keeps the driver it merged with a pipeconf (bmv2 + the pipeconf's behaviours) after the
     * pipeconf is unregistered; a reinstalled bundle's loader must drop it so that devices get the
     * new bundle's behaviour classes. Other drivers stay.
     */
    @Test
    public void loaderRemovesDriversMergedWithAnEarlierRegistration() {
        FakeDriverAdmin drivers = new FakeDriverAdmin();
        DefaultDriverProvider merged = provider("bmv2:" + LwaftrPipeconf.ID.id());
        DefaultDriverProvider other = provider("bmv2:org.onosproject.pipelines.basic");
        drivers.registerProvider(merged);
        drivers.registerProvider(other);
        PipeconfLoader loader = new PipeconfLoader();
        loader.pipeconfService = new FakePipeconfService();
        loader.driverAdminService = drivers;
        loader.activate();
        assertEquals(Set.of(other), drivers.getProviders());
        drivers.registerProvider(merged);
        loader.deactivate();
        assertEquals(Set.of(other), drivers.getProviders());
    }

    private static DefaultDriverProvider provider(String driverName) {
        DefaultDriverProvider p = new DefaultDriverProvider();
        p.addDriver(new DefaultDriver(driverName, List.of(), "x", "y", "z", Map.of(), Map.of()));
        return p;
    }

    /** Providers as ONOS's DriverManager keeps them. */
    private static final class FakeDriverAdmin extends DriverAdminServiceAdapter {
        private final Set<DriverProvider> providers = new HashSet<>();

        @Override
        public Set<DriverProvider> getProviders() {
            return Set.copyOf(providers);
        }

        @Override
        public void registerProvider(DriverProvider provider) {
            providers.add(provider);
        }

        @Override
        public void unregisterProvider(DriverProvider provider) {
            providers.remove(provider);
        }
    }

    private static String read(PiPipeconf pipeconf, PiPipeconf.ExtensionType type) throws IOException {
        try (InputStream in = pipeconf.extension(type).orElseThrow()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Registration bookkeeping that refuses a duplicate id, as ONOS's PiPipeconfManager does. */
    private static final class FakePipeconfService extends PiPipeconfServiceAdapter {
        private final Map<PiPipeconfId, PiPipeconf> pipeconfs = new HashMap<>();
        private int registrations;

        @Override
        public void register(PiPipeconf pipeconf) {
            if (pipeconfs.putIfAbsent(pipeconf.id(), pipeconf) != null) {
                throw new IllegalStateException("already registered: " + pipeconf.id());
            }
            registrations = pipeconfs.size();
        }

        @Override
        public void unregister(PiPipeconfId id) {
            if (pipeconfs.remove(id) == null) {
                throw new IllegalStateException("not registered: " + id);
            }
            registrations = pipeconfs.size();
        }

        @Override
        public Optional<PiPipeconf> getPipeconf(PiPipeconfId id) {
            return Optional.ofNullable(pipeconfs.get(id));
        }
    }
}
