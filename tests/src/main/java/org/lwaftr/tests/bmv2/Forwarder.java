package org.lwaftr.tests.bmv2;

import org.onlab.util.ImmutableByteSequence;
import org.onosproject.net.pi.model.PiActionId;
import org.onosproject.net.pi.model.PiActionParamId;
import org.onosproject.net.pi.model.PiCounterId;
import org.onosproject.net.pi.model.PiMatchFieldId;
import org.onosproject.net.pi.model.PiPacketMetadataId;
import org.onosproject.net.pi.model.PiPacketOperationType;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiActionParam;
import org.onosproject.net.pi.runtime.PiExactFieldMatch;
import org.onosproject.net.pi.runtime.PiMatchKey;
import org.onosproject.net.pi.runtime.PiPacketMetadata;
import org.onosproject.net.pi.runtime.PiPacketOperation;
import org.onosproject.net.pi.runtime.PiTableEntry;

/**
 * The trivial forwarder (tests/src/test/p4/forwarder.p4): its names and PI objects. It is the
 * harness's smoke-test program and the data-plane benchmark's baseline.
 */
public final class Forwarder {
    /** Table: exact on ingress port. */
    public static final PiTableId PORT_FWD = PiTableId.of("FwdIngress.port_fwd");
    /** Match field of {@link #PORT_FWD}. */
    public static final PiMatchFieldId INGRESS_PORT = PiMatchFieldId.of("ingress_port");
    /** Action: forward to a port. */
    public static final PiActionId SET_EGRESS_PORT = PiActionId.of("FwdIngress.set_egress_port");
    /** Parameter of {@link #SET_EGRESS_PORT}. */
    public static final PiActionParamId PORT = PiActionParamId.of("port");
    /** Action: send to the controller. */
    public static final PiActionId PUNT = PiActionId.of("FwdIngress.punt");
    /** Action: drop. */
    public static final PiActionId DROP = PiActionId.of("FwdIngress.drop");
    /** Indexed counter: frames per ingress port. */
    public static final PiCounterId RX_PORT_COUNTER = PiCounterId.of("FwdIngress.rx_port_counter");
    /** packet_in metadata: ingress port. */
    public static final PiPacketMetadataId PACKET_IN_INGRESS_PORT = PiPacketMetadataId.of("ingress_port");
    /** packet_out metadata: egress port. */
    public static final PiPacketMetadataId PACKET_OUT_EGRESS_PORT = PiPacketMetadataId.of("egress_port");

    private Forwarder() {
    }

    /** The compiled pipeline, from the class path. */
    public static Bmv2Pipeline pipeline() {
        return Bmv2Pipeline.fromClasspath("forwarder", "forwarder/forwarder");
    }

    /** Entry: frames in on {@code inPort} go out of {@code outPort}. */
    public static PiTableEntry forward(int inPort, int outPort) {
        return entry(inPort, PiAction.builder().withId(SET_EGRESS_PORT)
                .withParameter(new PiActionParam(PORT, port(outPort))).build());
    }

    /** Entry: frames in on {@code inPort} go to the controller. */
    public static PiTableEntry punt(int inPort) {
        return entry(inPort, PiAction.builder().withId(PUNT).build());
    }

    /** A packet-out leaving the switch on {@code port}. */
    public static PiPacketOperation packetOut(int port, byte[] frame) {
        return PiPacketOperation.builder().withType(PiPacketOperationType.PACKET_OUT)
                .withData(ImmutableByteSequence.copyFrom(frame))
                .withMetadata(PiPacketMetadata.builder().withId(PACKET_OUT_EGRESS_PORT).withValue(port(port)).build())
                .build();
    }

    /** A 9-bit port number as the two bytes PI objects carry. */
    public static ImmutableByteSequence port(int port) {
        return ImmutableByteSequence.copyFrom((short) port);
    }

    private static PiTableEntry entry(int inPort, PiAction action) {
        return PiTableEntry.builder().forTable(PORT_FWD)
                .withMatchKey(PiMatchKey.builder().addFieldMatch(new PiExactFieldMatch(INGRESS_PORT, port(inPort)))
                        .build())
                .withAction(action).build();
    }
}
