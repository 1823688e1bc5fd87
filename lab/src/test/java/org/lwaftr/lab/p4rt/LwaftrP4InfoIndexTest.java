package org.lwaftr.lab.p4rt;

import com.google.common.io.Resources;
import org.junit.Test;
import org.lwaftr.pipeconf.gen.LwaftrP4;
import org.onosproject.net.pi.model.PiActionId;
import org.onosproject.net.pi.model.PiCounterId;
import org.onosproject.net.pi.model.PiMeterId;
import org.onosproject.net.pi.model.PiPacketMetadataId;
import org.onosproject.net.pi.model.PiTableId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** Every name the generated LwaftrP4 constants carry resolves in the index of the real P4Info. */
public class LwaftrP4InfoIndexTest {
    private final P4InfoIndex index = load();

    private static P4InfoIndex load() {
        try {
            return P4InfoIndex.parseText(Resources.toString(Resources.getResource("lwaftr.p4info.txt"),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    public void everyGeneratedIdResolves() throws Exception {
        int checked = 0;
        for (Field f : LwaftrP4.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            Object v = f.get(null);
            if (v instanceof PiTableId) {
                index.table(((PiTableId) v).id());
            } else if (v instanceof PiActionId) {
                index.action(((PiActionId) v).id());
            } else if (v instanceof PiCounterId) {
                index.counter(((PiCounterId) v).id());
            } else if (v instanceof PiMeterId) {
                index.meter(((PiMeterId) v).id());
            } else if (v instanceof PiPacketMetadataId) {
                String header = f.getName().startsWith("PACKET_IN_") ? P4InfoIndex.PACKET_IN : P4InfoIndex.PACKET_OUT;
                index.packetHeader(header).field(((PiPacketMetadataId) v).id());
            } else {
                continue;
            }
            checked++;
        }
        assertTrue("only " + checked + " constants checked", checked > 10);
    }

    @Test
    public void sizesMatchTheGeneratedConstants() {
        assertEquals(LwaftrP4.INGRESS_BINDING_SIZE, index.table(LwaftrP4.INGRESS_BINDING.id()).size());
        assertEquals(LwaftrP4.COUNTER_SOFTWIRE_STATS_SIZE,
                index.counter(LwaftrP4.COUNTER_SOFTWIRE_STATS.id()).size());
        assertEquals(LwaftrP4.METER_PUNT_METER_SIZE, index.meter(LwaftrP4.METER_PUNT_METER.id()).size());
    }
}
