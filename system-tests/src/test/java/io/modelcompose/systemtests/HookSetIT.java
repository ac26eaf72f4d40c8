package io.modelcompose.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcompose.cli.ComposeCli;
import io.modelcompose.cli.up.ServiceSet;
import io.modelcompose.scheduler.SchedulerVerticle;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hooks on the set: upstream's job-flow/hook example with our component hooks gives the output of {@code compose-cli
 * run}, also when the active scheduler hands over to a standby while a hook runs (the hook calls are ordinary
 * dispatches on the runs topic, so the replay rebuilds where the job was).
 */
class HookSetIT {
    private static final long LEASE_MILLIS = 3_000;
    /** Upstream's job-flow/hook example with our hooks, a fixture of {@code shared}. */
    private static final Path EXAMPLE = Path.of("..", "shared", "src", "test", "resources", "configs", "valid",
            "upstream", "job-flow-hook-components.yml").toAbsolutePath().normalize();
    private static final String REDIRECT = "'printf \"%s 2>&1\" \"$0\"'";
    /** The before hook marks that it runs, then takes 2 s: long enough to stop the active scheduler meanwhile. */
    private static final String SLOW_REDIRECT = "'touch hook-started; sleep 2; printf \"%s 2>&1\" \"$0\"'";

    @TempDir
    Path dir;

    private final InJvmRoles roles = new InJvmRoles();

    @AfterEach
    void stop() {
        roles.close();
    }

    @Test
    void hooksGiveTheOutputOfRunAlsoThroughATakeOverWhileAHookRuns() throws Exception {
        String example = Files.readString(EXAMPLE);
        assertThat(example).contains(REDIRECT);
        String body = example.substring(example.indexOf("\nworkflow:") + 1).replace(REDIRECT, SLOW_REDIRECT);
        ItProject project = ItProject.create(dir, "", body);
        Path files = Files.createDirectories(dir.resolve("files"));
        for (String name : List.of("a.txt", "b.txt", "c.txt")) {
            Files.writeString(files.resolve(name), name);
        }
        Map<String, Object> input = Map.of("path", files.toString());
        JsonNode expected = Api.JSON.readTree(runInProcess(Api.JSON.writeValueAsString(input)));
        assertThat(expected).isEqualTo(Api.JSON.valueToTree(Map.of("line_count", 3,
                "preview", List.of("a.txt", "b.txt"))));
        Files.deleteIfExists(dir.resolve("hook-started"));

        ServiceSet set = roles.deploy(project, project.config(), LEASE_MILLIS, ServiceSet.Role.WORKER,
                ServiceSet.Role.GATEWAY);
        SchedulerVerticle first = roles.startScheduler(project, project.config(), LEASE_MILLIS);
        await().atMost(Duration.ofSeconds(30)).until(first::isActive);
        SchedulerVerticle second = roles.startScheduler(project, project.config(), LEASE_MILLIS);
        Api api = new Api(set.gatewayPort());

        String task = api.submit("listing", input);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(dir.resolve("hook-started")));
        roles.stopScheduler(first);
        await().atMost(Duration.ofSeconds(30)).until(second::isActive);

        JsonNode state = api.awaitTerminal(List.of(task), Duration.ofSeconds(60)).get(task);
        assertThat(state.path("status").asText()).as("%s", state).isEqualTo("completed");
        assertThat(state.path("output")).isEqualTo(expected);
    }

    /** {@code compose-cli run} in this JVM: the output it prints. */
    private String runInProcess(String input) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ComposeCli.execute(new String[] {"--project-directory", dir.toString(), "run", "--input", input},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as("run: %s", err).isZero();
        return out.toString();
    }
}
