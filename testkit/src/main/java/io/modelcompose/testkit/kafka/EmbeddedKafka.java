package io.modelcompose.testkit.kafka;

import io.modelcompose.broker.KafkaNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A single-node KRaft broker running inside the test JVM.
 *
 * <p>{@link #shared()} gives one broker per JVM, started on first use and stopped by a shutdown hook; tests
 * keep apart by naming their topics with {@link #newTopicPrefix()}. {@link #start(Path)} gives a private broker
 * that a test may close and start again on the same folder: topics and records survive.
 *
 * <p>Kafka answers a fatal broker fault with {@code Exit.halt}. While an embedded broker runs, that call throws
 * {@link IllegalStateException} instead, so a fault shows up as a test failure rather than a vanished JVM.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final long ADMIN_TIMEOUT_SECONDS = 30;
    private static final AtomicLong PREFIX_COUNTER = new AtomicLong();
    private static EmbeddedKafka shared;

    private final KafkaNode node;
    private final boolean isShared;
    private Admin admin;

    private EmbeddedKafka(KafkaNode node, boolean isShared) {
        this.node = node;
        this.isShared = isShared;
    }

    /** The JVM-wide broker, started lazily in a temporary folder that is deleted at JVM exit. */
    public static synchronized EmbeddedKafka shared() {
        if (shared == null) {
            Path dir = createTempDir();
            shared = new EmbeddedKafka(startNode(dir), true);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                shared.stop();
                TempDirs.deleteRecursively(dir);
            }, "embedded-kafka-shutdown"));
        }
        return shared;
    }

    /** A private broker on {@code dataDir}; the caller closes it, and may start another on the same folder. */
    public static EmbeddedKafka start(Path dataDir) {
        return new EmbeddedKafka(startNode(dataDir), false);
    }

    public String bootstrapServers() {
        return node.bootstrapServers();
    }

    public Path dataDir() {
        return node.dataDir();
    }

    /** A prefix no other caller in this JVM gets, e.g. {@code t7-3f9a1c2e-}, for topic and group names. */
    public String newTopicPrefix() {
        String random = UUID.randomUUID().toString().substring(0, 8);
        return "t" + PREFIX_COUNTER.incrementAndGet() + "-" + random + "-";
    }

    /** Creates topics with one partition each and waits until the controller has accepted them. */
    public void createTopics(String... names) {
        createTopics(1, names);
    }

    public void createTopics(int partitions, String... names) {
        List<NewTopic> topics = Arrays.stream(names).map(name -> new NewTopic(name, partitions, (short) 1)).toList();
        try {
            admin().createTopics(topics).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + Arrays.toString(names), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics " + Arrays.toString(names), e);
        }
    }

    /** Stops a private broker; the shared one ignores this and stops at JVM exit. */
    @Override
    public void close() {
        if (!isShared) {
            stop();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                    AdminClientConfig.CLIENT_ID_CONFIG, "embedded-kafka-admin"));
        }
        return admin;
    }

    private synchronized void stop() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
        node.close();
    }

    private static KafkaNode startNode(Path dataDir) {
        KafkaExitGuard.install();
        return KafkaNode.start(dataDir);
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("embedded-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the shared broker", e);
        }
    }
}
