package org.lwaftr.lab.p4rt;

import org.onlab.util.ImmutableByteSequence;
import org.onosproject.net.pi.model.PiActionId;
import org.onosproject.net.pi.model.PiActionParamId;
import org.onosproject.net.pi.model.PiMatchFieldId;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiActionParam;
import org.onosproject.net.pi.runtime.PiExactFieldMatch;
import org.onosproject.net.pi.runtime.PiMatchKey;
import org.onosproject.net.pi.runtime.PiTableEntry;

/** PI objects for the test P4Info, sized like the decoder sizes them. */
final class PiFixtures {
    static final PiTableId EXACT = PiTableId.of("Ing.exact_tbl");
    static final PiTableId LPM = PiTableId.of("Ing.lpm_tbl");
    static final PiTableId ACL = PiTableId.of("Ing.acl");
    static final PiTableId CONFIG = PiTableId.of("Ing.config");
    static final PiMatchFieldId DST4 = PiMatchFieldId.of("hdr.ipv4.dst_addr");
    static final PiMatchFieldId PSID = PiMatchFieldId.of("meta.psid");
    static final PiMatchFieldId DST6 = PiMatchFieldId.of("hdr.ipv6.dst_addr");
    static final PiMatchFieldId IN_PORT = PiMatchFieldId.of("std.ingress_port");
    static final PiMatchFieldId L4_DST = PiMatchFieldId.of("hdr.l4.dst_port");
    static final PiMatchFieldId PROTO = PiMatchFieldId.of("hdr.ipv4.protocol");
    static final PiActionId SOFTWIRE = PiActionId.of("Ing.softwire");
    static final PiActionId SET_PORT = PiActionId.of("Ing.set_port");
    static final PiActionId DROP = PiActionId.of("Ing.drop");

    private PiFixtures() {
    }

    static ImmutableByteSequence bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return ImmutableByteSequence.copyFrom(out);
    }

    static ImmutableByteSequence ip6(int lastByte) {
        byte[] a = new byte[16];
        a[0] = 0x20;
        a[1] = 0x01;
        a[2] = 0x0d;
        a[3] = (byte) 0xb8;
        a[15] = (byte) lastByte;
        return ImmutableByteSequence.copyFrom(a);
    }

    static PiAction softwire(int lwb4LastByte, int brIndex, int counterIndex) {
        return PiAction.builder().withId(SOFTWIRE)
                .withParameter(new PiActionParam(PiActionParamId.of("lwb4"), ip6(lwb4LastByte)))
                .withParameter(new PiActionParam(PiActionParamId.of("br_index"), bytes(brIndex)))
                .withParameter(new PiActionParam(PiActionParamId.of("counter_index"),
                        bytes(counterIndex >> 16, counterIndex >> 8, counterIndex)))
                .build();
    }

    static PiAction setPort(int port) {
        return PiAction.builder().withId(SET_PORT)
                .withParameter(new PiActionParam(PiActionParamId.of("port"), bytes(port >> 8, port))).build();
    }

    static PiAction drop() {
        return PiAction.builder().withId(DROP).build();
    }

    static PiTableEntry binding(int ipv4, int psid, PiAction action) {
        return PiTableEntry.builder().forTable(EXACT)
                .withMatchKey(PiMatchKey.builder()
                        .addFieldMatch(new PiExactFieldMatch(DST4, ImmutableByteSequence.copyFrom(ipv4)))
                        .addFieldMatch(new PiExactFieldMatch(PSID, ImmutableByteSequence.copyFrom((short) psid)))
                        .build())
                .withAction(action).build();
    }
}
