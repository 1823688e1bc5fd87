package org.lwaftr.rest;

import org.onlab.rest.AbstractWebApplication;

import java.util.Set;

/**
 * The lwAFTR REST API, served by ONOS at {@code /onos/lwaftr} (bundle header Web-ContextPath).
 */
public class LwaftrWebApplication extends AbstractWebApplication {
    /**
     * The JAX-RS configuration property through which a host without ONOS's service directory (the
     * standalone controller) hands the resources its {@link org.lwaftr.api.LwaftrService}.
     */
    public static final String SERVICE_PROPERTY = "org.lwaftr.service";

    @Override
    public Set<Class<?>> getClasses() {
        return getClasses(SoftwiresWebResource.class, BindingTableWebResource.class, LookupWebResource.class,
                WhoHadWebResource.class, StatsWebResource.class, PolicyWebResource.class, ProvisioningWebResource.class,
                SharingWebResource.class, UiWebResource.class, OpenApiWebResource.class,
                InvalidInputMapper.class, InvalidBindingMapper.class);
    }
}
