package io.modelcompose.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcompose.shared.error.ComposeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code controller.queue} and the {@code queue-subscriber} adapter, bound onto Kafka topics. */
class QueueBindingTest {
    private static final String REMOTE_CALL = """
            workflow:
              job:
                type: component
            component:
              type: workflow
              action:
                workflow: echo
                input:
                  text: ${input.text}
            """;

    @TempDir
    Path dir;

    private ComposeConfig load(String yaml) {
        return new TempProject(dir).file("model-compose.yml", yaml).load();
    }

    private List<String> problems(String yaml) {
        return new TempProject(dir).file("model-compose.yml", yaml).problems();
    }

    @Test
    void aWorkflowComponentNamingAnUndefinedWorkflowRunsRemotelyWithAQueue() {
        ComposeConfig config = load("""
                controller:
                  queue: {driver: kafka, bootstrap_servers: [k1:9092, k2:9092], name: my-queue, timeout: 30s}
                """ + REMOTE_CALL);
        QueueConfig queue = config.controller().queue();
        assertThat(queue.bootstrapServers()).isEqualTo("k1:9092,k2:9092");
        assertThat(queue.name()).isEqualTo("my-queue");
        assertThat(queue.timeout()).isEqualTo(Duration.ofSeconds(30));
        ActionSpec action = config.component("__component__").orElseThrow().action(null);
        assertThat(action).isInstanceOfSatisfying(RemoteWorkflowAction.class, remote -> {
            assertThat(remote.workflow()).isEqualTo("echo");
            assertThat(remote.queue()).isSameAs(queue);
            assertThat(remote.input()).isEqualTo(java.util.Map.of("text", "${input.text}"));
        });
    }

    @Test
    void theQueueDefaultsToUpstreamsNameAndThisSetsBroker() {
        QueueConfig queue = load("controller:\n  queue: {driver: kafka}\n" + REMOTE_CALL).controller().queue();
        assertThat(queue.name()).isEqualTo("controller-queue");
        assertThat(queue.bootstrapServers()).isNull();
        assertThat(queue.timeout()).isZero();
    }

    @Test
    void withoutAQueueAnUndefinedWorkflowStaysAnError() {
        assertThat(problems(REMOTE_CALL)).containsExactly("model-compose.yml:7: components[0].actions[0].workflow: "
                + "unknown workflow 'echo' (a workflow of another set is called through controller.queue)");
    }

    @Test
    void aLocalWorkflowStaysASubWorkflowWithAQueue() {
        ComposeConfig config = load("""
                controller:
                  queue: {driver: kafka}
                workflows:
                  - id: main
                    jobs: [{component: call}]
                  - id: echo
                    jobs: [{component: logger}]
                components:
                  - id: call
                    type: workflow
                    workflow: echo
                """);
        assertThat(config.component("call").orElseThrow().action(null)).isInstanceOf(WorkflowAction.class);
    }

    @Test
    void aSubscriberNamesTheTopicsAndServesOnlyItsWorkflows() {
        ComposeConfig config = load("""
                controller:
                  adapter:
                    type: queue-subscriber
                    driver: kafka
                    name: my-queue
                    workflow: echo
                    port: 9001
                workflows:
                  - id: echo
                    jobs: [{component: logger}]
                  - id: other
                    jobs: [{component: logger}]
                """);
        ControllerConfig controller = config.controller();
        assertThat(controller.type()).isEqualTo("queue-subscriber");
        assertThat(controller.port()).isEqualTo(9001);
        assertThat(controller.maxConcurrentCount()).isEqualTo(1);
        assertThat(controller.subscriber().name()).isEqualTo("my-queue");
        assertThat(controller.subscriber().bootstrapServers()).isNull();
        assertThat(config.servedWorkflow("echo").id()).isEqualTo("echo");
        assertThatThrownBy(() -> config.servedWorkflow("other")).isInstanceOf(ComposeException.class)
                .hasMessage("Workflow 'other' is not served by this queue subscriber (it serves echo).");
    }

    @Test
    void aSubscriberTakesItsOwnConcurrencyAndChecksItsWorkflows() {
        assertThat(problems("""
                controller:
                  adapter:
                    type: queue-subscriber
                    driver: kafka
                    max_concurrent_count: 0
                    workflows: [echo, missing]
                workflow:
                  id: echo
                  job: {component: logger}
                """)).containsExactly(
                "model-compose.yml:5: controller.adapter.max_concurrent_count: expected an integer >= 1, got 0",
                "model-compose.yml:6: controller.adapter.workflows: unknown workflow 'missing'");
    }

    @Test
    void aRedisQueueIsRefusedWithTheKafkaEquivalent() {
        List<String> problems = problems("""
                controller:
                  queue: {driver: redis, host: cache, port: 6379, password: s3cret, name: tasks}
                """ + REMOTE_CALL);
        assertThat(problems).containsExactly("model-compose.yml:2: controller.queue.driver: driver 'redis' is not "
                + "served: this set dispatches runs over Kafka, not Redis; the equivalent config is queue: "
                + "{driver: kafka, bootstrap_servers: \"cache:9092\", name: tasks}");
        assertThat(String.join("\n", problems)).doesNotContain("s3cret");
    }
}
