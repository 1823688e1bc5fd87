package org.lwaftr.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where the binding table keeps its softwires: per IPv4 address, the shape (a, k) all its port
 * sets share and the softwires in an array indexed by PSID. A lookup is one small map probe (a few
 * ten thousand addresses stay in cache) and one array read, and a softwire costs one reference
 * beyond itself; a hash map keyed by (IPv4, PSID) cost three cache misses and ~56 bytes.
 *
 * <p>Arrays hold pages of up to 2^{@value #PAGE_BITS} slots, allocated on first use, so an address
 * with k = 16 and few softwires does not cost 64 Ki slots.
 *
 * <p>One writer at a time (the binding table serialises them); readers never lock. Addresses are
 * published through the concurrent map and slots with release/acquire, and softwires are
 * immutable, so a reader sees each softwire either before or after a change.
 */
final class SoftwireStore {

    static final int PAGE_BITS = 10;

    private static final VarHandle PAGE = MethodHandles.arrayElementVarHandle(Softwire[].class);
    private static final VarHandle PAGES = MethodHandles.arrayElementVarHandle(Softwire[][].class);

    /** One IPv4 address: its shape and its softwires by PSID. */
    static final class Address {
        final PortSetShape shape;
        final Softwire[][] pages;
        final int pageBits;
        int count; // written by the one writer only

        Address(PortSetShape shape) {
            this.shape = shape;
            this.pageBits = Math.min(shape.length(), PAGE_BITS);
            this.pages = new Softwire[1 << (shape.length() - pageBits)][];
        }

        Softwire get(int psid) {
            if (psid < 0 || psid > shape.mask()) {
                return null;
            }
            Softwire[] page = (Softwire[]) PAGES.getAcquire(pages, psid >>> pageBits);
            return page == null ? null : (Softwire) PAGE.getAcquire(page, psid & ((1 << pageBits) - 1));
        }

        /** Sets a slot; returns what it held. */
        Softwire set(int psid, Softwire s) {
            Softwire[] page = (Softwire[]) PAGES.getAcquire(pages, psid >>> pageBits);
            if (page == null) {
                if (s == null) {
                    return null;
                }
                page = new Softwire[1 << pageBits];
                PAGES.setRelease(pages, psid >>> pageBits, page);
            }
            int i = psid & ((1 << pageBits) - 1);
            Softwire old = page[i];
            PAGE.setRelease(page, i, s);
            return old;
        }

        void forEach(Consumer<Softwire> action) {
            for (Softwire[] page : pages) {
                if (page != null) {
                    for (Softwire s : page) {
                        if (s != null) {
                            action.accept(s);
                        }
                    }
                }
            }
        }
    }

    private final IntMap<Address> addresses = new IntMap<>();
    private volatile int size;

    /** @return number of softwires */
    int size() {
        return size;
    }

    /** @return the address entry, or null if it has no softwire */
    Address address(int ipv4) {
        return addresses.get(ipv4);
    }

    /** @return the softwire with key (ipv4, psid), or null */
    Softwire get(int ipv4, int psid) {
        Address a = addresses.get(ipv4);
        return a == null ? null : a.get(psid);
    }

    /** RFC 7596 §6.2: the softwire owning (ipv4, port), or null. */
    Softwire lookup(int ipv4, int port) {
        Address a = addresses.get(ipv4);
        if (a == null) {
            return null;
        }
        PortSetShape shape = a.shape;
        if (port < shape.firstUsablePort()) {
            return null;
        }
        return a.get(shape.psidOf(port));
    }

    /**
     * Adds or replaces a softwire. The caller has checked that its shape is the address's.
     *
     * @return the softwire it replaced, or null
     */
    Softwire put(Softwire s) {
        Address a = addresses.get(s.ipv4Int());
        boolean fresh = a == null;
        if (fresh) {
            a = new Address(s.portSet().shape());
        }
        Softwire old = a.set(s.psid(), s);
        if (old == null) {
            a.count++;
            size = size + 1; // one writer: no lost update
        }
        if (fresh) {
            addresses.put(s.ipv4Int(), a); // published once its slot is set
        }
        return old;
    }

    /** @return the removed softwire, or null if there was none */
    Softwire remove(int ipv4, int psid) {
        Address a = addresses.get(ipv4);
        if (a == null || psid < 0 || psid > a.shape.mask()) {
            return null;
        }
        Softwire old = a.set(psid, null);
        if (old != null) {
            size = size - 1;
            if (--a.count == 0) {
                addresses.remove(ipv4);
            }
        }
        return old;
    }

    /** Calls {@code action} for every softwire (a weakly consistent walk). */
    void forEach(Consumer<Softwire> action) {
        addresses.forEach((ipv4, a) -> a.forEach(action));
    }

    /** @return every bound address with its shape */
    Map<Integer, PortSetShape> shapes() {
        Map<Integer, PortSetShape> out = new HashMap<>();
        addresses.forEach((ipv4, a) -> out.put(ipv4, a.shape));
        return out;
    }
}
