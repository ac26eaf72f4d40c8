package io.modelcompose.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to start a {@link KafkaNode}.
 *
 * @param dataDir        folder holding the log dirs, the cluster id and the remembered ports; survives restarts
 * @param port           PLAINTEXT listener port; 0 = the port of the previous run if still free, else any free port
 * @param controllerPort CONTROLLER listener port, with the same rule as {@code port}
 * @param readyTimeout   how long {@link KafkaNode#start} waits for the broker to answer
 * @param overrides      broker properties that replace the defaults (e.g. {@code num.partitions})
 */
public record NodeOptions(Path dataDir, int port, int controllerPort, Duration readyTimeout,
                          Map<String, String> overrides) {
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(60);

    public NodeOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(readyTimeout, "readyTimeout");
        requirePort(port, "port");
        requirePort(controllerPort, "controllerPort");
        overrides = Map.copyOf(overrides);
    }

    /** Free or remembered ports, default timeout, no overrides. */
    public static NodeOptions of(Path dataDir) {
        return new NodeOptions(dataDir, 0, 0, DEFAULT_READY_TIMEOUT, Map.of());
    }

    public NodeOptions withPorts(int newPort, int newControllerPort) {
        return new NodeOptions(dataDir, newPort, newControllerPort, readyTimeout, overrides);
    }

    public NodeOptions withReadyTimeout(Duration timeout) {
        return new NodeOptions(dataDir, port, controllerPort, timeout, overrides);
    }

    public NodeOptions withOverride(String key, String value) {
        Map<String, String> merged = new HashMap<>(overrides);
        merged.put(key, value);
        return new NodeOptions(dataDir, port, controllerPort, readyTimeout, merged);
    }

    private static void requirePort(int value, String name) {
        if (value < 0 || value > 65_535) {
            throw new IllegalArgumentException(name + " must be 0..65535, was " + value);
        }
    }
}
