package io.modelcompose.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.LoadRequest;
import io.modelcompose.shared.config.load.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker and topic prefix {@code up} and {@code serve} take, a queue subscriber's included. */
class BrokerChoiceTest {
    private static final String SUBSCRIBER = """
            controller:
              broker: {bootstrap_servers: "cluster:9092", topic_prefix: ignored}
              adapter:
                type: queue-subscriber
                driver: kafka
                bootstrap_servers: "queue-broker:9092"
                name: my-queue
            workflow:
              id: echo
              job: {component: logger}
            """;

    @TempDir
    Path dir;

    private ComposeConfig load(String yaml, Map<String, String> env) throws IOException {
        Files.writeString(dir.resolve("model-compose.yml"), yaml);
        return ConfigLoader.load(new LoadRequest(List.of(), List.of(), env, Map.of(), dir));
    }

    @Test
    void aQueueSubscriberIsOnItsQueuesTopicsAndBroker() throws IOException {
        BrokerChoice choice = BrokerChoice.of(null, load(SUBSCRIBER, Map.of()));
        assertThat(choice).isEqualTo(new BrokerChoice("queue-broker:9092", "my-queue"));
    }

    @Test
    void theCommandLineStillWinsOverTheSubscribersBroker() throws IOException {
        assertThat(BrokerChoice.of("other:9092", load(SUBSCRIBER, Map.of())))
                .isEqualTo(new BrokerChoice("other:9092", "my-queue"));
    }

    @Test
    void withoutASubscriberTheBrokerSectionDecides() throws IOException {
        BrokerChoice choice = BrokerChoice.of(null, load("""
                controller:
                  broker: {bootstrap_servers: "cluster:9092", topic_prefix: mine}
                  queue: {driver: kafka, name: my-queue}
                workflow:
                  job: {component: logger}
                """, Map.of()));
        assertThat(choice).isEqualTo(new BrokerChoice("cluster:9092", "mine"));
    }
}
