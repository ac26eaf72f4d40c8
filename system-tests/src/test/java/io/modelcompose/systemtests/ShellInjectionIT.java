package io.modelcompose.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.cli.up.ServiceSet;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** HTTP input interpolated into a string shell command is echoed, never run (issue 12, item 1). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShellInjectionIT {
    private static final String BODY = """
            workflows:
              - id: echo
                default: true
                jobs:
                  - id: say
                    component: shell
                    command: echo ${input.text}
                    output: ${stdout}
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
        api = new Api(set.gatewayPort());
    }

    @AfterAll
    void stop() {
        roles.close();
    }

    @Test
    void echoesShellSyntaxPostedAsInputInsteadOfRunningIt() {
        Path marker = dir.resolve("injected");
        String payload = "hi; touch " + marker + "; id";

        Api.Reply reply = api.run(Map.of("workflow_id", "echo", "input", Map.of("text", payload)));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("status")).isEqualTo("completed");
        assertThat(reply.text("output")).isEqualTo(payload);
        assertThat(marker).doesNotExist();
    }
}
