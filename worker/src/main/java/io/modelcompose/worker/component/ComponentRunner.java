package io.modelcompose.worker.component;

import io.modelcompose.shared.config.ActionSpec;
import io.modelcompose.shared.config.HttpClientAction;
import io.modelcompose.shared.config.LoggerAction;
import io.modelcompose.shared.config.RemoteWorkflowAction;
import io.modelcompose.shared.config.ShellAction;
import io.modelcompose.shared.config.WorkflowAction;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.SecretRedaction;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.expr.Scope;
import io.modelcompose.shared.expr.Templates;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;

/** Picks the executor for an action, runs it and applies the component's {@code output} template. */
public final class ComponentRunner implements AutoCloseable {
    private final Vertx vertx;
    private final HttpClientExecutor http;
    private final ShellExecutor shell;
    private final LoggerExecutor logger;
    private final ComponentExecutor remote;

    /** A runner without remote runs: a workflow of another set ({@code controller.queue}) fails its job. */
    public ComponentRunner(Vertx vertx, int maxProcesses) {
        this(vertx, maxProcesses, null);
    }

    /** A runner whose {@code controller.queue} runs go through {@code remoteRuns} (null: none). */
    public ComponentRunner(Vertx vertx, int maxProcesses, RemoteRuns remoteRuns) {
        this.vertx = vertx;
        this.http = new HttpClientExecutor(vertx);
        this.shell = new ShellExecutor(vertx, maxProcesses);
        this.logger = new LoggerExecutor();
        this.remote = remoteRuns == null ? null : new RemoteRunExecutor(vertx, remoteRuns);
    }

    /**
     * Runs one attempt. Never throws: every problem (a bad template, an unreachable host, a failed command) fails the
     * returned future with a {@link ComposeException}. Called off any Vert.x context (a test's thread), the attempt
     * starts on one: Vert.x delivers a response's body on its connection's context, and a handler attached from
     * another thread after a pooled connection already answered would miss it (the call then hung until its timeout).
     */
    public Future<ComponentResult> execute(ExecutionRequest request, CancelSignal cancel) {
        if (Vertx.currentContext() == null) {
            Promise<ComponentResult> started = Promise.promise();
            vertx.getOrCreateContext().runOnContext(v -> executeHere(request, cancel).onComplete(started));
            return started.future();
        }
        return executeHere(request, cancel);
    }

    private Future<ComponentResult> executeHere(ExecutionRequest request, CancelSignal cancel) {
        if (cancel.isCancelled()) {
            return Future.failedFuture(new ComposeException(ErrorCode.CANCELLED, "job '" + request.jobKey()
                    + "' was cancelled before it started"));
        }
        Future<ComponentResult> raw;
        try {
            raw = executorFor(request.action()).execute(request, cancel);
        } catch (RuntimeException e) {
            return Future.failedFuture(redacted(e, request));
        }
        Object template = request.action().output();
        Future<ComponentResult> shaped = template == null ? raw : raw.map(result -> new ComponentResult(
                Templates.render(template, outputScope(request, result)), result.sources()));
        return shaped.recover(e -> Future.failedFuture(redacted(e, request)));
    }

    /** Failures leave as one ComposeException, with known secret values of the environment masked. */
    private static ComposeException redacted(Throwable failure, ExecutionRequest request) {
        return SecretRedaction.redact(ComposeException.wrap(failure), request.env());
    }

    private ComponentExecutor executorFor(ActionSpec action) {
        if (action instanceof HttpClientAction) {
            return http;
        } else if (action instanceof ShellAction) {
            return shell;
        } else if (action instanceof LoggerAction) {
            return logger;
        } else if (action instanceof RemoteWorkflowAction call) {
            if (remote == null) {
                throw new ComposeException(ErrorCode.UNAVAILABLE, "workflow '" + call.workflow() + "' runs on the "
                        + "set of queue '" + call.queue().name() + "' (controller.queue): start this one with "
                        + "compose-cli up");
            }
            return remote;
        } else if (action instanceof WorkflowAction) {
            throw new ComposeException(ErrorCode.INTERNAL, "workflow actions are run by the scheduler, not a worker");
        }
        throw new ComposeException(ErrorCode.INTERNAL, "no executor for " + action.getClass().getSimpleName());
    }

    private static Scope outputScope(ExecutionRequest request, ComponentResult result) {
        Map<String, Object> sources = new HashMap<>(result.sources());
        sources.put("input", request.input());
        sources.put("context", request.context());
        sources.put("env", request.env());
        sources.put("result", result.output());
        sources.putIfAbsent("output", result.output());
        return Scope.of(sources);
    }

    @Override
    public void close() {
        shell.close();
        http.close();
    }
}
