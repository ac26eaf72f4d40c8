package io.modelcompose.cli.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logs} and {@code ps} of a {@code runtime: docker} project when no engine answers (DOCKER_HOST, as a system
 * property, points at a closed port): one clear line and exit code 1, no stack trace.
 */
class DockerCommandsWithoutEngineTest {
    private static final String NOWHERE = "tcp://127.0.0.1:9";
    @TempDir
    Path dir;
    private String previousHost;

    @BeforeEach
    void setUp() throws IOException {
        previousHost = System.setProperty("DOCKER_HOST", NOWHERE);
        Files.writeString(dir.resolve("model-compose.yml"), """
                controller:
                  name: offline
                  runtime: docker
                workflow:
                  jobs:
                    - { id: log, component: logger }
                """);
    }

    @AfterEach
    void tearDown() {
        if (previousHost == null) {
            System.clearProperty("DOCKER_HOST");
        } else {
            System.setProperty("DOCKER_HOST", previousHost);
        }
    }

    @Test
    void logsSaysThatItNeedsAnEngine() {
        Cli logs = Cli.run("--project-directory", dir.toString(), "logs", "-f");

        assertThat(logs.exitCode()).as(logs.all()).isEqualTo(1);
        assertThat(logs.err()).startsWith("error: logs of runtime: docker needs a Docker engine: no Docker engine at "
                + NOWHERE).doesNotContain("\tat ");
        assertThat(logs.out()).isEmpty();
    }

    @Test
    void psSaysThatItNeedsAnEngine() {
        Cli ps = Cli.run("--project-directory", dir.toString(), "ps");

        assertThat(ps.exitCode()).as(ps.all()).isEqualTo(1);
        assertThat(ps.err()).startsWith("error: ps for runtime: docker needs a Docker engine: no Docker engine at "
                + NOWHERE).doesNotContain("\tat ");
    }

    @Test
    void anUnknownRoleIsAUsageErrorBeforeTheEngineIsAsked() {
        Cli logs = Cli.run("--project-directory", dir.toString(), "logs", "nobody");

        assertThat(logs.exitCode()).as(logs.all()).isEqualTo(2);
        assertThat(logs.err()).contains("unknown role 'nobody'").doesNotContain("Docker engine");
    }
}
