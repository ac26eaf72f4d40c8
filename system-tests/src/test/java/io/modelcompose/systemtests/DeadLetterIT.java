package io.modelcompose.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcompose.cli.up.ServiceSet;
import io.modelcompose.shared.event.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad records never stop a service: garbage on every topic a role consumes lands in the dead-letter topic with the
 * reason, and runs keep working afterwards.
 */
class DeadLetterIT {
    private static final byte[] NOT_JSON = {(byte) 0xff, (byte) 0xfe, 'n', 'o', 't', ' ', '{', 'j', 's', 'o', 'n'};
    private static final String NO_RUN_ID = "{\"type\": \"RunRequested\", \"schemaVersion\": 1, \"requestedAtMillis\": 1}";
    private static final String UNKNOWN_TYPE = "{\"type\": \"NoSuchEvent\", \"schemaVersion\": 1, \"runId\": \"x\"}";

    @TempDir
    Path dir;

    private final InJvmRoles roles = new InJvmRoles();

    @AfterEach
    void stop() {
        roles.close();
    }

    @Test
    void garbageOnEveryConsumedTopicIsDeadLetteredAndRunsGoOn() throws Exception {
        ItProject project = ItProject.create(dir, "", """
                workflow:
                  jobs:
                    - { id: say, component: shell, command: 'echo still working', output: "${stdout.trim()}" }
                """);
        ServiceSet set = roles.deploy(project, project.config(), 10_000, ServiceSet.Role.SCHEDULER,
                ServiceSet.Role.WORKER, ServiceSet.Role.GATEWAY);
        Api api = new Api(set.gatewayPort());
        assertThat(api.run(Map.of()).text("status")).as("a run before the garbage").isEqualTo("completed");
        Topics topics = project.topics();
        List<String> consumed = List.of(topics.runs(), topics.jobs(), topics.leases(), topics.jobControl(),
                topics.runState(), topics.heartbeats());

        Map<String, ProducerRecord<String, byte[]>> garbage = new LinkedHashMap<>();
        for (String topic : consumed) {
            garbage.put("garbage@" + topic, new ProducerRecord<>(topic, "garbage@" + topic, NOT_JSON));
            garbage.put("unknown@" + topic, new ProducerRecord<>(topic, "unknown@" + topic,
                    UNKNOWN_TYPE.getBytes(StandardCharsets.UTF_8)));
        }
        garbage.put("no-run-id", new ProducerRecord<>(topics.runs(), "no-run-id",
                NO_RUN_ID.getBytes(StandardCharsets.UTF_8)));

        garbage.put("bad-timer", new ProducerRecord<>(topics.runs(), "bad-timer", ("{\"type\": \"TimerFired\", "
                + "\"schemaVersion\": 1, \"runId\": \"bad-timer\", \"jobKey\": \"say\", \"attempt\": 1, "
                + "\"kind\": \"NOPE\"}").getBytes(StandardCharsets.UTF_8)));
        garbage.put("no-snapshot", new ProducerRecord<>(topics.runState(), "no-snapshot",
                "{\"type\": \"RunState\", \"schemaVersion\": 1}".getBytes(StandardCharsets.UTF_8)));

        List<JsonNode> letters = sendUntilDeadLettered(project, garbage);

        for (String topic : consumed) {
            JsonNode notJson = letter(letters, "garbage@" + topic);
            assertThat(notJson.path("topic").asText()).isEqualTo(topic);
            assertThat(notJson.path("reason").asText()).startsWith("not a valid event");
            assertThat(notJson.path("consumer").asText()).isNotBlank();
            assertThat(letter(letters, "unknown@" + topic).path("reason").asText())
                    .contains("not a valid event").contains("NoSuchEvent");
        }
        assertThat(letter(letters, "no-run-id").path("reason").asText()).isEqualTo("RunRequested without a run id");
        assertThat(letter(letters, "bad-timer").path("reason").asText())
                .isEqualTo("TimerFired with an unknown kind 'NOPE'");
        assertThat(letter(letters, "no-snapshot").path("reason").asText()).startsWith("RunState without a snapshot");

        Api.Reply after = api.run(Map.of());
        assertThat(after.text("status")).isEqualTo("completed");
        assertThat(after.text("output")).isEqualTo("still working");
    }

    /**
     * Sends the records and reads the dead-letter topic until it holds a letter for each. A record that has no letter
     * yet is sent again every half second: readers of leases, job-control and heartbeats start at the end of those
     * topics, so a record written before such a reader has found its position is legitimately never read.
     */
    private static List<JsonNode> sendUntilDeadLettered(ItProject project,
            Map<String, ProducerRecord<String, byte[]>> records) throws Exception {
        List<JsonNode> letters = new ArrayList<>();
        Set<String> lettered = new HashSet<>();
        try (KafkaProducer<String, byte[]> producer = Kafka.producer(project.bootstrapServers());
                KafkaConsumer<String, String> consumer = Kafka.consumer(project.bootstrapServers(),
                        project.topics().deadLetter())) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode letter = Api.JSON.readTree(record.value());
                    assertThat(letter.path("type").asText()).isEqualTo("DeadLetter");
                    letters.add(letter);
                    lettered.add(record.key());
                }
                records.forEach((key, record) -> {
                    if (!lettered.contains(key)) {
                        producer.send(record);
                    }
                });
                return lettered.containsAll(records.keySet());
            });
        }
        return letters;
    }

    private static JsonNode letter(List<JsonNode> letters, String key) {
        return letters.stream().filter(l -> key.equals(l.path("key").asText())).findFirst().orElseThrow();
    }
}
