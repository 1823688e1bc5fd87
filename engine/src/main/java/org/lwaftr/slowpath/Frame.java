package org.lwaftr.slowpath;

import org.onlab.packet.Ethernet;
import org.onlab.packet.MacAddress;

import java.util.Arrays;

/**
 * The L2 view of a punted frame as the switch received it: MACs, the optional 802.1Q tag and the
 * offset of the L3 packet. Only offsets are read here; the L3 packet is read by
 * {@link Ipv4View}/{@link Ipv6View} or ONOS's deserialisers.
 */
final class Frame {

    final byte[] bytes;
    final int ingressPort;
    final int vlan;
    final int etherType;
    final int l3Offset;

    private Frame(byte[] bytes, int ingressPort, int vlan, int etherType, int l3Offset) {
        this.bytes = bytes;
        this.ingressPort = ingressPort;
        this.vlan = vlan;
        this.etherType = etherType;
        this.l3Offset = l3Offset;
    }

    /**
     * @param frame       the frame
     * @param ingressPort where it arrived
     * @return the view
     * @throws Malformed if shorter than its L2 header
     */
    static Frame parse(byte[] frame, int ingressPort) {
        Malformed.check(frame != null && frame.length >= 14, "frame shorter than an Ethernet header");
        int type = Checksums.getShort(frame, 12);
        if (type == (Ethernet.TYPE_VLAN & 0xffff)) {
            Malformed.check(frame.length >= 18, "frame shorter than a VLAN-tagged header");
            int vid = Checksums.getShort(frame, 14) & 0x0fff;
            return new Frame(frame, ingressPort, vid, Checksums.getShort(frame, 16), 18);
        }
        return new Frame(frame, ingressPort, 0, type, 14);
    }

    /** @return bytes after the L2 header */
    int l3Length() {
        return bytes.length - l3Offset;
    }

    /** @return the source MAC */
    MacAddress src() {
        return MacAddress.valueOf(Arrays.copyOfRange(bytes, 6, 12));
    }

    /** @return the destination MAC */
    MacAddress dst() {
        return MacAddress.valueOf(Arrays.copyOfRange(bytes, 0, 6));
    }

    /** @return true if sent to a group (broadcast or multicast) MAC */
    boolean toGroupMac() {
        return (bytes[0] & 1) != 0;
    }

    /**
     * @param l3 a new L3 packet
     * @return this frame's L2 header followed by l3 (a packet re-injected as if it had arrived so)
     */
    byte[] withL3(byte[] l3) {
        byte[] out = Arrays.copyOf(bytes, l3Offset + l3.length);
        System.arraycopy(l3, 0, out, l3Offset, l3.length);
        return out;
    }

    /** @return the L2 header with the ethertype replaced (VLAN tag kept) */
    byte[] withL3(byte[] l3, int newEtherType) {
        byte[] out = withL3(l3);
        Checksums.putShort(out, l3Offset - 2, newEtherType);
        return out;
    }
}
