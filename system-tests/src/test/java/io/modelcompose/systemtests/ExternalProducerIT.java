package io.modelcompose.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcompose.cli.up.ServiceSet;
import io.modelcompose.transport.TopicAdmin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another system starts runs by producing {@code RunRequested} to the runs topic with a plain Kafka producer, and
 * reads their outcome from the run-events topic with a plain consumer. The JSON below is the documented shape
 * (docs/events.md): key = run id; value
 *
 * <pre>
 * {"type": "RunRequested", "schemaVersion": 1, "runId": "...", "workflowId": "greet" (optional: the default one),
 *  "input": {...}, "metadata": {...} (optional), "requestedAtMillis": 1700000000000}
 * </pre>
 *
 * and the outcome is {@code {"type": "RunFinished", "schemaVersion": 1, "snapshot": {"runId", "workflowId",
 * "status", "output" | "error", "metadata", "createdAtMillis", "finishedAtMillis"}}}.
 */
class ExternalProducerIT {
    @TempDir
    Path dir;

    private final InJvmRoles roles = new InJvmRoles();
    private ItProject project;

    @BeforeEach
    void createProject() throws IOException {
        project = ItProject.create(dir, "", """
                workflows:
                  - id: greet
                    jobs:
                      - id: say
                        component: shell
                        command: 'echo "hello ${input.name}"; echo ${context.run_id} >> runs.log'
                        output: { greeting: "${stdout.trim()}" }
                """);
    }

    /** Scheduler and worker in this JVM; the lease is longer than any wait here, so no run relies on its expiry. */
    private void deploy() {
        roles.deploy(project, project.config(), 120_000, ServiceSet.Role.SCHEDULER, ServiceSet.Role.WORKER);
    }

    @AfterEach
    void stop() {
        roles.close();
    }

    @Test
    void runRequestedFromAPlainProducerFinishesOnTheRunEventsTopic() throws Exception {
        deploy();
        produce("ext-run-1", """
                {"type": "RunRequested", "schemaVersion": 1, "runId": "ext-run-1", "workflowId": "greet",
                 "input": {"name": "kafka"}, "metadata": {"source": "billing"}, "requestedAtMillis": 1700000000000}
                """, null);

        List<JsonNode> events = eventsOf("ext-run-1");

        assertThat(events).extracting(e -> e.path("type").asText()).containsExactly("RunStarted", "RunFinished");
        JsonNode snapshot = events.get(1).path("snapshot");
        assertThat(events.get(1).path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(snapshot.path("runId").asText()).isEqualTo("ext-run-1");
        assertThat(snapshot.path("workflowId").asText()).isEqualTo("greet");
        assertThat(snapshot.path("status").asText()).isEqualTo("completed");
        assertThat(snapshot.path("output")).isEqualTo(Api.JSON.valueToTree(Map.of("greeting", "hello kafka")));
        assertThat(snapshot.path("metadata")).isEqualTo(Api.JSON.valueToTree(Map.of("source", "billing")));
        assertThat(snapshot.path("finishedAtMillis").asLong()).isGreaterThanOrEqualTo(
                snapshot.path("createdAtMillis").asLong()).isPositive();
    }

    @Test
    void runOfAnUnknownWorkflowFinishesAsFailed() throws Exception {
        deploy();
        produce("ext-run-2", """
                {"type": "RunRequested", "schemaVersion": 1, "runId": "ext-run-2", "workflowId": "nope",
                 "input": null, "requestedAtMillis": 1700000000000}
                """, null);

        JsonNode failed = finishedOf("ext-run-2");
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("error").asText()).isEqualTo("Workflow 'nope' not found.");
        assertThat(failed.has("output")).isFalse();
    }

    @Test
    void repeatedRunIdRunsOnce() throws Exception {
        deploy();
        String request = """
                {"type": "RunRequested", "schemaVersion": 1, "runId": "ext-run-3", "input": {"name": "once"},
                 "requestedAtMillis": 1700000000000}
                """;
        int partition = produce("ext-run-3", request, null);
        produce("ext-run-3", request, partition);
        produce("ext-run-4", request.replace("ext-run-3", "ext-run-4"), partition);

        assertThat(finishedOf("ext-run-3").path("output").path("greeting").asText()).isEqualTo("hello once");
        assertThat(finishedOf("ext-run-4").path("status").asText()).isEqualTo("completed");
        assertThat(Files.readAllLines(dir.resolve("runs.log"))).containsExactlyInAnyOrder("ext-run-3", "ext-run-4");
    }

    @Test
    void runRequestedWhileNoSchedulerRunsStartsAsSoonAsOneIsUp() throws Exception {
        TopicAdmin.ensureTopics(project.bootstrapServers(), project.topics());
        produce("ext-run-5", """
                {"type": "RunRequested", "schemaVersion": 1, "runId": "ext-run-5", "input": {"name": "early"},
                 "requestedAtMillis": 1700000000000}
                """, null);

        deploy();

        List<JsonNode> events = eventsOf("ext-run-5");
        assertThat(events).extracting(e -> e.path("type").asText()).containsExactly("RunStarted", "RunFinished");
        assertThat(events.get(1).path("snapshot").path("output").path("greeting").asText()).isEqualTo("hello early");
    }

    /** Sends to the key's partition, or to {@code partition} when given; answers the partition written to. */
    private int produce(String key, String json, Integer partition) throws Exception {
        try (KafkaProducer<String, byte[]> producer = Kafka.producer(project.bootstrapServers())) {
            return producer.send(new ProducerRecord<>(project.topics().runs(), partition, key,
                    json.getBytes(StandardCharsets.UTF_8))).get().partition();
        }
    }

    private JsonNode finishedOf(String runId) throws IOException {
        List<JsonNode> events = eventsOf(runId);
        return events.get(events.size() - 1).path("snapshot");
    }

    /** The run-events records of this run, read until its RunFinished; a repeat would show up as a second pair. */
    private List<JsonNode> eventsOf(String runId) throws IOException {
        List<ConsumerRecord<String, String>> records = Kafka.readUntil(project.bootstrapServers(),
                project.topics().runEvents(), seen -> seen.stream().anyMatch(r -> r.key().equals(runId)
                        && r.value().contains("\"RunFinished\"")), Duration.ofSeconds(30));
        List<JsonNode> events = new java.util.ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            if (record.key().equals(runId)) {
                events.add(Api.JSON.readTree(record.value()));
            }
        }
        return events;
    }
}
