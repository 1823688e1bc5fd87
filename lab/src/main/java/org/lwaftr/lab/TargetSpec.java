package org.lwaftr.lab;

/** One P4Runtime target: {@code host:port} and the P4Runtime device id. */
public final class TargetSpec {
    private final String host;
    private final int port;
    private final long deviceId;

    /**
     * @param host     gRPC host
     * @param port     gRPC port
     * @param deviceId P4Runtime device id
     */
    public TargetSpec(String host, int port, long deviceId) {
        this.host = host;
        this.port = port;
        this.deviceId = deviceId;
    }

    /**
     * @param address  {@code host:port}
     * @param deviceId P4Runtime device id
     * @return the target
     * @throws LabConfigException naming the option if the address is malformed
     */
    public static TargetSpec parse(String address, long deviceId) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0) {
            throw new LabConfigException("--target " + address + ": expected host:port");
        }
        try {
            int port = Integer.parseInt(address.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return new TargetSpec(address.substring(0, colon), port, deviceId);
        } catch (NumberFormatException e) {
            throw new LabConfigException("--target " + address + ": port must be 1..65535");
        }
    }

    /** @return gRPC host */
    public String host() {
        return host;
    }

    /** @return gRPC port */
    public int port() {
        return port;
    }

    /** @return P4Runtime device id */
    public long deviceId() {
        return deviceId;
    }

    @Override
    public String toString() {
        return host + ":" + port + " device " + deviceId;
    }
}
