package org.lwaftr.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lwaftr.app.LwaftrAppConfig;
import org.lwaftr.app.LwaftrDeviceConfig;
import org.onosproject.net.config.Config;
import org.onosproject.net.config.ConfigFactory;
import org.onosproject.net.config.NetworkConfigEvent;
import org.onosproject.net.config.NetworkConfigListener;
import org.onosproject.net.config.NetworkConfigRegistryAdapter;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Netcfg holding lwAFTR configs per subject and posting events, as ONOS's registry does; also as
 * ONOS's DistributedNetworkConfigStore does, a config pushed before its class's factory is
 * registered is held as JSON (getConfig gives null) and typed, with CONFIG_ADDED, when the factory
 * registers.
 */
public class TestNetworkConfig extends NetworkConfigRegistryAdapter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<Object, Map<Class<?>, Config<?>>> configs = new ConcurrentHashMap<>();
    private final List<NetworkConfigListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<ConfigFactory> factories = ConcurrentHashMap.newKeySet();
    /** Per config class, per subject: JSON pushed while no factory of the class was registered. */
    private final Map<Class<?>, Map<Object, JsonNode>> pending = new ConcurrentHashMap<>();

    @Override
    public void registerConfigFactory(ConfigFactory configFactory) {
        factories.add(configFactory);
        Map<Object, JsonNode> held = pending.remove(configFactory.configClass());
        if (held != null) {
            held.forEach(this::put);
        }
    }

    @Override
    public void unregisterConfigFactory(ConfigFactory configFactory) {
        factories.remove(configFactory);
        Class<?> cls = configFactory.configClass();
        configs.forEach((subject, m) -> {
            Config<?> c = m.remove(cls);
            if (c != null) {
                pending.computeIfAbsent(cls, k -> new ConcurrentHashMap<>()).put(subject, c.node());
            }
        });
    }

    private boolean registered(Class<?> configClass) {
        return factories.stream().anyMatch(f -> f.configClass() == configClass);
    }

    @Override
    public Set<ConfigFactory> getConfigFactories() {
        return factories;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, C extends Config<S>> C getConfig(S subject, Class<C> configClass) {
        return (C) configs.getOrDefault(subject, Map.of()).get(configClass);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, C extends Config<S>> Set<S> getSubjects(Class<S> subjectClass, Class<C> configClass) {
        Set<S> out = new HashSet<>();
        configs.forEach((s, m) -> {
            if (subjectClass.isInstance(s) && m.containsKey(configClass)) {
                out.add((S) s);
            }
        });
        return out;
    }

    @Override
    public void addListener(NetworkConfigListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(NetworkConfigListener listener) {
        listeners.remove(listener);
    }

    /**
     * Sets a config (valid or not, as ONOS stores it) and posts the event.
     *
     * @param subject an ApplicationId or DeviceId
     * @param json    the lwaftr JSON
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void set(Object subject, String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
        put(subject, node);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void put(Object subject, JsonNode node) {
        Config c = subject instanceof org.onosproject.core.ApplicationId ? new LwaftrAppConfig()
                : new LwaftrDeviceConfig();
        if (!registered(c.getClass())) {
            pending.computeIfAbsent(c.getClass(), k -> new ConcurrentHashMap<>()).put(subject, node);
            return;
        }
        c.init(subject, LwaftrAppConfig.KEY, node, MAPPER, null);
        Config prev = configs.computeIfAbsent(subject, s -> new ConcurrentHashMap<>()).put(c.getClass(), c);
        NetworkConfigEvent e = new NetworkConfigEvent(prev == null ? NetworkConfigEvent.Type.CONFIG_ADDED
                : NetworkConfigEvent.Type.CONFIG_UPDATED, subject, c, prev, c.getClass());
        listeners.forEach(l -> l.event(e));
    }
}
