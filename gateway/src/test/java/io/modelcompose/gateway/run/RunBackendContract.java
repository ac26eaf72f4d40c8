package io.modelcompose.gateway.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.event.RunIds;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.RunStatus;
import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the gateway relies on from a {@link RunBackend}, run against each implementation: the in-memory twin the
 * gateway's tests use and the Kafka backend on a real broker. The scheduler's side is played by the subclass
 * ({@link #schedulerFinishes}): what a run's scheduler would report, written where that backend reads it.
 */
public abstract class RunBackendContract {
    private static final long WAIT_SECONDS = 30;

    /** The backend under test, started. */
    protected abstract RunBackend backend();

    /** The scheduler reports the run finished (as it does after its last job). */
    protected abstract void schedulerFinishes(RunSnapshot finished);

    /** A workflow whose runs wait until {@link #schedulerFinishes} (nothing else finishes them). */
    protected String waitingWorkflow() {
        return "wait";
    }

    @Test
    void aNewRunAnswersPendingWithItsIdWorkflowAndMetadata() {
        String id = RunIds.newId(System.currentTimeMillis());

        RunSnapshot pending = await(backend().submit(new RunSubmission(id, waitingWorkflow(), Map.of("a", 1),
                Map.of("who", "contract"))));

        assertThat(pending.runId()).isEqualTo(id);
        assertThat(pending.workflowId()).isEqualTo(waitingWorkflow());
        assertThat(pending.status()).isEqualTo(RunStatus.PENDING);
        assertThat(pending.metadata()).isEqualTo(Map.of("who", "contract"));
        assertThat(await(backend().get(id)).status()).isEqualTo(RunStatus.PENDING);
    }

    @Test
    void aRepeatedIdAnswersTheKnownRunAndItsLaterState() {
        String id = RunIds.newId(System.currentTimeMillis());
        RunSnapshot first = await(backend().submit(new RunSubmission(id, waitingWorkflow(), Map.of(), null)));

        RunSnapshot again = await(backend().submit(new RunSubmission(id, waitingWorkflow(), Map.of(), null)));
        assertThat(again.createdAtMillis()).isEqualTo(first.createdAtMillis());

        Future<RunSnapshot> waiting = backend().awaitTerminal(id);
        schedulerFinishes(first.finished(RunStatus.COMPLETED, Map.of("n", 1), null, System.currentTimeMillis()));
        await(waiting);
        RunSnapshot afterwards = await(backend().submit(new RunSubmission(id, waitingWorkflow(), Map.of(), null)));
        assertThat(afterwards.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(afterwards.output()).isEqualTo(Map.of("n", 1));
    }

    @Test
    void aFinishedRunIsAwaitedReadAndCannotBeCancelled() {
        String id = RunIds.newId(System.currentTimeMillis());
        RunSnapshot pending = await(backend().submit(new RunSubmission(id, waitingWorkflow(), Map.of(), null)));
        Future<RunSnapshot> waiting = backend().awaitTerminal(id);
        assertThat(waiting.isComplete()).isFalse();

        schedulerFinishes(pending.finished(RunStatus.FAILED, null, "job 'x' failed", System.currentTimeMillis()));

        RunSnapshot done = await(waiting);
        assertThat(done.status()).isEqualTo(RunStatus.FAILED);
        assertThat(done.error()).isEqualTo("job 'x' failed");
        assertThat(await(backend().get(id)).status()).isEqualTo(RunStatus.FAILED);
        assertThat(await(backend().awaitTerminal(id)).status()).as("at once when over").isEqualTo(RunStatus.FAILED);
        assertThat(failure(backend().cancel(id))).isEqualTo(ErrorCode.CONFLICT);
    }

    @Test
    void anUnknownRunIsNotFound() {
        String unknown = RunIds.newId(System.currentTimeMillis());

        assertThat(failure(backend().get(unknown))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(failure(backend().cancel(unknown))).isEqualTo(ErrorCode.NOT_FOUND);
    }

    protected static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("expected success but failed: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new AssertionError("no answer within " + WAIT_SECONDS + " s", e);
        }
    }

    private static ErrorCode failure(Future<?> future) {
        try {
            future.toCompletionStage().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(ComposeException.class);
            return ((ComposeException) e.getCause()).code();
        } catch (Exception e) {
            throw new AssertionError("no answer within " + WAIT_SECONDS + " s", e);
        }
        throw new AssertionError("expected a failure but it succeeded");
    }
}
