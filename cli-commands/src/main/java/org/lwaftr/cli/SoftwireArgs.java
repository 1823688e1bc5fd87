package org.lwaftr.cli;

import org.lwaftr.codec.Inputs;
import org.lwaftr.core.BindingChange;
import org.lwaftr.core.Softwire;

/**
 * CLI arguments → binding changes. Plain code (no Karaf) so it is tested directly; every error
 * names the field ({@link org.lwaftr.codec.InvalidInputException} or
 * {@link org.lwaftr.core.InvalidBindingException}).
 */
public final class SoftwireArgs {

    private SoftwireArgs() {
    }

    /**
     * {@code lwaftr-softwire-add IPV4 PSID-OFFSET PSID-LEN PSID LWB4 BR}.
     *
     * @param replace true to replace the softwire with the same (IPv4, PSID) instead of adding
     * @param args    the six arguments
     * @return the change
     */
    public static BindingChange add(boolean replace, String ipv4, String psidOffset, String psidLen, String psid,
                                    String lwb4, String br) {
        Softwire s = Inputs.softwire(ipv4, psidOffset, psidLen, psid, lwb4, br);
        return replace ? BindingChange.replace(s) : BindingChange.add(s);
    }

    /**
     * {@code lwaftr-softwire-remove IPV4 PSID}.
     *
     * @param ipv4 the IPv4 address
     * @param psid the PSID
     * @return the change
     */
    public static BindingChange remove(String ipv4, String psid) {
        return BindingChange.remove(Inputs.key(ipv4, psid));
    }
}
