package io.modelcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.LoggerConfig;
import io.modelcompose.shared.config.tree.SourceLocation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** {@code run} prints a failed run's reason once on the console (its error line), and file loggers keep it. */
class RunErrorOnceTest {
    @TempDir
    Path dir;

    @AfterEach
    void restoreDefaultLogging() {
        LogSetup.configure(null, false);
    }

    @Test
    void keepsTheRunOutcomeErrorOffTheConsoleButInTheFile() throws Exception {
        Path file = dir.resolve("run.log");
        ComposeConfig config = new ComposeConfig(null, List.of(), List.of(), List.of(
                new LoggerConfig("console", "info", null, null, null, SourceLocation.UNKNOWN),
                new LoggerConfig("file", "error", file.toString(), null, null, SourceLocation.UNKNOWN)),
                Map.of(), List.of());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        LogSetup.configure(config, false, dir, console);

        RunErrorOnce.apply();
        LoggerFactory.getLogger(RunErrorOnce.RUN_OUTCOMES).error("[run R1] workflow w failed: boom");
        LoggerFactory.getLogger("compose.workflow").error("[run R1] other error");
        LogSetup.configure(null, false);

        assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("boom").contains("other error");
        assertThat(Files.readString(file)).contains("[run R1] workflow w failed: boom");
    }
}
