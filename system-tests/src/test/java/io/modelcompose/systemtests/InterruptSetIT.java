package io.modelcompose.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modelcompose.cli.up.ServiceSet;
import io.modelcompose.scheduler.SchedulerVerticle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Human-in-the-loop on the set: a synchronous run stops at an interrupt, the pause survives a scheduler restart (its
 * state is rebuilt from the runs topic), and resumes answer it over HTTP with upstream's endpoint, body and errors.
 */
class InterruptSetIT {
    private static final long LEASE_MILLIS = 3_000;
    private static final String BODY = """
            workflow:
              jobs:
                - id: review
                  component: shell
                  input: { text: "${input.text}" }
                  command: [ sh, -c, 'echo "$0" >> ran.log; echo "$0"', "${input.text}" ]
                  output: ${stdout.trim()}
                  interrupt:
                    before:
                      message: "approve ${job.input.text}?"
                      metadata: { text: "${job.input.text}" }
                    after:
                      message: "check ${job.output.stdout}"
            """;

    @TempDir
    Path dir;

    private final InJvmRoles roles = new InJvmRoles();

    @AfterEach
    void stop() {
        roles.close();
    }

    @Test
    void anInterruptedRunWaitsThroughASchedulerRestartAndResumesOverHttp() throws Exception {
        ItProject project = ItProject.create(dir, "", BODY);
        ServiceSet set = roles.deploy(project, project.config(), LEASE_MILLIS, ServiceSet.Role.WORKER,
                ServiceSet.Role.GATEWAY);
        SchedulerVerticle first = roles.startScheduler(project, project.config(), LEASE_MILLIS);
        await().atMost(Duration.ofSeconds(30)).until(first::isActive);
        Api api = new Api(set.gatewayPort());

        Api.Reply paused = api.run(Map.of("input", Map.of("text", "xyz")));
        assertThat(paused.status()).as("%s", paused.body()).isEqualTo(200);
        assertThat(paused.text("status")).isEqualTo("interrupted");
        assertThat(paused.body().path("interrupt").path("job_id").asText()).isEqualTo("review");
        assertThat(paused.body().path("interrupt").path("phase").asText()).isEqualTo("before");
        assertThat(paused.body().path("interrupt").path("message").asText()).isEqualTo("approve xyz?");
        assertThat(paused.body().path("interrupt").path("metadata").path("text").asText()).isEqualTo("xyz");
        String task = paused.text("task_id");

        Api.Reply wrongJob = api.post("/tasks/" + task + "/resume", "{\"job_id\":\"zzz\"}");
        assertThat(wrongJob.status()).isEqualTo(400);
        assertThat(wrongJob.text("detail")).isEqualTo("Job ID mismatch: expected 'review', got 'zzz'");
        assertThat(api.post("/tasks/" + task + "/resume", "{}").status()).isEqualTo(400);
        assertThat(api.post("/tasks/nope/resume", "{\"job_id\":\"review\"}").status()).isEqualTo(404);

        roles.stopScheduler(first);
        SchedulerVerticle second = roles.startScheduler(project, project.config(), LEASE_MILLIS);
        await().atMost(Duration.ofSeconds(30)).until(second::isActive);
        assertThat(api.get("/tasks/" + task).text("status")).isEqualTo("interrupted");
        assertThat(Spans.lines(dir.resolve("ran.log"))).as("nothing ran before the answer").isEmpty();

        Api.Reply resumed = api.post("/tasks/" + task + "/resume",
                "{\"job_id\":\"review\",\"answer\":{\"text\":\"replaced\"}}");
        assertThat(resumed.status()).as("%s", resumed.body()).isEqualTo(200);
        assertThat(resumed.text("status")).isEqualTo("processing");
        await().atMost(Duration.ofSeconds(30)).until(() -> "after".equals(
                api.get("/tasks/" + task).body().path("interrupt").path("phase").asText()));
        assertThat(api.get("/tasks/" + task).body().path("interrupt").path("message").asText())
                .isEqualTo("check replaced");

        assertThat(api.post("/tasks/" + task + "/resume", "{\"job_id\":\"review\",\"answer\":null}").status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "completed".equals(api.get("/tasks/" + task)
                .text("status")));
        assertThat(api.get("/tasks/" + task).text("output")).isEqualTo("replaced");
        assertThat(Spans.lines(dir.resolve("ran.log"))).containsExactly("replaced");
        Api.Reply late = api.post("/tasks/" + task + "/resume", "{\"job_id\":\"review\"}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text("detail")).isEqualTo("Task '" + task + "' is not in interrupted state (current: "
                + "completed)");
    }

    @Test
    void cancellingAnInterruptedRunCancelsIt() throws Exception {
        ItProject project = ItProject.create(dir, "", BODY);
        ServiceSet set = roles.deploy(project, project.config(), LEASE_MILLIS, ServiceSet.Role.WORKER,
                ServiceSet.Role.GATEWAY, ServiceSet.Role.SCHEDULER);
        Api api = new Api(set.gatewayPort());
        String task = api.run(Map.of("input", Map.of("text", "no"))).text("task_id");
        Api.Reply cancelled = api.post("/tasks/" + task + "/cancel", "");
        assertThat(cancelled.status()).as("%s", cancelled.body()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("cancelled");
        assertThat(Spans.lines(dir.resolve("ran.log"))).isEmpty();
    }
}
