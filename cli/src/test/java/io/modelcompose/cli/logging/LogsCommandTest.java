package io.modelcompose.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modelcompose.cli.ComposeCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogsCommandTest {
    private static final String GATEWAY_LINE = "10:00:00.001 INFO  [gateway] GatewayVerticle - listening on :8080";
    private static final String WORKER_LINE = "10:00:00.002 INFO  [worker] workflow - [run R1] [job a] hello";
    private static final String WORKER_ERROR = "10:00:00.003 ERROR [worker] WorkerVerticle - [run R1] job b failed";
    private static final String STACK_LINE = "\tat io.modelcompose.worker.Thing.run(Thing.java:10)";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicReference<Thread> follower = new AtomicReference<>();

    @BeforeEach
    void nativeProject() throws IOException {
        Files.writeString(dir.resolve("model-compose.yml"), """
                workflow:
                  jobs:
                    - { id: log, component: logger }
                """);
        Files.createDirectories(dir.resolve(".compose"));
    }

    @AfterEach
    void stopFollower() throws InterruptedException {
        Thread thread = follower.get();
        if (thread != null) {
            thread.interrupt();
            thread.join(5_000);
        }
    }

    private Path logFile() {
        return dir.resolve(".compose/up.log");
    }

    private void append(String... lines) throws IOException {
        Files.writeString(logFile(), String.join("\n", lines) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Pretends that 'up -d' runs: its pid file names this test JVM, which is alive. */
    private void markUpRunning() throws IOException {
        Files.writeString(dir.resolve(".compose/up.pid"), Long.toString(ProcessHandle.current().pid()));
    }

    private int logs(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--project-directory";
        all[1] = dir.toString();
        all[2] = "logs";
        System.arraycopy(args, 0, all, 3, args.length);
        return ComposeCli.execute(all, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private CompletableFuture<Integer> logsInBackground(String... args) {
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread thread = new Thread(() -> exit.complete(logs(args)), "logs-follow");
        follower.set(thread);
        thread.start();
        return exit;
    }

    @Test
    void printsTheExistingLines() throws IOException {
        append(GATEWAY_LINE, WORKER_LINE);

        assertThat(logs()).as(err.toString()).isZero();

        assertThat(out.toString().lines()).containsExactly(GATEWAY_LINE, WORKER_LINE);
    }

    @Test
    void roleKeepsThatRolesEntriesWithTheirContinuationLines() throws IOException {
        append(GATEWAY_LINE, WORKER_LINE, WORKER_ERROR, STACK_LINE, GATEWAY_LINE);

        assertThat(logs("worker")).as(err.toString()).isZero();

        assertThat(out.toString().lines()).containsExactly(WORKER_LINE, WORKER_ERROR, STACK_LINE);
    }

    @Test
    void followPrintsLinesAppendedLaterUntilInterrupted() throws Exception {
        append(GATEWAY_LINE);
        markUpRunning();

        CompletableFuture<Integer> exit = logsInBackground("-f");
        await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains(GATEWAY_LINE));
        append(WORKER_LINE);
        await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains(WORKER_LINE));
        assertThat(exit).isNotDone();

        follower.get().interrupt();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString().lines()).containsExactly(GATEWAY_LINE, WORKER_LINE);
    }

    @Test
    void followStartsAgainWhenTheFileIsTruncatedOrReplaced() throws Exception {
        append(GATEWAY_LINE, WORKER_LINE);
        markUpRunning();
        logsInBackground("--follow");
        await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains(WORKER_LINE));

        Files.writeString(logFile(), "", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        append("after truncation");
        await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains("after truncation"));

        Path replacement = dir.resolve(".compose/up.log.new");
        Files.writeString(replacement, "in a new file\n", StandardCharsets.UTF_8);
        Files.move(replacement, logFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains("in a new file"));

        assertThat(out.toString().lines())
                .containsExactly(GATEWAY_LINE, WORKER_LINE, "after truncation", "in a new file");
    }

    @Test
    void followEndsWhenUpIsNotRunning() throws IOException {
        append(GATEWAY_LINE);

        assertThat(logs("-f")).as(err.toString()).isZero();

        assertThat(out.toString().lines()).containsExactly(GATEWAY_LINE);
    }

    @Test
    void acceptsTheConfigFileBeforeTheCommandAndFollowAfterIt() throws IOException {
        Files.move(dir.resolve("model-compose.yml"), dir.resolve("other.yml"));
        append(GATEWAY_LINE);

        int code = ComposeCli.execute(new String[] {"--project-directory", dir.toString(), "-f",
            dir.resolve("other.yml").toString(), "logs", "-f"}, new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString().lines()).containsExactly(GATEWAY_LINE);
    }

    @Test
    void readsTheContainerNotTheLogFileForTheDockerRuntime() throws IOException {
        Files.writeString(dir.resolve("model-compose.yml"), """
                controller:
                  type: http-server
                  runtime: docker
                workflow:
                  jobs:
                    - { id: log, component: logger }
                """);
        append(GATEWAY_LINE);
        String previousHost = System.setProperty("DOCKER_HOST", "tcp://127.0.0.1:9"); // no engine there
        try {
            assertThat(logs()).isEqualTo(1);
        } finally {
            if (previousHost == null) {
                System.clearProperty("DOCKER_HOST");
            } else {
                System.setProperty("DOCKER_HOST", previousHost);
            }
        }

        assertThat(err.toString().strip()).startsWith("error: logs of runtime: docker needs a Docker engine");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void failsWhenThereIsNoLogFile() {
        assertThat(logs()).isEqualTo(1);

        assertThat(err.toString()).startsWith("error: no logs in ").contains("up.log").contains("up -d");
    }

    @Test
    void rejectsAnUnknownRole() throws IOException {
        append(GATEWAY_LINE);

        assertThat(logs("frontend")).isEqualTo(2);

        assertThat(err.toString()).contains("unknown role 'frontend'").contains("gateway, scheduler, worker");
    }

    @Test
    void aConfigFileAfterLogsDashFIsExplainedNotTakenForARole() throws IOException {
        Files.move(dir.resolve("model-compose.yml"), dir.resolve("other.yml"));
        append(GATEWAY_LINE);

        assertThat(logs("-f", "other.yml")).isEqualTo(2);

        assertThat(err.toString()).contains("'other.yml' is not a role").contains("-f is --follow")
                .contains("compose-cli -f other.yml logs");
    }

    @Test
    void takesTheConfigFileAsDashDashFileAfterTheCommand() throws IOException {
        Files.move(dir.resolve("model-compose.yml"), dir.resolve("other.yml"));
        append(GATEWAY_LINE);

        assertThat(logs("--file", dir.resolve("other.yml").toString(), "-f")).as(err.toString()).isZero();

        assertThat(out.toString().lines()).containsExactly(GATEWAY_LINE);
    }
}
