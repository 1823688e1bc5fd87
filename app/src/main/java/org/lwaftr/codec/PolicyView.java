package org.lwaftr.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lwaftr.api.LwaftrService;
import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.DeviceSettingsCodec;
import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.config.PolicyCodec;
import org.onosproject.net.DeviceId;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The configuration in force as JSON: the app-wide policy (RFC 8676 names) and each AFTR device's
 * settings, in the netcfg syntax they were written in.
 */
public final class PolicyView {

    private PolicyView() {
    }

    /**
     * @param service the lwAFTR service
     * @return {@code {policy: {...}, devices: {id: {programmed, settings}}}}
     */
    public static ObjectNode toJson(LwaftrService service) {
        ObjectNode o = SoftwireCodec.MAPPER.createObjectNode();
        o.set("policy", policy(service.policy()));
        ObjectNode devices = o.putObject("devices");
        Set<DeviceId> programmed = service.programmedDevices();
        Map<String, DeviceId> sorted = new TreeMap<>();
        service.deviceSettings().keySet().forEach(d -> sorted.put(d.toString(), d));
        for (DeviceId d : sorted.values()) {
            DeviceSettings s = service.deviceSettings().get(d);
            ObjectNode dev = devices.putObject(d.toString());
            dev.put("programmed", programmed.contains(d));
            dev.set("settings", DeviceSettingsCodec.encode(s));
        }
        return o;
    }

    /**
     * @param p a policy
     * @return its JSON without an inline binding table (served by the binding-table resource)
     */
    public static ObjectNode policy(LwaftrPolicy p) {
        ObjectNode json = PolicyCodec.encode(p);
        if (json.remove(PolicyCodec.BINDING_TABLE) != null) {
            json.put("binding-table-inline", true);
        }
        return json;
    }
}
