package io.modelcompose.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modelcompose.cli.up.ServiceSet;
import io.modelcompose.testkit.kafka.EmbeddedKafka;
import io.modelcompose.worker.component.RemoteRunExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upstream's workflow-queue example on Kafka: a dispatcher set whose {@code controller.queue} names a queue, and a
 * subscriber set (a {@code queue-subscriber} adapter) whose topics are named from that queue, on one broker. The
 * dispatcher's run of "Echo via Queue" runs the subscriber's {@code echo} there and answers its output; a workflow the
 * subscriber does not serve fails the dispatcher's run with the subscriber's reason; cancelling the dispatcher's run
 * cancels the remote one.
 */
class QueueDispatchIT {
    @TempDir
    Path dir;

    private final InJvmRoles roles = new InJvmRoles();

    @AfterEach
    void stop() {
        roles.close();
    }

    private Api remote;
    private Api local;

    @BeforeEach
    void startBothSets() throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        String queue = kafka.newTopicPrefix().replaceAll("-$", "") + "-queue";
        ItProject subscriber = ItProject.written(folder("subscriber"), subscriberFile(kafka.bootstrapServers(), queue));
        ItProject dispatcher = ItProject.written(folder("dispatcher"), dispatcherFile(kafka, queue));
        assertThat(subscriber.topics().runs()).isEqualTo(queue + ".runs");
        ServiceSet subscribers = roles.deploy(subscriber, subscriber.config(), 10_000, ServiceSet.Role.SCHEDULER,
                ServiceSet.Role.WORKER, ServiceSet.Role.GATEWAY);
        ServiceSet dispatchers = roles.deploy(dispatcher, dispatcher.config(), 10_000, ServiceSet.Role.SCHEDULER,
                ServiceSet.Role.WORKER, ServiceSet.Role.GATEWAY);
        remote = new Api(subscribers.gatewayPort());
        local = new Api(dispatchers.gatewayPort());
    }

    @Test
    void aDispatchersWorkflowRunsOnTheSubscribersSet() {
        Api.Reply direct = remote.run(request("echo", "hello queue"));
        Api.Reply viaQueue = local.run(request("echo-via-queue", "hello queue"));

        assertThat(direct.text("status")).as("%s", direct.body()).isEqualTo("completed");
        assertThat(viaQueue.text("status")).as("%s", viaQueue.body()).isEqualTo("completed");
        assertThat(viaQueue.body().path("output")).isEqualTo(direct.body().path("output"));
        assertThat(viaQueue.body().path("output").path("text").asText()).isEqualTo("hello queue");
        String remoteRun = RemoteRunExecutor.remoteRunId(viaQueue.text("task_id"), "__job__", 1);
        Api.Reply onSubscriber = remote.get("/tasks/" + remoteRun);
        assertThat(onSubscriber.text("status")).as("%s", onSubscriber.body()).isEqualTo("completed");
        assertThat(onSubscriber.text("workflow_id")).isEqualTo("echo");

        Api.Reply refused = local.run(request("other-via-queue", "x"));
        assertThat(refused.text("status")).as("%s", refused.body()).isEqualTo("failed");
        assertThat(refused.text("error")).contains("Workflow 'other' is not served by this queue subscriber");
    }

    @Test
    void cancellingTheDispatchersRunCancelsTheRemoteRun() {
        String taskId = local.submit("slow-via-queue", Map.of("text", "x"));
        String remoteRun = RemoteRunExecutor.remoteRunId(taskId, "__job__", 1);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> "processing".equals(remote.get("/tasks/" + remoteRun).text("status")));

        assertThat(local.post("/tasks/" + taskId + "/cancel", "{}").status()).isEqualTo(200);

        assertThat(remote.awaitTerminal(List.of(remoteRun), Duration.ofSeconds(30)).get(remoteRun)
                .path("status").asText()).isEqualTo("cancelled");
        assertThat(local.awaitTerminal(List.of(taskId), Duration.ofSeconds(30)).get(taskId)
                .path("status").asText()).isEqualTo("cancelled");
    }

    private Path folder(String name) throws java.io.IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    private static Map<String, Object> request(String workflow, String text) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("workflow_id", workflow);
        fields.put("input", Map.of("text", text));
        return fields;
    }

    /** Upstream's subscriber example with driver kafka, and a second workflow it does not serve. */
    private static String subscriberFile(String bootstrapServers, String queue) {
        return """
                controller:
                  adapter:
                    type: queue-subscriber
                    driver: kafka
                    bootstrap_servers: "%s"
                    name: %s
                    max_concurrent_count: 4
                    workflows:
                      - echo
                      - slow
                workflows:
                  - id: echo
                    title: Echo via Queue
                    job:
                      component: echo
                      input:
                        text: ${input.text}
                      output:
                        text: ${output.text}
                  - id: other
                    job:
                      component: echo
                  - id: slow
                    job:
                      component: shell
                      command: [ "sleep", "30" ]
                components:
                  - id: echo
                    type: shell
                    action:
                      command: [ "echo", "${input.text}" ]
                      output:
                        text: ${result.stdout}
                """.formatted(bootstrapServers, queue);
    }

    /** Upstream's dispatcher example with driver kafka, on its own topics of the same broker. */
    private static String dispatcherFile(EmbeddedKafka kafka, String queue) {
        return """
                controller:
                  broker:
                    bootstrap_servers: "%1$s"
                    topic_prefix: %2$s
                  adapter:
                    type: http-server
                    port: 8080
                  queue:
                    driver: kafka
                    bootstrap_servers: "%1$s"
                    name: %3$s
                workflows:
                  - id: echo-via-queue
                    title: Echo via Queue
                    default: true
                    job:
                      type: component
                      component: echo-remote
                  - id: other-via-queue
                    job:
                      component: other-remote
                  - id: slow-via-queue
                    job:
                      component: slow-remote
                components:
                  - id: echo-remote
                    type: workflow
                    action:
                      workflow: echo
                      input:
                        text: ${input.text as text}
                      output:
                        text: ${output.text as text}
                  - id: other-remote
                    type: workflow
                    workflow: other
                  - id: slow-remote
                    type: workflow
                    workflow: slow
                """.formatted(kafka.bootstrapServers(), kafka.newTopicPrefix().replaceAll("-$", ""), queue);
    }
}
