package io.modelcompose.worker.component;

import static io.modelcompose.worker.component.Jobs.await;
import static io.modelcompose.worker.component.Jobs.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.config.QueueConfig;
import io.modelcompose.shared.config.RemoteWorkflowAction;
import io.modelcompose.shared.config.tree.SourceLocation;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.event.RunEvents.RunRequested;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.RunStatus;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A job of a remote workflow: one run on the queue's set per attempt, its outcome, cancel and the bounded wait. */
@ExtendWith(VertxExtension.class)
class RemoteRunExecutorTest {
    private static final QueueConfig QUEUE = new QueueConfig(null, "my-queue", Duration.ZERO, SourceLocation.UNKNOWN);
    private static final RemoteWorkflowAction ECHO = new RemoteWorkflowAction("__action__", false,
            Map.of("text", "${output.text} via queue"), "echo", Map.of("text", "${input.message}"), QUEUE);

    private final FakeRuns runs = new FakeRuns();
    private ComponentRunner runner;

    @BeforeEach
    void setUp(Vertx vertx) {
        runner = new ComponentRunner(vertx, 1, runs);
    }

    @Test
    void theRunIdIsTheSameForTheSameAttemptAndNewForTheNext() {
        String first = RemoteRunExecutor.remoteRunId("run-1", "call", 1);
        assertThat(RemoteRunExecutor.remoteRunId("run-1", "call", 1)).isEqualTo(first);
        assertThat(first).hasSize(26);
        assertThat(RemoteRunExecutor.remoteRunId("run-1", "call", 2)).isNotEqualTo(first);
        assertThat(RemoteRunExecutor.remoteRunId("run-1", "other", 1)).isNotEqualTo(first);
        assertThat(RemoteRunExecutor.remoteRunId("run-2", "call", 1)).isNotEqualTo(first);
    }

    @Test
    void publishesTheRenderedInputAndShapesTheRemoteOutput() {
        runs.answer = request -> completed(request, Map.of("text", "hi"));

        ComponentResult result = await(runner.execute(request(ECHO, Map.of("message", "hi")), new CancelSignal()));

        RunRequested sent = runs.requested.get(0);
        assertThat(sent.runId()).isEqualTo(RemoteRunExecutor.remoteRunId(Jobs.RUN_ID, Jobs.JOB_KEY, 1));
        assertThat(sent.workflowId()).isEqualTo("echo");
        assertThat(sent.input()).isEqualTo(Map.of("text", "hi"));
        assertThat(result.output()).isEqualTo(Map.of("text", "hi via queue"));
    }

    @Test
    void aFailedRemoteRunFailsTheJobWithItsError() {
        runs.answer = request -> CompletableFuture.completedFuture(RunSnapshot.pending(request.runId(), "echo", null, 1)
                .finished(RunStatus.FAILED, null, "job '__job__': exit code 2", 2));

        ComposeException failure = Jobs.failure(runner.execute(request(ECHO, Map.of()), new CancelSignal()));

        assertThat(failure.code()).isEqualTo(ErrorCode.COMPONENT_FAILED);
        assertThat(failure.getMessage()).contains("of workflow 'echo' failed: job '__job__': exit code 2");
    }

    @Test
    void cancellingTheJobCancelsTheRemoteRun() {
        CompletableFuture<RunSnapshot> pending = new CompletableFuture<>();
        runs.answer = request -> pending;
        CancelSignal cancel = new CancelSignal();
        var outcome = runner.execute(request(ECHO, Map.of()), cancel);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !runs.requested.isEmpty());

        cancel.cancel();
        String runId = RemoteRunExecutor.remoteRunId(Jobs.RUN_ID, Jobs.JOB_KEY, 1);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(runs.cancelled).containsExactly(runId));
        pending.complete(RunSnapshot.pending(runId, "echo", null, 1)
                .finished(RunStatus.CANCELLED, null, "cancelled", 2));
        assertThat(Jobs.failure(outcome).code()).isEqualTo(ErrorCode.CANCELLED);
    }

    @Test
    void aJobCancelledBeforeItStartsNeverAsksForTheRemoteRun() {
        runs.answer = request -> new CompletableFuture<>();
        CancelSignal cancel = new CancelSignal();
        cancel.cancel();

        assertThat(Jobs.failure(runner.execute(request(ECHO, Map.of()), cancel)).code())
                .isEqualTo(ErrorCode.CANCELLED);
        assertThat(runs.requested).isEmpty();
    }

    @Test
    void theWaitEndsWithTheJobsTimeoutAndCancelsTheRemoteRun() {
        runs.answer = request -> new CompletableFuture<>();

        ComposeException failure = Jobs.failure(runner.execute(request(ECHO, Map.of(), 200, null),
                new CancelSignal()));

        assertThat(failure.code()).isEqualTo(ErrorCode.TIMEOUT);
        String runId = RemoteRunExecutor.remoteRunId(Jobs.RUN_ID, Jobs.JOB_KEY, 1);
        assertThat(runs.cancelled).containsExactly(runId);
        assertThat(runs.forgotten).containsExactly(runId);
    }

    @Test
    void withoutRemoteRunsTheJobSaysWhereTheWorkflowRuns(Vertx vertx) {
        ComposeException failure = Jobs.failure(new ComponentRunner(vertx, 1)
                .execute(request(ECHO, Map.of()), new CancelSignal()));

        assertThat(failure.getMessage()).isEqualTo("workflow 'echo' runs on the set of queue 'my-queue' "
                + "(controller.queue): start this one with compose-cli up");
    }

    private static CompletionStage<RunSnapshot> completed(RunRequested request, Object output) {
        return CompletableFuture.completedFuture(RunSnapshot.pending(request.runId(), request.workflowId(), null, 1)
                .finished(RunStatus.COMPLETED, output, null, 2));
    }

    /** Records what the executor asks of the queue and answers with {@link #answer}. */
    private static final class FakeRuns implements RemoteRuns {
        final List<RunRequested> requested = new CopyOnWriteArrayList<>();
        final List<String> cancelled = new CopyOnWriteArrayList<>();
        final List<String> forgotten = new CopyOnWriteArrayList<>();
        volatile java.util.function.Function<RunRequested, CompletionStage<RunSnapshot>> answer;

        @Override
        public CompletionStage<RunSnapshot> run(QueueConfig queue, RunRequested request) {
            requested.add(request);
            return answer.apply(request);
        }

        @Override
        public void cancel(QueueConfig queue, String runId) {
            cancelled.add(runId);
        }

        @Override
        public void forget(QueueConfig queue, String runId) {
            forgotten.add(runId);
        }
    }
}
