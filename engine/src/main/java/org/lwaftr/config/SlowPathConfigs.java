package org.lwaftr.config;

import org.lwaftr.slowpath.SlowPathConfig;
import org.lwaftr.slowpath.SlowPathConfigBuilder;
import org.onlab.packet.Ip6Address;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The slow path's configuration of one AFTR device, from the app policy and the device settings
 * (plain Java: the ONOS app and the lab controller build it the same way).
 */
public final class SlowPathConfigs {

    private SlowPathConfigs() {
    }

    /**
     * @param policy     the app policy
     * @param device     the device's settings
     * @param softwireBrs BR addresses named by softwires (echo is answered for them, neighbour discovery only for the device's own)
     * @return the slow path configuration
     * @throws org.lwaftr.slowpath.SlowPathConfigException naming a bad field
     */
    public static SlowPathConfig of(LwaftrPolicy policy, DeviceSettings device, Collection<Ip6Address> softwireBrs) {
        return of(policy, device, softwireBrs, b -> { });
    }

    /**
     * As {@link #of(LwaftrPolicy, DeviceSettings, Collection)}, with settings the netcfg does not
     * carry (the lab controller's Snabb reassembly limits).
     *
     * @param policy      the app policy
     * @param device      the device's settings
     * @param softwireBrs BR addresses named by softwires
     * @param tuning      applied to the builder last
     * @return the slow path configuration
     * @throws org.lwaftr.slowpath.SlowPathConfigException naming a bad field
     */
    public static SlowPathConfig of(LwaftrPolicy policy, DeviceSettings device, Collection<Ip6Address> softwireBrs,
                                    Consumer<SlowPathConfigBuilder> tuning) {
        IcmpPolicy icmp = policy.icmp();
        SideSettings l = device.lwb4Side();
        SideSettings i = device.internetSide();
        SlowPathConfigBuilder b = SlowPathConfig.builder()
                .lwb4Side(l.port(), l.vlan(), l.aftrMac(), l.configuredNextHopMac(), policy.lwb4SideMtu())
                .lwb4NextHopIp(l.nextHopIp() == null ? null : l.nextHopIp().getIp6Address())
                .internetSide(i.port(), i.vlan(), i.aftrMac(), i.configuredNextHopMac(), policy.internetMtu())
                .internetNextHopIp(i.nextHopIp() == null ? null : i.nextHopIp().getIp4Address())
                .egressFilters(l.egressFilter(), i.egressFilter())
                .icmpv4Errors(icmp.generateIcmpv4Errors())
                .icmpv6Errors(icmp.generateIcmpv6Errors())
                .allowIncomingIcmp(icmp.allowIncomingIcmpv4())
                .allowOutgoingIcmp(icmp.allowOutgoingIcmpv4())
                // RFC 7596 §9 / RFC 8676 icmpv4-rate, icmpv6-rate: messages per period.
                .icmpv4Rate(icmp.icmpv4Rate(), icmp.ratePeriodSeconds(), TimeUnit.SECONDS)
                .icmpv6Rate(icmp.icmpv6Rate(), icmp.ratePeriodSeconds(), TimeUnit.SECONDS)
                .hairpinning(policy.hairpinning())
                .hopLimit(policy.hopLimit())
                .flowLabel(policy.flowLabel());
        device.aftrIpv4().forEach(b::aftrIpv4);
        device.aftrIpv6().forEach(b::aftrIpv6);
        device.brAddresses().forEach(b::brAddress);
        Set<Ip6Address> named = new LinkedHashSet<>(softwireBrs);
        named.removeAll(device.brAddresses());
        named.forEach(b::softwireBrAddress);
        tuning.accept(b);
        return b.build();
    }
}
