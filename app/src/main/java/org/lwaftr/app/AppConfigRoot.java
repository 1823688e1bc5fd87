package org.lwaftr.app;

import org.onosproject.core.ApplicationId;
import org.onosproject.core.CoreService;
import org.onosproject.net.DeviceId;
import org.onosproject.net.config.ConfigFactory;
import org.onosproject.net.config.NetworkConfigRegistry;
import org.onosproject.net.config.basics.SubjectFactories;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The root component: registers the app and its netcfg classes before anything reads them (as
 * ngsdn-tutorial's MainComponent does). Every component that reads the configuration references
 * this one, so the OSGi runtime activates it first: a config pushed before the app starts is
 * typed (and CONFIG_ADDED posted) when the factories register here, and no component ever sees a
 * device without its settings because the factories were not there yet.
 */
@Component(immediate = true, service = AppConfigRoot.class)
public class AppConfigRoot {

    private static final Logger log = LoggerFactory.getLogger(AppConfigRoot.class);

    /** The ONOS application name. */
    public static final String APP_NAME = "org.lwaftr.app";

    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected CoreService coreService;
    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected NetworkConfigRegistry netcfgRegistry;

    private ApplicationId appId;
    private ConfigReader config;

    private final ConfigFactory<ApplicationId, LwaftrAppConfig> appConfigFactory =
            new ConfigFactory<>(SubjectFactories.APP_SUBJECT_FACTORY, LwaftrAppConfig.class, LwaftrAppConfig.KEY) {
                @Override
                public LwaftrAppConfig createConfig() {
                    return new LwaftrAppConfig();
                }
            };
    private final ConfigFactory<DeviceId, LwaftrDeviceConfig> deviceConfigFactory =
            new ConfigFactory<>(SubjectFactories.DEVICE_SUBJECT_FACTORY, LwaftrDeviceConfig.class,
                    LwaftrAppConfig.KEY) {
                @Override
                public LwaftrDeviceConfig createConfig() {
                    return new LwaftrDeviceConfig();
                }
            };

    @Activate
    protected void activate() {
        appId = coreService.registerApplication(APP_NAME);
        netcfgRegistry.registerConfigFactory(appConfigFactory);
        netcfgRegistry.registerConfigFactory(deviceConfigFactory);
        config = new ConfigReader(netcfgRegistry, appId);
        log.info("Started: netcfg classes registered");
    }

    @Deactivate
    protected void deactivate() {
        netcfgRegistry.unregisterConfigFactory(deviceConfigFactory);
        netcfgRegistry.unregisterConfigFactory(appConfigFactory);
        log.info("Stopped");
    }

    /** @return the app's id */
    public ApplicationId appId() {
        return appId;
    }

    /** @return the one reader of the app's and devices' configuration */
    public ConfigReader config() {
        return config;
    }
}
