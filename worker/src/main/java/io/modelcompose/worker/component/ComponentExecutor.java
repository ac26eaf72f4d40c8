package io.modelcompose.worker.component;

import io.vertx.core.Future;

/** Executes one kind of action. Implementations never block the calling (event-loop) thread. */
public interface ComponentExecutor {

    /**
     * Runs the action; the returned result's {@code output} is the raw result, before the component's {@code output}
     * template, which {@link ComponentRunner} applies.
     */
    Future<ComponentResult> execute(ExecutionRequest request, CancelSignal cancel);
}
