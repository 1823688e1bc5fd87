package org.lwaftr.api;

import org.lwaftr.codec.InvalidInputException;
import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.PortSet;
import org.lwaftr.core.Softwire;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip6Address;

/**
 * Softwires for the operators' surfaces' tests.
 */
public final class Samples {

    public static final String BR = "2001:db8:ffff::1";
    public static final String BR2 = "2001:db8:ffff::2";

    private Samples() {
    }

    /**
     * @param ipv4 IPv4 address
     * @param psid PSID of a (6, 6) port set (RFC 7597 §5.1 example shape)
     * @param lwb4 lwB4 address
     * @param br   BR address
     * @return the softwire
     */
    public static Softwire softwire(String ipv4, int psid, String lwb4, String br) {
        return Softwire.of(Ip4Address.valueOf(ipv4), PortSet.of(6, 6, psid), Ip6Address.valueOf(lwb4),
                Ip6Address.valueOf(br));
    }

    /** @return a service holding three softwires on two addresses, two lwB4s and two BRs */
    public static FakeLwaftrService service() {
        return new FakeLwaftrService().with(
                softwire("192.0.2.1", 1, "2001:db8::1", BR),
                softwire("192.0.2.1", 2, "2001:db8::2", BR),
                softwire("192.0.2.2", 1, "2001:db8::1", BR2));
    }

    /**
     * @param r something that must refuse its input
     * @return the field the refusal names
     * @throws AssertionError if the input was accepted
     */
    public static String refusedField(Runnable r) {
        try {
            r.run();
        } catch (InvalidInputException e) {
            return e.field();
        } catch (InvalidBindingException e) {
            return e.field();
        }
        throw new AssertionError("input accepted");
    }
}
