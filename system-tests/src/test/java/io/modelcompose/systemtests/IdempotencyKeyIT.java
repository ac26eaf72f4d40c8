package io.modelcompose.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modelcompose.cli.up.ServiceSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code Idempotency-Key} reused with another body is refused with 422 and a {@code detail} naming the key, by the
 * gateway that took the first run and by a gateway started afterwards (which knows the key only from the topics);
 * the same body still answers the first run.
 */
class IdempotencyKeyIT {
    private static final String BODY = """
            workflow:
              jobs:
                - id: wait
                  component: shell
                  command: ['sleep', '0.2']
            """;

    @TempDir
    Path dir;

    private final InJvmRoles roles = new InJvmRoles();

    @AfterEach
    void stop() {
        roles.close();
    }

    @Test
    void aKeyReusedWithAnotherBodyIsRefusedBeforeAndAfterAGatewayRestart() throws Exception {
        ItProject project = ItProject.create(dir, "", BODY);
        roles.deploy(project, project.config(), 10_000, ServiceSet.Role.SCHEDULER, ServiceSet.Role.WORKER);
        ServiceSet first = roles.deploy(project, project.config(), 10_000, ServiceSet.Role.GATEWAY);
        Api api = new Api(first.gatewayPort());

        Api.Reply accepted = api.run(request(Map.of("order", 42, "items", Map.of("a", 1, "b", 2))),
                "Idempotency-Key", "order-42");
        assertThat(accepted.status()).as("%s", accepted.body()).isEqualTo(202);
        String taskId = accepted.text("task_id");
        Api.Reply sameBodyOtherOrder = api.run(request(Map.of("items", Map.of("b", 2, "a", 1), "order", 42)),
                "Idempotency-Key", "order-42");
        assertThat(sameBodyOtherOrder.text("task_id")).as("same body, keys in another order").isEqualTo(taskId);
        assertRefused(api.run(request(Map.of("order", 43)), "Idempotency-Key", "order-42"));

        roles.stop(first);
        ServiceSet restarted = roles.deploy(project, project.config(), 10_000, ServiceSet.Role.GATEWAY);
        Api again = new Api(restarted.gatewayPort());
        await().atMost(Duration.ofSeconds(30)).until(() -> again.get("/tasks/" + taskId).status() == 200);
        assertRefused(again.run(request(Map.of("order", 43)), "Idempotency-Key", "order-42"));
        Api.Reply repeated = again.run(request(Map.of("order", 42, "items", Map.of("a", 1, "b", 2))),
                "Idempotency-Key", "order-42");
        assertThat(repeated.status()).as("%s", repeated.body()).isEqualTo(202);
        assertThat(repeated.text("task_id")).isEqualTo(taskId);
    }

    private static Map<String, Object> request(Map<String, Object> input) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("input", input);
        fields.put("wait_for_completion", false);
        return fields;
    }

    private static void assertRefused(Api.Reply reply) {
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(422);
        assertThat(reply.text("detail")).contains("Idempotency-Key 'order-42'").contains("different request body");
    }
}
