package io.modelcompose.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcompose.cli.up.ServiceSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API of §6 over the whole service set (gateway, scheduler, worker in this JVM) on a real broker. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceSetIT {
    private static final String BODY = """
            workflows:
              - id: greet
                default: true
                jobs:
                  - id: say
                    component: shell
                    command: echo "hello ${input.name}"
                    output: { greeting: "${stdout.trim()}" }
              - id: slow
                jobs:
                  - id: wait
                    component: shell
                    command: 'echo $$ > slow-${input.n}.pid; sleep 30; echo late > slow-${input.n}.done'
              - id: count
                jobs:
                  - id: tick
                    component: shell
                    command: 'echo ${context.run_id} >> count-${input.n}.log'
              - id: broken
                jobs:
                  - id: fail
                    component: shell
                    command: 'echo "disk on fire" >&2; echo "second line" >&2; exit 3'
            """;

    @TempDir
    static Path dir;

    private final InJvmRoles roles = new InJvmRoles();
    private Api api;

    @BeforeAll
    void deploy() throws Exception {
        ItProject project = ItProject.create(dir, "", BODY);
        ServiceSet set = roles.deploy(project, project.config(), 10_000, ServiceSet.Role.SCHEDULER,
                ServiceSet.Role.WORKER, ServiceSet.Role.GATEWAY);
        assertThat(set.gatewayPort()).isPositive();
        api = new Api(set.gatewayPort());
    }

    @AfterAll
    void stop() {
        roles.close();
    }

    @Test
    void synchronousRunAnswersTheFinishedState() {
        Api.Reply reply = api.run(Map.of("workflow_id", "greet", "input", Map.of("name", "ada"),
                "metadata", Map.of("origin", "it")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("status")).isEqualTo("completed");
        assertThat(reply.text("workflow_id")).isEqualTo("greet");
        assertThat(reply.text("task_id")).isNotBlank();
        assertThat(reply.body().path("output")).isEqualTo(Api.JSON.valueToTree(Map.of("greeting", "hello ada")));
    }

    @Test
    void asynchronousRunIsPendingThenCompletesWhenPolled() {
        Api.Reply accepted = api.run(Map.of("input", Map.of("name", "bob"), "wait_for_completion", false));

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.text("status")).isEqualTo("pending");
        String taskId = accepted.text("task_id");
        JsonNode finished = api.awaitTerminal(List.of(taskId), Duration.ofSeconds(30)).get(taskId);
        assertThat(finished.path("status").asText()).isEqualTo("completed");
        assertThat(finished.path("output").path("greeting").asText()).isEqualTo("hello bob");
        assertThat(api.get("/tasks/" + taskId + "?output_only=true").body())
                .isEqualTo(Api.JSON.valueToTree(Map.of("greeting", "hello bob")));
    }

    @Test
    void outputOnlyAnswersTheOutputAlone() {
        Api.Reply reply = api.run(Map.of("workflow_id", "greet", "input", Map.of("name", "cy"), "output_only", true));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(Api.JSON.valueToTree(Map.of("greeting", "hello cy")));
    }

    @Test
    void cancelStopsTheShellProcessAndASecondCancelConflicts() throws Exception {
        String taskId = api.submit("slow", Map.of("n", 1));
        Path pidFile = dir.resolve("slow-1.pid");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(pidFile) && Files.size(pidFile) > 0);
        long shellPid = Long.parseLong(Files.readString(pidFile).trim());
        assertThat(ProcessHandle.of(shellPid)).get().matches(ProcessHandle::isAlive);

        Api.Reply cancelled = api.post("/tasks/" + taskId + "/cancel", "");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("cancelled");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ProcessHandle.of(shellPid).map(p -> !p.isAlive()).orElse(true));
        Api.Reply again = api.post("/tasks/" + taskId + "/cancel", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("detail")).contains("already finished").contains("cancelled");
        assertThat(api.get("/tasks/" + taskId).text("status")).isEqualTo("cancelled");
    }

    @Test
    void cancelledShellRunsNoFurtherCommands() throws Exception {
        String taskId = api.submit("slow", Map.of("n", 2));
        Path pidFile = dir.resolve("slow-2.pid");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(pidFile) && Files.size(pidFile) > 0);
        long shellPid = Long.parseLong(Files.readString(pidFile).trim());

        assertThat(api.post("/tasks/" + taskId + "/cancel", "").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> ProcessHandle.of(shellPid).map(p -> !p.isAlive()).orElse(true));
        assertThat(dir.resolve("slow-2.done")).as("written by the command after 'sleep'").doesNotExist();
    }

    @Test
    void unknownWorkflowAndTaskAre404() {
        Api.Reply workflow = api.run(Map.of("workflow_id", "no-such-flow"));
        assertThat(workflow.status()).isEqualTo(404);
        assertThat(workflow.text("detail")).isEqualTo("Workflow 'no-such-flow' not found.");

        Api.Reply task = api.get("/tasks/NO-SUCH-TASK");
        assertThat(task.status()).isEqualTo(404);
        assertThat(api.post("/tasks/NO-SUCH-TASK/cancel", "").status()).isEqualTo(404);
    }

    @Test
    void malformedBodyIs400() {
        Api.Reply notJson = api.post("/workflows/runs", "{\"workflow_id\": ");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.text("detail")).startsWith("Invalid request body");

        Api.Reply wrongType = api.post("/workflows/runs", "{\"wait_for_completion\": \"yes\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.text("detail")).contains("wait_for_completion must be a boolean");
    }

    @Test
    void sameIdempotencyKeyGivesOneTaskAndOneExecution() throws Exception {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("workflow_id", "count");
        request.put("input", Map.of("n", 1));
        List<CompletableFuture<Api.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            replies.add(CompletableFuture.supplyAsync(() -> api.run(request, "Idempotency-Key", "order-42")));
        }
        Api.Reply later = null;
        for (CompletableFuture<Api.Reply> reply : replies) {
            later = reply.get();
            assertThat(later.status()).isEqualTo(200);
            assertThat(later.text("status")).isEqualTo("completed");
            assertThat(later.text("task_id")).isEqualTo(replies.get(0).get().text("task_id"));
        }
        Api.Reply repeated = api.run(request, "Idempotency-Key", "order-42");
        assertThat(repeated.text("task_id")).isEqualTo(later.text("task_id"));
        Api.Reply other = api.run(request, "Idempotency-Key", "order-43");
        assertThat(other.text("task_id")).isNotEqualTo(later.text("task_id"));

        assertThat(Files.readAllLines(dir.resolve("count-1.log")))
                .containsExactlyInAnyOrder(later.text("task_id"), other.text("task_id"));
    }

    @Test
    void failingJobFailsTheRunWithAOneLineError() {
        Api.Reply reply = api.run(Map.of("workflow_id", "broken"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("status")).isEqualTo("failed");
        assertThat(reply.text("error")).contains("job 'fail' failed").contains("exited with code 3")
                .contains("disk on fire").doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(reply.body().has("output")).isFalse();
    }
}
