package io.modelcompose.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** The broker properties of a single combined (broker + controller) KRaft node on loopback, sized small. */
final class NodeConfig {
    static final String FILE_NAME = "server.properties";
    static final String LOG_DIR_NAME = "logs";
    private static final String HOST = "127.0.0.1";

    private NodeConfig() {
    }

    static Properties properties(Path dataDir, NodePorts ports, Map<String, String> overrides) {
        Properties props = new Properties();
        props.putAll(roleAndListeners(ports));
        props.putAll(singleNodeDefaults());
        props.putAll(smallFootprint());
        props.setProperty("log.dirs", dataDir.resolve(LOG_DIR_NAME).toAbsolutePath().toString());
        props.putAll(overrides);
        return props;
    }

    /** Writes the properties next to the data, for StorageTool and for people reading the folder. */
    static Path write(Properties props, Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            props.store(out, "written by compose-broker on every start; edits are overwritten");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Map<String, String> roleAndListeners(NodePorts ports) {
        String plaintext = "PLAINTEXT://" + HOST + ":" + ports.broker();
        return Map.of(
                "process.roles", "broker,controller",
                "node.id", "1",
                "controller.quorum.voters", "1@" + HOST + ":" + ports.controller(),
                "listeners", plaintext + ",CONTROLLER://" + HOST + ":" + ports.controller(),
                "advertised.listeners", plaintext,
                "controller.listener.names", "CONTROLLER",
                "inter.broker.listener.name", "PLAINTEXT",
                "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    }

    private static Map<String, String> singleNodeDefaults() {
        return Map.ofEntries(
                Map.entry("num.partitions", "1"),
                Map.entry("default.replication.factor", "1"),
                Map.entry("min.insync.replicas", "1"),
                Map.entry("auto.create.topics.enable", "false"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "4"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "4"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"));
    }

    /**
     * The log cleaner's dedupe buffer is on heap (128 MiB by default); 8 MiB keeps the heap near 40 MB. Few threads:
     * one node serves one host's roles, and on a small machine extra threads only add context switches.
     */
    private static Map<String, String> smallFootprint() {
        return Map.of(
                "log.cleaner.dedupe.buffer.size", "8388608",
                "log.segment.bytes", "67108864",
                "num.network.threads", "2",
                "num.io.threads", "2",
                "num.recovery.threads.per.data.dir", "1",
                "background.threads", "2",
                "group.coordinator.threads", "1");
    }
}
