package org.lwaftr.app;

import org.lwaftr.config.ConfigException;
import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.DeviceSettingsCodec;

import org.onosproject.net.DeviceId;
import org.onosproject.net.config.Config;

import java.util.List;

/**
 * ONOS netcfg wrapper of one device's settings: {@code {"devices": {"<id>": {"lwaftr": {...}}}}}.
 * Parsing lives in {@link DeviceSettingsCodec} (no ONOS runtime needed).
 */
public class LwaftrDeviceConfig extends Config<DeviceId> {

    @Override
    public boolean isValid() {
        return validate().isEmpty();
    }

    /** @return every problem (empty if valid), each naming its field's path */
    public List<String> validate() {
        return DeviceSettingsCodec.validate(node());
    }

    /**
     * @return the settings
     * @throws ConfigException if invalid
     */
    public DeviceSettings settings() {
        return DeviceSettingsCodec.parse(node());
    }
}
