package io.modelcompose.worker.component;

import static io.modelcompose.worker.component.Jobs.asMap;
import static io.modelcompose.worker.component.Jobs.await;
import static io.modelcompose.worker.component.Jobs.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.config.ShellAction;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many processes at once: they run in parallel on the bounded pool and never on an event loop. Asserted by order
 * (each process waits for a file the test writes last), never by wall time; the timing is in bench/shell-burst.
 */
@ExtendWith(VertxExtension.class)
class ShellConcurrencyTest {
    /** Each process says it started, then waits (bounded: 60 s at most) until the test writes {@code go}. */
    private static final String GATED = "touch started.${input.i}; n=0; "
            + "while [ ! -e go ] && [ $n -lt 1200 ]; do sleep 0.05; n=$((n+1)); done; echo job-${input.i}";

    @Test
    void fiftyProcessesRunAtOnceWhileTheEventLoopKeepsServing(Vertx vertx, @TempDir Path project) throws IOException {
        int count = 50;
        ShellAction action = ShellCommandTest.shell(GATED);
        List<String> events = new CopyOnWriteArrayList<>();
        List<Future<ComponentResult>> results = new ArrayList<>();
        try (ComponentRunner runner = new ComponentRunner(vertx, count)) {
            await(onEventLoop(vertx, () -> {
                for (int i = 0; i < count; i++) {
                    int job = i;
                    results.add(runner.execute(request(action, Map.of("i", i), 0, project), new CancelSignal())
                            .onComplete(done -> events.add("finished " + job)));
                }
                vertx.runOnContext(v -> events.add("loop turned"));
            }));

            Awaitility.await().atMost(Duration.ofSeconds(50)).until(() -> startedCount(project) == count);
            await(onEventLoop(vertx, () -> events.add("loop served while all ran")));
            assertThat(events).as("no process may finish before 'go'; the loop must run tasks meanwhile")
                    .containsExactly("loop turned", "loop served while all ran");

            Files.writeString(project.resolve("go"), "");
            await(Future.all(results));
        }

        for (int i = 0; i < count; i++) {
            assertThat(asMap(results.get(i).result().output())).containsEntry("stdout", "job-" + i);
        }
    }

    @Test
    void maxProcessesBoundsHowManyRunAtOnce(Vertx vertx, @TempDir Path project) {
        int limit = 3;
        ShellAction action = ShellCommandTest.shell(
                "touch running.${input.i}; ls running.* | wc -l; sleep 0.3; rm running.${input.i}");
        List<Future<ComponentResult>> results = new ArrayList<>();
        try (ComponentRunner runner = new ComponentRunner(vertx, limit)) {
            for (int i = 0; i < 3 * limit; i++) {
                results.add(runner.execute(request(action, Map.of("i", i), 0, project), new CancelSignal()));
            }
            await(Future.all(results));
        }

        List<Integer> seenAtOnce = results.stream()
                .map(r -> Integer.parseInt(((String) asMap(r.result().output()).get("stdout")).trim())).toList();
        assertThat(seenAtOnce).hasSize(3 * limit).allMatch(n -> n >= 1 && n <= limit);
    }

    private static long startedCount(Path project) throws IOException {
        try (Stream<Path> files = Files.list(project)) {
            return files.filter(f -> f.getFileName().toString().startsWith("started.")).count();
        }
    }

    private static Future<Void> onEventLoop(Vertx vertx, Runnable work) {
        Promise<Void> done = Promise.promise();
        vertx.runOnContext(v -> {
            work.run();
            done.complete();
        });
        return done.future();
    }
}
