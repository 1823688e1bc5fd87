package org.lwaftr.app;

import org.lwaftr.config.ConfigException;
import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.config.PolicyCodec;

import org.onosproject.core.ApplicationId;
import org.onosproject.net.config.Config;

import java.util.List;

/**
 * ONOS netcfg wrapper of the app-wide policy: {@code {"apps": {"org.lwaftr.app": {"lwaftr": {...}}}}}.
 * Parsing lives in {@link PolicyCodec} (no ONOS runtime needed).
 */
public class LwaftrAppConfig extends Config<ApplicationId> {

    /** The config key, under the app and under each device. */
    public static final String KEY = "lwaftr";

    @Override
    public boolean isValid() {
        return validate().isEmpty();
    }

    /** @return every problem (empty if valid), each naming its field's path */
    public List<String> validate() {
        return PolicyCodec.validate(node());
    }

    /**
     * @return the policy
     * @throws ConfigException if invalid
     */
    public LwaftrPolicy policy() {
        return PolicyCodec.parse(node());
    }
}
