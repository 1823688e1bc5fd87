package org.lwaftr.pipeconf;

import org.junit.Test;
import org.lwaftr.pipeconf.gen.LwaftrP4;
import org.onosproject.net.behaviour.Pipeliner;
import org.onosproject.net.pi.PiPipeconfServiceAdapter;
import org.onosproject.net.pi.model.PiPipeconf;
import org.onosproject.net.pi.model.PiPipeconfId;
import org.onosproject.net.pi.model.PiPipelineInterpreter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

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
        loader.activate();
        assertTrue(service.getPipeconf(LwaftrPipeconf.ID).isPresent());
        // A second activation (bundle reinstalled) replaces the registration instead of failing.
        loader.activate();
        assertEquals(1, service.registrations);
        loader.deactivate();
        assertFalse(service.getPipeconf(LwaftrPipeconf.ID).isPresent());
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
