package io.modelcompose.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modelcompose.cli.LogSetup;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.load.ConfigLoader;
import io.modelcompose.shared.config.LoadRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MarkerFactory;

class LogSetupTest {
    private static final Logger WORKER = LoggerFactory.getLogger("compose.workflow");
    private static final Logger FRAMEWORK = LoggerFactory.getLogger("io.vertx.core.Probe");
    private static final Logger ROLE_INTERNALS = LoggerFactory.getLogger("io.modelcompose.worker.service.Probe");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @AfterEach
    void restoreDefaultLogging() {
        LogSetup.configure(null, false);
    }

    private ComposeConfig config(String loggers) throws IOException {
        Files.writeString(dir.resolve("model-compose.yml"), """
                workflow:
                  jobs:
                    - { id: log, component: logger }
                """ + loggers);
        return ConfigLoader.load(LoadRequest.of(dir));
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private List<String> consoleLines() {
        return console.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static void logOneOfEachLevel() {
        WORKER.debug("debug line");
        WORKER.info("info line");
        WORKER.warn("warning line");
        WORKER.error("error line");
    }

    @Test
    void aDebugLoggerShowsTheUsersDebugLinesButNotTheFrameworks() throws IOException {
        LogSetup.configure(config("logger:\n  - { type: console, level: debug }\n"), false, dir, console);

        WORKER.debug("job debug line");
        LoggerFactory.getLogger("io.modelcompose.scheduler.runs").debug("run completed");
        FRAMEWORK.debug("vertx internals");
        ROLE_INTERNALS.debug("consumer internals");
        FRAMEWORK.info("vertx info");

        assertThat(consoleLines()).extracting(l -> l.substring(l.lastIndexOf(" - ") + 3))
                .containsExactly("job debug line", "run completed", "vertx info");
    }

    @Test
    void theDefaultLevelWritesAnExceptionAsOneLineAndVerboseAsAStackTrace() throws IOException {
        ComposeConfig config = config("logger:\n  - { type: console, level: info }\n");
        Exception failure = new IllegalStateException("bind failed", new java.net.BindException("Address in use"));
        LogSetup.configure(config, false, dir, console);

        FRAMEWORK.warn("could not start", failure);

        assertThat(consoleLines()).singleElement().asString().endsWith(
                "could not start (IllegalStateException: bind failed; caused by BindException: Address in use)");

        console.reset();
        LogSetup.configure(config, true, dir, console);
        FRAMEWORK.warn("could not start", failure);

        assertThat(consoleLines()).anyMatch(l -> l.startsWith("\tat ")).hasSizeGreaterThan(3);
    }

    @Test
    void verboseStillTurnsOnFrameworkDebug() throws IOException {
        LogSetup.configure(config("logger:\n  - { type: console, level: info }\n"), true, dir, console);

        FRAMEWORK.debug("vertx internals");
        ROLE_INTERNALS.debug("consumer internals");

        assertThat(consoleLines()).hasSize(2);
    }

    @Test
    void eachLoggerReceivesExactlyTheLinesOfItsLevel() throws IOException {
        ComposeConfig config = config("""
                logger:
                  - { type: console, level: warning }
                  - { type: file, path: logs/all.log, level: debug }
                  - { type: file, path: logs/info.log, level: info }
                  - { type: file, path: logs/errors.log, level: error }
                """);
        LogSetup.configure(config, false, dir, console);

        logOneOfEachLevel();

        assertThat(consoleLines()).hasSize(2).satisfiesExactly(
                l -> assertThat(l).contains("WARN").endsWith("warning line"),
                l -> assertThat(l).contains("ERROR").endsWith("error line"));
        assertThat(lines(dir.resolve("logs/all.log"))).extracting(l -> l.substring(l.lastIndexOf(" - ") + 3))
                .containsExactly("debug line", "info line", "warning line", "error line");
        assertThat(lines(dir.resolve("logs/info.log"))).extracting(l -> l.substring(l.lastIndexOf(" - ") + 3))
                .containsExactly("info line", "warning line", "error line");
        assertThat(lines(dir.resolve("logs/errors.log"))).singleElement().asString().endsWith("error line");
    }

    @Test
    void consoleLoggerWritesToStderrAndNothingToStdout() throws IOException {
        ComposeConfig config = config("""
                logger:
                  - { type: console, level: info }
                """);
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            LogSetup.configure(config, false, dir);
            logOneOfEachLevel();
        } finally {
            LogSetup.configure(null, false);
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .extracting(l -> l.substring(l.lastIndexOf(" - ") + 3))
                .containsExactly("info line", "warning line", "error line");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void withoutLoggersThereIsOneConsoleLoggerAtInfo() {
        LogSetup.configure(null, false, dir, console);

        logOneOfEachLevel();

        assertThat(consoleLines()).extracting(l -> l.substring(l.lastIndexOf(" - ") + 3))
                .containsExactly("info line", "warning line", "error line");
    }

    @Test
    void verboseLowersEveryLoggerToDebug() throws IOException {
        ComposeConfig config = config("""
                logger:
                  - { type: console, level: error }
                """);
        LogSetup.configure(config, true, dir, console);

        logOneOfEachLevel();

        assertThat(consoleLines()).hasSize(4);
    }

    @Test
    void createsTheParentFoldersOfFileLoggers() throws IOException {
        ComposeConfig config = config("""
                logger:
                  - { type: file, path: deep/er/still/run.log, level: info }
                """);
        assertThat(dir.resolve("deep")).doesNotExist();

        LogSetup.configure(config, false, dir, console);
        WORKER.info("written");

        assertThat(lines(dir.resolve("deep/er/still/run.log"))).singleElement().asString().endsWith("written");
    }

    @Test
    void relativeFilePathsResolveAgainstTheProjectFolder() throws IOException {
        ComposeConfig config = config("""
                logger:
                  - { type: file, level: info }
                """);
        LogSetup.configure(config, false, dir, console);
        WORKER.info("default place");

        assertThat(lines(dir.resolve("logs/run.log"))).singleElement().asString().endsWith("default place");
    }

    @Test
    void sizeRotationKeepsMaxFilesRotatedFiles() throws IOException {
        ComposeConfig config = config("""
                logger:
                  - { type: file, path: logs/run.log, level: info, max_size: 1k, max_files: 2 }
                """);
        LogSetup.configure(config, false, dir, console);
        Path logs = dir.resolve("logs");
        AtomicInteger next = new AtomicInteger();
        String padding = "x".repeat(100);

        // Rotation is checked at most every few milliseconds: write until the first line has left every kept file,
        // which means that at least three rotations happened and the oldest file was dropped, not kept.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> {
            for (int i = 0; i < 20; i++) {
                WORKER.info("line {} {}", next.getAndIncrement(), padding);
            }
            return Files.exists(logs.resolve("run.log.2")) && !anyFileHolds(logs, "line 0 ");
        });

        try (Stream<Path> files = Files.list(logs)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("run.log", "run.log.1", "run.log.2");
        }
        assertThat(Files.size(logs.resolve("run.log.1"))).isGreaterThanOrEqualTo(1024);
    }

    private static boolean anyFileHolds(Path folder, String text) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                if (Files.readString(file, StandardCharsets.UTF_8).contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void criticalLoggerKeepsOnlyCriticalLines() throws IOException {
        ComposeConfig config = config("""
                logger:
                  - { type: console, level: critical }
                """);
        LogSetup.configure(config, false, dir, console);
        Logger workflow = LoggerFactory.getLogger("compose.workflow");

        workflow.error("plain error");
        workflow.error(MarkerFactory.getMarker("CRITICAL"), "critical error");

        assertThat(consoleLines()).singleElement().asString().endsWith("critical error");
    }

    @Test
    void linesNameTheRoleThatWroteThem() {
        LogSetup.configure(null, false, dir, console);

        LoggerFactory.getLogger("io.modelcompose.gateway.http.Routes").info("from the gateway");
        LoggerFactory.getLogger("io.modelcompose.scheduler.engine.Walker").info("from the scheduler");
        LoggerFactory.getLogger("compose.workflow").info("from a logger component");
        LoggerFactory.getLogger("io.modelcompose.runtimeagent.docker.Containers").info("from the agent");
        LoggerFactory.getLogger("compose").info("from the cli");

        assertThat(consoleLines()).satisfiesExactly(
                l -> assertThat(l).contains(" [gateway] Routes - from the gateway"),
                l -> assertThat(l).contains(" [scheduler] Walker - from the scheduler"),
                l -> assertThat(l).contains(" [worker] workflow - from a logger component"),
                l -> assertThat(l).contains(" [runtime-agent] Containers - from the agent"),
                l -> assertThat(l).contains(" [compose] compose - from the cli"));
    }
}
