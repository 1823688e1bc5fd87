package org.lwaftr.core;

import org.onlab.packet.Ip4Address;

/**
 * The binding-table key (IPv4 address, PSID): the exact-match key of the data plane's binding table.
 */
public final class SoftwireKey implements Comparable<SoftwireKey> {
    private final int ipv4;
    private final int psid;

    /**
     * @param ipv4 IPv4 address as int
     * @param psid PSID (0–65535)
     */
    public SoftwireKey(int ipv4, int psid) {
        this.ipv4 = ipv4;
        this.psid = psid;
    }

    /**
     * @param ipv4 IPv4 address
     * @param psid PSID
     * @return the key
     */
    public static SoftwireKey of(Ip4Address ipv4, int psid) {
        return new SoftwireKey(ipv4.toInt(), psid);
    }

    /** @return IPv4 address as int */
    public int ipv4Int() {
        return ipv4;
    }

    /** @return IPv4 address */
    public Ip4Address ipv4() {
        return Ip4Address.valueOf(ipv4);
    }

    /** @return PSID */
    public int psid() {
        return psid;
    }

    /** @return the key packed as one long: IPv4 in bits 16–47, PSID in bits 0–15 */
    public long packed() {
        return pack(ipv4, psid);
    }

    static long pack(int ipv4, int psid) {
        return ((ipv4 & 0xffffffffL) << 16) | (psid & 0xffff);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SoftwireKey && ((SoftwireKey) o).ipv4 == ipv4 && ((SoftwireKey) o).psid == psid;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(packed());
    }

    @Override
    public int compareTo(SoftwireKey o) {
        return Long.compare(packed(), o.packed());
    }

    @Override
    public String toString() {
        return ipv4() + "/psid " + psid;
    }
}
