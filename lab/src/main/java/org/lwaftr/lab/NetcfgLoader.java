package org.lwaftr.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lwaftr.config.BindInstances;
import org.lwaftr.config.ConfigException;
import org.lwaftr.config.DeviceSettings;
import org.lwaftr.config.DeviceSettingsCodec;
import org.lwaftr.config.LwaftrPolicy;
import org.lwaftr.config.PolicyCodec;
import org.lwaftr.core.BindingTable;
import org.lwaftr.core.InvalidBindingException;
import org.lwaftr.core.Softwire;
import org.lwaftr.core.io.BindingFormat;
import org.lwaftr.core.io.BindingTableFormats;
import org.lwaftr.core.io.ImportedBindings;
import org.lwaftr.pipeconf.DataPlaneLimits;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The app's netcfg JSON (docs/netcfg.md: {@code apps/org.lwaftr.app/lwaftr} and
 * {@code devices/<key>/lwaftr}) as a {@link LabConfig}, parsed by the app's own codecs. Parts of the
 * document the lab does not use are reported, one warning per key.
 */
public final class NetcfgLoader {
    static final String APP = "org.lwaftr.app";
    static final String SUBJECT = "lwaftr";

    private NetcfgLoader() {
    }

    /**
     * @param json         the netcfg document
     * @param deviceKey    the device to use (null: the only one)
     * @param lwb4Port     overrides {@code lwb4-side.port} (null: keep)
     * @param internetPort overrides {@code internet-side.port} (null: keep)
     * @param bindingTable a binding-table file (null: the one the policy names, if any)
     * @return the configuration
     * @throws IOException         if a file cannot be read
     * @throws LabConfigException  naming the JSON path of a bad or missing field
     */
    public static LabConfig load(JsonNode json, String deviceKey, Integer lwb4Port, Integer internetPort,
                                 Path bindingTable) throws IOException {
        List<String> warnings = new ArrayList<>();
        if (!json.isObject()) {
            throw new LabConfigException("netcfg: the document must be a JSON object");
        }
        for (Iterator<String> it = json.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!k.equals("apps") && !k.equals("devices")) {
                warnings.add("netcfg: " + k + ": not used by the lab controller");
            }
        }
        LwaftrPolicy policy = policy(json.path("apps"), warnings);
        DeviceSettings settings = device(json.path("devices"), deviceKey, lwb4Port, internetPort, warnings);
        List<Softwire> softwires = List.of();
        if (bindingTable != null) {
            softwires = table(bindingTable.toString(), () -> BindingTableFormats.read(bindingTable), policy, warnings);
        } else if (policy.bindingTable() != null) {
            softwires = table("netcfg: binding-table", () -> BindingTableFormats.read(policy.bindingTable().toString(),
                    BindingFormat.RFC8676_JSON), policy, warnings);
        } else if (policy.bindingTableFile() != null) {
            softwires = table(policy.bindingTableFile(),
                    () -> BindingTableFormats.read(Path.of(policy.bindingTableFile())), policy, warnings);
        }
        return new LabConfig(policy, settings, softwires, b -> { }, warnings);
    }

    /**
     * Reads a binding table and validates it whole as the lab will load it; errors name where and
     * the entry's line; RFC 8676 bind-instance values other than the policy's are added to
     * {@code warnings} (not applied: {@link BindInstances}).
     */
    static List<Softwire> table(String where, Source source, LwaftrPolicy policy, List<String> warnings)
            throws IOException {
        try {
            ImportedBindings in = source.read();
            warnings.addAll(BindInstances.notApplied(where, in.instance(), policy));
            BindingTableFormats.apply(new BindingTable(policy.allowSystemPorts(), DataPlaneLimits.BR_ADDRESSES), in, false);
            return in.softwires();
        } catch (InvalidBindingException e) {
            throw new LabConfigException(where + ": " + e.getMessage(), e);
        }
    }

    /** A binding-table read. */
    interface Source {
        ImportedBindings read() throws IOException;
    }

    private static LwaftrPolicy policy(JsonNode apps, List<String> warnings) {
        for (Iterator<String> it = apps.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!k.equals(APP)) {
                warnings.add("netcfg: apps." + k + ": not used by the lab controller");
            }
        }
        JsonNode app = apps.path(APP);
        for (Iterator<String> it = app.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!k.equals(SUBJECT)) {
                warnings.add("netcfg: apps." + APP + "." + k + ": not used by the lab controller");
            }
        }
        JsonNode p = app.path(SUBJECT);
        if (p.isMissingNode()) {
            return LwaftrPolicy.DEFAULT;
        }
        try {
            return PolicyCodec.parse(p);
        } catch (ConfigException e) {
            throw new LabConfigException(prefixed("apps." + APP + "." + SUBJECT, e));
        }
    }

    private static DeviceSettings device(JsonNode devices, String deviceKey, Integer lwb4Port, Integer internetPort,
                                         List<String> warnings) {
        List<String> keys = new ArrayList<>();
        devices.fieldNames().forEachRemaining(keys::add);
        String key = deviceKey;
        if (key == null) {
            if (keys.size() != 1) {
                throw new LabConfigException("netcfg: devices: " + keys.size() + " devices " + keys
                        + "; choose one with --device-key");
            }
            key = keys.get(0);
        } else if (!keys.contains(key)) {
            throw new LabConfigException("netcfg: devices." + key + ": no such device (devices: " + keys + ")");
        }
        JsonNode dev = devices.get(key);
        for (Iterator<String> it = dev.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!k.equals(SUBJECT)) {
                warnings.add("netcfg: devices." + key + "." + k + ": not used by the lab controller");
            }
        }
        String path = "devices." + key + "." + SUBJECT;
        JsonNode s = dev.path(SUBJECT);
        if (!s.isObject()) {
            throw new LabConfigException("netcfg: " + path + ": missing (the device's lwaftr settings)");
        }
        ObjectNode copy = ((ObjectNode) s).deepCopy();
        if ((lwb4Port != null || internetPort != null) && copy.has(DeviceSettingsCodec.PORTS)) {
            throw new LabConfigException("netcfg: " + path + "." + DeviceSettingsCodec.PORTS
                    + ": cannot be combined with --lwb4-port/--internet-port (name the ports in one place)");
        }
        override(copy, DeviceSettingsCodec.LWB4_SIDE, lwb4Port);
        override(copy, DeviceSettingsCodec.INTERNET_SIDE, internetPort);
        try {
            return DeviceSettingsCodec.parse(copy);
        } catch (ConfigException e) {
            throw new LabConfigException(prefixed(path, e));
        }
    }

    private static void override(ObjectNode settings, String side, Integer port) {
        if (port != null) {
            JsonNode s = settings.get(side);
            ObjectNode o = s instanceof ObjectNode ? (ObjectNode) s : settings.putObject(side);
            o.put(DeviceSettingsCodec.PORT, port);
        }
    }

    static String prefixed(String path, ConfigException e) {
        StringBuilder b = new StringBuilder("netcfg:");
        for (String err : e.errors()) {
            b.append(b.length() > 8 ? "; " : " ").append(path).append('.').append(err);
        }
        return b.toString();
    }

    /**
     * @param file a netcfg JSON file
     * @return its tree
     * @throws IOException        if it cannot be read
     * @throws LabConfigException if it is not JSON
     */
    public static JsonNode read(Path file) throws IOException {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new LabConfigException(file + ": not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
