package io.modelcompose.gateway.http;

import io.modelcompose.gateway.run.IdempotencyClaim;
import io.modelcompose.gateway.run.RunSubmission;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.WorkflowConfig;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.event.RunIds;
import io.modelcompose.shared.event.RunSnapshot;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;

/** {@code POST /workflows/runs}: starts a run and answers at once (async) or once it has finished (sync). */
final class RunRoutes {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

    private final ComposeConfig config;
    private final BackendCalls backend;
    private final ApiLimits options;
    private final ShutdownFlag shutdown;
    private final RunStreams streams;

    RunRoutes(ComposeConfig config, BackendCalls backend, ApiLimits options, ShutdownFlag shutdown,
            RunStreams streams) {
        this.config = config;
        this.backend = backend;
        this.options = options;
        this.shutdown = shutdown;
        this.streams = streams;
    }

    void mount(Router router, String basePath) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(options.bodyLimitBytes());
        router.post(basePath + "/workflows/runs").handler(body).handler(this::startRun);
    }

    private void startRun(RoutingContext rc) {
        if (shutdown.isShuttingDown()) {
            rc.fail(new ComposeException(ErrorCode.UNAVAILABLE, "The controller is shutting down; no new runs."));
            return;
        }
        RunRequest request = requestOf(rc);
        WorkflowConfig workflow = config.publicWorkflow(request.workflowId());
        String key = rc.request().getHeader(IDEMPOTENCY_KEY);
        String runId = runId(key, workflow.id());
        IdempotencyClaim claim = key == null || key.isBlank() ? null
                : IdempotencyClaim.of(key, workflow.id(), request.input());
        Future<RunSnapshot> accepted = backend.submit(
                new RunSubmission(runId, workflow.id(), request.input(), request.metadata(), claim));
        if (!request.waitForCompletion()) {
            accepted.onSuccess(run -> Replies.json(rc, 202, GatewayJson.snapshot(run))).onFailure(rc::fail);
            return;
        }
        if (request.outputOnly() && streams.streams(workflow.id())) {
            accepted.onSuccess(run -> streams.serve(rc, run)).onFailure(rc::fail);
            return;
        }
        accepted.compose(run -> outcome(rc.vertx(), run))
                .onSuccess(run -> answer(rc, request, run))
                .onFailure(rc::fail);
    }

    /**
     * A JSON body; or, for senders that can only push text (a Prometheus Pushgateway client), a {@code text/plain}
     * body with {@code ?workflow_id=ID}: the text is the run input and the answer waits for the run.
     */
    private static RunRequest requestOf(RoutingContext rc) {
        String contentType = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
        String workflowId = rc.queryParams().get("workflow_id");
        if (workflowId != null && ContentTypes.isPlainText(contentType)) {
            return RunRequest.ofText(workflowId, rc.body().asString());
        }
        ContentTypes.requireJson(contentType);
        return RunRequest.parse(rc.body().buffer());
    }

    private static String runId(String idempotencyKey, String workflowId) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return RunIds.newId(System.currentTimeMillis());
        }
        if (idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
            throw new ComposeException(ErrorCode.BAD_REQUEST,
                    IDEMPOTENCY_KEY + " must be at most " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters.");
        }
        return RunIds.fromIdempotencyKey(workflowId, idempotencyKey);
    }

    /** The finished run, or its current state once the sync wait timeout (if any) has passed. */
    private Future<RunSnapshot> outcome(Vertx vertx, RunSnapshot accepted) {
        if (accepted.status().endsWait()) {
            return Future.succeededFuture(accepted);
        }
        Future<RunSnapshot> finished = backend.awaitSettled(accepted.runId());
        Duration limit = options.syncWaitTimeout();
        if (limit == null) {
            return finished;
        }
        Promise<RunSnapshot> outcome = Promise.promise();
        long timer = vertx.setTimer(limit.toMillis(),
                fired -> backend.get(accepted.runId()).onComplete(current -> settle(outcome, current)));
        finished.onComplete(done -> {
            vertx.cancelTimer(timer);
            settle(outcome, done);
        });
        return outcome.future();
    }

    private static <T> void settle(Promise<T> promise, AsyncResult<T> result) {
        if (result.succeeded()) {
            promise.tryComplete(result.result());
        } else {
            promise.tryFail(result.cause());
        }
    }

    private static void answer(RoutingContext rc, RunRequest request, RunSnapshot run) {
        if (request.outputOnly()) {
            Replies.outputOnly(rc, run);
        } else {
            Replies.state(rc, run);
        }
    }
}
