package io.modelcompose.worker.component;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.TimeoutException;

/**
 * One request in flight. It ends exactly once: with the response, or failed by its deadline (the whole exchange,
 * not just idle time), by cancellation (the stream is reset) or by a transport error.
 */
final class HttpExchange {
    /**
     * A complete response.
     *
     * @param status HTTP status
     * @param headers response headers
     * @param body the whole body
     * @param elapsedMs time from sending the request to the last byte of the response
     */
    record Reply(int status, MultiMap headers, Buffer body, long elapsedMs) {
    }

    private final Vertx vertx;
    private final HttpCall call;
    private final Promise<Reply> outcome = Promise.promise();
    private HttpClientRequest request;
    private boolean aborted;

    HttpExchange(Vertx vertx, HttpCall call) {
        this.vertx = vertx;
        this.call = call;
    }

    Future<Reply> start(HttpClient client, long timeoutMs, CancelSignal cancel) {
        if (cancel.isCancelled()) {
            return Future.failedFuture(cancelled());
        }
        RequestOptions options = options(timeoutMs);
        long started = System.nanoTime();
        long deadline = vertx.setTimer(timeoutMs, id -> abort(new ComposeException(ErrorCode.TIMEOUT,
                call.describe() + " timed out after " + timeoutMs + "ms")));
        cancel.onCancel(() -> abort(cancelled()));
        client.request(options)
                .compose(sent -> {
                    attach(sent);
                    return call.body() == null ? sent.send() : sent.send(call.body());
                })
                .compose(response -> response.body().map(body -> new Reply(response.statusCode(), response.headers(),
                        body, (System.nanoTime() - started) / 1_000_000)))
                .onComplete(done -> {
                    vertx.cancelTimer(deadline);
                    if (done.succeeded()) {
                        outcome.tryComplete(done.result());
                    } else {
                        outcome.tryFail(transportFailure(done.cause(), timeoutMs));
                    }
                });
        return outcome.future();
    }

    private RequestOptions options(long timeoutMs) {
        RequestOptions options = new RequestOptions().setMethod(call.method()).setConnectTimeout(timeoutMs)
                .setIdleTimeout(timeoutMs);
        try {
            options.setAbsoluteURI(call.uri());
        } catch (RuntimeException e) {
            throw new ComposeException(ErrorCode.COMPONENT_FAILED, "invalid URL in " + call.describe() + ": "
                    + e.getMessage());
        }
        call.headers().forEach(options::putHeader);
        return options;
    }

    private ComposeException cancelled() {
        return new ComposeException(ErrorCode.CANCELLED, call.describe() + " cancelled");
    }

    private void attach(HttpClientRequest sent) {
        boolean resetNow;
        synchronized (this) {
            request = sent;
            resetNow = aborted;
        }
        if (resetNow) {
            sent.reset();
        }
    }

    private void abort(ComposeException reason) {
        HttpClientRequest toReset;
        synchronized (this) {
            aborted = true;
            toReset = request;
        }
        if (outcome.tryFail(reason) && toReset != null) {
            toReset.reset();
        }
    }

    private ComposeException transportFailure(Throwable cause, long timeoutMs) {
        if (cause instanceof ComposeException composed) {
            return composed;
        }
        if (cause instanceof TimeoutException || cause instanceof ConnectTimeoutException) {
            return new ComposeException(ErrorCode.TIMEOUT, call.describe() + " timed out after " + timeoutMs + "ms");
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new ComposeException(ErrorCode.COMPONENT_FAILED, call.describe() + " failed: " + message, cause);
    }
}
