package org.lwaftr.pipeconf;

import org.onlab.packet.Data;
import org.onlab.packet.DeserializationException;
import org.onlab.packet.Ethernet;
import org.onlab.packet.VlanId;
import org.onosproject.net.pi.model.PiPipelineInterpreter.PiInterpreterException;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Parses punted frames for ONOS's {@code InboundPacket.parsed()}. The pipeline punts exactly what
 * ONOS's parsers may refuse (fragments, truncated or odd packets); such a frame is still delivered,
 * with its Ethernet header parsed and the rest as raw data, because the slow path works on the bytes.
 */
final class FrameParser {

    static final int ETHERNET_HEADER_BYTES = 14;
    private static final int VLAN_TAG_BYTES = 4;

    private FrameParser() {
    }

    /**
     * Parses a frame.
     *
     * @param frame Ethernet frame as punted
     * @return the parsed frame; its payload is raw {@link Data} if ONOS's parsers refuse it
     * @throws PiInterpreterException if the frame is shorter than an Ethernet header
     */
    static Ethernet parse(byte[] frame) throws PiInterpreterException {
        if (frame.length < ETHERNET_HEADER_BYTES) {
            throw new PiInterpreterException("punted frame of " + frame.length + " bytes is shorter than an "
                    + "Ethernet header (" + ETHERNET_HEADER_BYTES + ")");
        }
        try {
            return Ethernet.deserializer().deserialize(frame, 0, frame.length);
        } catch (DeserializationException | RuntimeException e) {
            return headerOnly(frame);
        }
    }

    private static Ethernet headerOnly(byte[] frame) {
        ByteBuffer bb = ByteBuffer.wrap(frame);
        byte[] dst = new byte[6];
        byte[] src = new byte[6];
        bb.get(dst);
        bb.get(src);
        Ethernet eth = new Ethernet();
        eth.setDestinationMACAddress(dst);
        eth.setSourceMACAddress(src);
        short type = bb.getShort();
        if (type == Ethernet.TYPE_VLAN && bb.remaining() >= VLAN_TAG_BYTES) {
            short tci = bb.getShort();
            eth.setPriorityCode((byte) ((tci >> 13) & 0x7));
            eth.setVlanID((short) (tci & VlanId.MAX_VLAN));
            type = bb.getShort();
        }
        eth.setEtherType(type);
        eth.setPayload(new Data(Arrays.copyOfRange(frame, bb.position(), frame.length)));
        return eth;
    }
}
