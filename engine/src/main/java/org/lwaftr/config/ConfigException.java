package org.lwaftr.config;

import java.util.Collections;
import java.util.List;

/**
 * A configuration is invalid. Every problem is listed, each naming the JSON path of its field
 * (e.g. {@code icmp-policy.icmpv4-errors.icmpv4-rate}), so one round trip fixes them all.
 */
public class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    /**
     * @param errors the problems, each "path: what is wrong"
     */
    public ConfigException(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = Collections.unmodifiableList(List.copyOf(errors));
    }

    /** @return every problem, each "path: what is wrong" */
    public List<String> errors() {
        return errors;
    }

    /** @return the path of the first problem's field */
    public String field() {
        String first = errors.get(0);
        int colon = first.indexOf(':');
        return colon < 0 ? first : first.substring(0, colon);
    }
}
