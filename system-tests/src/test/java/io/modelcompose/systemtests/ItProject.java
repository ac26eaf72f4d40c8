package io.modelcompose.systemtests;

import io.modelcompose.cli.up.BrokerChoice;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.load.ConfigLoader;
import io.modelcompose.shared.config.ControllerConfig;
import io.modelcompose.shared.config.LoadRequest;
import io.modelcompose.shared.event.Topics;
import io.modelcompose.testkit.kafka.EmbeddedKafka;
import io.modelcompose.transport.KafkaClients;
import io.modelcompose.transport.KafkaSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A project folder for one test: {@code model-compose.yml} names the shared embedded broker and a topic prefix no
 * other test uses, so roles started in this JVM and {@code serve} processes meet on the same topics.
 *
 * @param dir the project folder (working directory of shell jobs)
 * @param bootstrapServers the broker
 * @param topics the topic names of this project
 * @param clients the Kafka clients of the roles this test starts in its JVM (one process)
 */
record ItProject(Path dir, String bootstrapServers, Topics topics, KafkaClients clients) {

    /**
     * Writes {@code model-compose.yml}: a controller with the broker settings (plus {@code controllerLines}, already
     * indented by two spaces, or "") followed by {@code body} (components and workflows).
     */
    static ItProject create(Path dir, String controllerLines, String body) throws IOException {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        String prefix = kafka.newTopicPrefix().replaceAll("-$", "");
        String yaml = "controller:\n"
                + "  broker:\n"
                + "    bootstrap_servers: \"" + kafka.bootstrapServers() + "\"\n"
                + "    topic_prefix: " + prefix + "\n"
                + controllerLines
                + body;
        Files.writeString(dir.resolve("model-compose.yml"), yaml);
        return new ItProject(dir, kafka.bootstrapServers(), new Topics(prefix), KafkaClients.create());
    }

    /**
     * Writes {@code model-compose.yml} as given; the broker and the topics are the ones {@code up} chooses for it
     * ({@link BrokerChoice}: a queue subscriber's topics are named from its queue).
     */
    static ItProject written(Path dir, String yaml) throws IOException {
        Files.writeString(dir.resolve("model-compose.yml"), yaml);
        BrokerChoice choice = BrokerChoice.of(null, load(dir));
        return new ItProject(dir, choice.bootstrapServers(), new Topics(choice.topicPrefix()), KafkaClients.create());
    }

    /** The config as written, except that the gateway listens on an ephemeral port. */
    ComposeConfig config() {
        return withController(load(), 0, -1);
    }

    /** The config with the controller's {@code max_concurrent_count} replaced, on an ephemeral port. */
    ComposeConfig configWithRunLimit(int maxConcurrentRuns) {
        return withController(load(), 0, maxConcurrentRuns);
    }

    /** Settings for roles started in this JVM; every call gives a new instance id. */
    KafkaSettings kafka() {
        return new KafkaSettings(bootstrapServers, topics, "it-" + UUID.randomUUID().toString().substring(0, 8),
                clients);
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    private ComposeConfig load() {
        return load(dir);
    }

    private static ComposeConfig load(Path dir) {
        return ConfigLoader.load(new LoadRequest(List.of(), List.of(), Map.of(), Map.of(), dir));
    }

    private static ComposeConfig withController(ComposeConfig config, int port, int runLimit) {
        ControllerConfig c = config.controller();
        ControllerConfig changed = new ControllerConfig(c.name(), c.type(), c.host(), port, c.basePath(),
                runLimit < 0 ? c.maxConcurrentCount() : runLimit, c.threaded(), c.runtime(), c.broker(),
                c.shutdownTimeout(), c.location(), c.apiToken()).withWebUi(c.webui())
                .withQueues(c.queue(), c.subscriber());
        return new ComposeConfig(changed, config.components(), config.workflows(), config.loggers(), config.env(),
                config.files());
    }
}
