package io.modelcompose.shared.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs: component resolution, inline components, dependencies, retry. */
class JobBindingTest {
    @TempDir
    Path dir;
    TempProject project;

    @BeforeEach
    void setUp() {
        project = new TempProject(dir);
    }

    private WorkflowConfig workflow(String yaml) {
        return project.file("model-compose.yml", yaml).load().workflow(null);
    }

    @Test
    void turnsDependsOnIntoAllOfAndAnyOfGroups() {
        WorkflowConfig workflow = workflow("""
                component: { type: shell, command: echo }
                workflow:
                  jobs:
                    - id: a
                    - id: b
                      depends_on: []
                    - id: c
                      depends_on: [ a, [ b, a ] ]
                    - id: d
                      depends_on: c
                    - id: e
                """);
        assertThat(workflow.jobs()).extracting(JobConfig::dependsOn).containsExactly(
                List.of(), List.of(), List.of(List.of("a"), List.of("b", "a")), List.of(List.of("c")),
                List.of(List.of("d")));
    }

    @Test
    void usesTheOnlyComponentOrTheDefaultOneWhenNoneIsNamed() {
        WorkflowConfig workflow = workflow("""
                components:
                  - { id: one, type: shell, command: echo one }
                  - { id: two, type: shell, command: echo two, default: true }
                workflow:
                  job: { input: x }
                """);
        JobConfig job = workflow.jobs().get(0);
        assertThat(job.id()).isEqualTo("__job__");
        assertThat(job.component().id()).isEqualTo("two");
        assertThat(job.action()).isEqualTo("__default__");
        assertThat(workflow.id()).isEqualTo("__workflow__");
    }

    @Test
    void prefersADeclaredComponentOverATypeOfTheSameName() {
        WorkflowConfig workflow = workflow("""
                components:
                  - { id: shell, type: logger, level: warning }
                workflow:
                  job: { component: shell }
                """);
        assertThat(workflow.jobs().get(0).component().type()).isEqualTo("logger");
        assertThat(workflow.jobs().get(0).component().inline()).isFalse();
    }

    @Test
    void bindsAnInlineComponentMappingUnderTheJobId() {
        JobConfig job = workflow("""
                workflow:
                  job:
                    id: call
                    component:
                      type: http-client
                      endpoint: https://example.com/api
                      method: get
                      timeout: 5s
                      output: ${response.data}
                    output: ${output}
                """).jobs().get(0);
        assertThat(job.component().id()).isEqualTo("call");
        assertThat(job.component().inline()).isTrue();
        HttpClientAction action = (HttpClientAction) job.component().action(null);
        assertThat(action.endpoint()).isEqualTo("https://example.com/api");
        assertThat(action.method()).isEqualTo("GET");
        assertThat(action.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(action.output()).isEqualTo("${response.data}");
        assertThat(job.output()).isEqualTo("${output}");
    }

    @Test
    void keepsJobTimeoutAndOutputOnTheJobForInlineTypes() {
        JobConfig job = workflow("""
                workflow:
                  job:
                    component: shell
                    command: [ ls, -l ]
                    working_dir: /tmp
                    env: { A: "1" }
                    fail_on_error: false
                    timeout: 1m30s
                    output: ${stdout}
                """).jobs().get(0);
        ShellAction shell = (ShellAction) job.component().action(null);
        assertThat(shell.command()).isEqualTo(List.of("ls", "-l"));
        assertThat(shell.workingDir()).isEqualTo("/tmp");
        assertThat(shell.env()).isEqualTo(Map.of("A", "1"));
        assertThat(shell.failOnError()).isFalse();
        assertThat(shell.timeout()).isNull();
        assertThat(shell.output()).isNull();
        assertThat(job.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(job.output()).isEqualTo("${stdout}");
    }

    @Test
    void readsRetryAsCountOrPolicy() {
        WorkflowConfig workflow = workflow("""
                component: { type: shell, command: echo }
                workflow:
                  jobs:
                    - { id: a, retry: 3 }
                    - { id: b, retry: { max_attempt_count: 4, delay: 500ms, backoff: exponential, max_delay: 5s } }
                    - { id: c }
                """);
        assertThat(workflow.jobs()).extracting(JobConfig::retry).containsExactly(
                new RetryConfig(3, Duration.ZERO, RetryConfig.Backoff.FIXED, null),
                new RetryConfig(4, Duration.ofMillis(500), RetryConfig.Backoff.EXPONENTIAL, Duration.ofSeconds(5)),
                RetryConfig.NONE);
    }

    @Test
    void mergesComponentHeadersUnderActionHeadersAndDropsBaseUrlForEndpoints() {
        ComponentConfig api = project.file("model-compose.yml", """
                component:
                  id: api
                  type: http-client
                  base_url: https://api.example.com/v1
                  headers: { Accept: application/json, X-Team: core }
                  actions:
                    - { id: chat, path: /chat, headers: { X-Team: ml } }
                    - { id: other, endpoint: "https://other.example.com", default: true }
                """).load().component("api").orElseThrow();
        HttpClientAction chat = (HttpClientAction) api.action("chat");
        assertThat(chat.baseUrl()).isEqualTo("https://api.example.com/v1");
        assertThat(chat.headers()).isEqualTo(Map.of("Accept", "application/json", "X-Team", "ml"));
        HttpClientAction other = (HttpClientAction) api.action(null);
        assertThat(other.id()).isEqualTo("other");
        assertThat(other.baseUrl()).isNull();
        assertThat(other.endpoint()).isEqualTo("https://other.example.com");
    }

    @Test
    void bindsWorkflowComponentsToDeclaredWorkflows() {
        ComposeConfig config = project.file("model-compose.yml", """
                components:
                  - { id: sub, type: workflow, workflow: inner, input: { q: "${input.q}" } }
                  - { id: say, type: logger }
                workflows:
                  - { id: inner, job: { component: say } }
                  - { id: outer, default: true, job: { component: sub } }
                """).load();
        WorkflowAction action = (WorkflowAction) config.component("sub").orElseThrow().action(null);
        assertThat(action.workflow()).isEqualTo("inner");
        assertThat(action.input()).isEqualTo(Map.of("q", "${input.q}"));
        assertThat(config.workflow(null).id()).isEqualTo("outer");
    }
}
