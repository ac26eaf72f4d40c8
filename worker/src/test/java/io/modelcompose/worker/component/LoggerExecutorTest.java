package io.modelcompose.worker.component;

import static io.modelcompose.worker.component.Jobs.await;
import static io.modelcompose.worker.component.Jobs.request;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.modelcompose.shared.config.LoggerAction;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

@ExtendWith(VertxExtension.class)
class LoggerExecutorTest {
    private final Logger workflowLogger = (Logger) LoggerFactory.getLogger("compose.workflow");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Level previousLevel;
    private ComponentRunner runner;

    @BeforeEach
    void capture(Vertx vertx) {
        runner = new ComponentRunner(vertx, 1);
        previousLevel = workflowLogger.getLevel();
        workflowLogger.setLevel(Level.DEBUG);
        lines.start();
        workflowLogger.addAppender(lines);
        workflowLogger.setAdditive(false);
    }

    @AfterEach
    void release() {
        workflowLogger.detachAppender(lines);
        workflowLogger.setAdditive(true);
        workflowLogger.setLevel(previousLevel);
        runner.close();
    }

    private ComponentResult log(String level, Object input) {
        return await(runner.execute(request(new LoggerAction("__action__", false, null, level), input),
                new CancelSignal()));
    }

    @Test
    void writesTheMessageWithTheRunIdAndReturnsTheInput() {
        Map<String, Object> input = Map.of("message", "took 42ms");

        ComponentResult result = log("info", input);

        assertThat(result.output()).isEqualTo(input);
        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLoggerName()).isEqualTo("compose.workflow");
            assertThat(line.getLevel()).isEqualTo(Level.INFO);
            assertThat(line.getFormattedMessage()).contains(Jobs.RUN_ID).endsWith("took 42ms");
        });
    }

    @Test
    void writesAnyOtherInputAsJson() {
        Map<String, Object> input = Map.of("user", "ada", "scores", List.of(1, 2));

        ComponentResult result = log("info", input);

        assertThat(result.output()).isEqualTo(input);
        assertThat(lines.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains(Jobs.RUN_ID).contains("\"scores\":[1,2]").contains("\"user\":\"ada\"");
    }

    @ParameterizedTest
    @CsvSource({"debug, DEBUG", "info, INFO", "warning, WARN", "error, ERROR", "critical, ERROR", "WARNING, WARN"})
    void mapsTheConfiguredLevel(String configured, String expected) {
        log(configured, Map.of("message", "m"));

        assertThat(lines.list).singleElement().extracting(ILoggingEvent::getLevel).isEqualTo(Level.toLevel(expected));
    }

    @Test
    void marksCriticalLinesSoCriticalLoggersCanKeepOnlyThem() {
        log("critical", Map.of("message", "disk full"));
        log("error", Map.of("message", "plain error"));

        assertThat(lines.list).extracting(line -> line.getMarkerList() != null
                && line.getMarkerList().stream().anyMatch(m -> m.getName().equals("CRITICAL")))
                .containsExactly(true, false);
    }

    @Test
    void appliesTheComponentOutputTemplateToTheInput() {
        LoggerAction action = new LoggerAction("__action__", false, Map.of("logged", "${input.message}"), "info");

        ComponentResult result = await(runner.execute(request(action, Map.of("message", "hi")), new CancelSignal()));

        assertThat(result.output()).isEqualTo(Map.of("logged", "hi"));
    }
}
