package org.lwaftr.store;

import org.lwaftr.core.Addresses;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;

/**
 * A softwire as the distributed map stores it: primitives only (compact, cheap to serialize), plus
 * what the cluster must agree on besides the softwire itself: its data-plane counter index and the
 * time it was bound (RFC 7422 / RFC 8676 binding-table-versioning: who had this IPv4 port when).
 */
public final class SoftwireRecord {
    private int ipv4;
    private byte psidOffset;
    private byte psidLength;
    private int psid;
    private long b4Hi;
    private long b4Lo;
    private long brHi;
    private long brLo;
    private int counterIndex;
    private long since;

    @SuppressWarnings("unused")
    private SoftwireRecord() {
        // for the serializer
    }

    private SoftwireRecord(Softwire s, int counterIndex, long since) {
        ipv4 = s.ipv4Int();
        psidOffset = (byte) s.portSet().offset();
        psidLength = (byte) s.portSet().length();
        psid = s.psid();
        b4Hi = s.lwb4High();
        b4Lo = s.lwb4Low();
        byte[] br = s.br().toOctets();
        brHi = Addresses.high(br);
        brLo = Addresses.low(br);
        this.counterIndex = counterIndex;
        this.since = since;
    }

    /**
     * @param s            the softwire
     * @param counterIndex its counter index
     * @param since        when it was bound (ms since the epoch)
     * @return the record
     */
    public static SoftwireRecord of(Softwire s, int counterIndex, long since) {
        return new SoftwireRecord(s, counterIndex, since);
    }

    /** @return the softwire (decoded; it was valid when stored) */
    public Softwire softwire() {
        return Softwire.of(Ip4Address.valueOf(ipv4), PortSet.of(psidOffset, psidLength, psid),
                Ip6Address.valueOf(Addresses.octets(b4Hi, b4Lo)), Ip6Address.valueOf(Addresses.octets(brHi, brLo)));
    }

    /**
     * @param s a softwire
     * @return true if this record holds exactly that softwire
     */
    public boolean holds(Softwire s) {
        if (s == null || s.ipv4Int() != ipv4 || s.psid() != psid || s.portSet().offset() != psidOffset
                || s.portSet().length() != psidLength || s.lwb4High() != b4Hi || s.lwb4Low() != b4Lo) {
            return false;
        }
        byte[] br = s.br().toOctets();
        return Addresses.high(br) == brHi && Addresses.low(br) == brLo;
    }

    /** @return the IPv4 address as an int */
    public int ipv4() {
        return ipv4;
    }

    /** @return the data-plane counter index */
    public int counterIndex() {
        return counterIndex;
    }

    /** @return when the softwire was bound, ms since the epoch */
    public long since() {
        return since;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SoftwireRecord)) {
            return false;
        }
        SoftwireRecord r = (SoftwireRecord) o;
        return ipv4 == r.ipv4 && psidOffset == r.psidOffset && psidLength == r.psidLength && psid == r.psid
                && b4Hi == r.b4Hi && b4Lo == r.b4Lo && brHi == r.brHi && brLo == r.brLo
                && counterIndex == r.counterIndex && since == r.since;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(b4Lo * 31 + ipv4) * 31 + psid;
    }

    @Override
    public String toString() {
        return softwire() + " #" + counterIndex + " since " + since;
    }
}
