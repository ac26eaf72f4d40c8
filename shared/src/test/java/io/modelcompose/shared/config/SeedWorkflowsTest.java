package io.modelcompose.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed's controller, logger and workflow snippets bind to the expected records. */
class SeedWorkflowsTest {

    @Test
    void readsControllerConcurrency() {
        ControllerConfig controller = ConfigFixtures.loadSeed("seed-14-4-1-controller-concurrency.yml").controller();
        assertThat(controller.maxConcurrentCount()).isEqualTo(10);
        assertThat(controller.threaded()).isFalse();
        assertThat(controller.host()).isEqualTo("127.0.0.1");
        assertThat(controller.basePath()).isEmpty();
        assertThat(controller.runtime()).isEqualTo(RuntimeConfig.NATIVE);
    }

    @Test
    void readsComponentConcurrencyAndBaseUrlOnlyHttpClient() {
        ComponentConfig api = ConfigFixtures.loadSeed("seed-14-4-1-component-concurrency.yml")
                .component("api-client").orElseThrow();
        assertThat(api.maxConcurrentCount()).isEqualTo(5);
        HttpClientAction action = (HttpClientAction) api.action(null);
        assertThat(action.id()).isEqualTo("__action__");
        assertThat(action.baseUrl()).isEqualTo("https://api.example.com");
        assertThat(action.path()).isNull();
        assertThat(action.method()).isEqualTo("POST");
    }

    @Test
    void readsDebugConsoleLogger() {
        ComposeConfig config = ConfigFixtures.loadSeed("seed-14-1-5-debug-logger.yml");
        assertThat(config.loggers()).singleElement().satisfies(logger -> {
            assertThat(logger.type()).isEqualTo("console");
            assertThat(logger.level()).isEqualTo("debug");
        });
    }

    @Test
    void readsSeveralLoggers() {
        List<LoggerConfig> loggers = ConfigFixtures.loadSeed("seed-14-5-1-loggers.yml").loggers();
        assertThat(loggers).extracting(LoggerConfig::type, LoggerConfig::level, LoggerConfig::path).containsExactly(
                tuple("console", "warning", null),
                tuple("file", "debug", "./logs/all.log"),
                tuple("file", "error", "./logs/errors.log"));
    }

    @Test
    void usesOneConsoleLoggerWhenNoneIsDeclared() {
        assertThat(ConfigFixtures.loadSeed("seed-14-2-1-image.yml").loggers())
                .containsExactly(LoggerConfig.DEFAULT_CONSOLE);
    }

    @Test
    void chainsProcessWithLoggingJobsThroughDeclaredLoggerComponent() {
        WorkflowConfig workflow = ConfigFixtures.loadSeed("seed-14-5-3-process-with-logging.yml")
                .workflow("process-with-logging");
        assertThat(workflow.jobs()).extracting(JobConfig::id)
                .containsExactly("log-start", "api-call", "log-result", "log-end");
        assertThat(workflow.jobs()).extracting(JobConfig::dependsOn).containsExactly(
                List.of(), List.of(List.of("log-start")), List.of(List.of("api-call")), List.of(List.of("log-result")));
        JobConfig logStart = workflow.jobs().get(0);
        assertThat(logStart.component().id()).isEqualTo("logger");
        assertThat(logStart.component().inline()).isFalse();
        assertThat(logStart.input()).isEqualTo(Map.of("message", "워크플로우 시작: ${context.run_id}"));
        assertThat(workflow.jobs().get(1).input()).isEqualTo("${input}");
    }

    @Test
    void buildsInlineShellAndLoggerComponentsForTimedWorkflow() {
        ComposeConfig config = ConfigFixtures.loadSeed("seed-14-5-4-timed-workflow.yml");
        assertThat(config.files()).containsExactly("../support/api-client.yml", "seed-14-5-4-timed-workflow.yml");
        WorkflowConfig workflow = config.workflow("timed-workflow");
        JobConfig start = workflow.job("start-time").orElseThrow();
        assertThat(start.component().inline()).isTrue();
        assertThat(start.component().id()).isEqualTo("start-time");
        assertThat(start.component().type()).isEqualTo("shell");
        ShellAction shell = (ShellAction) start.component().action(null);
        assertThat(shell.command()).isEqualTo("echo $(date +%s%3N)");
        assertThat(shell.output()).isNull();
        assertThat(shell.failOnError()).isTrue();
        assertThat(start.output()).isEqualTo("${stdout.trim()}");
        JobConfig log = workflow.job("log-duration").orElseThrow();
        assertThat(log.component().type()).isEqualTo("logger");
        assertThat(((LoggerAction) log.component().action(null)).level()).isEqualTo("info");
        assertThat(log.dependsOn()).containsExactly(List.of("end-time"));
        assertThat(workflow.job("process").orElseThrow().component().id()).isEqualTo("api-client");
    }

    @Test
    void keepsRuntimeExpressionsOfMetricsWorkflow() {
        JobConfig log = ConfigFixtures.loadSeed("seed-14-5-4-metrics-workflow.yml").workflow(null)
                .job("log-metrics").orElseThrow();
        assertThat(log.input()).isEqualTo(Map.of("run_id", "${context.run_id}", "status", "${output.status}",
                "response_time", "${output.response_time_ms}", "tokens_used", "${output.usage.total_tokens}"));
    }

    @Test
    void mergesComponentHeadersIntoPrometheusPushAction() {
        ComposeConfig config = ConfigFixtures.loadSeed("seed-14-5-5-prometheus.yml");
        HttpClientAction push = (HttpClientAction) config.component("prometheus-push").orElseThrow().action(null);
        assertThat(push.baseUrl()).isEqualTo("http://prometheus-pushgateway:9091");
        assertThat(push.path()).isEqualTo("/metrics/job/model-compose");
        assertThat(push.headers()).isEqualTo(Map.of("Content-Type", "text/plain"));
        JobConfig pushJob = config.workflow("monitored-workflow").job("push-metrics").orElseThrow();
        assertThat(pushJob.input()).isEqualTo(Map.of("body",
                "workflow_execution_duration_seconds ${output.duration}\nworkflow_execution_total 1\n"));
    }

    @Test
    void summarisesTheConfiguration() {
        assertThat(ConfigSummary.describe(ConfigFixtures.loadSeed("seed-14-5-3-process-with-logging.yml")))
                .isEqualTo("configuration is valid: controller http-server on 127.0.0.1:8080, 2 components, "
                        + "1 workflow");
        assertThat(ConfigSummary.describe(ConfigFixtures.loadSeed("seed-14-2-1-image.yml")))
                .isEqualTo("configuration is valid: controller http-server on 127.0.0.1:8080 (docker runtime), "
                        + "0 components, 0 workflows");
    }
}
