package org.lwaftr.slowpath;

/** A slow-path configuration value is invalid; {@link #field()} names it. */
public final class SlowPathConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   the configuration field, e.g. "lwb4-side.mtu"
     * @param message what is wrong with it
     */
    public SlowPathConfigException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** @return the name of the bad field */
    public String field() {
        return field;
    }
}
