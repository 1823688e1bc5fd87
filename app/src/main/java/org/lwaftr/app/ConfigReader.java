package org.lwaftr.app;

import org.lwaftr.config.ConfigException;
import org.lwaftr.config.DeviceSettings;
import org.lwaftr.app.LwaftrAppConfig;
import org.lwaftr.app.LwaftrDeviceConfig;
import org.lwaftr.config.LwaftrPolicy;
import org.onosproject.core.ApplicationId;
import org.onosproject.net.DeviceId;
import org.onosproject.net.config.NetworkConfigService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the lwAFTR netcfg. An invalid document is refused as a whole and the last valid one stays
 * in force (its errors are logged with their field paths), so a typo never half-applies.
 */
public final class ConfigReader {

    private static final Logger log = LoggerFactory.getLogger(ConfigReader.class);

    private final NetworkConfigService netcfg;
    private final ApplicationId appId;
    private volatile LwaftrPolicy lastPolicy = LwaftrPolicy.DEFAULT;
    private volatile Object lastPolicyNode; // the JSON lastPolicy was parsed from: parse once per change
    private final Map<DeviceId, DeviceSettings> lastDevice = new ConcurrentHashMap<>();
    private final Map<DeviceId, Object> lastDeviceNode = new ConcurrentHashMap<>();

    /**
     * @param netcfg the network config service
     * @param appId  the app id (subject of the app config)
     */
    public ConfigReader(NetworkConfigService netcfg, ApplicationId appId) {
        this.netcfg = netcfg;
        this.appId = appId;
    }

    /** @return the policy in force */
    public LwaftrPolicy policy() {
        LwaftrAppConfig cfg = netcfg.getConfig(appId, LwaftrAppConfig.class);
        if (cfg == null) {
            lastPolicy = LwaftrPolicy.DEFAULT;
            lastPolicyNode = null;
            return lastPolicy;
        }
        if (cfg.node() == lastPolicyNode) {
            return lastPolicy;
        }
        try {
            lastPolicy = cfg.policy();
            lastPolicyNode = cfg.node();
        } catch (ConfigException e) {
            lastPolicyNode = cfg.node(); // reported once per document
            log.error("lwaftr app config refused, previous policy stays: {}", e.errors());
        }
        return lastPolicy;
    }

    /**
     * @param device a device
     * @return its settings in force, or null if it has none
     */
    public DeviceSettings device(DeviceId device) {
        LwaftrDeviceConfig cfg = netcfg.getConfig(device, LwaftrDeviceConfig.class);
        if (cfg == null) {
            lastDevice.remove(device);
            lastDeviceNode.remove(device);
            return null;
        }
        if (cfg.node() == lastDeviceNode.get(device)) {
            return lastDevice.get(device); // parsed once per change: the slow path asks per packet
        }
        lastDeviceNode.put(device, cfg.node());
        try {
            DeviceSettings d = cfg.settings();
            lastDevice.put(device, d);
            return d;
        } catch (ConfigException e) {
            log.error("lwaftr config of {} refused, previous settings stay: {}", device, e.errors());
            return lastDevice.get(device);
        }
    }

    /** @return settings of every device with an lwaftr config */
    public Map<DeviceId, DeviceSettings> devices() {
        Map<DeviceId, DeviceSettings> out = new HashMap<>();
        for (DeviceId d : netcfg.getSubjects(DeviceId.class, LwaftrDeviceConfig.class)) {
            DeviceSettings s = device(d);
            if (s != null) {
                out.put(d, s);
            }
        }
        return out;
    }
}
