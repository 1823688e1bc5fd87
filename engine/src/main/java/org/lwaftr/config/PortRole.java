package org.lwaftr.config;

/**
 * Which side a (port, VLAN) faces: the P4 {@code Side_t} values.
 */
public enum PortRole {
    /** The IPv6 access network of the lwB4s. */
    LWB4("lwb4"),
    /** The IPv4 Internet. */
    INTERNET("internet"),
    /** Both (on-a-stick). */
    BOTH("both");

    private final String json;

    PortRole(String json) {
        this.json = json;
    }

    /** @return the name used in JSON */
    public String jsonName() {
        return json;
    }

    /**
     * @param s a JSON name
     * @return the role, or null if unknown
     */
    public static PortRole fromJson(String s) {
        for (PortRole r : values()) {
            if (r.json.equals(s)) {
                return r;
            }
        }
        return null;
    }
}
