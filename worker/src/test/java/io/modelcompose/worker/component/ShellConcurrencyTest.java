package io.modelcompose.worker.component;

import static io.modelcompose.worker.component.Jobs.asMap;
import static io.modelcompose.worker.component.Jobs.await;
import static io.modelcompose.worker.component.Jobs.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.config.ShellAction;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many processes at once: they run in parallel on the bounded pool and never block an event loop. */
class ShellConcurrencyTest {
    private static final long MAX_EVENT_LOOP_MILLIS = 1_000;
    private BlockedThreadWatch watch;

    @BeforeEach
    void startVertx() {
        watch = new BlockedThreadWatch(MAX_EVENT_LOOP_MILLIS);
    }

    @AfterEach
    void closeVertx() {
        watch.close();
    }

    @Test
    void watchReportsABlockedEventLoop() {
        Vertx vertx = watch.vertx();
        vertx.runOnContext(v -> spin(Duration.ofMillis(MAX_EVENT_LOOP_MILLIS + 400)));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !watch.warnings().isEmpty());
        assertThat(watch.warnings().get(0)).contains("has been blocked");
    }

    @Test
    void fiftyProcessesRunInParallelWithoutBlockingTheEventLoop() {
        int count = 50;
        ShellAction action = ShellCommandTest.shell("sleep 0.5; echo job-${input.i}");
        AtomicLong submitNanos = new AtomicLong();
        List<Future<ComponentResult>> results = new ArrayList<>();
        long started = System.nanoTime();
        try (ComponentRunner runner = new ComponentRunner(watch.vertx(), count)) {
            await(onEventLoop(() -> {
                long t0 = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    results.add(runner.execute(request(action, Map.of("i", i)), new CancelSignal()));
                }
                submitNanos.set(System.nanoTime() - t0);
            }));
            await(Future.all(results));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        for (int i = 0; i < count; i++) {
            assertThat(asMap(results.get(i).result().output())).containsEntry("stdout", "job-" + i);
        }
        assertThat(Duration.ofNanos(submitNanos.get())).as("time the event loop spent submitting")
                .isLessThan(Duration.ofMillis(MAX_EVENT_LOOP_MILLIS));
        assertThat(elapsed).as("50 x 0.5 s in sequence would take 25 s").isLessThan(Duration.ofSeconds(15));
        assertThat(watch.warnings()).isEmpty();
    }

    @Test
    void maxProcessesBoundsHowManyRunAtOnce(@TempDir Path project) {
        int limit = 3;
        ShellAction action = ShellCommandTest.shell(
                "touch running.${input.i}; ls running.* | wc -l; sleep 0.3; rm running.${input.i}");
        List<Future<ComponentResult>> results = new ArrayList<>();
        try (ComponentRunner runner = new ComponentRunner(watch.vertx(), limit)) {
            for (int i = 0; i < 3 * limit; i++) {
                results.add(runner.execute(request(action, Map.of("i", i), 0, project), new CancelSignal()));
            }
            await(Future.all(results));
        }

        List<Integer> seenAtOnce = results.stream()
                .map(r -> Integer.parseInt(((String) asMap(r.result().output()).get("stdout")).trim())).toList();
        assertThat(seenAtOnce).hasSize(3 * limit).allMatch(n -> n >= 1 && n <= limit);
    }

    private Future<Void> onEventLoop(Runnable work) {
        Promise<Void> done = Promise.promise();
        watch.vertx().runOnContext(v -> {
            work.run();
            done.complete();
        });
        return done.future();
    }

    /** Busy-waits on the calling thread (used only to prove the watch can see a blocked loop). */
    private static void spin(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        long spins = 0;
        while (System.nanoTime() < end) {
            spins++;
        }
        assertThat(spins).isPositive();
    }
}
