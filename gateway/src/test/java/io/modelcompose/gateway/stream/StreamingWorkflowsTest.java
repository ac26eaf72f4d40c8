package io.modelcompose.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.config.ComponentConfig;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.HttpClientAction;
import io.modelcompose.shared.config.JobConfig;
import io.modelcompose.shared.config.RetryConfig;
import io.modelcompose.shared.config.WorkflowConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which workflows answer a stream, and the jobs whose chunks they stream. */
class StreamingWorkflowsTest {
    private static final String PER_CHUNK = "${response[].choices[0].delta.content}";

    private static ComponentConfig chatApi() {
        HttpClientAction action = new HttpClientAction("__action__", false, PER_CHUNK, null, null,
                "http://127.0.0.1:1/v1/chat/completions", "POST", null, null,
                Map.of("stream", true, "messages", "${input.messages}"), null);
        return new ComponentConfig("chat-api", "http-client", 0, null, false, List.of(action), false, null);
    }

    private static JobConfig job(String id, ComponentConfig component, Object output, String... dependsOn) {
        List<List<String>> deps = List.of(dependsOn).stream().map(List::of).toList();
        return new JobConfig(id, component, null, null, output, deps, RetryConfig.NONE, null, null);
    }

    private static StreamingWorkflows of(WorkflowConfig... workflows) {
        return new StreamingWorkflows(new ComposeConfig(null, List.of(chatApi()), List.of(workflows), List.of(),
                Map.of(), List.of(), List.of()));
    }

    private static WorkflowConfig workflow(String id, Object output, JobConfig... jobs) {
        return new WorkflowConfig(id, null, null, false, List.of(jobs), output, null);
    }

    @Test
    void aJobWhoseActionRendersEachChunkOfTheResponseStreams() {
        StreamingWorkflows workflows = of(workflow("chat", null, job("answer", chatApi(), null)));

        assertThat(workflows.streamingJobs("chat")).containsExactly("answer");
    }

    @Test
    void aJobOutputReadingTheShellChunkSourceStreams() {
        StreamingWorkflows workflows = of(workflow("lines", null,
                job("tail", null, Map.of("line", "${result[] as text}"))));

        assertThat(workflows.streams("lines")).isTrue();
    }

    @Test
    void aStreamingJobThatFeedsAnotherIsNotTheOutput() {
        StreamingWorkflows workflows = of(workflow("summary", null,
                job("answer", chatApi(), null), job("shout", null, "${jobs.answer.output}", "answer")));

        assertThat(workflows.streams("summary")).isFalse();
    }

    @Test
    void aWorkflowOutputNamingTheStreamingJobStreamsIt() {
        StreamingWorkflows workflows = of(workflow("named", "${jobs.answer.output}",
                job("answer", chatApi(), null), job("log", null, "done", "answer")));

        assertThat(workflows.streamingJobs("named")).containsExactly("answer");
    }

    @Test
    void aStreamCastOfTheOutputStreamsTheJobsItNames() {
        StreamingWorkflows workflows = of(workflow("cast", "${jobs.text.output as stream/text}",
                job("text", null, "${input.text}")));

        assertThat(workflows.streamingJobs("cast")).containsExactly("text");
    }

    @Test
    void plainWorkflowsAndUnknownOnesDoNotStream() {
        StreamingWorkflows workflows = of(workflow("plain", null, job("echo", null, "${input} [not a chunk]")));

        assertThat(workflows.streams("plain")).isFalse();
        assertThat(workflows.streams("missing")).isFalse();
    }
}
