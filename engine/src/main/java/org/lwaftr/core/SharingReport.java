package org.lwaftr.core;

import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Address sharing in the binding table (the security review of RFC 7596 asked operators to know
 * it): per IPv4 address, its port-set shape (RFC 7597 §5.1 offset a, PSID length k), softwires,
 * ports allocated and free, lwB4s; over the table, addresses fully and partly used and how many
 * addresses are shared by how many subscribers at most (the sharing ratio 2^k).
 */
public final class SharingReport {

    /** One IPv4 address. */
    public static final class Address {
        private final Ip4Address ipv4;
        private final PortSetShape shape;
        private final int softwires;
        private final int portsAllocated;
        private final int portsFree;
        private final List<Ip6Address> lwb4s;

        Address(Ip4Address ipv4, PortSetShape shape, int softwires, int portsPerSet, List<Ip6Address> lwb4s) {
            this.ipv4 = ipv4;
            this.shape = shape;
            this.softwires = softwires;
            this.portsAllocated = softwires * portsPerSet;
            this.portsFree = (SharingReport.sharingRatio(shape) - softwires) * portsPerSet;
            this.lwb4s = Collections.unmodifiableList(lwb4s);
        }

        public Ip4Address ipv4() {
            return ipv4;
        }

        /** @return the port-set shape of every softwire on the address */
        public PortSetShape shape() {
            return shape;
        }

        /** @return how many subscribers the address can be shared by (2^k) */
        public int sharingRatio() {
            return SharingReport.sharingRatio(shape);
        }

        public int softwires() {
            return softwires;
        }

        /** @return ports in the port sets bound to softwires */
        public int portsAllocated() {
            return portsAllocated;
        }

        /** @return ports in the port sets of the shape no softwire holds (system ports of the i = 0 block excluded) */
        public int portsFree() {
            return portsFree;
        }

        /** @return true when every port set of the address is bound */
        public boolean fullyUsed() {
            return softwires == sharingRatio();
        }

        /** @return the lwB4s holding its port sets, ascending, each once */
        public List<Ip6Address> lwb4s() {
            return lwb4s;
        }
    }

    private final List<Address> addresses;
    private final Map<Integer, Address> index = new HashMap<>();
    private final Map<Integer, int[]> byRatio; // ratio → {addresses, softwires}

    private SharingReport(List<Address> addresses, Map<Integer, int[]> byRatio) {
        this.addresses = Collections.unmodifiableList(addresses);
        this.byRatio = byRatio;
        addresses.forEach(a -> index.put(a.ipv4().toInt(), a));
    }

    /**
     * @param softwires the binding table's softwires (one shape per address, as the table ensures)
     * @return the report
     */
    public static SharingReport of(Collection<Softwire> softwires) {
        Map<Integer, List<Softwire>> byIpv4 = new TreeMap<>(Integer::compareUnsigned);
        for (Softwire s : softwires) {
            byIpv4.computeIfAbsent(s.ipv4Int(), k -> new ArrayList<>(1)).add(s);
        }
        List<Address> out = new ArrayList<>(byIpv4.size());
        Map<Integer, int[]> byRatio = new TreeMap<>();
        for (List<Softwire> group : byIpv4.values()) {
            Softwire first = group.get(0);
            TreeSet<Ip6Address> lwb4s = new TreeSet<>();
            group.forEach(s -> lwb4s.add(s.lwb4()));
            Address a = new Address(first.ipv4(), first.portSet().shape(), group.size(), first.portSet().size(),
                    new ArrayList<>(lwb4s));
            out.add(a);
            int[] c = byRatio.computeIfAbsent(a.sharingRatio(), r -> new int[2]);
            c[0]++;
            c[1] += a.softwires();
        }
        return new SharingReport(out, byRatio);
    }

    /** @return every address with a softwire, by ascending IPv4 address */
    public List<Address> addresses() {
        return addresses;
    }

    /** @return the address's line, if a softwire uses it */
    public Optional<Address> address(Ip4Address ipv4) {
        return Optional.ofNullable(index.get(ipv4.toInt()));
    }

    /** @return addresses whose every port set is bound */
    public int fullyUsed() {
        return (int) addresses.stream().filter(Address::fullyUsed).count();
    }

    /** @return addresses with some port set still free */
    public int partlyUsed() {
        return addresses.size() - fullyUsed();
    }

    /** @return sharing ratio (2^k) → {addresses with it, softwires on them}, ascending ratio */
    public Map<Integer, int[]> sharingRatioHistogram() {
        return Collections.unmodifiableMap(byRatio);
    }

    private static int sharingRatio(PortSetShape shape) {
        return 1 << shape.length();
    }
}
