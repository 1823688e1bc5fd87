package org.lwaftr.config;

import org.lwaftr.core.io.BindInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.lwaftr.config.PolicyCodec.ENABLE_HAIRPINNING;
import static org.lwaftr.config.PolicyCodec.ICMP_POLICY;
import static org.lwaftr.config.PolicyCodec.SOFTWIRE_NUM_MAX;
import static org.lwaftr.config.PolicyCodec.SOFTWIRE_PATH_MRU;
import static org.lwaftr.config.PolicyCodec.SOFTWIRE_PAYLOAD_MTU;

/**
 * The RFC 8676 {@code bind-instance} leaves of a binding-table file and the policy are one model:
 * the policy's fields carry the same names. The policy (netcfg, or the standalone controller's
 * configuration) configures the lwAFTR; a binding-table file supplies softwires. So an export
 * writes the policy's values into its bind-instance, and an import whose bind-instance says
 * otherwise is told, leaf by leaf, that those values are not applied (never silently ignored).
 */
public final class BindInstances {

    private BindInstances() {
    }

    /**
     * @param p the policy in force
     * @return its RFC 8676 bind-instance leaves (for exports)
     */
    public static BindInstance of(LwaftrPolicy p) {
        IcmpPolicy i = p.icmp();
        return new BindInstance().softwireNumMax((long) p.softwireNumMax())
                .softwirePayloadMtu(p.softwirePayloadMtu()).softwirePathMru(p.softwirePathMru())
                .enableHairpinning(p.hairpinning()).allowIncomingIcmpv4(i.allowIncomingIcmpv4())
                .icmpv4Rate((long) i.icmpv4Rate()).generateIcmpv4Errors(i.generateIcmpv4Errors())
                .generateIcmpv6Errors(i.generateIcmpv6Errors()).icmpv6Rate((long) i.icmpv6Rate());
    }

    /**
     * @param source where the bind-instance was read (a file name, "REST body", ...)
     * @param in     the bind-instance read, or null (formats without one)
     * @param p      the policy in force
     * @return one message per leaf {@code in} gives with a value other than the policy's
     */
    public static List<String> notApplied(String source, BindInstance in, LwaftrPolicy p) {
        List<String> out = new ArrayList<>();
        if (in == null) {
            return out;
        }
        BindInstance want = of(p);
        String icmp = ICMP_POLICY + ".";
        check(out, source, in, SOFTWIRE_NUM_MAX, in.softwireNumMax(), want.softwireNumMax());
        check(out, source, in, SOFTWIRE_PAYLOAD_MTU, in.softwirePayloadMtu(), want.softwirePayloadMtu());
        check(out, source, in, SOFTWIRE_PATH_MRU, in.softwirePathMru(), want.softwirePathMru());
        check(out, source, in, ENABLE_HAIRPINNING, in.enableHairpinning(), want.enableHairpinning());
        check(out, source, in, icmp + PolicyCodec.ICMPV4_ERRORS + "." + PolicyCodec.ALLOW_INCOMING_ICMPV4,
                in.allowIncomingIcmpv4(), want.allowIncomingIcmpv4());
        check(out, source, in, icmp + PolicyCodec.ICMPV4_ERRORS + "." + PolicyCodec.ICMPV4_RATE,
                in.icmpv4Rate(), want.icmpv4Rate());
        check(out, source, in, icmp + PolicyCodec.ICMPV4_ERRORS + "." + PolicyCodec.GENERATE_ICMPV4_ERRORS,
                in.generateIcmpv4Errors(), want.generateIcmpv4Errors());
        check(out, source, in, icmp + PolicyCodec.ICMPV6_ERRORS + "." + PolicyCodec.GENERATE_ICMPV6_ERRORS,
                in.generateIcmpv6Errors(), want.generateIcmpv6Errors());
        check(out, source, in, icmp + PolicyCodec.ICMPV6_ERRORS + "." + PolicyCodec.ICMPV6_RATE,
                in.icmpv6Rate(), want.icmpv6Rate());
        return out;
    }

    private static void check(List<String> out, String source, BindInstance in, String leaf, Object given,
                              Object policy) {
        if (given != null && !Objects.equals(given, policy)) {
            out.add(source + ": bind-instance '" + in.name() + "' " + leaf + " " + given
                    + " is not applied: the policy's " + leaf + " " + policy
                    + " is (the policy configures the lwAFTR, the file its softwires)");
        }
    }
}
