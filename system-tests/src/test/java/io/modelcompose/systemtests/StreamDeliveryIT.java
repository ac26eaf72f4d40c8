package io.modelcompose.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modelcompose.cli.up.ServiceSet;
import io.modelcompose.shared.event.EventCodec;
import io.modelcompose.shared.event.StreamEvents.JobChunk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streamed output through two gateways on the embedded broker, with JobChunk records written to the chunks topic by a
 * plain Kafka producer (as a worker writes them) while a real job of the run waits for the test's go: the caller of
 * gateway A gets the chunks in order as they are written, the other gateway attaches and replays, a finished task is
 * replayed from the topic, and chunks of a superseded attempt are dropped with a {@code retry} event.
 */
class StreamDeliveryIT {
    private static final long LEASE_MILLIS = 10_000;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String BODY = """
            workflows:
              - id: chat
                output: ${jobs.answer.output as stream/text}
                jobs:
                  - id: answer
                    component: shell
                    command: 'while [ ! -f gate-${context.run_id} ]; do sleep 0.05; done; printf joined'
                    output: ${stdout}
            """;
    private static final String RUN = "{\"workflow_id\":\"chat\",\"output_only\":true}";

    @TempDir
    Path dir;

    private final InJvmRoles roles = new InJvmRoles();
    private ItProject project;
    private KafkaProducer<String, byte[]> producer;
    private int portA;
    private int portB;

    @BeforeEach
    void start() throws Exception {
        project = ItProject.create(dir, "", BODY);
        ServiceSet a = roles.deploy(project, project.config(), LEASE_MILLIS, ServiceSet.Role.SCHEDULER,
                ServiceSet.Role.WORKER, ServiceSet.Role.GATEWAY);
        ServiceSet b = roles.deploy(project, project.config(), LEASE_MILLIS, ServiceSet.Role.GATEWAY);
        portA = a.gatewayPort();
        portB = b.gatewayPort();
        producer = Kafka.producer(project.bootstrapServers());
    }

    @AfterEach
    void stop() {
        if (producer != null) {
            producer.close();
        }
        roles.close();
    }

    @Test
    void callerGetsChunksAsTheyAreWrittenAndTheOtherGatewayReplaysThem() throws Exception {
        Api apiB = new Api(portB);
        try (SseClient caller = SseClient.open(portA, "/workflows/runs", RUN)) {
            assertThat(caller.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            String runId = caller.taskId();
            awaitProcessing(apiB, runId);

            for (int i = 0; i < 20; i++) {
                write(runId, 1, i, "t" + i);
            }
            await().atMost(WAIT).until(() -> caller.chunks().size() == 20);
            await().atMost(WAIT).until(() -> "streaming".equals(apiB.get("/tasks/" + runId).text("status")));
            try (SseClient attached = SseClient.open(portB, "/tasks/" + runId + "/stream", null)) {
                await().atMost(WAIT).until(() -> attached.chunks().size() == 20);
                long lastWrittenAt = 0;
                for (int i = 20; i < 40; i++) {
                    write(runId, 1, i, "t" + i);
                    lastWrittenAt = System.nanoTime();
                }
                Files.writeString(dir.resolve("gate-" + runId), "go");

                await().atMost(WAIT).until(() -> caller.hasEnded() && attached.hasEnded());
                List<String> expected = IntStream.range(0, 40).mapToObj(i -> "\"t" + i + "\"").toList();
                assertThat(caller.chunks()).containsExactlyElementsOf(expected);
                assertThat(attached.chunks()).containsExactlyElementsOf(expected);
                assertThat(caller.events().get(0).readAtNanos()).isLessThan(lastWrittenAt);
                assertThat(last(caller)).isEqualTo("done \"joined\"");
                assertThat(last(attached)).isEqualTo("done \"joined\"");
            }
            try (SseClient late = SseClient.open(portB, "/tasks/" + runId + "/stream", null)) {
                await().atMost(WAIT).until(late::hasEnded);
                assertThat(late.chunks()).hasSize(40).startsWith("\"t0\"").endsWith("\"t39\"");
                assertThat(last(late)).isEqualTo("done \"joined\"");
            }
        }
    }

    @Test
    void chunksOfASupersededAttemptAreDroppedAndTheRetryIsAnnounced() throws Exception {
        Api apiA = new Api(portA);
        try (SseClient caller = SseClient.open(portA, "/workflows/runs", RUN)) {
            String runId = caller.taskId();
            awaitProcessing(apiA, runId);
            for (int i = 0; i < 3; i++) {
                write(runId, 1, i, "old" + i);
            }
            write(runId, 2, 0, "new0");
            write(runId, 1, 3, "old3");
            write(runId, 2, 1, "new1");
            await().atMost(WAIT).until(() -> caller.chunks().size() == 5);
            Files.writeString(dir.resolve("gate-" + runId), "go");

            await().atMost(WAIT).until(caller::hasEnded);
            List<String> seen = new ArrayList<>();
            caller.events().forEach(e -> seen.add(e.name() + " " + e.data()));
            assertThat(seen).containsExactly("message \"old0\"", "message \"old1\"", "message \"old2\"",
                    "retry {\"job_id\":\"answer\",\"attempt\":2}", "message \"new0\"", "message \"new1\"",
                    "done \"joined\"");
        }
    }

    private void awaitProcessing(Api api, String runId) {
        await().atMost(WAIT).until(() -> "processing".equals(api.get("/tasks/" + runId).text("status")));
    }

    private void write(String runId, int attempt, long sequence, String text) throws Exception {
        JobChunk chunk = new JobChunk(1, runId, "chat", "answer", attempt, sequence, text, System.currentTimeMillis());
        producer.send(new ProducerRecord<>(project.topics().chunks(), runId, EventCodec.encode(chunk))).get();
    }

    private static String last(SseClient sse) {
        SseClient.Event event = sse.events().get(sse.events().size() - 1);
        return event.name() + " " + event.data();
    }
}
