package io.modelcompose.cli;

import io.modelcompose.cli.runtime.ExitCodes;
import io.modelcompose.cli.up.ProjectState;
import io.modelcompose.gateway.GatewayOptions;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code compose-cli bench}: N synchronous runs at concurrency C against a running {@code up} (closed loop: each of
 * the C callers sends its next run when the previous one answered); prints runs/s and latency percentiles.
 */
@Command(name = "bench",
        description = "Benchmark a running 'up': N runs at concurrency C, runs/s and p50/p95/p99.",
        footerHeading = "%nExamples:%n",
        footer = {"  compose-cli bench -n 2000 -c 16",
            "  compose-cli bench -w echo -i '{\"text\": \"hi\"}'"})
final class BenchCommand extends ProjectCommand {
    @Option(names = {"-n", "--runs"}, description = "Number of runs (default ${DEFAULT-VALUE})")
    int runs = 1000;

    @Option(names = {"-c", "--concurrency"}, description = "Runs in flight (default ${DEFAULT-VALUE})")
    int concurrency = 16;

    @Option(names = {"-w", "--workflow"}, description = "Workflow id (default: the default workflow)")
    String workflow;

    @Option(names = {"-i", "--input"}, description = "Run input as JSON (default ${DEFAULT-VALUE})")
    String input = "{}";

    @Option(names = "--url", description = "Base URL of the API (default: the running up's port and base_path)")
    String url;

    @Option(names = "--warmup", description = "Runs sent first and not measured (default ${DEFAULT-VALUE})")
    int warmup = 200;

    @Option(names = "--duration", description = "Stop sending after this many seconds of the measured load, -n "
            + "being the most it sends (default: no limit)")
    double durationSeconds;

    @Override
    public Integer call() throws Exception {
        if (runs <= 0 || concurrency <= 0) {
            throw new ComposeException(ErrorCode.BAD_REQUEST, "--runs and --concurrency must be positive");
        }
        if (durationSeconds < 0) {
            throw new ComposeException(ErrorCode.BAD_REQUEST, "--duration must not be negative");
        }
        String base = url != null ? url : discoverUrl();
        JsonObject body = new JsonObject().put("input", new JsonObject(input)).put("output_only", false);
        if (workflow != null) {
            body.put("workflow_id", workflow);
        }
        Vertx vertx = Vertx.vertx();
        WebClient client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(concurrency));
        try {
            if (warmup > 0) {
                load(client, base, body, warmup, Math.min(concurrency, warmup), Long.MAX_VALUE).toCompletionStage()
                        .toCompletableFuture().get(10, TimeUnit.MINUTES);
            }
            long start = System.nanoTime();
            long stopAt = durationSeconds > 0 ? start + (long) (durationSeconds * 1e9) : Long.MAX_VALUE;
            Result result = load(client, base, body, runs, concurrency, stopAt).toCompletionStage()
                    .toCompletableFuture().get(30, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            print(result, seconds);
            return result.failed.get() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
        } finally {
            vertx.close();
        }
    }

    private String discoverUrl() {
        ConfigOptions all = allOptions();
        ProjectState state = new ProjectState(all.projectDir());
        int port = state.port().orElseThrow(() -> new ComposeException(ErrorCode.BAD_REQUEST,
                "nothing is running in " + all.projectDir() + "; start 'compose-cli up -d' or pass --url"));
        return "http://127.0.0.1:" + port + all.load().controller().basePath();
    }

    /** Latencies of the runs sent ({@link #sent()} of them, in send order) and how many did not complete. */
    private record Result(long[] latenciesNanos, AtomicInteger next, AtomicInteger failed) {
        int sent() {
            return Math.min(next.get(), latenciesNanos.length);
        }
    }

    private Future<Result> load(WebClient client, String base, JsonObject body, int count, int callers,
            long stopAtNanos) {
        Result result = new Result(new long[count], new AtomicInteger(), new AtomicInteger());
        Promise<Result> done = Promise.promise();
        AtomicInteger finishedCallers = new AtomicInteger();
        Buffer payload = body.toBuffer();
        for (int c = 0; c < callers; c++) {
            sendNext(client, base + "/workflows/runs", payload, result, stopAtNanos, () -> {
                if (finishedCallers.incrementAndGet() == callers) {
                    done.complete(result);
                }
            });
        }
        return done.future();
    }

    private void sendNext(WebClient client, String target, Buffer payload, Result result, long stopAtNanos,
            Runnable callerDone) {
        if (System.nanoTime() - stopAtNanos > 0 && stopAtNanos != Long.MAX_VALUE) {
            callerDone.run();
            return;
        }
        int index = result.next().getAndIncrement();
        if (index >= result.latenciesNanos().length) {
            callerDone.run();
            return;
        }
        long sent = System.nanoTime();
        HttpRequest<Buffer> request = client.postAbs(target).putHeader("Content-Type", "application/json");
        String token = System.getenv(GatewayOptions.API_TOKEN_ENV);
        if (token != null && !token.isBlank()) {
            request.bearerTokenAuthentication(token.strip());
        }
        request.sendBuffer(payload).onComplete(ar -> {
            result.latenciesNanos[index] = System.nanoTime() - sent;
            if (ar.failed() || ar.result().statusCode() != 200
                    || !"completed".equals(ar.result().bodyAsJsonObject().getString("status"))) {
                result.failed.incrementAndGet();
            }
            sendNext(client, target, payload, result, stopAtNanos, callerDone);
        });
    }

    private void print(Result result, double seconds) {
        int sent = result.sent();
        long[] sorted = Arrays.copyOf(result.latenciesNanos, Math.max(1, sent));
        Arrays.sort(sorted);
        var out = out();
        out.printf("runs %d, concurrency %d, failed %d%n", sent, concurrency, result.failed.get());
        out.printf("throughput %.1f runs/s over %.2f s%n", sent / seconds, seconds);
        out.printf("latency ms: p50 %.2f  p95 %.2f  p99 %.2f  max %.2f%n", pct(sorted, 50), pct(sorted, 95),
                pct(sorted, 99), sorted[sorted.length - 1] / 1e6);
        out.flush();
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
