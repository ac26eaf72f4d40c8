package io.modelcompose.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One single-node KRaft broker (roles broker and controller, node id 1) listening on loopback.
 * Data lives in {@link NodeOptions#dataDir()} and survives a restart on the same folder: topics, records and
 * committed offsets are kept, and the ports of the previous run are reused when they are free.
 */
public final class KafkaNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaNode.class);

    private final KafkaRaftServer server;
    private final Path dataDir;
    private final NodePorts ports;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KafkaNode(KafkaRaftServer server, Path dataDir, NodePorts ports) {
        this.server = server;
        this.dataDir = dataDir;
        this.ports = ports;
    }

    /** Starts a node with free or remembered ports. */
    public static KafkaNode start(Path dataDir) {
        return start(NodeOptions.of(dataDir));
    }

    /** Formats the storage if needed, starts the broker and returns once it answers {@code describeCluster}. */
    public static KafkaNode start(NodeOptions options) {
        long startNanos = System.nanoTime();
        Path dataDir = options.dataDir().toAbsolutePath();
        createDirectories(dataDir);
        NodePorts ports = NodePorts.choose(dataDir, options.port(), options.controllerPort());
        Properties props = NodeConfig.properties(dataDir, ports, options.overrides());
        StorageFormat.ensureFormatted(dataDir, NodeConfig.write(props, dataDir));
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        KafkaNode node = new KafkaNode(server, dataDir, ports);
        try {
            server.startup();
            Readiness.await(node.bootstrapServers(), options.readyTimeout());
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        ports.save(dataDir);
        LOG.info("Kafka broker ready on {} ({} ms, data in {})", node.bootstrapServers(),
                (System.nanoTime() - startNanos) / 1_000_000, dataDir);
        return node;
    }

    /** {@code 127.0.0.1:<port>} of the PLAINTEXT listener. */
    public String bootstrapServers() {
        return "127.0.0.1:" + ports.broker();
    }

    public int port() {
        return ports.broker();
    }

    public int controllerPort() {
        return ports.controller();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Blocks until the broker has shut down, by {@link #close()} or on its own. */
    public void awaitShutdown() {
        server.awaitShutdown();
    }

    /** Shuts the broker down and waits for it; later calls do nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            LOG.info("shutting down Kafka broker on {}", bootstrapServers());
            server.shutdown();
            server.awaitShutdown();
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
