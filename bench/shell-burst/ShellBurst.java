import io.modelcompose.shared.config.ShellAction;
import io.modelcompose.worker.component.CancelSignal;
import io.modelcompose.worker.component.ComponentResult;
import io.modelcompose.worker.component.ComponentRunner;
import io.modelcompose.worker.component.ExecutionRequest;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The timing that ShellConcurrencyTest used to assert: how long the event loop spends submitting N shell jobs
 * (target: well under the 2 s blocked-thread warning) and how long N x 0.5 s jobs take on the bounded pool
 * (target: near 0.5 s, far from N x 0.5 s in sequence). Usage: bench/shell-burst/run.sh [N]
 */
public class ShellBurst {
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Vertx vertx = Vertx.vertx();
        ShellAction action = new ShellAction("__action__", false, null, "sleep 0.5; echo job-${input.i}", null, null,
                null, true);
        try (ComponentRunner runner = new ComponentRunner(vertx, count)) {
            List<Future<ComponentResult>> results = new ArrayList<>();
            long[] submitNanos = new long[1];
            long started = System.nanoTime();
            Promise<Void> submitted = Promise.promise();
            vertx.runOnContext(v -> {
                long t0 = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    results.add(runner.execute(new ExecutionRequest("bench", "job-" + i, 1, action,
                            Map.of("i", i), Map.of("run_id", "bench"), Map.of(), 0, Path.of(".")), new CancelSignal()));
                }
                submitNanos[0] = System.nanoTime() - t0;
                submitted.complete();
            });
            submitted.future().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            Future.all(results).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
            System.out.printf("%d jobs of 0.5 s: submitted in %.1f ms on the event loop, all done in %.2f s%n",
                    count, submitNanos[0] / 1e6, (System.nanoTime() - started) / 1e9);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
