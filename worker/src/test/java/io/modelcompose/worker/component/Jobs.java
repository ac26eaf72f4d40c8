package io.modelcompose.worker.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.config.ActionSpec;
import io.modelcompose.shared.error.ComposeException;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Builds execution requests the way a worker does and waits for their results. */
final class Jobs {
    static final String RUN_ID = "run-42";
    static final String JOB_KEY = "call-api";
    static final long WAIT_SECONDS = 20;

    private Jobs() {
    }

    static ExecutionRequest request(ActionSpec action, Object input) {
        return request(action, input, 1, 0, null);
    }

    static ExecutionRequest request(ActionSpec action, Object input, long timeoutMillis, Path projectDir) {
        return request(action, input, 1, timeoutMillis, projectDir);
    }

    static ExecutionRequest request(ActionSpec action, Object input, int attempt, long timeoutMillis,
            Path projectDir) {
        Map<String, Object> context = Map.of("run_id", RUN_ID, "workflow_id", "wf", "job_id", JOB_KEY,
                "attempt", attempt);
        return new ExecutionRequest(RUN_ID, JOB_KEY, attempt, action, input, context,
                Map.of("TOKEN", "secret-token"), timeoutMillis, projectDir);
    }

    /** Reads a JSON-like object value. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    /** Waits for a successful result; fails the test with the cause otherwise. */
    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("expected success but failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (TimeoutException e) {
            throw new AssertionError("no result within " + WAIT_SECONDS + "s", e);
        }
    }

    /** Waits for a failure and returns it as the product's single exception type. */
    static ComposeException failure(Future<?> future) {
        try {
            Object value = future.toCompletionStage().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure but got " + value);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(ComposeException.class);
            return (ComposeException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (TimeoutException e) {
            throw new AssertionError("no result within " + WAIT_SECONDS + "s", e);
        }
    }
}
