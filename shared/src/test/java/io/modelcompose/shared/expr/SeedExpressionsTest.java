package io.modelcompose.shared.expr;

import static io.modelcompose.shared.expr.ExprFixtures.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every expression of the seed document (chapter 14, "Deployment"), in the shape it is used there. */
class SeedExpressionsTest {
    private static final Map<String, Object> CONTEXT = map("run_id", "01J9Z3RUN", "workflow_id", "w", "job_id", "j",
            "attempt", 1);

    @Test
    void shellJobOutputIsTrimmedStdout() {
        Scope scope = Scope.of(map("stdout", "1700000000023\n", "stderr", "", "exit_code", 0));
        assertThat(Template.parse("${stdout.trim()}").render(scope)).isEqualTo("1700000000023");
    }

    @Test
    void shellCommandWithDollarParenIsConstant() {
        assertThat(Template.parse("echo $(date +%s%3N)").isConstant()).isTrue();
    }

    @Test
    void durationIsTheDifferenceOfTwoJobOutputs() {
        Map<String, Object> finished = map("start-time", "1700000000023", "process", map("ok", true),
                "end-time", "1700000000123");
        Scope scope = Scope.of(map("input", map(), "output", "1700000000123"), finished);
        assertThat(Templates.render(map("message", "실행 시간: ${output.end-time - output.start-time}ms"), scope))
                .isEqualTo(map("message", "실행 시간: 100ms"));
        assertThat(Template.parse("${output.end-time - output.start-time}").render(scope)).isEqualTo(100L);
    }

    @Test
    void logStartMessageCarriesTheRunId() {
        Scope scope = Scope.of(map("context", CONTEXT));
        assertThat(Template.parse("워크플로우 시작: ${context.run_id}").render(scope))
                .isEqualTo("워크플로우 시작: 01J9Z3RUN");
    }

    @Test
    void jobInputIsTheRunInput() {
        Map<String, Object> input = map("prompt", "hi", "max_tokens", 5);
        assertThat(Template.parse("${input}").render(Scope.of(map("input", input)))).isSameAs(input);
    }

    @Test
    void logResultMessageIsThePreviousOutputAsJson() {
        Scope scope = Scope.of(map("output", map("status", "ok", "tokens", 12)));
        assertThat(Template.parse("결과: ${output}").render(scope)).isEqualTo("결과: {\"status\":\"ok\",\"tokens\":12}");
    }

    @Test
    void metricsInputShapesRunIdStatusTimeAndTokens() {
        Map<String, Object> apiOutput = map("status", 200, "response_time_ms", 87,
                "usage", map("prompt_tokens", 10, "total_tokens", 42));
        Scope scope = Scope.of(map("context", CONTEXT, "output", apiOutput), map("api-call", apiOutput));
        Map<String, Object> jobInput = map(
                "run_id", "${context.run_id}",
                "status", "${output.status}",
                "response_time", "${output.response_time_ms}",
                "tokens_used", "${output.usage.total_tokens}");
        assertThat(Templates.render(jobInput, scope))
                .isEqualTo(map("run_id", "01J9Z3RUN", "status", 200, "response_time", 87, "tokens_used", 42));
    }

    @Test
    void prometheusBodySplicesTheDuration() {
        Scope scope = Scope.of(map("output", map("duration", 1.25)));
        String body = "workflow_execution_duration_seconds ${output.duration}\nworkflow_execution_total 1\n";
        assertThat(Templates.render(map("body", body), scope))
                .isEqualTo(map("body", "workflow_execution_duration_seconds 1.25\nworkflow_execution_total 1\n"));
    }

    @Test
    void environmentPassesSecretsThrough() {
        Scope scope = Scope.of(map("env", map("OPENAI_API_KEY", "sk-test", "DB_PASSWORD", "pw")));
        Map<String, Object> environment = map("OPENAI_API_KEY", "${env.OPENAI_API_KEY}",
                "DB_PASSWORD", "${env.DB_PASSWORD}");
        assertThat(Templates.render(environment, scope)).isEqualTo(map("OPENAI_API_KEY", "sk-test", "DB_PASSWORD", "pw"));
    }

    @Test
    void missingEnvironmentVariableIsNullUnlessDefaulted() {
        Scope scope = Scope.of(map("env", map()));
        assertThat(Template.parse("${env.OPENAI_API_KEY}").render(scope)).isNull();
        assertThat(Template.parse("${env.PORT | 8080}").render(scope)).isEqualTo(8080L);
    }
}
